import { describe, expect, test } from "vitest";
import { type AnswerGroup, buildQuestionResults, type QuestionResult } from "~/domain/insights/results";
import {
  FINDINGS_PER_THEME,
  generateSummary,
  type SummaryInput,
  summaryLines,
  summaryText,
  themeFindings,
} from "~/domain/insights/summary";
import type { Weighting } from "~/domain/insights/weighting";
import type { SurveyDefinition } from "~/domain/surveys/definition";

type Cell = QuestionResult["distributions"][number]["cells"][number];

function cell(value: string, label: string, count: number | null, base: number, weighted?: number): Cell {
  const hidden = count === null;
  return {
    value,
    label,
    count,
    percent: hidden ? null : count / base,
    ci: hidden ? null : { low: count / base - 0.05, high: count / base + 0.05 },
    weightedPercent: hidden ? null : (weighted ?? count / base),
    weightedCi: null,
    suppressed: hidden,
  };
}

function question(
  key: string,
  type: QuestionResult["type"],
  theme: number,
  base: number,
  cells: Cell[],
  extra: Partial<QuestionResult["distributions"][number]> = {},
) {
  return {
    surveyId: 1,
    key,
    text: `Vraag ${key}?`,
    type,
    theme,
    distributions: [
      {
        subKey: "",
        subLabel: null,
        base,
        shown: base >= 10,
        effectiveBase: base,
        cells,
        mean: null,
        ...extra,
      },
    ],
  };
}

const empty: SummaryInput = { themes: [1, 2, 3, 4, 5], questions: [], codes: [], inputItems: [] };

