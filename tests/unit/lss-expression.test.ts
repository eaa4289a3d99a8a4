import { describe, expect, test } from "vitest";
import { conditionHolds } from "~/domain/surveys/answers";
import type { Condition } from "~/domain/surveys/definition";
import { mapRelevance, type SymbolInfo } from "~/domain/surveys/import/expression";
import { parseExpression } from "~/domain/surveys/import/expression-parser";

// The symbols a small imported survey defines: a single choice, a number, a multiple choice with three
// options (and its subquestions), a matrix row and an open question.
const single: SymbolInfo = {
  question: "woonvorm",
  type: "single",
  codes: new Map([
    ["A1", "a1"],
    ["A2", "a2"],
    ["A3", "a3"],
  ]),
};
const scale: SymbolInfo = {
  question: "tevreden",
  type: "single",
  codes: new Map([
    ["1", "a1"],
    ["2", "a2"],
    ["3", "a3"],
    ["4", "a4"],
    ["5", "a5"],
  ]),
};
const age: SymbolInfo = { question: "leeftijd", type: "number", codes: new Map() };
const wishes: SymbolInfo = {
  question: "wensen",
  type: "multiple",
  codes: new Map([
    ["SQ001", "sq001"],
    ["SQ002", "sq002"],
    ["SQ003", "sq003"],
  ]),
  allOptions: ["sq001", "sq002", "sq003"],
};
const sub = (code: string): SymbolInfo => ({
  ...wishes,
  sub: { code, value: code.toLowerCase(), kind: "option" },
});
const row: SymbolInfo = {
  question: "stelling",
  type: "matrix",
  codes: new Map([
    ["AO01", "ao01"],
    ["AO03", "ao03"],
  ]),
  sub: { code: "SQ001", value: "sq001", kind: "row" },
};
const open: SymbolInfo = { question: "beroep", type: "open", codes: new Map() };
const symbols: Record<string, SymbolInfo> = {
  woonvorm: single,
  tevreden: scale,
  leeftijd: age,
  wensen: wishes,
  wensen_SQ001: sub("SQ001"),
  wensen_SQ002: sub("SQ002"),
  wensen_SQ003: sub("SQ003"),
  stelling_SQ001: row,
  beroep: open,
};
const resolve = (name: string) => symbols[name] ?? null;
const map = (src: string) => mapRelevance(src, resolve);

describe("relevance equations that map", () => {
  test.each<[string, string, Condition | null]>([
    ["always", "1", null],
    ["empty", "  ", null],
    ["== on a list", 'woonvorm == "A2"', { question: "woonvorm", operator: "equals", value: "a2" }],
    [".NAOK", 'woonvorm.NAOK == "A2"', { question: "woonvorm", operator: "equals", value: "a2" }],
    ["that.", 'that.woonvorm.NAOK eq "A2"', { question: "woonvorm", operator: "equals", value: "a2" }],
    ["braces", '{woonvorm.NAOK == "A2"}', { question: "woonvorm", operator: "equals", value: "a2" }],
    ["!= on a list", "woonvorm.NAOK != 'A1'", { question: "woonvorm", operator: "notEquals", value: "a1" }],
    ["literal first", '"A1" == woonvorm', { question: "woonvorm", operator: "equals", value: "a1" }],
    [
      "or on one list",
      'woonvorm == "A1" or woonvorm == "A3"',
      { question: "woonvorm", operator: "anyOf", value: ["a1", "a3"] },
    ],
    [
      "< on numeric codes",
      "tevreden.NAOK < 3",
      { question: "tevreden", operator: "anyOf", value: ["a1", "a2"] },
    ],
    [">= number", "leeftijd.NAOK >= 65", { question: "leeftijd", operator: "atLeast", value: 65 }],
    ["<= number", "leeftijd <= 17", { question: "leeftijd", operator: "atMost", value: 17 }],
    ["> number", "leeftijd > 17", { question: "leeftijd", operator: "greaterThan", value: 17 }],
    ["< number", "leeftijd lt 18", { question: "leeftijd", operator: "lessThan", value: 18 }],
    ["== number", "leeftijd == 40", { question: "leeftijd", operator: "equals", value: "40" }],
    ["is_empty", "is_empty(leeftijd.NAOK)", { not: { question: "leeftijd", operator: "answered" } }],
    ["!is_empty", "!is_empty(leeftijd.NAOK)", { question: "leeftijd", operator: "answered" }],
    ['!= ""', 'leeftijd.NAOK != ""', { question: "leeftijd", operator: "answered" }],
    [
      "ticked subquestion",
      'wensen_SQ002.NAOK == "Y"',
      { question: "wensen", operator: "equals", value: "sq002" },
    ],
    ["not ticked", 'wensen_SQ002 != "Y"', { question: "wensen", operator: "notEquals", value: "sq002" }],
    [
      "!is_empty on a subquestion",
      "!is_empty(wensen_SQ001.NAOK)",
      { question: "wensen", operator: "equals", value: "sq001" },
    ],
    [
      "matrix row",
      'stelling_SQ001.NAOK == "AO03"',
      { question: "stelling", row: "sq001", operator: "equals", value: "ao03" },
    ],
    [
      "count >=",
      "count(wensen_SQ001.NAOK, wensen_SQ002.NAOK, wensen_SQ003.NAOK) >= 2",
      { question: "wensen", operator: "countAtLeast", value: 2 },
    ],
    [
      "count(that.Q) <",
      "count(that.wensen.NAOK) < 2",
      { question: "wensen", operator: "countAtMost", value: 1 },
    ],
    ["open text", 'beroep == "bakker"', { question: "beroep", operator: "equals", value: "bakker" }],
    [
      "and, or, ! with parentheses",
      '(leeftijd >= 65 || woonvorm == "A1") && !(woonvorm == "A3")',
      {
        all: [
          {
            any: [
              { question: "leeftijd", operator: "atLeast", value: 65 },
              { question: "woonvorm", operator: "equals", value: "a1" },
            ],
          },
          { question: "woonvorm", operator: "notEquals", value: "a3" },
        ],
      },
    ],
  ])("%s: %s", (_name, src, expected) => {
    const result = map(src);
    expect(result).toEqual({ ok: true, condition: expected });
  });
});

