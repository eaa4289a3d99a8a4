// One question's validation with its type's resident part: "weet ik niet" in the way the type offers
// it, then the type's own check. Shared by the full registry (index.tsx: the server, the staff pages)
// and the survey page's lazily loaded parts (page.tsx), so both give the same answer.
import type { Question } from "../definition";
import {
  all,
  DONT_KNOW_VALUE,
  fieldName,
  first,
  type QuestionResult,
  type RawValues,
  type ResidentPart,
  type ValidationContext,
} from "./shared";

// biome-ignore lint/suspicious/noExplicitAny: a part of the question's own type, chosen by the caller
type AnyPart = ResidentPart<any>;

/** Is "weet ik niet" given for this question, in the way its type offers it? */
function dontKnowGiven(part: AnyPart, q: Question, raw: RawValues): boolean {
  if (!q.allowDontKnow) return false;
  switch (part.dontKnow) {
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
export function validateWithPart(
  part: AnyPart,
  q: Question,
  raw: RawValues,
  context: Pick<ValidationContext, "year">,
): QuestionResult {
  if (dontKnowGiven(part, q, raw)) return { value: { kind: "dontKnow" } };
  const empty = (message?: string): QuestionResult =>
    q.required ? { error: message ?? "Beantwoord deze vraag." } : {};
  return part.validate(q, raw, { year: context.year, empty });
}
