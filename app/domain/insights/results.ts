// Turning grouped answer counts into survey results: distributions with 95% intervals, weighted and
// unweighted, breakdowns per background variable, and suppression of every group under 10.
// Pure: results.server.ts fetches the grouped counts with SQL and hands them here.
import { ageGroupLabels, ageGroupMax, ageGroupOfAge, ageGroups } from "../population/categories";
import {
  AGREE_SCALE,
  type BackgroundVariable,
  choiceLabels,
  DONT_KNOW_LABEL,
  listQuestions,
  type Question,
  type SurveyDefinition,
} from "../surveys/definition";
import { effectiveSampleSize, isGroupShown, MIN_CELL, suppressCells, wilsonInterval } from "./statistics";
import type { BaseGroup, Weighting } from "./weighting";

/** The tally key under which "weet niet" answers are counted (not a form value: see answers.ts). */
export const DONT_KNOW_TALLY = "__weetniet";

/** The shared age groups (app/domain/population/categories.ts) in the shape the SQL and exports use. */
export const ageBands = ageGroups.map((key) => ({ key, label: ageGroupLabels[key], max: ageGroupMax[key] }));

export const ageBand: (age: number) => string = ageGroupOfAge;

export const backgroundLabels: Record<BackgroundVariable, string> = {
  age: "Leeftijd",
  tenure: "Woonsituatie",
  household: "Huishouden",
  wijk: "Wijk",
};

/** Background variables used for weighting and breakdowns, in display order. */
export const breakdownVariables: BackgroundVariable[] = ["age", "tenure", "wijk", "household"];

/** Question types whose answers are counted: a distribution of answers (a mean only, for number). */
export const CLOSED_QUESTION_TYPES: ReadonlySet<Question["type"]> = new Set<Question["type"]>([
  "single",
  "multiple",
  "agree",
  "grade",
  "matrix",
  "ranking",
  "postcode",
  "number",
]);

export type Background = Record<BackgroundVariable, string | null>;

/** Grouped counts from SQL: answers per question, sub key, value and respondent class. */
export interface AnswerGroup extends Background {
  questionKey: string;
  subKey: string;
  value: string;
  count: number;
}

export function classKey(b: Background): string {
  return `${b.age ?? ""}|${b.tenure ?? ""}|${b.wijk ?? ""}|${b.household ?? ""}`;
}

export interface ResultCell {
  value: string;
  label: string;
  /** null when suppressed (fewer than 10, or needed to protect another small cell). */
  count: number | null;
  percent: number | null;
  ci: { low: number; high: number } | null;
  weightedPercent: number | null;
  weightedCi: { low: number; high: number } | null;
  suppressed: boolean;
}

export interface Distribution {
  subKey: string;
  subLabel: string | null;
  base: number;
  /** Shown only when the base is at least 10. */
  shown: boolean;
  effectiveBase: number;
  cells: ResultCell[];
  mean: { unweighted: number; weighted: number } | null;
}

export interface BreakdownGroup {
  category: string;
  label: string;
  base: number | null;
  shown: boolean;
  cells: {
    value: string;
    label: string;
    count: number | null;
    percent: number | null;
    suppressed: boolean;
  }[];
}

export interface QuestionResult {
  key: string;
  text: string;
  type: Question["type"];
  theme: number | null;
  distributions: Distribution[];
  /** Per background variable, the first distribution split by its categories. */
  breakdowns: { variable: BackgroundVariable; label: string; groups: BreakdownGroup[] }[];
}

export type Labels = Partial<Record<BackgroundVariable, Record<string, string>>>;

function valueOrder(q: Question): { value: string; label: string }[] {
  const labels = choiceLabels(q);
  if (q.type === "agree") return AGREE_SCALE.map((s) => ({ value: String(s.value), label: s.label }));
  if (q.type === "grade")
    return Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }));
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

function subLabels(q: Question): Record<string, string> {
  if (q.type === "matrix") return Object.fromEntries(q.rows.map((r) => [r.value, r.label]));
  return {};
}

/** How many places count as "the top" of a ranking: the places asked for, at most 3 if all are ranked. */
export function rankingTop(q: { top?: number; items: readonly unknown[] }): number {
  return q.top ?? Math.min(3, q.items.length);
}

/**
 * A ranking as "share that put it in their top N": stored rows have sub key = item and value = rank;
 * this turns them into one row per item with the respondents who ranked it N or better (value = the
 * item), and a base per class of everyone who answered: the respondents who gave a 1 (each ranked
 * answer has exactly one) plus those who chose "weet niet", who stay a value of their own.
 */