describe("relevance equations that do not map give a reason", () => {
  test.each([
    ["unknown function", "regexMatch('/a/', beroep)"],
    ["arithmetic", "leeftijd + 1 > 18"],
    ["assignment", "leeftijd = 5"],
    ["unknown question", 'onbekend == "A1"'],
    ["unknown answer code", 'woonvorm == "A9"'],
    ["two answers compared", "leeftijd > tevreden"],
    ["other attribute", "woonvorm.shown == 'x'"],
    ["partial count", "count(wensen_SQ001.NAOK) >= 1"],
    ["unclosed string", 'woonvorm == "A1'],
    ["unbalanced", "(leeftijd > 1"],
    ["strange character", "leeftijd > 1 ; drop"],
    ["nested braces", "{a} {b}"],
  ])("%s", (_name, src) => {
    const result = map(src);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.length).toBeGreaterThan(5);
  });

  test("a deeply nested expression is refused, not a stack overflow", () => {
    const deep = `${"(".repeat(5000)}leeftijd > 1${")".repeat(5000)}`;
    expect(map(deep).ok).toBe(false);
    expect(map(`${"!".repeat(5000)}leeftijd`).ok).toBe(false);
  });

  test("the parser reads word operators and numbers", () => {
    expect(parseExpression("a ge 1.5 and not b")).toEqual({
      t: "bin",
      op: "and",
      l: { t: "bin", op: ">=", l: { t: "var", name: "a" }, r: { t: "num", v: 1.5 } },
      r: { t: "not", e: { t: "var", name: "b" } },
    });
  });
});

describe("the mapped conditions behave as LimeSurvey's", () => {
  const holds = (src: string, answers: Parameters<typeof conditionHolds>[1]) => {
    const r = map(src);
    if (!r.ok || !r.condition) throw new Error("expected a condition");
    return conditionHolds(r.condition, answers);
  };
  test("count of selected options", () => {
    const two = { wensen: { kind: "options" as const, options: ["sq001", "sq003"] } };
    expect(holds("count(that.wensen.NAOK) >= 2", two)).toBe(true);
    expect(holds("count(that.wensen.NAOK) > 2", two)).toBe(false);
    expect(holds("count(that.wensen.NAOK) == 0", {})).toBe(true);
  });
  test("a matrix row and a number", () => {
    const answers = {
      stelling: { kind: "matrix" as const, rows: { sq001: "ao03", sq002: null } },
      leeftijd: { kind: "number" as const, number: 70 },
    };
    expect(holds('stelling_SQ001 == "AO03" and leeftijd > 65', answers)).toBe(true);
    expect(holds('stelling_SQ001 == "AO01" or leeftijd < 65', answers)).toBe(false);
    expect(holds("is_empty(leeftijd)", {})).toBe(true);
  });
});
