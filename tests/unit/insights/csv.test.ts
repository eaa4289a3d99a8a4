import { describe, expect, test } from "vitest";
import {
  CSV_BOM,
  csvCell,
  csvRow,
  neutraliseFormula,
  spreadsheetCell,
} from "../../../app/domain/insights/csv";

describe("formula injection is neutralised in exports", () => {
  test.each([
    ['=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'],
    ["+31 6 1234", "'+31 6 1234"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tstart met tab", "'\tstart met tab"],
    ["\rstart met CR", "'\rstart met CR"],
    ["Meer groen", "Meer groen"],
    ["", ""],
  ])("%j becomes %j", (input, expected) => expect(neutraliseFormula(input)).toBe(expected));

  test("numbers stay numbers, with a Dutch decimal comma", () => {
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(0.25)).toBe("0,25");
    expect(spreadsheetCell(-3)).toBe(-3);
  });

  test("a cell with a semicolon, quote or line break is quoted", () => {
    expect(csvCell('zeg "hoi"; dag\nklaar')).toBe('"zeg ""hoi""; dag\nklaar"');
    expect(csvCell("=1;2")).toBe('"\'=1;2"');
  });

  test("rows are semicolon separated and end with CRLF; the file starts with a BOM", () => {
    expect(csvRow(["a", 1, null, true])).toBe("a;1;;ja\r\n");
    expect(CSV_BOM.charCodeAt(0)).toBe(0xfeff);
  });

  test("spreadsheet cells are neutralised the same way", () => {
    expect(spreadsheetCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
  });
});
