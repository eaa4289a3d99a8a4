// Statistics for survey results: confidence intervals, suppression of small groups, weighting.
// Pure functions, no database. The method is described in docs/insights.md.

/** House rule (docs/policy.md): reports never show groups smaller than this. */
export const MIN_CELL = 10;

export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson score interval (95% by default) for a proportion. Unlike the textbook "p ± 1.96·se"
 * it stays inside [0, 1] and behaves well for small n and proportions near 0 or 1.
 * `n` may be an effective sample size (weighted data), so it need not be an integer.
 */
export function wilsonInterval(successes: number, n: number, z = 1.959964): Interval {
  if (n <= 0) return { low: 0, high: 0 };
  const p = Math.min(1, Math.max(0, successes / n));
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Kish's effective sample size: (Σw)² / Σw². Equal weights give n; unequal weights give less. */
export function effectiveSampleSize(weights: Iterable<number>): number {
  let sum = 0;
  let sumSquares = 0;
  for (const w of weights) {
    sum += w;
    sumSquares += w * w;
  }
  return sumSquares === 0 ? 0 : (sum * sum) / sumSquares;
}

// ---------------------------------------------------------------------------------------------
// Suppression

export type Cell<T> = T & { count: number; suppressed: boolean };

/**
 * Primary suppression: every cell with fewer than MIN_CELL respondents is hidden.
 * Secondary suppression: when exactly one cell of a distribution is hidden and the total is shown,
 * the hidden count could be worked out by subtraction, so the next smallest cell is hidden too.
 * Returns the cells with `suppressed` set; the caller must not show count or percentage of those.
 */
export function suppressCells<T extends { count: number }>(
  cells: readonly T[],
  options: { totalShown?: boolean; min?: number } = {},
): Cell<T>[] {
  const min = options.min ?? MIN_CELL;
  const out = cells.map((c) => ({ ...c, suppressed: c.count < min }));
  const hidden = out.filter((c) => c.suppressed);
  if ((options.totalShown ?? true) && hidden.length === 1 && hidden[0]!.count > 0) {
    const next = out
      .filter((c) => !c.suppressed)
      .sort((a, b) => a.count - b.count)
      .at(0);
    if (next) next.suppressed = true;
  }
  return out;
}

/** A count as it may be shown on its own: 1 to MIN_CELL - 1 is hidden (null); 0 reveals nobody. */
export function shownCount(count: number, min = MIN_CELL): number | null {
  return count > 0 && count < min ? null : count;
}

/** A whole group (a column of a breakdown, a row of a table) smaller than MIN_CELL is not shown at all. */
export function isGroupShown(size: number, min = MIN_CELL): boolean {
  return size >= min;
}

// ---------------------------------------------------------------------------------------------
// Iterative proportional fitting (raking) of a table to its margins

/**
 * Fit a two-way table to row and column totals by iterative proportional fitting
 * (Deming & Stephan 1940). The fitted table keeps the odds ratios of the seed.
 */
export function ipf2d(
  seed: readonly (readonly number[])[],
  rowTotals: readonly number[],
  colTotals: readonly number[],
  options: { tolerance?: number; maxIterations?: number } = {},
): { table: number[][]; iterations: number; converged: boolean } {
  const tolerance = options.tolerance ?? 1e-9;
  const maxIterations = options.maxIterations ?? 1000;
  const table = seed.map((row) => [...row]);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    table.forEach((row, i) => {
      const sum = row.reduce((a, b) => a + b, 0);
      const f = sum === 0 ? 0 : rowTotals[i]! / sum;
      for (let j = 0; j < row.length; j++) row[j]! *= f;
    });
    for (let j = 0; j < colTotals.length; j++) {
      const sum = table.reduce((a, row) => a + row[j]!, 0);
      const f = sum === 0 ? 0 : colTotals[j]! / sum;
      for (const row of table) row[j]! *= f;
    }
    const rowError = Math.max(
      ...table.map((row, i) => Math.abs(row.reduce((a, b) => a + b, 0) - rowTotals[i]!)),
    );
    if (rowError < tolerance) return { table, iterations: iteration, converged: true };
  }
  return { table, iterations: maxIterations, converged: false };
}

/** A weighting dimension: for each respondent its category (or null when unknown), and the population share per category. */
export interface WeightingDimension {
  name: string;
  /** Category per respondent, same order as the respondents; null = unknown, not adjusted on this dimension. */
  categories: readonly (string | null)[];
  /** Population count or share per category; normalised internally. */
  population: Readonly<Record<string, number>>;
}

export interface WeightingResult {
  weights: number[];
  iterations: number;
  converged: boolean;
  effectiveSampleSize: number;
  /** Categories present in the population but without any respondent: they cannot be weighted up. */
  emptyCategories: { dimension: string; category: string }[];
  trimmed: number;
}

