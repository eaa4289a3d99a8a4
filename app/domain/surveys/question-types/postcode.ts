import { fieldName, first, messages, type QuestionTypeRules, row } from "./shared";

/** Postcode: only the 4 digits are kept (privacy); the server adds the wijk. */
export const postcode: QuestionTypeRules<"postcode"> = {
  dontKnow: "box",
  validate(q, raw, { empty }) {
    const text = first(raw, fieldName(q.key)).toUpperCase().replace(/\s+/g, "");
    if (!text) return empty();
    const match = text.match(/^([1-9]\d{3})([A-Z]{2})?$/);
    if (!match) return { error: messages.postcode };
    return { value: { kind: "postcode", postcode: match[1]! } };
  },
  toRows: (q, value) =>
    value.kind === "postcode"
      ? [row(q.key, { valueText: value.postcode, valueOption: value.wijk ?? null })]
      : [],
  fromRows: (_q, main) =>
    main?.valueText
      ? {
          kind: "postcode",
          postcode: main.valueText,
          ...(main.valueOption ? { wijk: main.valueOption } : {}),
        }
      : undefined,
  toFormValues: (q, value) => (value.kind === "postcode" ? { [fieldName(q.key)]: value.postcode } : {}),
};
