import { eq } from "drizzle-orm";
import { beforeEach, expect, test } from "vitest";
import { getSurveyResults } from "../../app/domain/insights/results.server";
import { ageGroups } from "../../app/domain/population/categories";
import { getDb } from "../../app/lib/db.server";
import * as population from "../../app/routes/beheer.digipanel.bevolking";
import { auditLog, populationFigures } from "../../db/schema";
import { demoWijken } from "../../db/seed/wijken";
import { loginAs } from "../support/db";
import { resetWithPopulation, seedSurveyWithResponses } from "../support/insights";
import { makeRequest, run } from "../support/remix";

let surveyId: number;

beforeEach(async () => {
  await resetWithPopulation();
  ({ surveyId } = await seedSurveyWithResponses({ slug: "bevolking-test", responses: 200, seed: 11 }));
});

/** Every age group, wijk and tenure field of the bevolking form, with these counts for age. */
function populationForm(age: Record<string, string>) {
  const form: Record<string, string> = { intent: "enter" };
  for (const g of ageGroups) form[`age:${g}`] = age[g] ?? "";
  for (const w of demoWijken) form[`wijk:${w.code}`] = "";
  return form;
}

test("figures entered on the bevolking page are the population in the survey results", async () => {
  const before = (await getSurveyResults(surveyId))!;
  const ageBefore = before.representativeness.find((r) => r.variable === "age")!;
  expect(before.populationIsDemo).toBe(true);
  expect(ageBefore.rows.find((r) => r.category === "16-29")!.populationShare).toBeCloseTo(0.14, 2);

  const { cookie } = await loginAs(["beheerder"]);
  const counts = { "16-29": "4.000", "30-44": "4000", "45-64": "4000", "65-74": "4000", "75+": "4000" };
  const res = await run(
    population.action,
    makeRequest("/beheer/digipanel/bevolking", { cookie, form: populationForm(counts) }),
  );
  expect(res.status).toBe(302);

  // The results cache notices the new figures: the same call now shows them.
  const after = (await getSurveyResults(surveyId))!;
  const age = after.representativeness.find((r) => r.variable === "age")!;
  for (const g of ageGroups)
    expect(age.rows.find((r) => r.category === g)!.populationShare).toBeCloseTo(0.2, 5);
  // Weighting follows the entered age groups too: the demo age × tenure table no longer overrides them.
  expect(after.weighting.method).toBe("raking");
  for (const g of ageGroups)
    expect(age.rows.find((r) => r.category === g)!.weightedShare!).toBeCloseTo(0.2, 2);
  const joint = await getDb()
    .select()
    .from(populationFigures)
    .where(eq(populationFigures.dimension, "age_tenure"));
  expect(joint).toEqual([]);
  const [entry] = await getDb().select().from(auditLog).where(eq(auditLog.action, "panel.population_saved"));
  expect(entry).toMatchObject({ entityType: "population_figures" });
});

test("the demo population has one set of figures: margins add up to the joint age × tenure table", async () => {
  const rows = await getDb().select().from(populationFigures);
  expect(rows.every((r) => r.isDemo && /demo/i.test(r.source))).toBe(true);
  const sum = (dimension: string) =>
    rows.filter((r) => r.dimension === dimension).reduce((a, r) => a + r.count, 0);
  expect(sum("age")).toBe(sum("age_tenure"));
  expect(sum("tenure")).toBe(sum("age_tenure"));
  expect(new Set(rows.filter((r) => r.dimension === "age").map((r) => r.category))).toEqual(
    new Set(ageGroups),
  );
});
