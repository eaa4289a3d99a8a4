import { z } from "zod";
import { parseCsv } from "../../lib/csv";
import { type Status, statusFromWord, statusWords } from "./statuses";

// Bulk import of initiatives from a CSV file at /beheer/kaart/import. Columns are documented in
// docs/map.md. Rows are checked all together: staff see every error per row, and nothing is
// written unless the whole file is valid.

export const CSV_COLUMNS = [
  "titel",
  "samenvatting",
  "thema",
  "status",
  "breedtegraad",
  "lengtegraad",
  "wijk",
  "uitgelicht",
  "email",
] as const;
export const REQUIRED_COLUMNS = ["titel", "samenvatting", "thema", "status"] as const;

/** A decimal in Dutch (52,35) or international (52.35) notation. */
const decimal = (message: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === "") return null;
      const n = Number(v.replace(",", "."));
      if (!/^-?\d+([.,]\d+)?$/.test(v) || n < min || n > max) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message });
        return z.NEVER;
      }
      return n;
    });

export interface ImportOptions {
  themes: readonly string[];
  statuses: readonly string[];
  wijkCodes: readonly string[];
}

export function rowSchema(options: ImportOptions) {
  return z.object({
    titel: z.string().trim().min(1, "De titel ontbreekt.").max(120, "De titel is langer dan 120 tekens."),
    samenvatting: z
      .string()
      .trim()
      .min(1, "De samenvatting ontbreekt.")
      .max(2000, "De samenvatting is langer dan 2000 tekens."),
    thema: z
      .string()
      .trim()
      .refine((v) => options.themes.includes(v), `Onbekend thema. Kies uit: ${options.themes.join(", ")}.`),
    // Staff write the Dutch word (in_uitvoering); the row carries the stored code (in_execution).
    status: z
      .string()
      .trim()
      .transform((v, ctx) => {
        const status = statusFromWord(v);
        if (status && options.statuses.includes(status)) return status;
        const words = options.statuses.map((s) => statusWords[s as Status] ?? s);
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `Onbekende status. Kies uit: ${words.join(", ")}.`,
        });
        return z.NEVER;
      }),
    breedtegraad: decimal("De breedtegraad moet een getal tussen 50 en 54 zijn, bijvoorbeeld 52,35.", 50, 54),
    lengtegraad: decimal("De lengtegraad moet een getal tussen 3 en 8 zijn, bijvoorbeeld 4,62.", 3, 8),
    wijk: z
      .string()
      .trim()
      .transform((v) => (v ? v.toUpperCase() : null))
      .refine((v) => v === null || options.wijkCodes.includes(v), "Onbekende wijkcode."),
    uitgelicht: z
      .string()
      .trim()
      .toLowerCase()
      .refine(
        (v) => ["", "ja", "nee", "1", "0", "true", "false"].includes(v),
        "Vul ja of nee in bij uitgelicht.",
      )
      .transform((v) => v === "ja" || v === "1" || v === "true"),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .refine((v) => v === "" || z.string().email().safeParse(v).success, "Het e-mailadres klopt niet.")
      .transform((v) => (v ? v : null)),
  });
}

export type ImportRow = z.output<ReturnType<typeof rowSchema>>;

export interface RowError {
  /** Line number in the file, counting the header as line 1 (what a spreadsheet shows). */
  line: number;
  messages: string[];
}

export type CsvCheck =
  | { ok: true; rows: (ImportRow & { line: number })[] }
  | { ok: false; fileErrors: string[]; rowErrors: RowError[]; validCount: number };

export const MAX_IMPORT_ROWS = 2000;

export function checkCsv(text: string, options: ImportOptions): CsvCheck {
  const table = parseCsv(text);
  const [header, ...body] = table;
  if (!header) return { ok: false, fileErrors: ["Het bestand is leeg."], rowErrors: [], validCount: 0 };
  const names = header.map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/^e-mail$/, "email"),
  );
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  const unknown = names.filter((n) => n && !(CSV_COLUMNS as readonly string[]).includes(n));
  const fileErrors: string[] = [];
  if (missing.length) fileErrors.push(`Deze kolommen ontbreken: ${missing.join(", ")}.`);
  if (unknown.length) fileErrors.push(`Deze kolommen kennen wij niet: ${unknown.join(", ")}.`);
  if (body.length === 0) fileErrors.push("Het bestand bevat geen initiatieven, alleen een kopregel.");
  if (body.length > MAX_IMPORT_ROWS)
    fileErrors.push(
      `Het bestand heeft ${body.length} regels; importeer hoogstens ${MAX_IMPORT_ROWS} tegelijk.`,
    );
  if (fileErrors.length) return { ok: false, fileErrors, rowErrors: [], validCount: 0 };

  const schema = rowSchema(options);
  const rows: (ImportRow & { line: number })[] = [];
  const rowErrors: RowError[] = [];
  body.forEach((cells, i) => {
    const line = i + 2;
    const record: Record<string, string> = {};
    for (const c of CSV_COLUMNS) record[c] = "";
    names.forEach((n, j) => {
      if (n) record[n] = cells[j] ?? "";
    });
    const parsed = schema.safeParse(record);
    const messages = parsed.success ? [] : parsed.error.issues.map((e) => e.message);
    if ((record.breedtegraad!.trim() === "") !== (record.lengtegraad!.trim() === ""))
      messages.push("Vul breedtegraad en lengtegraad allebei in, of allebei niet.");
    if (parsed.success && messages.length === 0) rows.push({ ...parsed.data, line });
    else rowErrors.push({ line, messages: [...new Set(messages)] });
  });
  if (rowErrors.length) return { ok: false, fileErrors: [], rowErrors, validCount: rows.length };
  return { ok: true, rows };
}
