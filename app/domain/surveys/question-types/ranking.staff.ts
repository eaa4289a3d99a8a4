import { fieldName, row } from "./shared";
import type { StaffPart } from "./staff";

export const ranking: StaffPart<"ranking"> = {
  toRows: (q, value) =>
    value.kind === "ranking"
      ? value.order.map((item, i) => row(q.key, { subKey: item, valueNumber: i + 1 }))
      : [],
  fromRows(_q, _main, rows) {
    const ranked = rows.filter((r) => r.subKey !== "" && r.valueNumber != null);
    ranked.sort((a, b) => a.valueNumber! - b.valueNumber!);
    return { kind: "ranking", order: ranked.map((r) => r.subKey) };
  },
  toFormValues: (q, value) =>
    value.kind === "ranking"
      ? Object.fromEntries(value.order.map((item, i) => [fieldName(q.key, item), String(i + 1)]))
      : {},
};
