// The registry of survey question types, resident part: one module per type (or per family of
// types), and a Record over every type so that a type without its part is a type error. This is all
// the survey page ships to the browser: validation and the render component, no zod. The other part
// (storage, redisplay, editor, export) is the staff registry in staff.ts; the name and zod schema are
// in ../definition.ts. docs/architecture.md lists the steps to add a type.
import type { ReactNode } from "react";
import type { Page, Question, QuestionOf, QuestionType } from "../definition";
import { mapPoint } from "./map-point";
import { matrix } from "./matrix";
import { multiple } from "./multiple";
import { birthYear, number } from "./number";
import { open } from "./open";
import { postcode } from "./postcode";
import { ranking } from "./ranking";
import { agree, grade } from "./scale";
import {
  all,
  DONT_KNOW_VALUE,
  fieldName,
  first,
  type QuestionProps,
  type QuestionResult,
  type RawValues,
  type ResidentPart,
} from "./shared";
import { single } from "./single";

export const residentTypes: { [T in QuestionType]: ResidentPart<T> } = {
  single,
  multiple,
  agree,
  grade,
  ranking,
  matrix,
  open,
  number,
  birthYear,
  postcode,
  mapPoint,
};

/** The resident part of a question's own type (one cast, here, instead of a switch in every consumer). */
export function residentPartFor<T extends QuestionType>(q: QuestionOf<T>): ResidentPart<T> {
  return residentTypes[q.type as T] as ResidentPart<T>;
}

/** Is "weet ik niet" given for this question, in the way its type offers it? */
function dontKnowGiven(q: Question, raw: RawValues): boolean {
  if (!q.allowDontKnow) return false;
  switch (residentPartFor(q).dontKnow) {
    case "radio":
      return first(raw, fieldName(q.key)) === DONT_KNOW_VALUE;
    case "checkbox":
      return all(raw, fieldName(q.key)).includes(DONT_KNOW_VALUE);
    case "box":
      return first(raw, fieldName(q.key, DONT_KNOW_VALUE)) !== "";
    case "perRow":
      return false;
  }
}

/** Validate one question's form values. Empty and not required → no value and no error. */
export function validateQuestion(
  q: Question,
  raw: RawValues,
  context: { year: number } = { year: new Date().getFullYear() },
): QuestionResult {
  if (dontKnowGiven(q, raw)) return { value: { kind: "dontKnow" } };
  const empty = (message?: string): QuestionResult =>
    q.required ? { error: message ?? "Beantwoord deze vraag." } : {};
  return residentPartFor(q).validate(q, raw, { year: context.year, empty });
}

/**
 * The browser's check of a shown page before it is sent: the errors the server would give for the
 * same form values (the loader sends only the visible questions, so there are no conditions here).
 */
export function pageErrors(page: Pick<Page, "questions">, raw: RawValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const context = { year: new Date().getFullYear() };
  for (const q of page.questions) {
    const error = validateQuestion(q, raw, context).error;
    if (error) errors[q.key] = error;
  }
  return errors;
}

/** One survey question, rendered by its type's component. */
export function SurveyQuestion(props: QuestionProps) {
  const Component = residentPartFor(props.q).Component as (p: QuestionProps) => ReactNode;
  return <Component {...props} />;
}
