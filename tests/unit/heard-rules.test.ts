import { expect, test } from "vitest";
import { buildPublicResults, publicCounts, type ResultsInput } from "../../app/domain/heard/rules";

const cell = (label: string, count: number, suppressed = count < 10) => ({
  value: label,
  label,
  count: suppressed ? null : count,
  percent: suppressed ? null : count / 50,
  weightedPercent: suppressed ? null : count / 55,
  suppressed,
});

const results: ResultsInput = {
  overview: {
    total: 50,
    perChannel: [
      { channel: "open", count: 42 },
      { channel: "panel", count: null },
      { channel: "letter", count: 0 },
    ],
  },
  weighting: { method: "raking", dimensions: ["leeftijd"], emptyCategories: [] },
  representativeness: [
    {
      label: "Leeftijd",
      rows: [
        { label: "75 jaar en ouder", sampleShare: 0.3, populationShare: 0.12, suppressed: false },
        { label: "18 tot 30 jaar", sampleShare: null, populationShare: 0.15, suppressed: true },
      ],
    },
  ],
  questions: [
    {
      key: "a",
      text: "Vraag A",
      theme: 1,
      distributions: [
        {
          subKey: "",
          subLabel: null,
          base: 50,
          shown: true,
          cells: [cell("Eens", 30), cell("Oneens", 12), cell("Weet niet", 8), cell("Geen", 0)],
          mean: null,
        },
      ],
    },
    {
      key: "b",
      text: "Vraag B (te weinig)",
      theme: null,
      distributions: [{ subKey: "", subLabel: null, base: 6, shown: false, cells: [], mean: null }],
    },
    { key: "c", text: "Niet gekozen", theme: null, distributions: [] },
  ],
};

const build = (weighted: boolean) =>
  buildPublicResults({
    results,
    choice: { questionKeys: ["a", "b"], weighted, quotes: [], themeResponses: { "2": "  Tekst  ", "3": "" } },
    survey: { title: "Enquête", slug: "enquete" },
    project: null,
    period: { from: "2026-10-01", to: "2026-11-15" },
    publishedAt: new Date("2026-12-01T10:00:00Z"),
  });

test("a public page shows only counts of 10 or more, and no share where the count is hidden", () => {
  const p = build(true);
  for (const n of publicCounts(p)) expect(n).toBeGreaterThanOrEqual(10);
  const cells = p.questions[0]!.parts[0]!.cells;
  expect(cells.map((c) => c.count)).toEqual([30, 12, null, null]);
  expect(cells.map((c) => c.share)).toEqual([30 / 55, 12 / 55, null, null]);
});

test("a question without a distribution of 10 or more is left out; unchosen questions never appear", () => {
  expect(build(true).questions.map((q) => q.key)).toEqual(["a"]);
});

test("unweighted pages use the plain shares and say so", () => {
  const p = build(false);
  expect(p.questions[0]!.parts[0]!.cells[0]!.share).toBe(30 / 50);
  expect(p.limits.map((l) => [l.text, ...(l.items ?? [])].join(" ")).join(" ")).toContain("niet gewogen");
  expect(
    build(true)
      .limits.map((l) => [l.text, ...(l.items ?? [])].join(" "))
      .join(" "),
  ).toContain("gewogen");
});

test("channels: unused ones are left out, and no count is shown when one of them is under 10", () => {
  expect(build(true).channels).toEqual([
    { label: "via de website", count: null },
    { label: "via het digipanel (uitnodiging per e-mail)", count: null },
  ]);
});

test("limits name the groups that answered more often than they live here, in words", () => {
  const text = build(true)
    .limits.map((l) => [l.text, ...(l.items ?? [])].join(" "))
    .join(" ");
  expect(text).toContain("75 jaar en ouder (leeftijd): 30% van de reacties, 12% van de inwoners");
  expect(text).not.toContain("18 tot 30");
});

test("only themes with a text are shown", () => {
  expect(build(true).themes).toEqual([{ theme: 2, label: expect.any(String), response: "Tekst" }]);
});
