// The bureau template (XLSX with its codebook, or CSV plus a codebook CSV) and reading a filled-in file.
// Every text cell we write passes the formula rule of the exports (docs/policy.md: exports).
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { csvRows } from "../../lib/csv";
import { CSV_BOM, csvRow, spreadsheetCell } from "../insights/csv";
import type { SurveyDefinition } from "./definition";
import { CODE_COLUMN, type TemplateColumn, templateColumns } from "./paper";

export const templateFormats = ["xlsx", "csv", "codeboek"] as const;
export type TemplateFormat = (typeof templateFormats)[number];

const CODE_DESCRIPTION = "De code die op de papieren vragenlijst staat, bijvoorbeeld ABCD-EFGH-JKMN";

/** Codebook rows: one per column and value (a column without fixed values gets one row). */
export function codebookRows(columns: readonly TemplateColumn[]): (string | null)[][] {
  const rows: (string | null)[][] = [[CODE_COLUMN, "", CODE_DESCRIPTION, null, null]];
  for (const c of columns) {
    const values = Object.entries(c.values);
    if (values.length === 0) rows.push([c.key, c.question, c.description, null, null]);
    else for (const [v, label] of values) rows.push([c.key, c.question, c.description, v, label]);
  }
  return rows;
}

export function templateHeader(def: Pick<SurveyDefinition, "pages">): string[] {
  return [CODE_COLUMN, ...templateColumns(def).map((c) => c.key)];
}

export async function templateFile(
  def: Pick<SurveyDefinition, "pages">,
  format: TemplateFormat,
): Promise<{ body: Uint8Array<ArrayBuffer>; contentType: string; extension: string }> {
  const columns = templateColumns(def);
  const header = [CODE_COLUMN, ...columns.map((c) => c.key)];
  const codebookHeader = ["kolom", "vraag", "omschrijving", "waarde", "betekenis"];
  if (format === "csv")
    return {
      body: new TextEncoder().encode(CSV_BOM + csvRow(header)),
      contentType: "text/csv; charset=utf-8",
      extension: "csv",
    };
  if (format === "codeboek")
    return {
      body: new TextEncoder().encode(
        CSV_BOM + [codebookHeader, ...codebookRows(columns)].map((r) => csvRow(r)).join(""),
      ),
      contentType: "text/csv; charset=utf-8",
      extension: "csv",
    };
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Antwoorden");
  sheet.addRow(header.map((h) => spreadsheetCell(h)));
  // Codes and answers are text: Excel must not turn 0001 into 1 or a code into a date.
  header.forEach((_, i) => {
    sheet.getColumn(i + 1).numFmt = "@";
  });
  const codebook = workbook.addWorksheet("Codeboek");
  codebook.addRow(codebookHeader);
  for (const r of codebookRows(columns)) codebook.addRow(r.map((v) => spreadsheetCell(v)));
  const buffer = await workbook.xlsx.writeBuffer();
  return {
    body: new Uint8Array(buffer as ArrayBuffer),
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extension: "xlsx",
  };
}

/** A cell of a streamed worksheet as the text a person sees. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "1" : "0";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((p) => p.text).join("");
    if ("result" in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
  }
  return "";
}

/** A non-empty row of a bureau file with its line number in the file (the header is line 1). */
export interface BureauLine {
  cells: string[];
  line: number;
}

/** The file turned out to be unreadable while its rows were being read (a broken XLSX). */
export class UnreadableBureauFile extends Error {
  constructor(cause: unknown) {
    super("bureau file cannot be read", { cause });
  }
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === "");

/** The non-empty rows of the first sheet of an XLSX, one at a time (the workbook is never held whole). */
async function* xlsxLines(buffer: Buffer): AsyncGenerator<BureauLine> {
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
      sharedStrings: "cache",
      hyperlinks: "ignore",
      styles: "ignore",
      worksheets: "emit",
      entries: "emit",
    });
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
        // The header is always given (an empty one fails the column check); other empty rows are skipped.
        if (row.number === 1 || !isBlank(cells)) yield { cells, line: row.number };
      }
      break;
    }
  } catch (error) {
    throw new UnreadableBureauFile(error);
  }
}

/**
 * The rows of the first sheet of an XLSX or of a CSV (semicolon or comma), one at a time, header first.
 * Null when the file is clearly not one of them; a broken XLSX throws UnreadableBureauFile while it is
 * read.
 */
export async function openBureauFile(file: {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}): Promise<AsyncIterable<BureauLine> | Iterable<BureauLine> | null> {
  const buffer = Buffer.from(await file.arrayBuffer());
  const isZip = buffer.length > 4 && buffer[0] === 0x50 && buffer[1] === 0x4b;
  if (/\.xlsx$/i.test(file.name) || isZip) return isZip ? xlsxLines(buffer) : null;
  // A binary file that is not a spreadsheet: refuse instead of reading noise.
  if (buffer.includes(0)) return null;
  return csvRows(buffer);
}
