import { describe, expect, test } from "vitest";
import { messages } from "../../app/domain/surveys/answers";
import { surveyDefinitionSchema } from "../../app/domain/surveys/definition";
import {
  checkRow,
  checkWholeForm,
  findDisagreements,
  readHeader,
  resolveAnswers,
  templateColumns,
} from "../../app/domain/surveys/paper";
import { woonvisieDefinition } from "../../app/domain/surveys/woonvisie";

const def = surveyDefinitionSchema.parse({
  title: "Papier",
  pages: [
    {
      key: "een",
      title: "Een",
      questions: [
        {
          key: "woon",
          type: "single",
          text: "Hoe woont u?",
          required: true,
          other: true,
          options: [
            { value: "koop", label: "Koop" },
            { value: "huur", label: "Huur" },
          ],
        },
        {
          key: "wens",
          type: "multiple",
          text: "Wat wilt u?",
          options: [
            { value: "tuin", label: "Tuin" },
            { value: "lift", label: "Lift" },
          ],
        },
        { key: "cijfer", type: "grade", text: "Cijfer", allowDontKnow: true },
      ],
    },
    {
      key: "twee",
      title: "Twee",
      questions: [
        { key: "kamers", type: "number", text: "Kamers", min: 1, max: 10 },
        {
          key: "huurvraag",
          type: "agree",
          text: "Alleen voor huurders",
          showIf: { question: "woon", operator: "equals", value: "huur" },
        },
        {
          key: "buurt",
          type: "matrix",
          text: "Buurt",
          rows: [
            { value: "groen", label: "Groen" },
            { value: "rust", label: "Rust" },
          ],
          scale: [
            { value: "goed", label: "Goed" },
            { value: "slecht", label: "Slecht" },
          ],
        },
        { key: "jaar", type: "birthYear", text: "Geboortejaar" },
      ],
    },
  ],
});

describe("template columns", () => {
  test("one column per answer field, named as in the export, after the code", () => {
    expect(templateColumns(def).map((c) => c.key)).toEqual([
      "woon",
      "woon_anders",
      "wens_tuin",
      "wens_lift",
      "cijfer",
      "kamers",
      "huurvraag",
      "buurt_groen",
      "buurt_rust",
      "jaar",
    ]);
  });
  test("the codebook carries the option codes and 'weet niet' where allowed", () => {
    const cols = Object.fromEntries(templateColumns(def).map((c) => [c.key, c]));
    expect(cols.woon!.values).toEqual({ koop: "Koop", huur: "Huur", anders: "Anders, namelijk" });
    expect(cols.cijfer!.values).toHaveProperty("weetniet");
    expect(cols.buurt_groen!.values).toEqual({ goed: "Goed", slecht: "Slecht" });
  });
  test("every Woonvisie question gets at least one column", () => {
    const keys = new Set(templateColumns(woonvisieDefinition as never).map((c) => c.questionKey));
    const questions = surveyDefinitionSchema.parse(woonvisieDefinition).pages.flatMap((p) => p.questions);
    expect(questions.every((q) => keys.has(q.key))).toBe(true);
  });
  test("a header with a missing or unknown column is refused with the names", () => {
    const columns = templateColumns(def);
    const header = ["code", ...columns.map((c) => c.key)];
    expect(readHeader(header, columns).ok).toBe(true);
    const bad = readHeader([...header.slice(0, -1), "extra"], columns);
    expect(bad).toMatchObject({ ok: false });
    expect(!bad.ok && bad.message).toContain("Ontbreekt: jaar");
    expect(!bad.ok && bad.message).toContain("Onbekend: extra");
  });
});

