import { fieldName, first, messages, OTHER_VALUE, type QuestionTypeRules, row } from "./shared";

/** Eén antwoord kiezen: radio buttons, optionally "anders, namelijk" with a text. */
export const single: QuestionTypeRules<"single"> = {
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
  toRows: (q, value) =>
    value.kind === "option"
      ? [row(q.key, { valueOption: value.option, valueText: value.other ?? null })]
      : [],
  fromRows: (_q, main) =>
    main?.valueOption
      ? { kind: "option", option: main.valueOption, ...(main.valueText ? { other: main.valueText } : {}) }
      : undefined,
  toFormValues: (q, value) =>
    value.kind === "option"
      ? {
          [fieldName(q.key)]: value.option,
          ...(value.other ? { [fieldName(q.key, OTHER_VALUE)]: value.other } : {}),
        }
      : {},
};
