// The survey as a resident's request finds it: the survey, its version and the resident's own response with
// its answers, in one prepared query.
import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { answers, responses, surveys, surveyVersions } from "../../../db/schema";
import type { Executor } from "../../lib/db.server";
import { hashToken } from "../../lib/tokens.server";
import { type AnswerRow, type Answers, fromRows } from "./answers";
import type { SurveyDefinition } from "./definition";
import type { PublicSurvey } from "./public-surveys.server";
import { definitionsOf, versionMetaColumns } from "./surveys.server";

export type ResponseRow = typeof responses.$inferSelect;

export interface LoadedResponse {
  response: ResponseRow;
  /** The definition of the version this response was started on (it never changes under it). */
  definition: SurveyDefinition;
  answers: Answers;
}

/** Rows → typed answers per question of the definition. */
export function answersFromRows(definition: SurveyDefinition, rows: AnswerRow[]): Answers {
  const byKey = new Map<string, AnswerRow[]>();
  for (const r of rows) byKey.set(r.questionKey, [...(byKey.get(r.questionKey) ?? []), r]);
  const out: Answers = {};
  for (const page of definition.pages)
    for (const q of page.questions) {
      const value = fromRows(q, byKey.get(q.key) ?? []);
      if (value) out[q.key] = value;
    }
  return out;
}

/** What a resident's request to /enquete/:slug works with. */
export interface ResidentSurvey {
  survey: PublicSurvey;
  /** The resume token from the request's cookie for this survey (null without one). */
  token: string | null;
  /** The response that token belongs to, with its answers (null if none). */
  loaded: LoadedResponse | null;
}

const responseVersions = alias(surveyVersions, "response_version");

function residentQuery(db: Executor) {
  return (
    db
      .select({
        survey: surveys,
        version: versionMetaColumns(surveyVersions),
        response: responses,
        responseVersion: { id: responseVersions.id, publishedAt: responseVersions.publishedAt },
        answers: sql<AnswerRow[]>`(select coalesce(json_agg(json_build_object(
        'questionKey', a.question_key, 'subKey', a.sub_key, 'valueText', a.value_text,
        'valueNumber', a.value_number, 'valueOption', a.value_option, 'valueOptions', a.value_options,
        'valueLat', a.value_lat, 'valueLng', a.value_lng, 'dontKnow', a.dont_know)), '[]'::json)
        from answers a where a.response_id = ${responses.id})`,
      })
      .from(surveys)
      // The newest published version (drafts have none), chosen before the other joins.
      .innerJoin(
        surveyVersions,
        eq(
          surveyVersions.id,
          sql`(select v.id from survey_versions v where v.survey_id = ${surveys.id}
             and v.published_at is not null order by v.version desc limit 1)`,
        ),
      )
      .leftJoin(
        responses,
        and(
          eq(responses.surveyId, surveys.id),
          eq(responses.resumeTokenHash, sql`(${sql.placeholder("hashes")}::jsonb ->> ${surveys.id}::text)`),
        ),
      )
      .leftJoin(responseVersions, eq(responseVersions.id, responses.surveyVersionId))
      .where(eq(surveys.slug, sql.placeholder("slug")))
      .prepare("find_survey_for_resident")
  );
}

// Every resident's request runs this query: it is built once per database handle, so a request
// only binds its parameters (building the SQL and its result mapping is a good part of its CPU).
const residentQueries = new WeakMap<Executor, ReturnType<typeof residentQuery>>();

/**
 * A survey by slug as residents may see it (never a draft), with the response of the resident's
 * resume token for it, in one round trip: the survey, its newest published version, the response,
 * and the response's answers as JSON rows. Definitions come from the in-memory cache of published
 * versions (read once per version and process).
 *
 * `tokens` holds the resume tokens of the request by survey id (readResumeCookies); only the token
 * for the survey found counts, as with a cookie per survey.
 */
export async function findSurveyForResident(
  slug: string,
  tokens: ReadonlyMap<number, string>,
  db: Executor,
): Promise<ResidentSurvey | null> {
  const hashes = Object.fromEntries([...tokens].map(([id, token]) => [id, hashToken(token)]));
  let query = residentQueries.get(db);
  if (!query) {
    query = residentQuery(db);
    residentQueries.set(db, query);
  }
  const [row] = await query.execute({ slug, hashes: JSON.stringify(hashes) });
  if (!row || row.survey.status === "draft") return null;
  const token = tokens.get(row.survey.id) ?? null;
  const response = token && row.response?.resumeTokenHash === hashes[row.survey.id] ? row.response : null;
  const definitions = await definitionsOf(
    response && row.responseVersion ? [row.version, row.responseVersion] : [row.version],
    db,
  );
  const survey = { survey: row.survey, version: row.version, definition: definitions.get(row.version.id)! };
  if (!response || !row.responseVersion) return { survey, token, loaded: null };
  const definition = definitions.get(row.responseVersion.id)!;
  return {
    survey,
    token,
    loaded: { response, definition, answers: answersFromRows(definition, row.answers) },
  };
}

/** The typed answers of one response. */
export async function loadAnswers(
  responseId: string,
  definition: SurveyDefinition,
  db: Executor,
): Promise<Answers> {
  const rows = await db
    .select({
      questionKey: answers.questionKey,
      subKey: answers.subKey,
      valueText: answers.valueText,
      valueNumber: answers.valueNumber,
      valueOption: answers.valueOption,
      valueOptions: answers.valueOptions,
      valueLat: answers.valueLat,
      valueLng: answers.valueLng,
      dontKnow: answers.dontKnow,
    })
    .from(answers)
    .where(eq(answers.responseId, responseId));
  return answersFromRows(definition, rows);
}
