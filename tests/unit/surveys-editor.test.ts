import { describe, expect, test } from "vitest";
import { emptyDefinition, parseDefinition } from "../../app/domain/surveys/definition";
import {
  deletePage,
  importDefinition,
  moveQuestion,
  parseOptionLines,
  questionToForm,
  toKey,
  upsertPage,
  upsertQuestion,
} from "../../app/domain/surveys/editor";
import { parseFigureLines, upsertBlock } from "../../app/domain/surveys/editor-blocks";
import { planDefinitionSave, surveyAvailability } from "../../app/domain/surveys/rules";
import { woonvisieDefinition } from "../../app/domain/surveys/woonvisie";
import { amsterdamToInstant, instantToAmsterdamLocal } from "../../app/lib/amsterdam-time";

describe("definition versioning", () => {
  test("a draft is updated in place", () => {
    expect(planDefinitionSave({ version: 3, publishedAt: null })).toEqual({ mode: "update", version: 3 });
  });
  test("a published version is never changed: editing starts the next version", () => {
    expect(planDefinitionSave({ version: 3, publishedAt: new Date() })).toEqual({
      mode: "insert",
      version: 4,
    });
  });
});

describe("survey availability", () => {
  const now = new Date("2026-06-01T10:00:00Z");
  test.each([
    ["draft", { status: "draft", opensAt: null, closesAt: null }, "draft"],
    ["published, no dates", { status: "published", opensAt: null, closesAt: null }, "open"],
    [
      "before the open date",
      { status: "published", opensAt: new Date("2026-06-02"), closesAt: null },
      "notYetOpen",
    ],
    [
      "after the close date",
      { status: "published", opensAt: null, closesAt: new Date("2026-06-01T09:00:00Z") },
      "closed",
    ],
    ["closed by staff", { status: "closed", opensAt: null, closesAt: null }, "closed"],
  ] as const)("%s", (_n, survey, expected) => expect(surveyAvailability(survey, now)).toBe(expected));
});

describe("Amsterdam dates in forms", () => {
  test("winter and summer time", () => {
    expect(amsterdamToInstant("2026-01-15T09:00")?.toISOString()).toBe("2026-01-15T08:00:00.000Z");
    expect(amsterdamToInstant("2026-07-15T09:00")?.toISOString()).toBe("2026-07-15T07:00:00.000Z");
    expect(instantToAmsterdamLocal(new Date("2026-07-15T07:00:00.000Z"))).toBe("2026-07-15T09:00");
    expect(amsterdamToInstant("2026-02-30T09:00")).toBeNull();
    expect(amsterdamToInstant("morgen")).toBeNull();
  });
});

describe("the form-based editor", () => {
  const def = emptyDefinition("Test");

  test("option lines become keyed options", () => {
    expect(parseOptionLines("Elke dag\nwekelijks = Elke week\n\nElke dag")).toEqual([
      { value: "elke-dag", label: "Elke dag" },
      { value: "wekelijks", label: "Elke week" },
      { value: "elke-dag-2", label: "Elke dag" },
    ]);
    expect(parseOptionLines("Station; 52,359; 4.609")[0]).toEqual({
      value: "station",
      label: "Station",
      lat: 52.359,
      lng: 4.609,
    });
    expect(toKey("Één woning?")).toBe("een-woning");
  });

  test("adds a question, then edits it through its own form values", () => {
    const added = upsertQuestion(def, "vragen", null, {
      type: "multiple",
      text: "Wat doet u in het centrum?",
      options: "Winkelen\nUit eten",
      max: "1",
      other: "ja",
    });
    if (!added.ok) throw new Error(JSON.stringify(added.errors));
    const q = added.definition.pages[0]!.questions[0]!;
    expect(q).toMatchObject({ key: "wat-doet-u-in-het-centrum", type: "multiple", max: 1, other: true });
    const edited = upsertQuestion(added.definition, "vragen", q.key, {
      ...questionToForm(q),
      text: "Anders gezegd",
    });
    expect(edited.ok && edited.definition.pages[0]!.questions[0]!.text).toBe("Anders gezegd");
  });

  test.each([
    ["no text", { type: "grade", text: "" }, "text", "Vul de vraag in."],
    [
      "one option only",
      { type: "single", text: "Kies", options: "Alleen deze" },
      "options",
      "Geef minstens twee antwoordmogelijkheden.",
    ],
    ["no type", { type: "", text: "Vraag" }, "type", "Kies een soort vraag."],
    ["a bad key", { type: "grade", text: "Cijfer", key: "Mijn Vraag" }, "key", "Gebruik kleine letters"],
  ])("refuses %s with a message at the field", (_n, values, field, message) => {
    const result = upsertQuestion(def, "vragen", null, values);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[field]).toContain(message);
  });

  test("a duplicate key is refused at the key field", () => {
    const once = upsertQuestion(def, "vragen", null, { type: "grade", text: "Cijfer", key: "cijfer" });
    if (!once.ok) throw new Error("first add failed");
    const twice = upsertQuestion(once.definition, "vragen", null, {
      type: "grade",
      text: "Nog een",
      key: "cijfer",
    });
    expect(!twice.ok && twice.errors.key).toMatch(/twee keer/);
  });

  test("pages and woon-DNA blocks", () => {
    const withPage = upsertPage(def, null, { title: "Woon-DNA", kind: "info" });
    if (!withPage.ok) throw new Error("page");
    expect(withPage.definition.pages.map((p) => p.key)).toEqual(["vragen", "woon-dna"]);
    const block = upsertBlock(withPage.definition, "woon-dna", null, {
      kind: "figures",
      title: "Woningen",
      figures: "Koop | 62 | %\nHuur | 38 | %",
      isExample: "ja",
    });
    expect(block.ok && block.definition.pages[1]!.blocks[0]).toMatchObject({
      isExample: true,
      figures: [
        { label: "Koop", value: 62, unit: "%" },
        { label: "Huur", value: 38, unit: "%" },
      ],
    });
    const bad = upsertBlock(withPage.definition, "woon-dna", null, {
      kind: "figures",
      title: "Leeg",
      figures: "",
    });
    expect(!bad.ok && bad.errors.figures).toMatch(/omschrijving \| getal/);
    expect(parseFigureLines("Nieuwbouw | 1.355 | woningen")[0]!.value).toBe(1355);
    expect(deletePage(def, "vragen").ok).toBe(false);
  });

  test("moving a question with a condition above its source is refused", () => {
    const parsed = parseDefinition(woonvisieDefinition);
    if (!parsed.ok) throw new Error("seed");
    // "gezochte-woning" depends on "verhuizen" (an earlier page); moving within its page is fine.
    expect(moveQuestion(parsed.definition, "gezochte-woning", 1).ok).toBe(true);
  });

  test("JSON import reports where the problem is", () => {
    const result = importDefinition(
      JSON.stringify({
        title: "X",
        pages: [{ key: "p", title: "P", questions: [{ key: "a", type: "grade" }] }],
      }),
    );
    expect(!result.ok && result.errors.json).toMatch(/bij pages\.0\.questions\.0\.text/);
  });
});
