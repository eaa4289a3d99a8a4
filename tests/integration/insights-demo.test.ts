import { eq } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import { computeSurveyResults } from "../../app/domain/insights/results.server";
import { getDb, getSql } from "../../app/lib/db.server";
import { surveys } from "../../db/schema";
import { seedDemoOnce } from "../../db/seed";
import { resetDatabase } from "../support/db";

beforeAll(async () => {
  await resetDatabase();
  await seedDemoOnce(getDb());
});

test("the demo data gives the Woonvisie survey about 300 demo responses with results to show", async () => {
  const [survey] = await getDb().select().from(surveys).where(eq(surveys.status, "published")).limit(1);
  const results = (await computeSurveyResults(survey!.id))!;
  expect(results.overview.total).toBe(300);
  expect(results.weighting.method).toBe("post-stratification+raking");
  const shown = results.questions.flatMap((q) => q.distributions).filter((d) => d.shown);
  expect(shown.length).toBeGreaterThan(5);
  expect(results.openQuestions.some((q) => q.answered > 50)).toBe(true);
});

test("demo respondents rank only the top 3 asked for, in varied orders, shown as one top-3 chart", async () => {
  const sql = getSql();
  const perResponse = await sql<{ ranks: number[]; items: string[] }[]>`
    select array_agg(value_number::int order by value_number) as ranks,
      array_agg(sub_key order by value_number) as items
    from answers where question_key = 'prioriteiten' and not dont_know group by response_id`;
  expect(perResponse.length).toBeGreaterThan(100);
  for (const r of perResponse) expect(r.ranks).toEqual([1, 2, 3]);
  // Not everybody in list order: many different top 3s, and more than one item ranked first.
  expect(new Set(perResponse.map((r) => r.items.join(","))).size).toBeGreaterThan(10);
  expect(new Set(perResponse.map((r) => r.items[0])).size).toBeGreaterThan(2);

  const [survey] = await getDb().select().from(surveys).where(eq(surveys.status, "published")).limit(1);
  const results = (await computeSurveyResults(survey!.id))!;
  const ranking = results.questions.find((q) => q.key === "prioriteiten")!;
  expect(ranking.distributions).toHaveLength(1);
  const cells = ranking.distributions[0]!.cells.filter((c) => c.percent !== null);
  // Each respondent puts three items in the top 3: the shares add up to about 3.
  expect(cells.reduce((a, c) => a + c.percent!, 0)).toBeCloseTo(3, 1);
});
