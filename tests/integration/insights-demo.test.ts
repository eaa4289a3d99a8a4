import { eq } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import { computeSurveyResults } from "../../app/domain/insights/results.server";
import { getDb } from "../../app/lib/db.server";
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
