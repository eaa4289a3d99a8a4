import { describe, expect, test } from "vitest";
import {
  type AnswerValue,
  conditionHolds,
  fieldName as f,
  fromRows,
  messages,
  missingRequired,
  nextPage,
  previousPage,
  type RawValues,
  toFormValues,
  toRows,
  validatePage,
  validateQuestion,
} from "../../app/domain/surveys/answers";
import {
  listQuestions,
  parseDefinition,
  type Question,
  questionSchema,
} from "../../app/domain/surveys/definition";
import { woonvisieDefinition } from "../../app/domain/surveys/woonvisie";

const q = (input: Record<string, unknown>): Question => questionSchema.parse({ text: "Vraag", ...input });
const opts = (...values: string[]) => values.map((value) => ({ value, label: value.toUpperCase() }));
const year = { year: 2026 };

const single = q({
  key: "s",
  type: "single",
  options: opts("a", "b"),
  other: true,
  allowDontKnow: true,
  required: true,
});
const multiple = q({ key: "m", type: "multiple", options: opts("a", "b", "c"), max: 2, other: true });
const agree = q({ key: "ag", type: "agree", allowDontKnow: true });
const grade = q({ key: "g", type: "grade", required: true });
const ranking = q({ key: "r", type: "ranking", items: opts("x", "y", "z", "w"), top: 3, required: true });
const matrix = q({
  key: "mx",
  type: "matrix",
  rows: opts("r1", "r2"),
  scale: opts("lo", "hi"),
  required: true,
  allowDontKnow: true,
});
const open = q({ key: "o", type: "open", maxLength: 20, allowDontKnow: true });
const number = q({ key: "n", type: "number", min: 0, max: 10, integer: true });
const birthYear = q({ key: "by", type: "birthYear", minAge: 12, required: true });
const postcode = q({ key: "pc", type: "postcode", required: true });
const point = q({
  key: "p",
  type: "mapPoint",
  locations: [{ value: "station", label: "Station", lat: 52.359, lng: 4.609 }],
});

