// CSV the way Dutch Excel opens it: semicolon separated, UTF-8 with a byte order mark, CRLF.
// Cells that a spreadsheet would run as a formula are neutralised (docs/policy.md: exports).

export const CSV_BOM = "\uFEFF";
export const CSV_SEPARATOR = ";";

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that starts with =, +, -, @, tab or carriage return gets a leading apostrophe, so a
 * spreadsheet shows it as text instead of running it. Real numbers are passed as numbers and left alone.
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export type CellValue = string | number | boolean | null | undefined | Date;

/** One cell as CSV text: neutralised, and quoted when it holds a separator, quote or line break. */
export function csvCell(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value).replace(".", ",") : "";
  if (typeof value === "boolean") return value ? "ja" : "nee";
  const text = neutraliseFormula(value instanceof Date ? value.toISOString() : value);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CellValue[]): string {
  return `${values.map(csvCell).join(CSV_SEPARATOR)}\r\n`;
}

/** Neutralise a value for a spreadsheet cell written by exceljs (same rule, no quoting). */
export function spreadsheetCell(value: CellValue): string | number | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value ? "ja" : "nee";
  if (value instanceof Date) return value;
  return neutraliseFormula(value);
}
