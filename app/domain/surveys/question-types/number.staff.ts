import { fieldName, row } from "./shared";
import type { StaffPart } from "./staff";

function numberStaff<T extends "number" | "birthYear">(): StaffPart<T> {
  const part: StaffPart<"number" | "birthYear"> = {
    toRows: (q, value) => (value.kind === "number" ? [row(q.key, { valueNumber: value.number })] : []),
    fromRows: (_q, main) =>
      main?.valueNumber != null ? { kind: "number", number: main.valueNumber } : undefined,
    toFormValues: (q, value) => (value.kind === "number" ? { [fieldName(q.key)]: String(value.number) } : {}),
  };
  return part as unknown as StaffPart<T>;
}

export const number = numberStaff<"number">();
export const birthYear = numberStaff<"birthYear">();