/**
 * Rake respondent weights to population margins. A dimension may be a joint table (for example
 * "age group × tenure" as one variable with a category per cell): raking on one joint dimension is
 * post-stratification, and raking it together with another margin (wijk) is what we do when the joint
 * table of all variables is unknown. Weights are normalised to mean 1 and trimmed to [minWeight, maxWeight]
 * (trimming is repeated inside the loop so the margins still fit as well as possible).
 */
export function rake(
  dimensions: readonly WeightingDimension[],
  respondentCount: number,
  options: {
    tolerance?: number;
    maxIterations?: number;
    minWeight?: number;
    maxWeight?: number;
    /** How many respondents each unit stands for (respondents grouped by class); 1 each by default. */
    frequencies?: readonly number[];
  } = {},
): WeightingResult {
  const f = options.frequencies ?? new Array<number>(respondentCount).fill(1);
  const tolerance = options.tolerance ?? 1e-6;
  const maxIterations = options.maxIterations ?? 100;
  const minWeight = options.minWeight ?? 0.2;
  const maxWeight = options.maxWeight ?? 5;
  const weights = new Array<number>(respondentCount).fill(1);
  const emptyCategories: WeightingResult["emptyCategories"] = [];

  // Population shares restricted to the categories that respondents have, per dimension.
  const prepared = dimensions.map((d) => {
    const present = new Set(d.categories.filter((c): c is string => c !== null));
    for (const category of Object.keys(d.population))
      if (!present.has(category) && d.population[category]! > 0)
        emptyCategories.push({ dimension: d.name, category });
    const total = [...present].reduce((a, c) => a + (d.population[c] ?? 0), 0);
    const shares = new Map<string, number>();
    for (const c of present) shares.set(c, total > 0 ? (d.population[c] ?? 0) / total : 0);
    return { ...d, shares };
  });

  let iterations = 0;
  let converged = prepared.length === 0;
  let trimmed = 0;
  for (iterations = 1; iterations <= maxIterations && !converged; iterations++) {
    let maxChange = 0;
    for (const d of prepared) {
      // The known part of the sample is adjusted to the population shares, keeping its own weight total.
      const sums = new Map<string, number>();
      let known = 0;
      d.categories.forEach((c, i) => {
        if (c === null) return;
        sums.set(c, (sums.get(c) ?? 0) + weights[i]! * f[i]!);
        known += weights[i]! * f[i]!;
      });
      d.categories.forEach((c, i) => {
        if (c === null) return;
        const current = sums.get(c)!;
        const factor = current > 0 ? (d.shares.get(c)! * known) / current : 1;
        maxChange = Math.max(maxChange, Math.abs(factor - 1));
        weights[i]! *= factor;
      });
    }
    trimmed = trimWeights(weights, f, minWeight, maxWeight);
    if (maxChange < tolerance) converged = true;
  }
  let sum = 0;
  let sumSquares = 0;
  weights.forEach((w, i) => {
    sum += w * f[i]!;
    sumSquares += w * w * f[i]!;
  });
  return {
    weights,
    iterations: iterations - 1,
    converged,
    effectiveSampleSize: sumSquares === 0 ? 0 : (sum * sum) / sumSquares,
    emptyCategories,
    trimmed,
  };
}

/** Normalise to mean 1 and clip to [min, max], repeated until both hold; returns how many sit at a bound. */
function trimWeights(weights: number[], f: readonly number[], min: number, max: number): number {
  let clipped = 0;
  for (let round = 0; round < 50; round++) {
    normalise(weights, f);
    clipped = 0;
    for (let i = 0; i < weights.length; i++) {
      if (weights[i]! > max + 1e-12) {
        weights[i] = max;
        clipped++;
      } else if (weights[i]! < min - 1e-12) {
        weights[i] = min;
        clipped++;
      }
    }
    if (clipped === 0) break;
  }
  return weights.reduce(
    (n, w, i) => (Math.abs(w - max) < 1e-9 || Math.abs(w - min) < 1e-9 ? n + f[i]! : n),
    0,
  );
}

function normalise(weights: number[], f: readonly number[]) {
  let total = 0;
  let count = 0;
  weights.forEach((w, i) => {
    total += w * f[i]!;
    count += f[i]!;
  });
  const mean = total / (count || 1);
  if (mean > 0) for (let i = 0; i < weights.length; i++) weights[i]! /= mean;
}

/** Weighted share of each category among the given respondents. */
export function weightedShares(
  categories: readonly (string | null)[],
  weights: readonly number[],
): Map<string, number> {
  const sums = new Map<string, number>();
  let total = 0;
  categories.forEach((c, i) => {
    if (c === null) return;
    sums.set(c, (sums.get(c) ?? 0) + weights[i]!);
    total += weights[i]!;
  });
  for (const [c, s] of sums) sums.set(c, total > 0 ? s / total : 0);
  return sums;
}
