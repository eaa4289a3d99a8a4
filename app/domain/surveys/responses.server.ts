import { and, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  answers,
  type ResponseChannel,
  responses,
  surveyCodes,
  surveys,
  surveyVersions,
} from "../../../db/schema";
import type { Executor } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { composeMail, queueMail } from "../../lib/mail.server";
import { createToken, hashToken } from "../../lib/tokens.server";
import { wijkFor, wijkOfPostcodeSql } from "../places/wijken.server";
import {
  type AnswerRow,
  type Answers,
  answerColumns,
  fromRows,
  missingRequired,
  OUTSIDE_WIJK,
  type PageResult,
  toRows,
} from "./answers";
import { lookupCode } from "./codes.server";
import type { SurveyDefinition } from "./definition";
import { definitionsOf, type PublicSurvey, versionMetaColumns } from "./surveys.server";

export type ResponseRow = typeof responses.$inferSelect;

export interface StartedResponse {
  responseId: string;
  /** Plain resume token for the cookie (only its hash is stored). */
  token: string;
}

/** Start a response for an open or anonymous survey. */
export async function startResponse(target: PublicSurvey, db: Executor): Promise<StartedResponse> {
  const token = createToken();
  const [row] = await db
    .insert(responses)
    .values({
      surveyId: target.survey.id,
      surveyVersionId: target.version.id,
      channel: "open",
      resumeTokenHash: hashToken(token),
      isDemo: target.survey.isDemo,
      currentPage: 0,
    })
    .returning({ id: responses.id });
  return { responseId: row!.id, token };
}

export type CodeStart = { status: "unknown" } | { status: "used" } | ({ status: "ok" } & StartedResponse);

/**
 * Start (or continue) with a personal code. One response per code: a second start with the same
 * code continues that response (with a fresh resume token); a submitted code is used up.
 */
export async function startWithCode(target: PublicSurvey, code: string, db: Executor): Promise<CodeStart> {
  return db.transaction(async (tx) => {
    const found = await lookupCode(target.survey.id, code, tx);
    if (found.status !== "available") return found;
    // Lock the code row so two starts with one code cannot both create a response.
    const [locked] = await tx
      .select()
      .from(surveyCodes)
      .where(eq(surveyCodes.id, found.codeId))
      .for("update");
    if (!locked || locked.usedAt) return { status: "used" as const };
    const token = createToken();
    if (locked.responseId) {
      await tx
        .update(responses)
        .set({ resumeTokenHash: hashToken(token), updatedAt: new Date() })
        .where(eq(responses.id, locked.responseId));
      return { status: "ok" as const, responseId: locked.responseId, token };
    }
    const channel: ResponseChannel = locked.channel;
    const [row] = await tx
      .insert(responses)
      .values({
        surveyId: target.survey.id,
        surveyVersionId: target.version.id,
        channel,
        respondentId: locked.respondentId,
        resumeTokenHash: hashToken(token),
        isDemo: target.survey.isDemo,
      })
      .returning({ id: responses.id });
    await tx.update(surveyCodes).set({ responseId: row!.id }).where(eq(surveyCodes.id, locked.id));
    return { status: "ok" as const, responseId: row!.id, token };
  });
}

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

/** wijk code for the 4 postcode digits (places: wijkFor), or OUTSIDE_WIJK. */
export async function wijkForPostcode(pc4: string, db: Executor): Promise<string> {
  return (await wijkFor({ postcode: pc4 }, db)) ?? OUTSIDE_WIJK;
}

/** Fill in server-side derived parts of answers (the wijk of a postcode). */
async function deriveAnswers(pageAnswers: Answers, db: Executor): Promise<Answers> {
  const out: Answers = { ...pageAnswers };
  for (const [key, value] of Object.entries(out))
    if (value.kind === "postcode") out[key] = { ...value, wijk: await wijkForPostcode(value.postcode, db) };
  return out;
}

async function writeAnswers(
  response: Pick<ResponseRow, "id" | "surveyId">,
  definition: SurveyDefinition,
  result: Pick<PageResult, "answers" | "cleared">,
  tx: Executor,
  /** Answers already stored, when known: only their keys need deleting first. */
  stored?: Answers,
) {
  const keys = [...Object.keys(result.answers), ...result.cleared].filter((k) => !stored || k in stored);
  if (keys.length > 0)
    await tx
      .delete(answers)
      .where(and(eq(answers.responseId, response.id), inArray(answers.questionKey, keys)));
  const rows: AnswerRow[] = [];
  for (const page of definition.pages)
    for (const q of page.questions) {
      const value = result.answers[q.key];
      if (value) rows.push(...toRows(q, value));
    }
  if (rows.length > 0)
    await tx
      .insert(answers)
      .values(rows.map((r) => ({ ...r, responseId: response.id, surveyId: response.surveyId })))
      // One row per answer even if a parallel save of the same page got there first.
      .onConflictDoUpdate({
        target: [answers.responseId, answers.questionKey, answers.subKey],
        set: {
          valueText: sql`excluded.value_text`,
          valueNumber: sql`excluded.value_number`,
          valueOption: sql`excluded.value_option`,
          valueOptions: sql`excluded.value_options`,
          valueLat: sql`excluded.value_lat`,
          valueLng: sql`excluded.value_lng`,
          dontKnow: sql`excluded.dont_know`,
          updatedAt: sql`now()`,
        },
      });
}

