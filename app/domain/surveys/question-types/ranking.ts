import { fieldName, first, messages, type QuestionTypeRules, row } from "./shared";

/** Rangorde: a number per item, 1 = most important; only the top N when `top` is set. */
export const ranking: QuestionTypeRules<"ranking"> = {
  dontKnow: "box",
  validate(q, raw, { empty }) {
    const n = q.top ?? q.items.length;
    const ranks = q.items
      .map((item) => ({ item: item.value, text: first(raw, fieldName(q.key, item.value)) }))
      .filter((r) => r.text !== "");
    if (ranks.length === 0) return empty(messages.rankingIncomplete(n));
    const numbers = ranks.map((r) => Number(r.text));
    const valid =
      numbers.every((x) => Number.isInteger(x) && x >= 1 && x <= n) &&
      new Set(numbers).size === numbers.length &&
      numbers.length === n;
    if (!valid) return { error: messages.rankingIncomplete(n) };
    const order = ranks
      .map((r, i) => ({ item: r.item, rank: numbers[i]! }))
      .sort((a, b) => a.rank - b.rank)
      .map((r) => r.item);
    return { value: { kind: "ranking", order } };
  },
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
