import { fieldName, OTHER_VALUE, row } from "./shared";
import type { StaffPart } from "./staff";

export const single: StaffPart<"single"> = {
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
