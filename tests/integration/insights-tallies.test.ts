import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { computeSurveyResults, foldPendingTallies } from "../../app/domain/insights/results.server";
import { foldTallies, readTallies } from "../../app/domain/insights/tallies.server";
import type { SurveyDefinition } from "../../app/domain/surveys/definition";
import { getDb } from "../../app/lib/db.server";
import { generateResponses, insertResponses, insightsDemoDefinition } from "../../db/seed/insights";
import { resetWithPopulation, seedSurveyWithResponses } from "../support/insights";

let definition: SurveyDefinition;

beforeAll(async () => {
  await resetWithPopulation();
  definition = insightsDemoDefinition(2);
});

const newSurvey = (slug: string, responses: number, seed: number) =>
  seedSurveyWithResponses({ slug, responses, seed, definition });

async function counts(surveyId: number) {
  const [row] = await getDb().execute<{ tallied: number; pending: number; tallies: number }>(sql`
    select
      (select count(*)::int from responses where survey_id = ${surveyId} and tallied_at is not null) as tallied,
      (select count(*)::int from responses
        where survey_id = ${surveyId} and status = 'submitted' and tallied_at is null) as pending,
      (select count(*)::int from answer_tallies where survey_id = ${surveyId}) as tallies`);
  return row!;
}

/** The results without the survey object (which carries no counts) for comparing two computations. */
async function resultsOf(surveyId: number) {
  const { survey: _survey, ...rest } = (await computeSurveyResults(surveyId))!;
  return rest;
}

describe("answer tallies", () => {
  test("results are the same before, during and after folding the responses into the tallies", async () => {
    const { surveyId, versionId } = await newSurvey("tallies-same", 300, 11);
    const fromAnswers = await resultsOf(surveyId);
    expect(fromAnswers.overview.total).toBe(300);

    // Folded in batches of 100: the same results.
    const db = getDb();
    expect(await foldTallies(surveyId, definition, db, { batchSize: 100 })).toBe(300);
    expect(await counts(surveyId)).toMatchObject({ tallied: 300, pending: 0 });
    expect(await resultsOf(surveyId)).toEqual(fromAnswers);

    // New responses after the fold are counted at once, before the next fold.
    await insertResponses(db, surveyId, versionId, generateResponses(definition, 120, 12));
    const mixed = await resultsOf(surveyId);
    expect(mixed.overview.total).toBe(420);
    expect(await counts(surveyId)).toMatchObject({ tallied: 300, pending: 120 });
    await foldTallies(surveyId, definition, db);
    expect(await resultsOf(surveyId)).toEqual(mixed);

    // And the same as counting everything from the answers again.
    await db.execute(sql`delete from answer_tallies where survey_id = ${surveyId}`);
    await db.execute(sql`delete from tally_states where survey_id = ${surveyId}`);
    await db.execute(sql`update responses set tallied_at = null where survey_id = ${surveyId}`);
    expect(await resultsOf(surveyId)).toEqual(mixed);
  });

  test("responses still in progress are never counted; folding twice adds nothing", async () => {
    const { surveyId } = await newSurvey("tallies-progress", 50, 21);
    const db = getDb();
    await db.execute(sql`
      update responses set status = 'in_progress', submitted_at = null
      where id in (select id from responses where survey_id = ${surveyId} order by id limit 10)`);
    expect(await foldTallies(surveyId, definition, db)).toBe(40);
    expect(await foldTallies(surveyId, definition, db)).toBe(0);
    const rows = await readTallies(surveyId, definition, db);
    const respondents = rows.filter((r) => r.kind === "respondents").reduce((a, r) => a + r.count, 0);
    expect(respondents).toBe(40);
    expect(await counts(surveyId)).toMatchObject({ tallied: 40, pending: 0 });
  });

  test("two folds at the same time count every response once", async () => {
    const { surveyId } = await newSurvey("tallies-race", 200, 31);
    const db = getDb();
    const before = await resultsOf(surveyId);
    const folded = await Promise.all([
      foldTallies(surveyId, definition, db, { batchSize: 50 }),
      foldTallies(surveyId, definition, db, { batchSize: 50 }),
      foldTallies(surveyId, definition, db, { batchSize: 70 }),
    ]);
    expect(folded.reduce((a, b) => a + b, 0)).toBe(200);
    expect(await resultsOf(surveyId)).toEqual(before);
  });

  test("when a new version changes the background questions, the tallies are counted again", async () => {
    const { surveyId } = await newSurvey("tallies-basis", 80, 41);
    const db = getDb();
    await foldTallies(surveyId, definition, db);
    // Version 2 no longer asks the household: the household categories must disappear from the counts.
    const withoutHousehold: SurveyDefinition = {
      ...definition,
      pages: definition.pages.map((p) => ({
        ...p,
        questions: p.questions.map((q) =>
          q.background === "household" ? { ...q, background: undefined } : q,
        ),
      })),
    };
    await db.execute(sql`
      insert into survey_versions (survey_id, version, definition, published_at)
      values (${surveyId}, 2, ${JSON.stringify(withoutHousehold)}::jsonb, now())`);
    const results = (await computeSurveyResults(surveyId))!;
    const household = results.representativeness.find((r) => r.variable === "household")!;
    expect(household.rows.every((r) => r.respondents === null || r.respondents === 0)).toBe(true);
    expect(results.overview.total).toBe(80);
    const [state] = await db.execute<{ basis: string }>(
      sql`select basis from tally_states where survey_id = ${surveyId}`,
    );
    expect(JSON.parse(state!.basis).household).toBeNull();
    expect(await counts(surveyId)).toMatchObject({ tallied: 80, pending: 0 });
  });

  test("the job folds every survey with new responses", async () => {
    const a = await newSurvey("tallies-job-a", 30, 51);
    const b = await newSurvey("tallies-job-b", 25, 52);
    const folded = await foldPendingTallies();
    expect(folded).toBeGreaterThanOrEqual(55);
    expect(await counts(a.surveyId)).toMatchObject({ tallied: 30, pending: 0 });
    expect(await counts(b.surveyId)).toMatchObject({ tallied: 25, pending: 0 });
    expect(await foldPendingTallies()).toBe(0);
  });
});
