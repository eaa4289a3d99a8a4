// The one CSV reader: the bureau import streams it (app/domain/surveys/bureau-files.server.ts); the
// initiatives and monitor imports read whole (small) files through parseCsv.

export interface CsvRow {
  cells: string[];
  line: number;
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === "");

/**
 * The non-empty rows of a CSV (RFC 4180: quoted fields, doubled quotes, newlines inside quotes; ";" or ","
 * as separator, whichever the first line has more of), decoded and parsed in 64 KB pieces so a large file
 * never exists as one string or one table. Lines count the non-empty rows.
 */
export function* csvRows(buffer: Buffer): Generator<CsvRow> {
  const decoder = new TextDecoder("utf-8", { fatal: false });
  const newline = buffer.indexOf(0x0a);
  const firstLine = decoder
    .decode(buffer.subarray(0, newline < 0 ? buffer.length : newline))
    .replace(/^\uFEFF/, "")
    .replace(/\r.*$/s, "");
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  let line = 0;
  let row: string[] = [];
  let field = "";
  let quoted = false;
  // A piece that ends in a quote or a carriage return is decided with the next piece (a doubled quote,
  // or \r\n), so that last character is carried over.
  let carry = "";
  const STEP = 64 * 1024;
  for (let offset = 0; offset < buffer.length; offset += STEP) {
    const last = offset + STEP >= buffer.length;
    let text = carry + decoder.decode(buffer.subarray(offset, offset + STEP), { stream: !last });
    if (offset === 0) text = text.replace(/^\uFEFF/, "");
    carry = "";
    if (!last && (text.endsWith('"') || text.endsWith("\r"))) {
      carry = text.slice(-1);
      text = text.slice(0, -1);
    }
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else quoted = false;
        } else field += c;
      } else if (c === '"' && field === "") quoted = true;
      else if (c === delimiter) {
        row.push(field);
        field = "";
      } else if (c === "\n" || c === "\r") {
        if (c === "\r" && text[i + 1] === "\n") i++;
        row.push(field);
        if (!isBlank(row)) yield { cells: row, line: ++line };
        row = [];
        field = "";
      } else field += c;
    }
  }
  if (field !== "" || row.length) {
    row.push(field);
    if (!isBlank(row)) yield { cells: row, line: ++line };
  }
}

/** All non-empty rows of a CSV text, as cells. */
export function parseCsv(text: string): string[][] {
  return [...csvRows(Buffer.from(text, "utf8"))].map((r) => r.cells);
}
