import { fieldName, first, messages, type QuestionTypeRules, row } from "./shared";

/** Open antwoord: one line or a text area, at most `maxLength` characters. */
export const open: QuestionTypeRules<"open"> = {
  dontKnow: "box",
  validate(q, raw, { empty }) {
    const text = first(raw, fieldName(q.key)).replace(/\r\n/g, "\n");
    if (!text) return empty();
    if (text.length > q.maxLength) return { error: messages.tooLong(q.maxLength) };
    return { value: { kind: "text", text } };
  },
  toRows: (q, value) => (value.kind === "text" ? [row(q.key, { valueText: value.text })] : []),
  fromRows: (_q, main) => (main?.valueText != null ? { kind: "text", text: main.valueText } : undefined),
  toFormValues: (q, value) => (value.kind === "text" ? { [fieldName(q.key)]: value.text } : {}),
};
