import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { computeSurveyResults, getSurveyResults } from "../../app/domain/insights/results.server";
import { getDb } from "../../app/lib/db.server";
import { generateResponses, insertResponses, insightsDemoDefinition } from "../../db/seed/insights";
import { resetWithPopulation, seedSurveyWithResponses } from "../support/insights";

let surveyId: number;

beforeAll(async () => {
  await resetWithPopulation();
  ({ surveyId } = await seedSurveyWithResponses({ slug: "resultaten-test", responses: 400, seed: 7 }));
});

describe("survey results on a seeded survey", () => {
  test("counts respondents per channel and week, hiding small counts", async () => {
    const results = (await computeSurveyResults(surveyId))!;
    expect(results.overview.total).toBeGreaterThanOrEqual(400);
    const perChannel = results.overview.perChannel.reduce((a, c) => a + (c.count ?? 0), 0);
    expect(perChannel).toBeLessThanOrEqual(400);
    for (const w of results.overview.perWeek)
      for (const n of [...w.channels, w.total]) if (n !== null) expect(n === 0 || n >= 10).toBe(true);
  });

  test("a single-choice distribution adds up, with Wilson intervals around each share", async () => {
    const results = (await computeSurveyResults(surveyId))!;
    const agree = results.questions.find((q) => q.key === "stelling-1")!;
    const d = agree.distributions[0]!;
    expect(d.shown).toBe(true);
    const visible = d.cells.filter((c) => !c.suppressed);
    for (const c of visible) {
      expect(c.ci!.low).toBeLessThanOrEqual(c.percent!);
      expect(c.ci!.high).toBeGreaterThanOrEqual(c.percent!);
    }
    const sum = d.cells.reduce((a, c) => a + (c.count ?? 0), 0);
    expect(sum).toBeLessThanOrEqual(d.base);
  });

  test("no cell or group below 10 is shown in any breakdown", async () => {
    const results = (await computeSurveyResults(surveyId))!;
    for (const q of results.questions) {
      for (const d of q.distributions)
        for (const c of d.cells) if (c.count !== null) expect(c.count).toBeGreaterThanOrEqual(10);
      for (const b of q.breakdowns)
        for (const g of b.groups) {
          if (g.base !== null) expect(g.base).toBeGreaterThanOrEqual(10);
          for (const c of g.cells) if (c.count !== null) expect(c.count).toBeGreaterThanOrEqual(10);
        }
    }
  });

  test("weighting brings the age distribution to the population and reports the effective sample size", async () => {
    const results = (await computeSurveyResults(surveyId))!;
    expect(results.weighting.method).toBe("post-stratification+raking");
    expect(results.weighting.effectiveSampleSize).toBeLessThan(400);
    expect(results.weighting.effectiveSampleSize).toBeGreaterThan(100);
    const age = results.representativeness.find((r) => r.variable === "age")!;
    const older = age.rows.find((r) => r.category === "75+")!;
    // The generator over-represents older residents; weighting brings them close to the population share.
    expect(older.sampleShare!).toBeGreaterThan(older.populationShare!);
    expect(Math.abs(older.weightedShare! - older.populationShare!)).toBeLessThan(0.02);
  });

  test("multiple choice uses respondents as the base, so shares may add up to more than 100%", async () => {
    const results = (await computeSurveyResults(surveyId))!;
    const q = results.questions.find((x) => x.key === "belangrijkst")!;
    const total = q.distributions[0]!.cells.reduce((a, c) => a + (c.percent ?? 0), 0);
    expect(total).toBeGreaterThan(1);
  });

  test("the pages reuse stored results until a new response is submitted", async () => {
    const first = (await getSurveyResults(surveyId))!;
    const rows = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from results_cache`);
    expect(rows[0]!.n).toBe(1);
    expect((await getSurveyResults(surveyId))!.overview.total).toBe(first.overview.total);
    const [version] = await getDb().execute<{ id: number }>(
      sql`select id from survey_versions where survey_id = ${surveyId}`,
    );
    await insertResponses(getDb(), surveyId, version!.id, generateResponses(insightsDemoDefinition(), 1, 99));
    expect((await getSurveyResults(surveyId))!.overview.total).toBe(first.overview.total + 1);
  });

  test("map-point answers are listed with comments, never with an address", async () => {
    // Residents may type an address with a map answer (sub key "adres"). Give some answers one, so this
    // test fails if any address text ever reaches the results.
    const secret = "Geheimstraat 99, 2101 ZZ Heemstede";
    const inserted = await getDb().execute<{ n: number }>(sql`
      with added as (
        insert into answers (response_id, survey_id, question_key, sub_key, value_text)
        select response_id, survey_id, question_key, 'adres', ${secret}
        from answers where survey_id = ${surveyId} and question_key = 'plek' and sub_key = ''
        on conflict do nothing
        returning 1
      ) select count(*)::int as n from added`);
    expect(inserted[0]!.n).toBeGreaterThan(10);

    const results = (await computeSurveyResults(surveyId))!;
    const map = results.mapQuestions.find((m) => m.key === "plek")!;
    expect(map.shown).toBe(true);
    expect(map.answered).toBeGreaterThan(10);
    expect(map.summary.places.length).toBeGreaterThan(0);
    // Every answer is counted once: per listed place plus those pointed out on the map.
    const listed = map.summary.places.reduce((a, p) => a + (p.count ?? 0), 0);
    expect(listed + (map.summary.elsewhere ?? 0)).toBeLessThanOrEqual(map.answered);
    expect(map.summary.comments.length).toBeLessThanOrEqual(200);
    expect(map.summary.comments.length).toBeLessThanOrEqual(map.summary.commentCount);
    // Pins: rounded to 3 decimals, no group count under 10.
    expect(map.groups.length).toBeGreaterThan(0);
    for (const g of map.groups) {
      expect(Math.round(g.lat * 1000) / 1000).toBe(g.lat);
      if (g.count !== null) expect(g.count).toBeGreaterThanOrEqual(10);
      expect(g.comments.length).toBeLessThanOrEqual(20);
    }
    const everything = JSON.stringify(results);
    expect(everything).not.toContain("Geheimstraat");
    expect(everything).not.toContain("2101 ZZ");
  });
});
