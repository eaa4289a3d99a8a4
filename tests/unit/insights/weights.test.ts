import { describe, expect, test } from "vitest";
import { type ClassCount, computeWeights } from "~/domain/insights/weighting";

const cls = (age: string, tenure: string, wijk: string, count: number): ClassCount => ({
  age,
  tenure,
  wijk,
  household: null,
  count,
});

const labels = {
  age: { "16-29": "16 tot en met 29 jaar", "30-44": "30 tot en met 44 jaar" },
  tenure: { koop: "Koopwoning", anders: "Anders" },
  wijk: { W1: "Centrum", W2: "Merlenhove" },
};

describe("weighting respondents to the population", () => {
  test("post-stratifies on age × tenure and rakes with wijk; weighted shares meet the population", () => {
    const classes = [
      cls("16-29", "koop", "W1", 10),
      cls("30-44", "koop", "W1", 30),
      cls("30-44", "koop", "W2", 20),
    ];
    const w = computeWeights(classes, {
      age_tenure: { "16-29|koop": 300, "30-44|koop": 300 },
      wijk: { W1: 400, W2: 200 },
    });
    expect(w.method).toBe("post-stratification+raking");
    expect(w.dimensions).toEqual(["leeftijd × woonsituatie", "wijk"]);
    const weighted = (pred: (c: ClassCount) => boolean) =>
      classes
        .filter(pred)
        .reduce((a, c) => a + c.count * w.weights.get(`${c.age}|${c.tenure}|${c.wijk}|`)!, 0);
    const total = weighted(() => true);
    expect(weighted((c) => c.age === "16-29") / total).toBeCloseTo(0.5, 2);
    expect(weighted((c) => c.wijk === "W1") / total).toBeCloseTo(2 / 3, 2);
    expect(w.effectiveSampleSize).toBeLessThan(60);
  });

  test("population groups without respondents are named in words", () => {
    const w = computeWeights(
      [cls("30-44", "koop", "W1", 40)],
      { age_tenure: { "16-29|anders": 100, "30-44|koop": 300 }, wijk: { W1: 300, W2: 100 } },
      labels,
    );
    expect(w.emptyCategories).toEqual([
      {
        dimension: "leeftijd × woonsituatie",
        category: "16-29|anders",
        label: "16 tot en met 29 jaar, anders",
      },
      { dimension: "wijk", category: "W2", label: "Merlenhove" },
    ]);
  });

  test("without population figures nobody is weighted", () => {
    const w = computeWeights([cls("30-44", "koop", "W1", 12)], {});
    expect(w.method).toBe("none");
    expect(w.effectiveSampleSize).toBeCloseTo(12);
  });
});