export type SaveOutcome =
  | { status: "saved"; currentPage: number }
  | { status: "submitted" }
  | { status: "gone" };

/**
 * Store one page's answers and move to `goTo`, in one transaction. The response row is locked,
 * so a page saved twice at once (double click) still leaves one set of rows.
 */
export async function savePage(
  responseId: string,
  definition: SurveyDefinition,
  result: Pick<PageResult, "answers" | "cleared">,
  goTo: number,
  db: Executor,
): Promise<SaveOutcome> {
  const derived = await deriveAnswers(result.answers, db);
  return db.transaction(async (tx) => {
    const [response] = await tx.select().from(responses).where(eq(responses.id, responseId)).for("update");
    if (!response) return { status: "gone" as const };
    if (response.status === "submitted") return { status: "submitted" as const };
    await writeAnswers(response, definition, { answers: derived, cleared: result.cleared }, tx);
    const currentPage = Math.max(0, Math.min(goTo, definition.pages.length - 1));
    await tx
      .update(responses)
      .set({ currentPage, updatedAt: new Date() })
      .where(eq(responses.id, responseId));
    return { status: "saved" as const, currentPage };
  });
}

export type SubmitOutcome =
  | { status: "submitted" }
  | { status: "alreadySubmitted" }
  | { status: "incomplete"; page: number; missing: string[] }
  | { status: "gone" };

/**
 * Store the last page and submit, in one transaction: the status moves from in_progress to
 * submitted exactly once (row lock + status check), and a personal code is used up with it.
 */
export async function submitResponse(
  responseId: string,
  definition: SurveyDefinition,
  lastPage: Pick<PageResult, "answers" | "cleared">,
  /** All answers after this page (stored answers merged with the last page), for the final check. */
  allAnswers: Answers,
  db: Executor,
  stored?: Answers,
): Promise<SubmitOutcome> {
  const missing = missingRequired(definition, allAnswers);
  if (missing.length > 0) {
    const page = definition.pages.findIndex((p) => p.questions.some((q) => q.key === missing[0]));
    const saved = await savePage(responseId, definition, lastPage, page, db);
    if (saved.status === "submitted") return { status: "alreadySubmitted" };
    return saved.status === "gone" ? { status: "gone" } : { status: "incomplete", page, missing };
  }
  const storedKeys = [...Object.keys(lastPage.answers), ...lastPage.cleared].filter(
    (k) => !stored || k in stored,
  );
  if (storedKeys.length > 0) return submitInTransaction(responseId, definition, lastPage, db);

  // The common case (the last page has no stored answers yet): one statement does it all, which
  // is atomic by itself. The status moves from in_progress to submitted once: the update takes the
  // row lock, and a second submit (double click, retry) finds nothing to update, so it inserts no
  // answers and uses no code. The wijk of a postcode is looked up in the same statement.
  const rows = answerRowsForSql(definition, lastPage.answers);
  const [result] = await db.execute<{ moved: number; found: boolean }>(sql`
    with moved as (
      update responses set status = 'submitted', submitted_at = now(), updated_at = now()
      where id = ${responseId} and status = 'in_progress'
      returning id, survey_id
    ),
    inserted as (
      insert into answers (response_id, survey_id, question_key, sub_key, value_text, value_number,
                           value_option, value_options, value_lat, value_lng, dont_know)
      select moved.id, moved.survey_id, v.question_key, v.sub_key, v.value_text, v.value_number,
             coalesce(v.value_option, case when v.postcode is not null then coalesce(
               ${wijkOfPostcodeSql(sql`v.postcode`)},
               ${OUTSIDE_WIJK}) end),
             v.value_options, v.value_lat, v.value_lng, v.dont_know
      from moved cross join jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(
        question_key text, sub_key text, value_text text, value_number double precision,
        value_option text, value_options text[], value_lat double precision, value_lng double precision,
        dont_know boolean, postcode text)
      on conflict (response_id, question_key, sub_key) do nothing
      returning 1
    ),
    codes as (
      update survey_codes set used_at = now() where response_id in (select id from moved) returning 1
    )
    select (select count(*)::int from moved) as moved,
           exists (select 1 from responses where id = ${responseId}) as found`);
  if (result?.moved === 1) return { status: "submitted" };
  return result?.found ? { status: "alreadySubmitted" } : { status: "gone" };
}

/** Rows as JSON for jsonb_to_recordset; postcode rows carry the digits so SQL can add the wijk. */
function answerRowsForSql(definition: SurveyDefinition, pageAnswers: Answers) {
  const out: Record<string, unknown>[] = [];
  for (const page of definition.pages)
    for (const q of page.questions) {
      const value = pageAnswers[q.key];
      if (!value) continue;
      for (const r of toRows(q, value)) {
        const columns: Record<string, unknown> = answerColumns(r);
        columns.postcode = value.kind === "postcode" ? value.postcode : null;
        out.push(columns);
      }
    }
  return out;
}