type Case = [string, Question, RawValues, AnswerValue | undefined, string | undefined];
const cases: Case[] = [
  ["single: an option", single, { [f("s")]: "a" }, { kind: "option", option: "a" }, undefined],
  ["single: required and empty", single, {}, undefined, messages.requiredChoice],
  ["single: unknown option", single, { [f("s")]: "zz" }, undefined, messages.invalidChoice],
  [
    "single: anders with text",
    single,
    { [f("s")]: "anders", [f("s", "anders")]: "Tiny house" },
    { kind: "option", option: "anders", other: "Tiny house" },
    undefined,
  ],
  ["single: anders without text", single, { [f("s")]: "anders" }, undefined, messages.otherMissing],
  ["single: weet niet", single, { [f("s")]: "weetniet" }, { kind: "dontKnow" }, undefined],
  ["multiple: two", multiple, { [f("m")]: ["b", "a"] }, { kind: "options", options: ["a", "b"] }, undefined],
  ["multiple: over the max", multiple, { [f("m")]: ["a", "b", "c"] }, undefined, messages.tooMany(2)],
  ["multiple: optional and empty", multiple, {}, undefined, undefined],
  [
    "multiple: weet niet not offered",
    multiple,
    { [f("m")]: ["weetniet"] },
    undefined,
    messages.invalidChoice,
  ],
  ["agree: 4", agree, { [f("ag")]: "4" }, { kind: "number", number: 4 }, undefined],
  ["agree: 6 is off the scale", agree, { [f("ag")]: "6" }, undefined, messages.invalidChoice],
  ["grade: 10", grade, { [f("g")]: "10" }, { kind: "number", number: 10 }, undefined],
  ["grade: 0", grade, { [f("g")]: "0" }, undefined, messages.invalidChoice],
  ["grade: weet niet not offered", grade, { [f("g")]: "weetniet" }, undefined, messages.invalidChoice],
  [
    "ranking: top 3 in order",
    ranking,
    { [f("r", "z")]: "1", [f("r", "x")]: "3", [f("r", "w")]: "2" },
    { kind: "ranking", order: ["z", "w", "x"] },
    undefined,
  ],
  [
    "ranking: a number twice",
    ranking,
    { [f("r", "z")]: "1", [f("r", "x")]: "1", [f("r", "w")]: "2" },
    undefined,
    messages.rankingIncomplete(3),
  ],
  ["ranking: too few", ranking, { [f("r", "z")]: "1" }, undefined, messages.rankingIncomplete(3)],
  [
    "ranking: beyond the top",
    ranking,
    { [f("r", "z")]: "1", [f("r", "x")]: "2", [f("r", "w")]: "4" },
    undefined,
    messages.rankingIncomplete(3),
  ],
  [
    "matrix: every row",
    matrix,
    { [f("mx", "r1")]: "lo", [f("mx", "r2")]: "weetniet" },
    { kind: "matrix", rows: { r1: "lo", r2: null } },
    undefined,
  ],
  ["matrix: a row missing", matrix, { [f("mx", "r1")]: "lo" }, undefined, messages.matrixIncomplete],
  ["open: text", open, { [f("o")]: "  Meer groen  " }, { kind: "text", text: "Meer groen" }, undefined],
  ["open: too long", open, { [f("o")]: "x".repeat(21) }, undefined, messages.tooLong(20)],
  ["open: weet niet box", open, { [f("o", "weetniet")]: "ja" }, { kind: "dontKnow" }, undefined],
  ["number: with comma is not whole", number, { [f("n")]: "2,5" }, undefined, messages.notAWholeNumber],
  ["number: above max", number, { [f("n")]: "11" }, undefined, messages.numberMax(10)],
  ["number: text", number, { [f("n")]: "drie" }, undefined, messages.notANumber],
  ["number: 7", number, { [f("n")]: "7" }, { kind: "number", number: 7 }, undefined],
  ["birth year: 1965", birthYear, { [f("by")]: "1965" }, { kind: "number", number: 1965 }, undefined],
  ["birth year: too young", birthYear, { [f("by")]: "2020" }, undefined, messages.birthYear(2014)],
  ["birth year: 1850", birthYear, { [f("by")]: "1850" }, undefined, messages.birthYear(2014)],
  [
    "postcode: full, only digits kept",
    postcode,
    { [f("pc")]: "2101 ab" },
    { kind: "postcode", postcode: "2101" },
    undefined,
  ],
  ["postcode: 4 digits", postcode, { [f("pc")]: "2103" }, { kind: "postcode", postcode: "2103" }, undefined],
  ["postcode: nonsense", postcode, { [f("pc")]: "21O1" }, undefined, messages.postcode],
  [
    "map: a listed place",
    point,
    { [f("p", "locatie")]: "station", [f("p", "opmerking")]: "Dichtbij de trein" },
    { kind: "point", location: "station", lat: 52.359, lng: 4.609, comment: "Dichtbij de trein" },
    undefined,
  ],
  [
    "map: an address",
    point,
    { [f("p", "adres")]: "Binnenweg 1" },
    { kind: "point", address: "Binnenweg 1" },
    undefined,
  ],
  [
    "map: a point on the map",
    point,
    { [f("p", "lat")]: "52.35", [f("p", "lng")]: "4.62" },
    { kind: "point", lat: 52.35, lng: 4.62 },
    undefined,
  ],
  [
    "map: a point in Amsterdam",
    point,
    { [f("p", "lat")]: "52.37", [f("p", "lng")]: "4.89" },
    undefined,
    messages.pointOutside,
  ],
  ["map: only a comment", point, { [f("p", "opmerking")]: "Ergens" }, undefined, messages.pointMissing],
  [
    "map: a clicked point with a comma and a comment",
    point,
    { [f("p", "lat")]: "52,34512", [f("p", "lng")]: "4,60031", [f("p", "opmerking")]: "Lege kavel" },
    { kind: "point", lat: 52.34512, lng: 4.60031, comment: "Lege kavel" },
    undefined,
  ],
  [
    "map: the corners of the box count as Heemstede",
    point,
    { [f("p", "lat")]: "52.32", [f("p", "lng")]: "4.67" },
    { kind: "point", lat: 52.32, lng: 4.67 },
    undefined,
  ],
  [
    "map: just south of the box",
    point,
    { [f("p", "lat")]: "52.319", [f("p", "lng")]: "4.6" },
    undefined,
    messages.pointOutside,
  ],
  [
    "map: just north of the box",
    point,
    { [f("p", "lat")]: "52.381", [f("p", "lng")]: "4.6" },
    undefined,
    messages.pointOutside,
  ],
  [
    "map: just west of the box",
    point,
    { [f("p", "lat")]: "52.35", [f("p", "lng")]: "4.569" },
    undefined,
    messages.pointOutside,
  ],
  [
    "map: just east of the box",
    point,
    { [f("p", "lat")]: "52.35", [f("p", "lng")]: "4.671" },
    undefined,
    messages.pointOutside,
  ],
  ["map: only a latitude", point, { [f("p", "lat")]: "52.35" }, undefined, messages.pointIncomplete],
  [
    "map: text instead of a number",
    point,
    { [f("p", "lat")]: "noord", [f("p", "lng")]: "4.6" },
    undefined,
    messages.pointIncomplete,
  ],
];

describe("each question type validates its answer", () => {
  test.each(cases)("%s", (_name, question, raw, value, error) => {
    const result = validateQuestion(question, raw, year);
    expect(result.error).toBe(error);
    expect(result.value).toEqual(value);
  });

  test.each(cases.filter((c) => c[3]))(
    "%s survives storage and redisplay",
    (_name, question, _raw, value) => {
      const rows = toRows(question, value!);
      expect(fromRows(question, rows)).toEqual(value);
      expect(validateQuestion(question, toFormValues(question, value), year).value).toEqual(value);
    },
  );
});

