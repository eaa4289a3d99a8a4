import { describe, expect, test } from "vitest";
import {
  ageGroupLabels,
  ageGroupOf,
  ageGroupOfAge,
  ageGroups,
  ageTenureCategory,
  householdLabels,
  households,
  MIN_AGE,
  tenureLabels,
  tenureShortLabels,
  tenures,
} from "../../app/domain/population/categories";
import { woonvisieDefinition } from "../../app/domain/surveys/woonvisie";

describe("shared population categories", () => {
  test.each([
    [12, "16-29"],
    [15, "16-29"],
    [16, "16-29"],
    [29, "16-29"],
    [30, "30-44"],
    [44, "30-44"],
    [45, "45-64"],
    [64, "45-64"],
    [65, "65-74"],
    [74, "65-74"],
    [75, "75+"],
    [104, "75+"],
  ])("someone of %i is in age group %s (younger than 16 counts in the first group)", (age, group) =>
    expect(ageGroupOfAge(age)).toBe(group),
  );

  test("the age group from a year of birth is the age group of the age reached that year", () => {
    expect(ageGroupOf(2000, 2026)).toBe("16-29");
    expect(ageGroupOf(1996, 2026)).toBe("30-44");
    expect(ageGroupOf(1951, 2026)).toBe("75+");
  });

  test("the first age group starts at the panel's minimum age", () => {
    expect(ageGroups[0]).toBe(`${MIN_AGE}-29`);
  });

  test("every code has a Dutch label", () => {
    for (const g of ageGroups) expect(ageGroupLabels[g]).toMatch(/jaar/);
    for (const t of tenures) expect(tenureLabels[t] && tenureShortLabels[t]).toBeTruthy();
    for (const h of households) expect(householdLabels[h]).toBeTruthy();
  });

  test("a joint age × tenure category joins both codes with a bar", () => {
    expect(ageTenureCategory("45-64", "sociale-huur")).toBe("45-64|sociale-huur");
  });

  test("the Woonvisie survey answers tenure and household in the shared codes", () => {
    // The survey's own extra answers ("inwonend", and "anders" from the "other" field) are not in the
    // population; weighting leaves those respondents as they are (docs/insights.md).
    const questions = woonvisieDefinition.pages.flatMap((p) => p.questions);
    const options = (background: string) =>
      questions
        .filter((q) => q?.background === background)
        .flatMap((q) => (q && "options" in q && q.options ? q.options.map((o) => o.value) : []));
    expect(options("tenure")).toEqual(["koop", "sociale-huur", "particuliere-huur", "inwonend"]);
    expect(tenures).toEqual(expect.arrayContaining(options("tenure").filter((v) => v !== "inwonend")));
    expect(options("household")).toEqual([...households]);
  });
});
