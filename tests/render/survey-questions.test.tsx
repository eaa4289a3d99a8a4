import { render } from "@testing-library/react";
import { describe, expect, test } from "vitest";
import { type AnswerValue, fieldId, toFormValues } from "~/domain/surveys/answers";
import {
  QUESTION_TYPES,
  type Question,
  type QuestionType,
  questionSchema,
} from "~/domain/surveys/definition";
import { SurveyQuestion, validateQuestion } from "~/domain/surveys/question-types";

// Every question type through the registry: it renders a labelled field, and an answer (also
// "weet ik niet") given earlier is shown again. A type added to the list without its component or
// its rules fails here, besides failing tsc.
const options = [
  { value: "a", label: "Eerste" },
  { value: "b", label: "Tweede" },
];
const samples: {
  [T in QuestionType]: { extra: Record<string, unknown>; answer: AnswerValue; shown: string };
} = {
  single: { extra: { options }, answer: { kind: "option", option: "b" }, shown: "Tweede" },
  multiple: { extra: { options }, answer: { kind: "options", options: ["a"] }, shown: "Eerste" },
  agree: { extra: {}, answer: { kind: "number", number: 4 }, shown: "Mee eens" },
  grade: { extra: {}, answer: { kind: "number", number: 7 }, shown: "7" },
  ranking: { extra: { items: options }, answer: { kind: "ranking", order: ["b", "a"] }, shown: "1 | 2" },
  matrix: {
    extra: {
      rows: options,
      scale: [
        { value: "ja", label: "Ja" },
        { value: "nee", label: "Nee" },
      ],
    },
    answer: { kind: "matrix", rows: { a: "ja", b: "nee" } },
    shown: "Ja",
  },
  open: { extra: {}, answer: { kind: "text", text: "Meer groen" }, shown: "Meer groen" },
  number: { extra: {}, answer: { kind: "number", number: 3 }, shown: "3" },
  birthYear: { extra: {}, answer: { kind: "number", number: 1965 }, shown: "1965" },
  postcode: { extra: {}, answer: { kind: "postcode", postcode: "2101" }, shown: "2101" },
  mapPoint: {
    extra: { locations: [{ value: "plein", label: "Raadhuisplein", lat: 52.35, lng: 4.62 }] },
    answer: { kind: "point", location: "plein" },
    shown: "Raadhuisplein",
  },
};

function question(type: QuestionType): Question {
  return questionSchema.parse({
    key: "vraag",
    text: `Vraag van het type ${type}`,
    type,
    allowDontKnow: true,
    ...samples[type].extra,
  });
}

/** What the form shows as chosen or typed: checked inputs' labels and the values of text fields. */
function shownValues(container: HTMLElement): string[] {
  const shown: string[] = [];
  for (const input of container.querySelectorAll<HTMLInputElement>("input, textarea")) {
    if (input.type === "radio" || input.type === "checkbox") {
      if (input.checked) shown.push(container.querySelector(`label[for="${input.id}"]`)?.textContent ?? "?");
    } else if (input.value) shown.push(input.value);
  }
  for (const select of container.querySelectorAll("select"))
    if (select.value) shown.push(select.selectedOptions[0]?.textContent ?? "?");
  return shown;
}

describe.each(QUESTION_TYPES)("question type %s", (type) => {
  test("renders its question with a field to answer", () => {
    const { container } = render(<SurveyQuestion q={question(type)} values={{}} />);
    expect(container.textContent).toContain(`Vraag van het type ${type}`);
    expect(container.querySelector(`#${fieldId("vraag")}`)).not.toBeNull();
    expect(container.querySelectorAll("input, textarea, select").length).toBeGreaterThan(0);
  });

  test("shows an earlier answer again", () => {
    const q = question(type);
    const { container } = render(<SurveyQuestion q={q} values={toFormValues(q, samples[type].answer)} />);
    expect(shownValues(container).join(" | ")).toContain(samples[type].shown);
  });

  test("shows an earlier 'weet ik niet' again", () => {
    const q = question(type);
    const values = toFormValues(
      q,
      type === "matrix" ? { kind: "matrix", rows: { a: null } } : { kind: "dontKnow" },
    );
    const { container } = render(<SurveyQuestion q={q} values={values} />);
    expect(shownValues(container).join(" | ")).toMatch(/weet ik niet/i);
  });

  test("shows its error message at the question", () => {
    const { container } = render(
      <SurveyQuestion q={question(type)} values={{}} error="Beantwoord deze vraag." />,
    );
    expect(container.textContent).toContain("Beantwoord deze vraag.");
  });
});

// The survey page's own path to the types (question-types/page.tsx): each type's module loaded on
// demand gives the same HTML and the same browser-side errors as the full registry, and a question
// whose module has not arrived yet suspends instead of rendering nothing.
describe("the survey page's lazily loaded question types", () => {
  test("render nothing but suspend until their module is loaded", async () => {
    const page = await import("~/domain/surveys/question-types/page");
    const q = question("single");
    // Not loaded in this module instance yet: the Suspense fallback (nothing) shows.
    const before = render(<page.PageQuestion q={q} values={{}} />);
    expect(before.container.innerHTML).toBe("");
    before.unmount();
  });

  test.each(QUESTION_TYPES)("%s: the same HTML and errors as the registry once loaded", async (type) => {
    const page = await import("~/domain/surveys/question-types/page");
    const q = question(type);
    await page.loadResidentParts([q]);
    const values = toFormValues(q, samples[type].answer);
    const lazy = render(<page.PageQuestion q={q} values={values} error="Fout" />);
    const full = render(<SurveyQuestion q={q} values={values} error="Fout" />);
    expect(lazy.container.innerHTML).toBe(full.container.innerHTML);
    const required = { ...q, required: true, allowDontKnow: false };
    for (const raw of [{}, values])
      expect(page.pageErrors({ questions: [required] }, raw)).toEqual(
        raw === values ? {} : { vraag: validateQuestion(required, raw).error },
      );
  });
});
