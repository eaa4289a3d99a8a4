import { fieldName, row } from "./shared";
import type { StaffPart } from "./staff";

export const open: StaffPart<"open"> = {
  toRows: (q, value) => (value.kind === "text" ? [row(q.key, { valueText: value.text })] : []),
  fromRows: (_q, main) => (main?.valueText != null ? { kind: "text", text: main.valueText } : undefined),
  toFormValues: (q, value) => (value.kind === "text" ? { [fieldName(q.key)]: value.text } : {}),
};
