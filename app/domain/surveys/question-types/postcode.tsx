import { TextQuestion } from "./parts";
import { fieldName, first, messages, type ResidentPart } from "./shared";

/** Postcode: only the 4 digits are kept (privacy); the server adds the wijk. */
export const postcode: ResidentPart<"postcode"> = {
  dontKnow: "box",
  validate(q, raw, { empty }) {
    const text = first(raw, fieldName(q.key)).toUpperCase().replace(/\s+/g, "");
    if (!text) return empty();
    const match = text.match(/^([1-9]\d{3})([A-Z]{2})?$/);
    if (!match) return { error: messages.postcode };
    return { value: { kind: "postcode", postcode: match[1]! } };
  },
  Component: (p) => <TextQuestion {...p} kind="postcode" />,
};
