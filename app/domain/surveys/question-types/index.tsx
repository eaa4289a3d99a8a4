// The registry of survey question types, resident part: one module per type (or per family of
// types), and a Record over every type so that a type without its part is a type error. This is all
// the staff pages (preview, paper entry) ship to the browser: validation and the render component, no
// zod; the survey page itself fetches only the parts its page needs (page.tsx). The other part
// (storage, redisplay, editor, export) is the staff registry in staff.ts; the name and zod schema are
// in ../definition.ts. docs/architecture.md lists the steps to add a type.
import type { ReactNode } from "react";
import type { Question, QuestionOf, QuestionType } from "../definition";
import { mapPoint } from "./map-point";
import { matrix } from "./matrix";
import { multiple } from "./multiple";
import { birthYear, number } from "./number";
import { open } from "./open";
import { postcode } from "./postcode";
import { ranking } from "./ranking";
import { agree, grade } from "./scale";
import type { QuestionProps, QuestionResult, RawValues, ResidentPart } from "./shared";
import { single } from "./single";
import { validateWithPart } from "./validate";

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

/** Validate one question's form values. Empty and not required → no value and no error. */
export function validateQuestion(
  q: Question,
  raw: RawValues,
  context: { year: number } = { year: new Date().getFullYear() },
): QuestionResult {
  return validateWithPart(residentPartFor(q), q, raw, context);
}

/** One survey question, rendered by its type's component. */
export function SurveyQuestion(props: QuestionProps) {
  const Component = residentPartFor(props.q).Component as (p: QuestionProps) => ReactNode;
  return <Component {...props} />;
}
