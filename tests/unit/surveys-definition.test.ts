import { describe, expect, test } from "vitest";
import { normalizeCode } from "../../app/domain/surveys/codes";
import {
  backgroundQuestion,
  listQuestions,
  parseDefinition,
  type SurveyDefinitionInput,
} from "../../app/domain/surveys/definition";

const minimal = (questions: unknown[], more: unknown[] = []): SurveyDefinitionInput =>
  ({
    title: "Test",
    pages: [{ key: "p1", title: "Pagina 1", questions }, ...more],
  }) as SurveyDefinitionInput;

describe("survey definition", () => {
  test("a valid definition gets its defaults", () => {
    const result = parseDefinition(
      minimal([
        { key: "jaar", type: "birthYear", text: "Geboortejaar", background: "age" },
        { key: "pc", type: "postcode", text: "Postcode", background: "wijk", required: true },
      ]),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.definition.estimatedMinutes).toBe(10);
    expect(listQuestions(result.definition).map((q) => q.key)).toEqual(["jaar", "pc"]);
    expect(backgroundQuestion(result.definition, "wijk")?.key).toBe("pc");
    expect(result.definition.pages[0]!.questions[0]!.required).toBe(false);
  });

  test.each([
    [
      "duplicate question keys",
      minimal([
        { key: "a", type: "grade", text: "A" },
        { key: "a", type: "agree", text: "B" },
      ]),
      /komt twee keer voor/,
    ],
    [
      "a condition on a later question",
      minimal([
        { key: "a", type: "grade", text: "A", showIf: { question: "b", operator: "answered" } },
        { key: "b", type: "grade", text: "B" },
      ]),
      /eerdere pagina/,
    ],
    [
      "a condition on the same page",
      minimal([
        { key: "a", type: "grade", text: "A" },
        { key: "b", type: "grade", text: "B", showIf: { question: "a", operator: "atLeast", value: 6 } },
      ]),
      /eerdere pagina/,
    ],
    [
      "a reserved ranking item",
      minimal([
        {
          key: "r",
          type: "ranking",
          text: "R",
          items: [
            { value: "anders", label: "x" },
            { value: "b", label: "y" },
          ],
        },
      ]),
      /gereserveerd/,
    ],
    [
      "a maximum above the options",
      minimal([
        {
          key: "m",
          type: "multiple",
          text: "M",
          max: 5,
          options: [
            { value: "a", label: "A" },
            { value: "b", label: "B" },
          ],
        },
      ]),
      /maximum/,
    ],
    ["a bad key", minimal([{ key: "Vraag 1", type: "grade", text: "A" }]), /kleine letters/],
  ])("refuses %s", (_name, input, message) => {
    const result = parseDefinition(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.message).join(" ")).toMatch(message);
  });

  test("a condition on an earlier page is allowed", () => {
    const result = parseDefinition(
      minimal(
        [{ key: "a", type: "grade", text: "A" }],
        [
          {
            key: "p2",
            title: "Twee",
            questions: [
              { key: "b", type: "open", text: "B", showIf: { question: "a", operator: "atMost", value: 5 } },
            ],
          },
        ],
      ),
    );
    expect(result.ok).toBe(true);
  });
});

describe("personal codes", () => {
  test.each([
    ["abcd-efgh-jkmn", "ABCDEFGHJKMN"],
    [" ABCD EFGH JKMN ", "ABCDEFGHJKMN"],
    ["ABCD-EFGH-JKM0", null],
    ["short", null],
  ])("%s normalises to %s", (input, expected) => expect(normalizeCode(input)).toBe(expected));
});
