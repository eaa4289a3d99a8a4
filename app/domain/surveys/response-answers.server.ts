// A resident's answers: saving a page and submitting the response, with the wijk of a postcode derived as
// the answers are written.
import { and, eq, inArray, sql } from "drizzle-orm";
import { answers, responses, surveyCodes } from "../../../db/schema";
import type { Executor } from "../../lib/db.server";
import { wijkFor, wijkOfPostcodeSql } from "../places/wijken.server";
import {
  type AnswerRow,
  type Answers,
  answerColumns,
  missingRequired,
  OUTSIDE_WIJK,
  type PageResult,
  toRows,
} from "./answers";
import type { SurveyDefinition } from "./definition";
import type { ResponseRow } from "./resident-survey.server";

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
