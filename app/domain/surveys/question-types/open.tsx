import { TextQuestion } from "./parts";
import { fieldName, first, messages, type ResidentPart } from "./shared";

/** Open antwoord: one line or a text area, at most `maxLength` characters. */
export const open: ResidentPart<"open"> = {
  dontKnow: "box",
  validate(q, raw, { empty }) {
    const text = first(raw, fieldName(q.key)).replace(/\r\n/g, "\n");
    if (!text) return empty();
    if (text.length > q.maxLength) return { error: messages.tooLong(q.maxLength) };
    return { value: { kind: "text", text } };
  },
  Component: (p) => <TextQuestion {...p} kind={p.q.multiline ? "open-multi" : "open"} />,
};
