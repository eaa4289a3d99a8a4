// Getal and geboortejaar: a number typed in a text field (a comma is a decimal point).
import { TextQuestion } from "./parts";
import { fieldName, first, messages, parseNumber, type ResidentPart } from "./shared";

export const number: ResidentPart<"number"> = {
  dontKnow: "box",
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
  Component: (p) => <TextQuestion {...p} kind="number" />,
};

/** Geboortejaar: 1900 up to this year minus the minimum age. */
export const birthYear: ResidentPart<"birthYear"> = {
  dontKnow: "box",
  validate(q, raw, { empty, year }) {
    const text = first(raw, fieldName(q.key));
    if (!text) return empty();
    const n = parseNumber(text);
    const max = year - q.minAge;
    if (n === null || !Number.isInteger(n) || n < 1900 || n > max) return { error: messages.birthYear(max) };
    return { value: { kind: "number", number: n } };
  },
  Component: (p) => <TextQuestion {...p} kind="birthYear" />,
};
