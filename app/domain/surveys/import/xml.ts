// Safe reading of a LimeSurvey .lss file (XML) into plain tables. No DTD, no entities beyond the five
// predefined ones and character references, no network, no code: saxes is a strict, non-validating
// parser that never loads anything and never expands entities declared in a DOCTYPE; on top of that a
// file with a DOCTYPE or ENTITY declaration is refused before parsing (docs/import.md).

import { SaxesParser } from "saxes";

/** Files larger than this are refused before they are read (issue 15). */
export const MAX_LSS_BYTES = 5 * 1024 * 1024;

/** One table of the export: `<answers><rows><row><qid>…</qid>…</row></rows></answers>`. */
export type LssRow = Record<string, string>;
export type LssTables = Record<string, LssRow[]>;

export interface LssDocument {
  docType: string;
  dbVersion: number;
  languages: string[];
  tables: LssTables;
}

export type LssRefusalReason = "tooLarge" | "empty" | "doctype" | "notXml" | "notLimeSurvey" | "notSurvey";

/** The one typed failure of reading a file: everything else is a bug. */
export class LssRefusal extends Error {
  constructor(
    readonly reason: LssRefusalReason,
    readonly detail?: string,
  ) {
    super(reason);
    this.name = "LssRefusal";
  }
}

/** Depth and size limits that keep a hostile but well-formed file from costing much. */
const MAX_DEPTH = 12;
const MAX_ROWS = 200_000;

/** Bytes of a string as UTF-8 (without allocating a buffer). */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/**
 * Parse the XML of an .lss export into its tables. Throws only LssRefusal. The structure of every
 * LimeSurvey export since 1.x: `<document>` with `<LimeSurveyDocType>`, `<DBVersion>`, `<languages>` and
 * one element per database table holding `<rows><row>` with one child element per column.
 */
export function readLss(source: string): LssDocument {
  if (utf8Length(source) > MAX_LSS_BYTES) throw new LssRefusal("tooLarge");
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  if (!text.trim()) throw new LssRefusal("empty");
  // Refuse DTDs outright: no internal subset, no entity declarations, no external references.
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) throw new LssRefusal("doctype");

  const parser = new SaxesParser({ xmlns: false, position: false });
  const doc: LssDocument = { docType: "", dbVersion: 0, languages: [], tables: {} };
  const stack: string[] = [];
  let textBuf = "";
  let currentRow: LssRow | null = null;
  let currentTable: string | null = null;
  let rowCount = 0;
  let rootSeen = false;
  let failure: LssRefusal | null = null;

  const fail = (r: LssRefusal) => {
    if (!failure) failure = r;
  };

  parser.on("doctype", () => fail(new LssRefusal("doctype")));
  parser.on("error", (e) => fail(new LssRefusal("notXml", e.message)));
  parser.on("opentag", (tag) => {
    const name = tag.name;
    if (stack.length === 0) {
      if (rootSeen || name !== "document") fail(new LssRefusal("notLimeSurvey"));
      rootSeen = true;
    }
    stack.push(name);
    if (stack.length > MAX_DEPTH) fail(new LssRefusal("notLimeSurvey", "too deep"));
    textBuf = "";
    // document > table > rows > row > column
    if (stack.length === 2) currentTable = name;
    if (stack.length === 4 && name === "row" && stack[2] === "rows" && currentTable) {
      currentRow = Object.create(null) as LssRow;
      if (++rowCount > MAX_ROWS) fail(new LssRefusal("notLimeSurvey", "too many rows"));
    }
  });
  parser.on("text", (t) => {
    textBuf += t;
  });
  parser.on("cdata", (t) => {
    textBuf += t;
  });
  parser.on("closetag", (tag) => {
    const depth = stack.length;
    const name = tag.name;
    if (depth === 2) {
      if (name === "LimeSurveyDocType") doc.docType = textBuf.trim();
      else if (name === "DBVersion") doc.dbVersion = Number.parseInt(textBuf.trim(), 10) || 0;
      currentTable = null;
    } else if (depth === 3 && stack[1] === "languages" && name === "language") {
      const lang = textBuf.trim();
      if (lang) doc.languages.push(lang);
    } else if (depth === 5 && currentRow) {
      currentRow[name] = textBuf;
    } else if (depth === 4 && name === "row" && currentRow && currentTable) {
      let rows = doc.tables[currentTable];
      if (!rows) {
        rows = [];
        doc.tables[currentTable] = rows;
      }
      rows.push(currentRow);
      currentRow = null;
    }
    textBuf = "";
    stack.pop();
  });

  try {
    parser.write(text);
    parser.close();
  } catch (e) {
    if (e instanceof LssRefusal) throw e;
    fail(new LssRefusal("notXml", e instanceof Error ? e.message : String(e)));
  }
  if (failure) throw failure;
  if (!rootSeen) throw new LssRefusal("notXml");
  if (!doc.docType && !doc.tables.questions) throw new LssRefusal("notLimeSurvey");
  if (doc.docType && doc.docType !== "Survey") throw new LssRefusal("notSurvey", doc.docType);
  if (!doc.tables.questions?.length && !doc.tables.groups?.length) throw new LssRefusal("notSurvey");
  return doc;
}
