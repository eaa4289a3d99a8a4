// Agree (1–5) and grade (1–10) are both a fixed scale of radio buttons; they differ only in length.
import { AGREE_SCALE } from "../constants";
import { fieldName, first, messages, type QuestionTypeRules, row } from "./shared";

function scaleRules<T extends "agree" | "grade">(length: number): QuestionTypeRules<T> {
  const rules: QuestionTypeRules<"agree" | "grade"> = {
    dontKnow: "radio",
    validate(q, raw, { empty }) {
      const v = first(raw, fieldName(q.key));
      if (!v) return empty(messages.requiredChoice);
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > length) return { error: messages.invalidChoice };
      return { value: { kind: "number", number: n } };
    },
    // Also as option text, so one (question_key, value_option) index counts them.
    toRows: (q, value) =>
      value.kind === "number"
        ? [row(q.key, { valueNumber: value.number, valueOption: String(value.number) })]
        : [],
    fromRows: (_q, main) =>
      main?.valueNumber != null ? { kind: "number", number: main.valueNumber } : undefined,
    toFormValues: (q, value) => (value.kind === "number" ? { [fieldName(q.key)]: String(value.number) } : {}),
  };
  // The rules read only what agree and grade share, so they hold for either.
  return rules as unknown as QuestionTypeRules<T>;
}

/** Eens/oneens op 5 punten. */
export const agree = scaleRules<"agree">(AGREE_SCALE.length);
/** Rapportcijfer 1 tot en met 10. */
export const grade = scaleRules<"grade">(10);
