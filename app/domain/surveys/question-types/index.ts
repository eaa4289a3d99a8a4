// The registry of survey question types, browser-safe part: one module per type, and a Record over
// every type so that a type without its rules is a type error. The other parts of a type (its zod
// schema in ../definition.ts, its editor fields in ../editor.ts, its export columns in
// insights/export-columns.ts, its render component in app/ui/surveys/question.tsx) are Records over
// the same type list. docs/architecture.md lists the steps to add a type.
import type { QuestionOf, QuestionType } from "../definition";
import { mapPoint } from "./map-point";
import { matrix } from "./matrix";
import { multiple } from "./multiple";
import { birthYear, number } from "./number";
import { open } from "./open";
import { postcode } from "./postcode";
import { ranking } from "./ranking";
import { agree, grade } from "./scale";
import type { QuestionTypeRules } from "./shared";
import { single } from "./single";

export const questionTypeRules: { [T in QuestionType]: QuestionTypeRules<T> } = {
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

/** The rules of a question's own type (one cast, here, instead of a switch in every consumer). */
export function rulesFor<T extends QuestionType>(q: QuestionOf<T>): QuestionTypeRules<T> {
  return questionTypeRules[q.type as T] as QuestionTypeRules<T>;
}
