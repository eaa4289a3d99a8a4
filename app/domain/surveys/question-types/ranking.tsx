import { useEffect, useState } from "react";
import type { QuestionOf } from "../definition";
import { DontKnowBox, describedBy, Group, str } from "./parts";
import { fieldId, fieldName, first, messages, type RawValues, type ResidentPart } from "./shared";

/** Rangorde: a number per item, 1 = most important; only the top N when `top` is set. */
export const ranking: ResidentPart<"ranking"> = {
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
  Component: RankingQuestion,
};

function RankingQuestion({
  q,
  values,
  error,
}: {
  q: QuestionOf<"ranking">;
  values: RawValues;
  error?: string;
}) {
  const top = q.top ?? q.items.length;
  const [ranks, setRanks] = useState<Record<string, string>>(() =>
    Object.fromEntries(q.items.map((i) => [i.value, str(values, fieldName(q.key, i.value))])),
  );
  const [enhanced, setEnhanced] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  // With JavaScript the list itself shows the order; Hoger/Lager move an item and renumber the top.
  const [order, setOrder] = useState<string[]>(() => {
    const rank = (v: string) => Number(ranks[v]) || Number.POSITIVE_INFINITY;
    return q.items
      .map((i, index) => ({ v: i.value, index }))
      .sort((a, b) => rank(a.v) - rank(b.v) || a.index - b.index)
      .map((x) => x.v);
  });
  useEffect(() => setEnhanced(true), []);
  const shown = enhanced ? order.map((v) => q.items.find((i) => i.value === v)!) : q.items;

  function move(itemValue: string, delta: -1 | 1) {
    const values = [...order];
    const from = values.indexOf(itemValue);
    const to = from + delta;
    if (to < 0 || to >= values.length) return;
    [values[from], values[to]] = [values[to]!, values[from]!];
    setOrder(values);
    setRanks(Object.fromEntries(values.map((v, i) => [v, i < top ? String(i + 1) : ""])));
    const label = q.items.find((i) => i.value === itemValue)?.label ?? "";
    setAnnouncement(
      to < top ? `${label} staat nu op plaats ${to + 1}.` : `${label} staat nu niet meer in de top ${top}.`,
    );
    // Keep the keyboard focus on the item; at the top or bottom the other button (this one is disabled).
    const atEdge = to === 0 || to === values.length - 1;
    const direction = delta < 0 !== atEdge ? "omhoog" : "omlaag";
    requestAnimationFrame(() =>
      document.getElementById(`${fieldId(q.key)}-${itemValue}-${direction}`)?.focus(),
    );
  }

  return (
    <Group q={q} error={error} className="wmh-ranking">
      <p className="utrecht-paragraph wmh-hint">
        {enhanced
          ? `Gebruik de knoppen Hoger en Lager, of vul de nummers 1 tot en met ${top} in.`
          : `Vul bij ${top === q.items.length ? "elk onderwerp" : `${top} onderwerpen`} een nummer in: 1 is het belangrijkst.`}
      </p>
      <ol className="wmh-ranking__list">
        {shown.map((item, index) => {
          const inputId = `${fieldId(q.key)}-${item.value}`;
          return (
            <li key={item.value} className="wmh-ranking__item">
              <label className="utrecht-form-label" htmlFor={inputId}>
                {item.label}
              </label>
              <input
                id={inputId}
                name={fieldName(q.key, item.value)}
                type="number"
                inputMode="numeric"
                min={1}
                max={top}
                value={ranks[item.value] ?? ""}
                onChange={(e) => setRanks({ ...ranks, [item.value]: e.target.value })}
                className="utrecht-textbox utrecht-textbox--html-input wmh-input-rank"
                aria-describedby={describedBy(fieldId(q.key), q.description, error)}
              />
              {enhanced ? (
                <span className="wmh-ranking__buttons">
                  <button
                    type="button"
                    id={`${inputId}-omhoog`}
                    aria-label={`Hoger: ${item.label}`}
                    className="utrecht-button utrecht-button--secondary-action wmh-button-small"
                    onClick={() => move(item.value, -1)}
                    disabled={index === 0}
                  >
                    Hoger
                  </button>
                  <button
                    type="button"
                    id={`${inputId}-omlaag`}
                    aria-label={`Lager: ${item.label}`}
                    className="utrecht-button utrecht-button--secondary-action wmh-button-small"
                    onClick={() => move(item.value, 1)}
                    disabled={index === shown.length - 1}
                  >
                    Lager
                  </button>
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
      <p className="wmh-visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <DontKnowBox q={q} values={values} />
    </Group>
  );
}