describe("ranking", () => {
  test("stores one row per ranked item with its rank", () => {
    const rows = toRows(ranking, { kind: "ranking", order: ["z", "w", "x"] });
    expect(rows.map((r) => [r.subKey, r.valueNumber])).toEqual([
      ["z", 1],
      ["w", 2],
      ["x", 3],
    ]);
  });
});

describe("conditions", () => {
  const answers = {
    verhuizen: { kind: "option", option: "ja-binnen" },
    cijfer: { kind: "number", number: 4 },
    doelen: { kind: "options", options: ["a", "b"] },
    onbekend: { kind: "dontKnow" },
  } satisfies Record<string, AnswerValue>;
  test.each([
    [{ question: "verhuizen", operator: "equals", value: "ja-binnen" }, true],
    [{ question: "verhuizen", operator: "notEquals", value: "ja-binnen" }, false],
    [{ question: "verhuizen", operator: "anyOf", value: ["ja-buiten", "ja-binnen"] }, true],
    [{ question: "doelen", operator: "equals", value: "b" }, true],
    [{ question: "cijfer", operator: "atMost", value: 5 }, true],
    [{ question: "cijfer", operator: "atLeast", value: 5 }, false],
    [{ question: "onbekend", operator: "answered" }, false],
    [{ question: "nergens", operator: "notEquals", value: "x" }, true],
    [{ question: "nergens", operator: "answered" }, false],
  ] as const)("%j → %s", (condition, expected) => {
    expect(conditionHolds(condition as never, answers)).toBe(expected);
  });
});

describe("the Woonvisie survey", () => {
  const parsed = parseDefinition(woonvisieDefinition);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const def = parsed.definition;

  test("has about 25 questions of every type, across the five themes, woon-DNA first", () => {
    const questions = listQuestions(def);
    expect(questions.length).toBeGreaterThanOrEqual(24);
    expect(new Set(questions.map((x) => x.type)).size).toBe(11);
    expect(new Set(questions.map((x) => x.theme).filter(Boolean))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(def.pages[0]!.kind).toBe("info");
    for (const theme of [1, 2, 3, 4, 5])
      expect(questions.filter((x) => x.theme === theme && x.type === "open")).toHaveLength(1);
    for (const bg of ["age", "tenure", "household", "wijk"])
      expect(questions.some((x) => x.background === bg)).toBe(true);
  });

  test("non-official figures are labelled as example figures", () => {
    const figures = def.pages.flatMap((p) => p.blocks).filter((b) => b.kind === "figures");
    for (const block of figures)
      if (block.kind === "figures") expect(block.isExample || !!block.source).toBe(true);
    expect(figures.some((b) => b.kind === "figures" && b.isExample)).toBe(true);
  });

  test("the follow-up question only shows for people who plan to move", () => {
    const ruimte = def.pages.findIndex((p) => p.key === "ruimte");
    const page = def.pages[ruimte]!;
    const staying = validatePage(
      page,
      { [f("gezochte-woning")]: "kleiner" },
      { verhuizen: { kind: "option", option: "nee" } },
      { mode: "strict" },
    );
    expect(staying.answers["gezochte-woning"]).toBeUndefined();
    expect(staying.cleared).toContain("gezochte-woning");
    const moving = validatePage(
      page,
      { [f("gezochte-woning")]: "kleiner" },
      { verhuizen: { kind: "option", option: "ja-binnen" } },
      { mode: "strict" },
    );
    expect(moving.answers["gezochte-woning"]).toEqual({ kind: "option", option: "kleiner" });
  });

  test("lenient saving (back) never blocks on required questions", () => {
    const page = def.pages.find((p) => p.key === "over-u")!;
    const strict = validatePage(page, { [f("geboortejaar")]: "1970" }, {}, { mode: "strict", year: 2026 });
    expect(Object.keys(strict.errors)).toEqual(["postcode", "woonsituatie", "huishouden"]);
    const lenient = validatePage(
      page,
      { [f("geboortejaar")]: "1970", [f("postcode")]: "xx" },
      {},
      { mode: "lenient", year: 2026 },
    );
    expect(lenient.errors).toEqual({});
    expect(lenient.answers.geboortejaar).toEqual({ kind: "number", number: 1970 });
    expect(lenient.answers.postcode).toBeUndefined();
  });

  test("page navigation skips nothing here and knows the end", () => {
    expect(nextPage(def, 0, {})).toBe(1);
    expect(nextPage(def, def.pages.length - 1, {})).toBe(def.pages.length);
    expect(previousPage(def, 0, {})).toBe(-1);
    expect(missingRequired(def, {})).toContain("geboortejaar");
  });
});
