// How the responses compare to the population per background variable, before and after weighting. Pure.
import type { BackgroundVariable } from "../surveys/definition";
import { classKey } from "./results";
import { suppressCells } from "./statistics";
import type { ClassCount, Weighting } from "./weighting";

export interface RepresentativenessRow {
  category: string;
  label: string;
  respondents: number | null;
  sampleShare: number | null;
  weightedShare: number | null;
  populationShare: number | null;
  suppressed: boolean;
}

/** Respondents against the population for one background variable, before and after weighting. */
export function representativeness(
  variable: BackgroundVariable,
  classes: readonly ClassCount[],
  weighting: Weighting,
  population: Record<string, number> | undefined,
  labels: Record<string, string>,
): RepresentativenessRow[] {
  const counts = new Map<string, { n: number; w: number }>();
  let total = 0;
  let totalW = 0;
  for (const c of classes) {
    const cat = c[variable];
    if (cat === null) continue;
    const w = weighting.weights.get(classKey(c)) ?? 1;
    const e = counts.get(cat) ?? { n: 0, w: 0 };
    e.n += c.count;
    e.w += c.count * w;
    counts.set(cat, e);
    total += c.count;
    totalW += c.count * w;
  }
  const populationTotal = population ? Object.values(population).reduce((a, b) => a + b, 0) : 0;
  const categories = [
    ...new Set([...Object.keys(labels), ...counts.keys(), ...Object.keys(population ?? {})]),
  ];
  const rows = categories.map((category) => ({ category, count: counts.get(category)?.n ?? 0 }));
  return suppressCells(rows).map(({ category, count, suppressed }) => {
    const e = counts.get(category);
    return {
      category,
      label: labels[category] ?? category,
      respondents: suppressed ? null : count,
      sampleShare: suppressed || total === 0 ? null : count / total,
      weightedShare: suppressed || totalW === 0 ? null : (e?.w ?? 0) / totalW,
      populationShare:
        population && populationTotal > 0 && population[category] !== undefined
          ? population[category]! / populationTotal
          : null,
      suppressed,
    };
  });
}
