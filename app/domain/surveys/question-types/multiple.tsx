import { ChoiceQuestion } from "./parts";
import { all, fieldName, first, messages, OTHER_VALUE, type ResidentPart } from "./shared";

/** Meer antwoorden kiezen: checkboxes, optionally at most `max`, and "anders, namelijk". */
export const multiple: ResidentPart<"multiple"> = {
  dontKnow: "checkbox",
  validate(q, raw, { empty }) {
    const chosen = [...new Set(all(raw, fieldName(q.key)))];
    if (chosen.length === 0) return empty(messages.requiredChoice);
    const allowed = new Set([...q.options.map((o) => o.value), ...(q.other ? [OTHER_VALUE] : [])]);
    if (chosen.some((c) => !allowed.has(c))) return { error: messages.invalidChoice };
    if (q.max !== undefined && chosen.length > q.max) return { error: messages.tooMany(q.max) };
    const ordered = [...allowed].filter((v) => chosen.includes(v));
    if (chosen.includes(OTHER_VALUE)) {
      const other = first(raw, fieldName(q.key, OTHER_VALUE));
      if (!other) return { error: messages.otherMissing };
      if (other.length > 200) return { error: messages.tooLong(200) };
      return { value: { kind: "options", options: ordered, other } };
    }
    return { value: { kind: "options", options: ordered } };
  },
  Component: ChoiceQuestion,
};
