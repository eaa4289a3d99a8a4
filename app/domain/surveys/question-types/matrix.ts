import { DONT_KNOW_VALUE, fieldName, first, messages, type QuestionTypeRules, row } from "./shared";

/** Matrix: rows × one scale; "weet ik niet" is a value per row. */
export const matrix: QuestionTypeRules<"matrix"> = {
  dontKnow: "perRow",
  validate(q, raw, { empty }) {
    const rows: Record<string, string | null> = {};
    const scale = new Set(q.scale.map((s) => s.value));
    for (const r of q.rows) {
      const v = first(raw, fieldName(q.key, r.value));
      if (!v) continue;
      if (v === DONT_KNOW_VALUE && q.allowDontKnow) rows[r.value] = null;
      else if (scale.has(v)) rows[r.value] = v;
      else return { error: messages.invalidChoice };
    }
    const answered = Object.keys(rows).length;
    if (answered === 0) return empty(messages.matrixIncomplete);
    if (q.required && answered < q.rows.length) return { error: messages.matrixIncomplete };
    return { value: { kind: "matrix", rows } };
  },
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