describe("row validation is the online form's", () => {
  const columns = templateColumns(def);
  const header = ["code", ...columns.map((c) => c.key)];
  const index = (readHeader(header, columns) as { index: Map<string, number> }).index;
  const row = (values: Record<string, string>) => header.map((h) => values[h] ?? "");
  const check = (values: Record<string, string>) => checkRow(def, columns, index, row(values), 7, 2026);

  test("a complete row becomes typed answers", () => {
    const { row: r, errors } = check({
      code: "ABCD-EFGH-JKMN",
      woon: "huur",
      wens_tuin: "1",
      wens_lift: "0",
      cijfer: "weetniet",
      kamers: "3",
      huurvraag: "4",
      buurt_groen: "goed",
      jaar: "1950",
    });
    expect(errors).toEqual([]);
    expect(r.answers).toEqual({
      woon: { kind: "option", option: "huur" },
      wens: { kind: "options", options: ["tuin"] },
      cijfer: { kind: "dontKnow" },
      kamers: { kind: "number", number: 3 },
      huurvraag: { kind: "number", number: 4 },
      buurt: { kind: "matrix", rows: { groen: "goed" } },
      jaar: { kind: "number", number: 1950 },
    });
  });
  test("out of range, unknown option and a missing required answer: the online messages, per column", () => {
    const { errors } = check({ code: "X", kamers: "12", buurt_rust: "matig", wens_lift: "ja" });
    const byColumn = Object.fromEntries(errors.map((e) => [e.column, e.message]));
    expect(byColumn.kamers).toBe(messages.numberMax(10));
    expect(byColumn.buurt_rust).toBe(messages.invalidChoice);
    expect(byColumn.woon).toBe(messages.requiredChoice);
    expect(byColumn.wens_lift).toBe("Gebruik 1 (gekozen) of 0 (niet gekozen).");
    expect(errors.every((e) => e.line === 7)).toBe(true);
  });
  test("'anders, namelijk' needs its text, as online", () => {
    expect(check({ woon: "anders" }).errors[0]).toMatchObject({
      column: "woon",
      message: messages.otherMissing,
    });
    expect(check({ woon: "anders", woon_anders: "Woonboot" }).row.answers.woon).toEqual({
      kind: "option",
      option: "anders",
      other: "Woonboot",
    });
  });
  test("a question hidden by its condition is not stored, as online", () => {
    expect(check({ woon: "koop", huurvraag: "4" }).row.answers).not.toHaveProperty("huurvraag");
  });
});

describe("double entry", () => {
  const first = checkWholeForm(def, { v_woon: "huur", v_kamers: "3", v_wens: ["tuin"] }).answers;
  test("two equal entries have no disagreements, whatever the key order", () => {
    const second = checkWholeForm(def, { v_wens: ["tuin"], v_kamers: "3,0", v_woon: "huur" }).answers;
    expect(findDisagreements(def, first, second)).toEqual([]);
  });
  test("differences are listed per question in the order of the paper, in words", () => {
    const second = checkWholeForm(def, { v_woon: "koop", v_kamers: "3", v_wens: ["tuin", "lift"] }).answers;
    expect(findDisagreements(def, first, second)).toEqual([
      { questionKey: "woon", question: "Hoe woont u?", first: "Huur", second: "Koop" },
      { questionKey: "wens", question: "Wat wilt u?", first: "Tuin", second: "Tuin; Lift" },
    ]);
  });
  test("an answer typed once and left empty once is a disagreement", () => {
    const second = checkWholeForm(def, { v_woon: "huur", v_wens: ["tuin"] }).answers;
    expect(findDisagreements(def, first, second)).toEqual([
      { questionKey: "kamers", question: "Kamers", first: "3", second: "(niet ingevuld)" },
    ]);
  });
  test("resolving needs a choice for every difference and keeps the agreed answers", () => {
    const second = checkWholeForm(def, { v_woon: "koop", v_kamers: "3", v_wens: ["lift"] }).answers;
    expect(resolveAnswers(def, first, second, { woon: "second" })).toEqual({ ok: false, missing: ["wens"] });
    const resolved = resolveAnswers(def, first, second, { woon: "second", wens: "first" });
    expect(resolved).toEqual({
      ok: true,
      answers: {
        woon: { kind: "option", option: "koop" },
        wens: { kind: "options", options: ["tuin"] },
        kamers: { kind: "number", number: 3 },
      },
    });
  });
});
