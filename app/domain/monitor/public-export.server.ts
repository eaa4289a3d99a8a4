import type { CellValue } from "../insights/csv";
import { type ThemeId, themeLabels } from "../insights/themes";
import { type ExportFile, type ExportFormat, toCsv, toXlsx } from "./exports.server";
import type { OverviewRow } from "./public-read.server";
import { kindLabels, prioriteitLabels, prioriteitWords, stoplichtLabel, stoplichtWords } from "./vocabulary";

// The public overview of the monitor as a file (CSV, XLSX or open JSON), for residents and staff alike.

const PUBLIC_COLUMNS = [
  "Sleutel",
  "Nummer",
  "Soort",
  "Thema",
  "Subthema",
  "Titel",
  "Trekker",
  "Andere partijen",
  "Prioriteit",
  "Stoplicht",
  "Toelichting",
] as const;

function publicRow(r: OverviewRow, names: Record<string, string>): CellValue[] {
  return [
    r.key,
    r.number,
    kindLabels[r.kind],
    `${r.theme}. ${themeLabels[r.theme as ThemeId] ?? ""}`,
    r.subThemeLabel ?? "",
    r.title,
    r.trekkers.map((t) => names[t] ?? t).join(", "),
    r.parties.map((t) => names[t] ?? t).join(", "),
    r.prioriteit ? prioriteitLabels[r.prioriteit] : (r.prioriteitAsWritten ?? ""),
    stoplichtLabel(r.stoplicht),
    r.explanation ?? "",
  ];
}

/** The public overview as a file: the whole filter, no paging. */
export async function publicExport(
  format: ExportFormat,
  data: {
    filter: { year: number; tertiaal: number };
    rows: OverviewRow[];
    organisationNames: Record<string, string>;
  },
): Promise<ExportFile> {
  const base = `prestatieafspraken-${data.filter.year}-t${data.filter.tertiaal}`;
  if (format === "json")
    return {
      filename: `${base}.json`,
      contentType: "application/json; charset=utf-8",
      body: JSON.stringify(
        {
          periode: { jaar: data.filter.year, tertiaal: data.filter.tertiaal },
          afspraken: data.rows.map((r) => ({
            sleutel: r.key,
            nummer: r.number,
            soort: r.kind,
            thema: r.theme,
            subthema: r.subThemeLabel,
            titel: r.title,
            trekkers: r.trekkers.map((t) => data.organisationNames[t] ?? t),
            partijen: r.parties.map((t) => data.organisationNames[t] ?? t),
            // The open-data file keeps its Dutch words (as before the codes became English).
            prioriteit: r.prioriteit ? prioriteitWords[r.prioriteit] : r.prioriteitAsWritten,
            stoplicht: stoplichtWords[r.stoplicht],
            stoplichtLabel: stoplichtLabel(r.stoplicht),
            toelichting: r.explanation,
          })),
        },
        null,
        2,
      ),
    };
  const rows = data.rows.map((r) => publicRow(r, data.organisationNames));
  if (format === "csv")
    return {
      filename: `${base}.csv`,
      contentType: "text/csv; charset=utf-8",
      body: toCsv(PUBLIC_COLUMNS, rows),
    };
  return {
    filename: `${base}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: await toXlsx("Prestatieafspraken", PUBLIC_COLUMNS, rows),
  };
}