export function rankingTopRows(
  questionKey: string,
  groups: readonly AnswerGroup[],
  top: number,
): { rows: AnswerGroup[]; bases: BaseGroup[] } {
  const rows: AnswerGroup[] = [];
  const bases: BaseGroup[] = [];
  for (const g of groups) {
    if (g.questionKey !== questionKey) continue;
    const background = { age: g.age, tenure: g.tenure, wijk: g.wijk, household: g.household };
    if (g.value === DONT_KNOW_TALLY) {
      rows.push({ ...g, subKey: "" });
      bases.push({ questionKey, subKey: "", count: g.count, ...background });
      continue;
    }
    const rank = Number(g.value);
    if (!Number.isInteger(rank) || rank < 1 || rank > top) continue;
    rows.push({ questionKey, subKey: "", value: g.subKey, count: g.count, ...background });
    if (rank === 1) bases.push({ questionKey, subKey: "", count: g.count, ...background });
  }
  return { rows, bases };
}

/** One closed question's tallies as buildQuestionResults hands them to its steps. */
interface QuestionTally {
  q: Question;
  groups: readonly AnswerGroup[];
  /** Respondents per class who answered (multiple choice and ranking). */
  bases: readonly BaseGroup[];
  values: { value: string; label: string }[];
  sharesOfRespondents: boolean;
}

/** The distribution of one (sub)question: counts and percentages with intervals, weighted and not, and a mean. */
function distributionOf(
  { q, groups, bases, values, sharesOfRespondents }: QuestionTally,
  subKey: string,
  subLabel: string | null,
  weightOf: (b: Background) => number,
): Distribution {
  const rows = groups.filter((g) => g.subKey === subKey);
  // Respondents per class who answered: for multiple choice from the base query, otherwise the sum.
  const baseRows: { b: Background; count: number }[] = sharesOfRespondents
    ? bases.filter((b) => b.subKey === subKey).map((b) => ({ b, count: b.count }))
    : rows.map((r) => ({ b: r, count: r.count }));
  let base = 0;
  let weightedBase = 0;
  let sumW2 = 0;
  for (const { b, count } of baseRows) {
    const w = weightOf(b);
    base += count;
    weightedBase += count * w;
    sumW2 += count * w * w;
  }
  const effectiveBase = sumW2 > 0 ? (weightedBase * weightedBase) / sumW2 : 0;
  const counts = values.map((v) => {
    let count = 0;
    let weighted = 0;
    for (const r of rows)
      if (r.value === v.value) {
        count += r.count;
        weighted += r.count * weightOf(r);
      }
    return { ...v, count, weighted };
  });
  const shown = isGroupShown(base);
  const suppressed = suppressCells(counts, { totalShown: !sharesOfRespondents });
  const cells: ResultCell[] = suppressed.map((c) => {
    const hide = !shown || c.suppressed;
    const wp = weightedBase > 0 ? c.weighted / weightedBase : 0;
    return {
      value: c.value,
      label: c.label,
      count: hide ? null : c.count,
      percent: hide ? null : c.count / base,
      ci: hide ? null : wilsonInterval(c.count, base),
      weightedPercent: hide ? null : wp,
      weightedCi: hide ? null : wilsonInterval(wp * effectiveBase, effectiveBase),
      suppressed: hide,
    };
  });
  let mean: Distribution["mean"] = null;
  if ((q.type === "number" || q.type === "grade" || q.type === "agree") && shown) {
    let s = 0;
    let ws = 0;
    let n = 0;
    let wn = 0;
    for (const r of rows) {
      const x = Number(r.value);
      if (!Number.isFinite(x)) continue;
      s += x * r.count;
      n += r.count;
      ws += x * r.count * weightOf(r);
      wn += r.count * weightOf(r);
    }
    if (n >= MIN_CELL) mean = { unweighted: s / n, weighted: wn > 0 ? ws / wn : s / n };
  }
  return {
    subKey,
    subLabel: subLabel,
    base,
    shown,
    effectiveBase,
    cells: q.type === "number" ? [] : cells,
    mean,
  };
}