describe("the summary at the front of the report", () => {
  test("the strongest findings first, at most three per theme, with the figures they rest on", () => {
    const input: SummaryInput = {
      ...empty,
      questions: [
        question("a", "single", 1, 100, [
          cell("x", "Koopwoning", 40, 100),
          cell("y", "Huurwoning", 60, 100, 0.55),
        ]),
        question("b", "single", 1, 100, [cell("x", "Ja", 80, 100), cell("y", "Nee", 20, 100)]),
        question("c", "single", 1, 100, [cell("x", "Ja", 30, 100), cell("y", "Nee", 70, 100)]),
        question("d", "single", 1, 100, [cell("x", "Ja", 51, 100), cell("y", "Nee", 49, 100)]),
        question("e", "single", 2, 100, [cell("x", "Ja", 90, 100), cell("y", "Nee", 10, 100)]),
      ],
    };
    const findings = themeFindings(1, input);
    expect(findings).toHaveLength(FINDINGS_PER_THEME);
    expect(findings.map((f) => f.key)).toEqual(["q:1:b:", "q:1:c:", "q:1:a:"]);
    expect(findings[2]!.text).toBe("Het meest gekozen antwoord bij ‘Vraag a’ is Huurwoning: 60%.");
    expect(findings[2]!.figures).toBe("60% (gewogen 55%; 95%-betrouwbaarheidsinterval 55%–65%; n = 100)");
    // Theme 2 has its own question only.
    expect(themeFindings(2, input).map((f) => f.key)).toEqual(["q:1:e:"]);
  });

  test("a suppressed cell or one under 10 is never used, nor a distribution with a base under 10", () => {
    const input: SummaryInput = {
      ...empty,
      questions: [
        // The largest answer is hidden ("minder dan 10" after secondary suppression): the next one is used.
        question("a", "multiple", 1, 40, [cell("x", "Groen", null, 40), cell("y", "Water", 12, 40)]),
        // A visible count under 10 is not used either.
        question("b", "single", 1, 200, [cell("x", "Ja", 9, 200), cell("y", "Nee", null, 200)]),
        // A base under 10: not shown, no finding.
        question("c", "single", 1, 8, [cell("x", "Ja", 8, 8)]),
      ],
    };
    const findings = themeFindings(1, input);
    expect(findings.map((f) => f.key)).toEqual(["q:1:a:"]);
    expect(findings[0]!.text).toContain("Water");
    const all = JSON.stringify(generateSummary(input));
    expect(all).not.toMatch(/Groen|n = 8\b/);
    for (const f of findings)
      for (const n of f.figures.match(/n = (\d+)/g) ?? [])
        expect(Number(n.slice(4))).toBeGreaterThanOrEqual(10);
  });

  test("agree questions: (helemaal) eens only when both cells can be shown", () => {
    const agree = (four: number | null) =>
      question("s", "agree", 3, 100, [
        cell("1", "Helemaal oneens", 10, 100),
        cell("2", "Oneens", 10, 100),
        cell("3", "Neutraal", 15, 100),
        cell("4", "Eens", four, 100),
        cell("5", "Helemaal eens", 25, 100),
      ]);
    const [f] = themeFindings(3, { ...empty, questions: [agree(40)] });
    expect(f!.text).toBe("65% is het (helemaal) eens met ‘Vraag s’.");
    expect(f!.figures).toBe("65% (gewogen 65%; n = 100)");
    expect(themeFindings(3, { ...empty, questions: [agree(null)] })).toEqual([]);
  });

  test("grades: the mean, with the weighted mean", () => {
    const q = question("g", "grade", 4, 50, [], { mean: { unweighted: 7.25, weighted: 7.04 } });
    const [f] = themeFindings(4, { ...empty, questions: [q] });
    expect(f!.text).toBe("Inwoners geven gemiddeld een 7,3 bij de vraag ‘Vraag g’.");
    expect(f!.figures).toBe("gemiddeld 7,3 (gewogen 7,0; n = 50)");
  });

  test("codes of open answers need 10 answers; input items fill a theme with fewer than three findings", () => {
    const input: SummaryInput = {
      ...empty,
      codes: [
        {
          theme: 5,
          codes: [
            { id: 7, label: "Samen met de corporaties", count: 30 },
            { id: 8, label: "Klein onderwerp", count: 9 },
          ],
        },
      ],
      inputItems: [{ theme: 5 }, { theme: 5 }, { theme: 1 }],
    };
    const findings = themeFindings(5, input);
    expect(findings.map((f) => f.key)).toEqual(["code:7", "input-items"]);
    expect(findings[0]!.figures).toBe("30 van de 39 gecodeerde open antwoorden bij dit thema");
    expect(findings[1]!.figures).toBe("2 bijdragen");
  });

  test("the ranking's share in the top N becomes a finding on the item most often in the top", () => {
    const items = ["betaalbaar", "starters", "senioren", "duurzaam"];
    const definition = {
      pages: [
        {
          key: "p",
          title: "Prioriteiten",
          blocks: [],
          questions: [
            {
              key: "prio",
              type: "ranking",
              text: "Wat is het belangrijkst?",
              required: true,
              theme: 1,
              top: 2,
              items: items.map((value) => ({ value, label: `Onderwerp ${value}` })),
            },
          ],
        },
      ],
    } as unknown as Pick<SurveyDefinition, "pages">;
    const ranked = (age: string, count: number, order: string[]): AnswerGroup[] =>
      order.map((item, i) => ({
        questionKey: "prio",
        subKey: item,
        value: String(i + 1),
        count,
        age,
        tenure: null,
        wijk: null,
        household: null,
      }));
    const weighting: Weighting = {
      weights: new Map([
        ["jong|||", 0.5],
        ["oud|||", 1.5],
      ]),
      method: "raking",
      dimensions: ["leeftijd"],
      respondents: 40,
      effectiveSampleSize: 32,
      converged: true,
      trimmed: 0,
      emptyCategories: [],
    };
    const results = buildQuestionResults({
      definition,
      groups: [
        ...ranked("jong", 30, ["starters", "betaalbaar"]),
        ...ranked("oud", 10, ["duurzaam", "betaalbaar"]),
      ],
      bases: [],
      weighting,
      categoryLabels: {},
    });
    const [f] = themeFindings(1, { ...empty, questions: results.map((q) => ({ ...q, surveyId: 3 })) });
    // Everyone put betaalbaar in their top 2: 100%, weighted also 100%.
    expect(f!.text).toBe(
      "Onderwerp betaalbaar staat het vaakst in de top van ‘Wat is het belangrijkst’: 100% zette het daar.",
    );
    expect(f!.figures).toMatch(/^100% \(gewogen 100%; 95%-betrouwbaarheidsinterval \d+%–100%; n = 40\)$/);
  });

  test("the same data give the same text; the editable text has one finding per line", () => {
    const input: SummaryInput = {
      ...empty,
      questions: [question("a", "single", 1, 100, [cell("x", "Ja", 50, 100), cell("y", "Nee", 50, 100)])],
    };
    const a = generateSummary(input);
    expect(generateSummary(input)).toEqual(a);
    // A tie goes to the first answer in the question's order.
    expect(a[0]!.findings[0]!.text).toContain("is Ja:");
    expect(a.map((t) => t.theme)).toEqual([1, 2, 3, 4, 5]);
    const text = summaryText(a[0]!.findings);
    expect(text).toBe(
      "Het meest gekozen antwoord bij ‘Vraag a’ is Ja: 50%. Cijfers: 50% (gewogen 50%; 95%-betrouwbaarheidsinterval 45%–55%; n = 100).",
    );
    expect(summaryLines(`  eerste \r\n\n tweede\n`)).toEqual(["eerste", "tweede"]);
  });
});
