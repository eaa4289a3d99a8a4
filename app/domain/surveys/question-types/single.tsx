import { ChoiceQuestion } from "./parts";
import { fieldName, first, messages, OTHER_VALUE, type ResidentPart } from "./shared";

/** Eén antwoord kiezen: radio buttons, optionally "anders, namelijk" with a text. */
export const single: ResidentPart<"single"> = {
  dontKnow: "radio",
  validate(q, raw, { empty }) {
    const v = first(raw, fieldName(q.key));
    if (!v) return empty(messages.requiredChoice);
    if (v === OTHER_VALUE && q.other) {
      const other = first(raw, fieldName(q.key, OTHER_VALUE));
      if (!other) return { error: messages.otherMissing };
      if (other.length > 200) return { error: messages.tooLong(200) };
      return { value: { kind: "option", option: v, other } };
    }
    if (!q.options.some((o) => o.value === v)) return { error: messages.invalidChoice };
    return { value: { kind: "option", option: v } };
  },
  Component: ChoiceQuestion,
};