/** The first (sub)question broken down per background variable, every group under 10 suppressed. */
function breakdownsOf(
  { q, groups, bases, values, sharesOfRespondents }: QuestionTally,
  first: string,
  categoryLabels: Labels,
): QuestionResult["breakdowns"] {
  const firstRows = groups.filter((g) => g.subKey === first);
  return q.type === "number" || q.background
    ? []
    : breakdownVariables.map((variable) => {
        const labels = categoryLabels[variable] ?? {};
        const categories = [
          ...Object.keys(labels),
          ...[...new Set(firstRows.map((r) => r[variable]).filter((c): c is string => c !== null))]
            .filter((c) => !(c in labels))
            .sort(),
        ];
        const groupsOut = categories.map((category): BreakdownGroup => {
          const rows = firstRows.filter((r) => r[variable] === category);
          const base = sharesOfRespondents
            ? bases
                .filter((b) => b.subKey === first && b[variable] === category)
                .reduce((a, b) => a + b.count, 0)
            : rows.reduce((a, r) => a + r.count, 0);
          const shown = isGroupShown(base);
          const counts = values.map((v) => ({
            ...v,
            count: rows.filter((r) => r.value === v.value).reduce((a, r) => a + r.count, 0),
          }));
          const cells = suppressCells(counts, { totalShown: !sharesOfRespondents }).map((c) => ({
            value: c.value,
            label: c.label,
            count: shown && !c.suppressed ? c.count : null,
            percent: shown && !c.suppressed && base > 0 ? c.count / base : null,
            suppressed: !shown || c.suppressed,
          }));
          return {
            category,
            label: labels[category] ?? category,
            base: shown ? base : null,
            shown,
            cells,
          };
        });
        return { variable, label: backgroundLabels[variable], groups: groupsOut };
      });
}

/** Build the results of every closed question from the grouped counts. */
export function buildQuestionResults(input: {
  definition: Pick<SurveyDefinition, "pages">;
  groups: readonly AnswerGroup[];
  bases: readonly BaseGroup[];
  weighting: Weighting;
  categoryLabels: Labels;
  wijkLabels?: Record<string, string>;
}): QuestionResult[] {
  const { weighting } = input;
  const weightOf = (b: Background) => weighting.weights.get(classKey(b)) ?? 1;
  const byQuestion = new Map<string, AnswerGroup[]>();
  for (const g of input.groups) {
    const list = byQuestion.get(g.questionKey) ?? [];
    list.push(g);
    byQuestion.set(g.questionKey, list);
  }
  const basesByQuestion = new Map<string, BaseGroup[]>();
  for (const b of input.bases) {
    const list = basesByQuestion.get(b.questionKey) ?? [];
    list.push(b);
    basesByQuestion.set(b.questionKey, list);
  }

  const out: QuestionResult[] = [];
  for (const q of listQuestions(input.definition)) {
    if (!CLOSED_QUESTION_TYPES.has(q.type)) continue;
    // A ranking is counted as a multiple choice: which items did each respondent put in the top N.
    if (q.type === "ranking") {
      const ranked = rankingTopRows(q.key, byQuestion.get(q.key) ?? [], rankingTop(q));
      byQuestion.set(q.key, ranked.rows);
      basesByQuestion.set(q.key, ranked.bases);
    }
    const sharesOfRespondents = q.type === "multiple" || q.type === "ranking";
    const groups = byQuestion.get(q.key) ?? [];
    const order =
      q.type === "postcode"
        ? Object.entries(input.wijkLabels ?? {}).map(([value, label]) => ({ value, label }))
        : q.type === "ranking"
          ? q.items.map((i) => ({ value: i.value, label: i.label }))
          : valueOrder(q);
    const hasDontKnow = groups.some((g) => g.value === DONT_KNOW_TALLY);
    const values = [
      ...order,
      // Values seen in the data but not in the definition (older version, "anders").
      ...[...new Set(groups.map((g) => g.value))]
        .filter((v) => v !== DONT_KNOW_TALLY && !order.some((o) => o.value === v))
        .sort()
        .map((v) => ({ value: v, label: v })),
      ...(hasDontKnow ? [{ value: DONT_KNOW_TALLY, label: DONT_KNOW_LABEL }] : []),
    ];
    const subs =
      q.type === "ranking"
        ? { "": `Aandeel dat het onderwerp in de top ${rankingTop(q)} zette` }
        : subLabels(q);
    const subKeys =
      Object.keys(subs).length > 0 ? Object.keys(subs) : [...new Set(groups.map((g) => g.subKey))].sort();
    if (subKeys.length === 0) subKeys.push("");

    const tally: QuestionTally = {
      q,
      groups,
      bases: basesByQuestion.get(q.key) ?? [],
      values,
      sharesOfRespondents,
    };
    const distributions = subKeys.map((subKey) =>
      distributionOf(tally, subKey, subs[subKey] ?? null, weightOf),
    );
    const breakdowns = breakdownsOf(tally, subKeys[0]!, input.categoryLabels);

    out.push({
      key: q.key,
      text: q.text,
      type: q.type,
      theme: q.theme ?? null,
      distributions,
      breakdowns,
    });
  }
  return out;
}

export { effectiveSampleSize };