/** Submit when answers of the last page were stored before (they are replaced), in one transaction. */
async function submitInTransaction(
  responseId: string,
  definition: SurveyDefinition,
  lastPage: Pick<PageResult, "answers" | "cleared">,
  db: Executor,
): Promise<SubmitOutcome> {
  const derived = await deriveAnswers(lastPage.answers, db);
  return db.transaction(async (tx) => {
    const now = new Date();
    const [moved] = await tx
      .update(responses)
      .set({ status: "submitted", submittedAt: now, updatedAt: now })
      .where(and(eq(responses.id, responseId), eq(responses.status, "in_progress")))
      .returning({ id: responses.id, surveyId: responses.surveyId });
    if (!moved) {
      const [exists] = await tx
        .select({ id: responses.id })
        .from(responses)
        .where(eq(responses.id, responseId));
      return exists ? { status: "alreadySubmitted" as const } : { status: "gone" as const };
    }
    await writeAnswers(moved, definition, { answers: derived, cleared: lastPage.cleared }, tx);
    await tx.update(surveyCodes).set({ usedAt: now }).where(eq(surveyCodes.responseId, responseId));
    return { status: "submitted" as const };
  });
}

/**
 * A resume link (?verder=) was opened: the response gets a NEW token and the old one stops
 * working, so whoever held the link or cookie before (e.g. someone who started a response and
 * planted the link) loses access. One statement: of two browsers opening one link, one wins.
 * Returns the new token, or null when the link was already used or the response is no longer open.
 */
export async function takeOverResponse(
  surveyId: number,
  token: string,
  db: Executor,
): Promise<string | null> {
  const fresh = createToken();
  const [row] = await db
    .update(responses)
    .set({ resumeTokenHash: hashToken(fresh), updatedAt: new Date() })
    .where(
      and(
        eq(responses.surveyId, surveyId),
        eq(responses.resumeTokenHash, hashToken(token)),
        eq(responses.status, "in_progress"),
      ),
    )
    .returning({ id: responses.id });
  return row ? fresh : null;
}

export function resumeLink(slug: string, token: string): string {
  return `${getEnv().APP_URL}/enquete/${encodeURIComponent(slug)}?verder=${encodeURIComponent(token)}`;
}

/** Mail a link to continue later. The address is only used for this mail; it is not linked to the answers. */
export async function mailResumeLink(
  input: { slug: string; title: string; token: string; email: string },
  db: Executor,
) {
  const link = resumeLink(input.slug, input.token);
  const body = composeMail([
    `U bent begonnen met de vragenlijst "${input.title}". Met deze link gaat u verder waar u gebleven was:`,
    link,
    "Deel deze link niet met anderen: wie de link heeft, kan uw antwoorden zien en veranderen.",
  ]);
  await queueMail(
    {
      to: input.email,
      subject: `Verder met de vragenlijst "${input.title}"`,
      ...body,
      kind: "survey.resume-link",
    },
    db,
  );
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

/** Background answers of a just-submitted response, as given (for the digipanel sign-up offer). */
export interface SubmittedBackground {
  birthYear?: number;
  /** The 4 digits of the postcode. */
  postcode?: string;
  household?: string;
  tenure?: string;
}

/**
 * The background answers (age, wijk, household, tenure) of the response this survey's resume token
 * belongs to, only when it was submitted at most `maxAgeSeconds` ago and the survey is not anonymous.
 * null otherwise. Nothing is written: the caller shows them and the resident decides.
 */
export async function submittedBackground(
  surveyId: number,
  token: string,
  maxAgeSeconds: number,
  db: Executor,
): Promise<SubmittedBackground | null> {
  const [row] = await db
    .select({ id: responses.id, definition: surveyVersions.definition })
    .from(responses)
    .innerJoin(surveys, eq(surveys.id, responses.surveyId))
    .innerJoin(surveyVersions, eq(surveyVersions.id, responses.surveyVersionId))
    .where(
      and(
        eq(responses.surveyId, surveyId),
        eq(responses.resumeTokenHash, hashToken(token)),
        eq(responses.status, "submitted"),
        sql`${surveys.accessMode} <> 'anonymous'`,
        sql`${responses.submittedAt} > now() - make_interval(secs => ${maxAgeSeconds})`,
      ),
    );
  if (!row) return null;
  const definition = row.definition as SurveyDefinition;
  const given = await loadAnswers(row.id, definition, db);
  const out: SubmittedBackground = {};
  for (const page of definition.pages)
    for (const q of page.questions) {
      const value = given[q.key];
      if (!q.background || !value) continue;
      if (q.background === "age" && value.kind === "number" && out.birthYear === undefined)
        out.birthYear = value.number;
      if (q.background === "wijk" && value.kind === "postcode" && out.postcode === undefined)
        out.postcode = value.postcode;
      if (q.background === "household" && value.kind === "option" && out.household === undefined)
        out.household = value.option;
      if (q.background === "tenure" && value.kind === "option" && out.tenure === undefined)
        out.tenure = value.option;
    }
  return out;
}
