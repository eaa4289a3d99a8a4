import { fieldName, OTHER_VALUE, row } from "./shared";
import type { StaffPart } from "./staff";

export const multiple: StaffPart<"multiple"> = {
  toRows: (q, value) =>
    value.kind === "options"
      ? [row(q.key, { valueOptions: value.options, valueText: value.other ?? null })]
      : [],
  fromRows: (_q, main) =>
    main?.valueOptions
      ? { kind: "options", options: main.valueOptions, ...(main.valueText ? { other: main.valueText } : {}) }
      : undefined,
  toFormValues: (q, value) =>
    value.kind === "options"
      ? {
          [fieldName(q.key)]: value.options,
          ...(value.other ? { [fieldName(q.key, OTHER_VALUE)]: value.other } : {}),
        }
      : {},
};
