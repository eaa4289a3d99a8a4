// Getal and geboortejaar: a number typed in a text field (a comma is a decimal point).
import { fieldName, first, messages, parseNumber, type QuestionTypeRules, row } from "./shared";

const numberStorage = {
  dontKnow: "box",
  toRows: (q, value) => (value.kind === "number" ? [row(q.key, { valueNumber: value.number })] : []),
  fromRows: (_q, main) =>
    main?.valueNumber != null ? { kind: "number", number: main.valueNumber } : undefined,
  toFormValues: (q, value) => (value.kind === "number" ? { [fieldName(q.key)]: String(value.number) } : {}),
} satisfies Omit<QuestionTypeRules<"number" | "birthYear">, "validate">;

export const number: QuestionTypeRules<"number"> = {
  ...numberStorage,
  validate(q, raw, { empty }) {
    const text = first(raw, fieldName(q.key));
    if (!text) return empty();
    const n = parseNumber(text);
    if (n === null) return { error: messages.notANumber };
    if (q.integer && !Number.isInteger(n)) return { error: messages.notAWholeNumber };
    if (q.min !== undefined && n < q.min) return { error: messages.numberMin(q.min) };
    if (q.max !== undefined && n > q.max) return { error: messages.numberMax(q.max) };
    return { value: { kind: "number", number: n } };
  },
};

/** Geboortejaar: 1900 up to this year minus the minimum age. */
export const birthYear: QuestionTypeRules<"birthYear"> = {
  ...numberStorage,
  validate(q, raw, { empty, year }) {
    const text = first(raw, fieldName(q.key));
    if (!text) return empty();
    const n = parseNumber(text);
    const max = year - q.minAge;
    if (n === null || !Number.isInteger(n) || n < 1900 || n > max) return { error: messages.birthYear(max) };
    return { value: { kind: "number", number: n } };
  },
};
