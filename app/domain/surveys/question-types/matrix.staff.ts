import { DONT_KNOW_VALUE, fieldName, row } from "./shared";
import type { StaffPart } from "./staff";

export const matrix: StaffPart<"matrix"> = {
  toRows: (q, value) =>
    value.kind === "matrix"
      ? Object.entries(value.rows).map(([sub, v]) =>
          row(q.key, { subKey: sub, valueOption: v, dontKnow: v === null }),
        )
      : [],
  fromRows: (_q, _main, rows) => ({
    kind: "matrix",
    rows: Object.fromEntries(
      rows.filter((r) => r.subKey !== "").map((r) => [r.subKey, r.dontKnow ? null : r.valueOption]),
    ),
  }),
  toFormValues: (q, value) =>
    value.kind === "matrix"
      ? Object.fromEntries(
          Object.entries(value.rows).map(([sub, v]) => [
            fieldName(q.key, sub),
            v === null ? DONT_KNOW_VALUE : v,
          ]),
        )
      : {},
};
