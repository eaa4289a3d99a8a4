import { describe, expect, test } from "vitest";
import {
  effectiveSampleSize,
  ipf2d,
  isGroupShown,
  rake,
  shownCount,
  suppressCells,
  weightedShares,
  wilsonInterval,
} from "../../../app/domain/insights/statistics";

describe("Wilson 95% confidence interval", () => {
  // Reference values: Newcombe (1998), "Two-sided confidence intervals for the single proportion", table I.
  test.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])("%i of %i gives [%f, %f]", (x, n, low, high) => {
    const ci = wilsonInterval(x, n);
    expect(ci.low).toBeCloseTo(low, 3);
    expect(ci.high).toBeCloseTo(high, 3);
  });

  test("stays inside 0 and 1 when everybody gives the same answer", () => {
    const ci = wilsonInterval(40, 40);
    expect(ci.high).toBe(1);
    expect(ci.low).toBeGreaterThan(0.9);
  });

  test("no respondents gives an empty interval", () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 0 });
  });
});

describe("effective sample size (Kish)", () => {
  test("equal weights give n", () => expect(effectiveSampleSize([2, 2, 2, 2])).toBeCloseTo(4));
  test("unequal weights give less than n", () => {
    // (1+1+4)^2 / (1+1+16) = 36/18 = 2
    expect(effectiveSampleSize([1, 1, 4])).toBeCloseTo(2);
  });
});

describe("suppression of small groups", () => {
  test("every cell with fewer than 10 respondents is hidden", () => {
    const out = suppressCells([{ count: 25 }, { count: 9 }, { count: 10 }, { count: 3 }]);
    expect(out.map((c) => c.suppressed)).toEqual([false, true, false, true]);
  });

  test("a single hidden cell takes the next smallest with it, so it cannot be worked out from the total", () => {
    const out = suppressCells([{ count: 40 }, { count: 4 }, { count: 12 }, { count: 30 }]);
    expect(out.map((c) => c.suppressed)).toEqual([false, true, true, false]);
  });

  test("nothing is hidden when every cell is large enough", () => {
    expect(suppressCells([{ count: 10 }, { count: 11 }]).some((c) => c.suppressed)).toBe(false);
  });

  test("a group of 9 is not shown, a group of 10 is", () => {
    expect(isGroupShown(9)).toBe(false);
    expect(isGroupShown(10)).toBe(true);
  });

  test("a count on its own: 1 to 9 is hidden, 0 and 10 are shown", () => {
    expect([0, 1, 9, 10, 250].map((n) => shownCount(n))).toEqual([0, null, null, 10, 250]);
  });
});

describe("iterative proportional fitting", () => {
  test("a uniform seed fits to the independence table in one pass", () => {
    const { table, iterations } = ipf2d(
      [
        [1, 1],
        [1, 1],
      ],
      [30, 70],
      [40, 60],
    );
    expect(iterations).toBeLessThanOrEqual(2);
    expect(table[0]![0]).toBeCloseTo(12);
    expect(table[0]![1]).toBeCloseTo(18);
    expect(table[1]![0]).toBeCloseTo(28);
    expect(table[1]![1]).toBeCloseTo(42);
  });

  // The textbook example of the method (Wikipedia "Iterative proportional fitting", after
  // Bishop, Fienberg & Holland): a 4 × 4 seed fitted to new margins.
  const seed = [
    [40, 30, 20, 10],
    [35, 50, 100, 75],
    [30, 80, 70, 120],
    [20, 30, 40, 50],
  ];
  const rows = [150, 300, 400, 150];
  const cols = [200, 300, 400, 100];

  test("the fitted table has the target margins", () => {
    const { table, converged } = ipf2d(seed, rows, cols);
    expect(converged).toBe(true);
    for (const [i, row] of table.entries()) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(rows[i]!, 6);
    for (const [j, total] of cols.entries())
      expect(table.reduce((a, r) => a + r[j]!, 0)).toBeCloseTo(total, 6);
  });

  test("the fitted table keeps the odds ratios of the seed", () => {
    const { table } = ipf2d(seed, rows, cols);
    const odds = (t: number[][], i: number, j: number) => (t[0]![0]! * t[i]![j]!) / (t[0]![j]! * t[i]![0]!);
    for (let i = 1; i < 4; i++)
      for (let j = 1; j < 4; j++) expect(odds(table, i, j)).toBeCloseTo(odds(seed, i, j), 6);
  });

  test("the known solution of the textbook example", () => {
    const { table } = ipf2d(seed, rows, cols);
    // Converged values as published with the example (rounded to 2 decimals).
    expect(table[0]![0]).toBeCloseTo(64.56, 1);
  });
});

describe("raking respondent weights", () => {
  test("post-stratification: one dimension gives the population shares exactly", () => {
    // 60 young and 40 old respondents; the population is half and half.
    const categories = [...Array(60).fill("jong"), ...Array(40).fill("oud")];
    const result = rake([{ name: "leeftijd", categories, population: { jong: 5000, oud: 5000 } }], 100);
    expect(result.weights[0]).toBeCloseTo(50 / 60);
    expect(result.weights[99]).toBeCloseTo(50 / 40);
    const shares = weightedShares(categories, result.weights);
    expect(shares.get("oud")).toBeCloseTo(0.5);
    expect(result.effectiveSampleSize).toBeLessThan(100);
  });

  test("two margins are matched at the same time", () => {
    const age = ["j", "j", "j", "j", "j", "j", "o", "o", "o", "o"];
    const tenure = ["h", "h", "h", "k", "k", "k", "h", "k", "k", "k"];
    const result = rake(
      [
        { name: "age", categories: age, population: { j: 40, o: 60 } },
        { name: "tenure", categories: tenure, population: { h: 30, k: 70 } },
      ],
      10,
      { tolerance: 1e-9, maxIterations: 500 },
    );
    expect(result.converged).toBe(true);
    expect(weightedShares(age, result.weights).get("o")).toBeCloseTo(0.6, 4);
    expect(weightedShares(tenure, result.weights).get("h")).toBeCloseTo(0.3, 4);
  });

  test("respondents with an unknown category keep their weight on that dimension, and empty categories are reported", () => {
    const result = rake(
      [{ name: "wijk", categories: ["a", "a", null, "b"], population: { a: 1, b: 1, c: 1 } }],
      4,
    );
    expect(result.emptyCategories).toEqual([{ dimension: "wijk", category: "c" }]);
    expect(result.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(4);
  });

  test("extreme weights are trimmed", () => {
    const categories = [...Array(99).fill("a"), "b"];
    const result = rake([{ name: "x", categories, population: { a: 1, b: 1 } }], 100, { maxWeight: 5 });
    expect(Math.max(...result.weights)).toBeLessThanOrEqual(5.0001);
    expect(result.trimmed).toBeGreaterThan(0);
  });
});
