import { describe, expect, test } from "vitest";
import { type Answers, conditionHolds } from "~/domain/surveys/answers";
import { type Condition, conditionTests, parseDefinition } from "~/domain/surveys/definition";

const answers: Answers = {
  woonvorm: { kind: "option", option: "huur" },
  leeftijd: { kind: "number", number: 70 },
  wensen: { kind: "options", options: ["groen", "speelplek"] },
  stelling: { kind: "matrix", rows: { veilig: "eens", schoon: null } },
  weetniet: { kind: "dontKnow" },
};

describe("combined conditions (all, any, not, matrix rows, counts)", () => {
  test.each<[string, Condition, boolean]>([
    [
      "all holds",
      {
        all: [
          { question: "woonvorm", operator: "equals", value: "huur" },
          { question: "leeftijd", operator: "greaterThan", value: 65 },
        ],
      },
      true,
    ],
    [
      "all fails on one",
      {
        all: [
          { question: "woonvorm", operator: "equals", value: "huur" },
          { question: "leeftijd", operator: "lessThan", value: 65 },
        ],
      },
      false,
    ],
    [
      "any holds on one",
      {
        any: [
          { question: "woonvorm", operator: "equals", value: "koop" },
          { question: "leeftijd", operator: "atLeast", value: 70 },
        ],
      },
      true,
    ],
    ["not", { not: { question: "woonvorm", operator: "equals", value: "koop" } }, true],
    ["greaterThan is strict", { question: "leeftijd", operator: "greaterThan", value: 70 }, false],
    ["lessThan on no answer is false", { question: "onbekend", operator: "lessThan", value: 5 }, false],
    ["matrix row equals", { question: "stelling", row: "veilig", operator: "equals", value: "eens" }, true],
    [
      "matrix row 'weet niet' is not answered",
      { question: "stelling", row: "schoon", operator: "answered" },
      false,
    ],
    [
      "row of a question that is no matrix",
      { question: "woonvorm", row: "veilig", operator: "answered" },
      false,
    ],
    ["countAtLeast", { question: "wensen", operator: "countAtLeast", value: 2 }, true],
    ["countAtMost", { question: "wensen", operator: "countAtMost", value: 1 }, false],
    ["count of nothing is 0", { question: "onbekend", operator: "countAtMost", value: 0 }, true],
    ["'weet niet' counts as not answered", { question: "weetniet", operator: "answered" }, false],
  ])("%s", (_name, condition, expected) => expect(conditionHolds(condition, answers)).toBe(expected));
});

describe("the definition accepts combined conditions that look back only", () => {
  const single = (key: string) => ({
    key,
    text: key,
    type: "single",
    options: [
      { value: "a", label: "A" },
      { value: "b", label: "B" },
    ],
  });
  const def = (showIf: unknown) => ({
    title: "T",
    pages: [
      { key: "een", title: "Een", questions: [single("eerste"), single("tweede")] },
      { key: "twee", title: "Twee", questions: [{ ...single("derde"), showIf }] },
    ],
  });
  test("all/any/not of earlier questions is valid", () => {
    const showIf = {
      all: [
        { question: "eerste", operator: "equals", value: "a" },
        { not: { any: [{ question: "tweede", operator: "answered" }] } },
      ],
    };
    const parsed = parseDefinition(def(showIf));
    expect(parsed.ok).toBe(true);
    if (parsed.ok)
      expect(
        conditionTests(parsed.definition.pages[1]!.questions[0]!.showIf!).map((t) => t.question),
      ).toEqual(["eerste", "tweede"]);
  });
  test("a nested test on a question of the same or a later page is refused", () => {
    const parsed = parseDefinition(
      def({
        any: [
          { question: "eerste", operator: "answered" },
          { question: "derde", operator: "answered" },
        ],
      }),
    );
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]!.message).toMatch(/eerdere pagina/);
  });
  test("an empty combination and unknown keys are refused", () => {
    expect(parseDefinition(def({ all: [] })).ok).toBe(false);
    expect(parseDefinition(def({ all: [{ question: "eerste", operator: "answered" }], extra: 1 })).ok).toBe(
      false,
    );
  });
});

test("a condition nested thousands deep is refused with a message, not a stack overflow", () => {
  let showIf: unknown = { question: "eerste", operator: "answered" };
  for (let i = 0; i < 5000; i++) showIf = { not: showIf };
  const parsed = parseDefinition({
    title: "T",
    pages: [
      { key: "een", title: "Een", questions: [{ key: "eerste", text: "x", type: "open" }] },
      { key: "twee", title: "Twee", questions: [{ key: "tweede", text: "y", type: "open", showIf }] },
    ],
  });
  expect(parsed.ok).toBe(false);
  if (!parsed.ok) expect(parsed.problems[0]!.message).toBe("De voorwaarde is te diep genest.");
});
