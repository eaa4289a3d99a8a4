import { describe, expect, test } from "vitest";
import {
  type AnswerGroup,
  buildQuestionResults,
  DONT_KNOW_TALLY,
  rankingTop,
  rankingTopRows,
} from "~/domain/insights/results";
import type { Weighting } from "~/domain/insights/weighting";
import type { SurveyDefinition } from "~/domain/surveys/definition";

const items = ["betaalbaar", "starters", "senioren", "duurzaam", "groen"];
const label = (v: string) => `Onderwerp ${v}`;

function definition(top?: number): Pick<SurveyDefinition, "pages"> {
  return {
    pages: [
      {
        key: "p",
        title: "Prioriteiten",
        blocks: [],
        questions: [
          {
            key: "prioriteiten",
            type: "ranking",
            text: "Wat is het belangrijkst?",
            required: true,
            allowDontKnow: true,
            items: items.map((value) => ({ value, label: label(value) })),
            ...(top ? { top } : {}),
          },
        ],
      },
    ],
  } as unknown as Pick<SurveyDefinition, "pages">;
}

/** `count` respondents of one class (age group) who ranked `order` (best first). */
function ranked(age: string, count: number, order: string[]): AnswerGroup[] {
  return order.map((item, i) => ({
    questionKey: "prioriteiten",
    subKey: item,
    value: String(i + 1),
    count,
    age,
    tenure: null,
    wijk: null,
    household: null,
  }));
}

function weighting(weights: Record<string, number>): Weighting {
  return {
    weights: new Map(Object.entries(weights).map(([age, w]) => [`${age}|||`, w])),
    method: "raking",
    dimensions: ["leeftijd"],
    respondents: 0,
    effectiveSampleSize: 0,
    converged: true,
    trimmed: 0,
    emptyCategories: [],
  };
}

function shares(groups: AnswerGroup[], weights: Record<string, number>, top?: number) {
  const [result] = buildQuestionResults({
    definition: definition(top),
    groups,
    bases: [],
    weighting: weighting(weights),
    categoryLabels: {},
  });
  return result!;
}

describe("ranking results: the share that put an item in their top N", () => {
  // 20 young respondents rank betaalbaar, starters, senioren (and groen 4th);
  // 20 older respondents rank duurzaam, betaalbaar, groen.
  const groups = [
    ...ranked("jong", 20, ["betaalbaar", "starters", "senioren", "groen"]),
    ...ranked("oud", 20, ["duurzaam", "betaalbaar", "groen"]),
  ];

  test("one distribution for the whole question, one bar per item, in the order of the list", () => {
    const r = shares(groups, { jong: 1, oud: 1 }, 3);
    expect(r.distributions).toHaveLength(1);
    expect(r.distributions[0]!.subLabel).toBe("Aandeel dat het onderwerp in de top 3 zette");
    expect(r.distributions[0]!.cells.map((c) => c.value)).toEqual(items);
    expect(r.distributions[0]!.base).toBe(40);
  });

  test("unweighted: respondents who ranked it 1 to N, of everyone who answered; a 4th place does not count", () => {
    const cells = shares(groups, { jong: 1, oud: 1 }, 3).distributions[0]!.cells;
    const pct = Object.fromEntries(cells.map((c) => [c.value, c.percent]));
    expect(pct).toEqual({ betaalbaar: 1, starters: 0.5, senioren: 0.5, duurzaam: 0.5, groen: 0.5 });
  });

  test("weighted: the same shares with each class's weight", () => {
    const cells = shares(groups, { jong: 0.5, oud: 1.5 }, 3).distributions[0]!.cells;
    const weighted = Object.fromEntries(cells.map((c) => [c.value, c.weightedPercent]));
    expect(weighted.betaalbaar).toBeCloseTo(1);
    expect(weighted.starters).toBeCloseTo(0.25);
    expect(weighted.duurzaam).toBeCloseTo(0.75);
    expect(weighted.groen).toBeCloseTo(0.75);
    // The unweighted share is unchanged by the weights.
    expect(cells.find((c) => c.value === "starters")!.percent).toBe(0.5);
  });

  test("'weet niet' counts in the base and as a bar of its own", () => {
    const dontKnow: AnswerGroup = {
      questionKey: "prioriteiten",
      subKey: "",
      value: DONT_KNOW_TALLY,
      count: 10,
      age: "oud",
      tenure: null,
      wijk: null,
      household: null,
    };
    const d = shares([...groups, dontKnow], { jong: 1, oud: 1 }, 3).distributions[0]!;
    expect(d.base).toBe(50);
    expect(d.cells.find((c) => c.value === "betaalbaar")!.percent).toBeCloseTo(0.8);
    expect(d.cells.find((c) => c.value === DONT_KNOW_TALLY)!.percent).toBeCloseTo(0.2);
  });

  test("an item fewer than 10 put in their top N is not shown as a number", () => {
    const few = [...groups, ...ranked("jong", 4, ["senioren", "starters", "groen"])];
    const d = shares(few, { jong: 1, oud: 1 }, 3).distributions[0]!;
    const duurzaam = d.cells.find((c) => c.value === "duurzaam")!;
    expect(duurzaam.count).toBe(20);
    const cells = rankingTopRows("prioriteiten", ranked("jong", 4, ["groen"]), 3);
    expect(cells.rows).toHaveLength(1);
    const small = shares(ranked("jong", 4, ["groen", "starters", "senioren"]), { jong: 1 }, 3);
    expect(small.distributions[0]!.shown).toBe(false);
    expect(small.distributions[0]!.cells.every((c) => c.count === null)).toBe(true);
  });

  test("without a top in the definition the top is 3 (or fewer items)", () => {
    expect(rankingTop({ items: [1, 2, 3, 4, 5, 6] })).toBe(3);
    expect(rankingTop({ items: [1, 2] })).toBe(2);
    expect(rankingTop({ top: 2, items: [1, 2, 3] })).toBe(2);
  });
});
