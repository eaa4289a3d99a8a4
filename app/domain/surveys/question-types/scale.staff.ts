import { fieldName, row } from "./shared";
import type { StaffPart } from "./staff";

function scaleStaff<T extends "agree" | "grade">(): StaffPart<T> {
  const part: StaffPart<"agree" | "grade"> = {
    // Also as option text, so one (question_key, value_option) index counts them.
    toRows: (q, value) =>
      value.kind === "number"
        ? [row(q.key, { valueNumber: value.number, valueOption: String(value.number) })]
        : [],
    fromRows: (_q, main) =>
      main?.valueNumber != null ? { kind: "number", number: main.valueNumber } : undefined,
    toFormValues: (q, value) => (value.kind === "number" ? { [fieldName(q.key)]: String(value.number) } : {}),
  };
  // The part reads only what agree and grade share, so it holds for either.
  return part as unknown as StaffPart<T>;
}

export const agree = scaleStaff<"agree">();
export const grade = scaleStaff<"grade">();
