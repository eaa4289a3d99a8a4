import { fieldName, row } from "./shared";
import type { StaffPart } from "./staff";

export const postcode: StaffPart<"postcode"> = {
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
