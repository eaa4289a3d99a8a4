// Paper questionnaires typed in by staff and answers typed by a bureau (issue 15, docs/paper.md) end as
// submitted responses with their own channel, written with the code used up in the same transaction, so
// results, weighting and the report count them per channel like any other response. This file writes them.
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sql } from "drizzle-orm";
import type postgres from "postgres";
import { responses } from "../../../db/schema";
import { type Executor, rawClient } from "../../lib/db.server";
import { wijkOfPostcodeSql } from "../places/wijken.server";
import { type Answers, answerColumns, OUTSIDE_WIJK, toRows } from "./answers";
import { type PublicSurvey, surveyWithNewestVersion } from "./public-surveys.server";

export type PaperSurvey = PublicSurvey;

/** The survey with its newest published version: paper answers use it, as a new online response does. */
export function paperSurvey(surveyId: number, db: Executor): Promise<PaperSurvey | null> {
  return surveyWithNewestVersion({ id: surveyId }, db);
}

export interface NewResponse {
  codeId: number;
  respondentId: string | null;
  answers: Answers;
}

/**
 * Insert submitted responses with their answers and use up their codes, in the caller's transaction.
 * In chunks of set-based statements (10,000 bureau rows are a few dozen statements, not 300,000).
 * An online response that was started with one of these codes and never sent is removed: the
 * resident answered on paper, and a code counts once.
 */
export async function insertSubmittedResponses(
  target: PaperSurvey,
  channel: "papier" | "bureau",
  items: readonly NewResponse[],
  tx: Executor,
): Promise<string[]> {
  const ids: string[] = [];
  const questions = target.definition.pages.flatMap((p) => p.questions);
  for (let start = 0; start < items.length; start += 1000) {
    const chunk = items.slice(start, start + 1000);
    const codeIds = chunk.map((i) => i.codeId);
    await dropUnfinishedResponses(codeIds, tx);
    const now = new Date();
    const inserted = await tx
      .insert(responses)
      .values(
        chunk.map((i) => ({
          surveyId: target.survey.id,
          surveyVersionId: target.version.id,
          respondentId: i.respondentId,
          channel,
          status: "submitted" as const,
          isDemo: target.survey.isDemo,
          submittedAt: now,
          updatedAt: now,
        })),
      )
      .returning({ id: responses.id });
    const rows: Record<string, unknown>[] = [];
    chunk.forEach((item, n) => {
      const responseId = inserted[n]!.id;
      for (const q of questions) {
        const value = item.answers[q.key];
        if (!value) continue;
        for (const r of toRows(q, value))
          rows.push({
            ...answerColumns(r),
            response_id: responseId,
            postcode: value.kind === "postcode" ? value.postcode : null,
          });
      }
    });
    await insertAnswerRows(target.survey.id, rows, tx);
    await markCodesUsed(
      chunk.map((i, n) => ({ code_id: i.codeId, response_id: inserted[n]!.id })),
      tx,
    );
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

/** A half-typed online response of a code gives way to the paper or bureau answers of that code. */
async function dropUnfinishedResponses(codeIds: number[], tx: Executor) {
  await tx.execute(sql`
    delete from responses where status = 'in_progress' and id in (
      select response_id from survey_codes where id = any(${sql`${`{${codeIds.join(",")}}`}::int[]`})
        and response_id is not null)`);
}

/**
 * Answer rows (answerColumns plus response_id and postcode) in statements of 5,000; the wijk of a postcode
 * is looked up in the same statement, as an online submit does.
 */
async function insertAnswerRows(surveyId: number, rows: Record<string, unknown>[], tx: Executor) {
  for (let a = 0; a < rows.length; a += 5_000)
    await tx.execute(sql`
      insert into answers (response_id, survey_id, question_key, sub_key, value_text, value_number,
                           value_option, value_options, value_lat, value_lng, dont_know)
      select v.response_id, ${surveyId}, v.question_key, v.sub_key, v.value_text, v.value_number,
             coalesce(v.value_option, case when v.postcode is not null then coalesce(
               ${wijkOfPostcodeSql(sql`v.postcode`)}, ${OUTSIDE_WIJK}) end),
             v.value_options, v.value_lat, v.value_lng, v.dont_know
      from jsonb_to_recordset(${JSON.stringify(rows.slice(a, a + 5_000))}::jsonb) as v(
        response_id uuid, question_key text, sub_key text, value_text text, value_number double precision,
        value_option text, value_options text[], value_lat double precision, value_lng double precision,
        dont_know boolean, postcode text)`);
}

/** Each code is used by the response typed for it. */
async function markCodesUsed(pairs: { code_id: number; response_id: string }[], tx: Executor) {
  await tx.execute(sql`
    update survey_codes c set used_at = now(), response_id = u.response_id
    from jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) as u(code_id int, response_id uuid)
    where c.id = u.code_id`);
}

/** A value in PostgreSQL's COPY text format: \N for null, backslash escapes for the rest. */
function copyText(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
  );
}

/** A text[] in COPY text format: an array literal with every element quoted. */
function copyTextArray(values: readonly string[] | null | undefined): string {
  if (!values) return "\\N";
  return copyText(`{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(",")}}`);
}

/** Stream lines (each ending in a newline) into COPY ... FROM STDIN, in pieces of about 64 KB. */
async function copyLines(client: postgres.Sql, statement: string, lines: Iterable<string>) {
  const target = await client.unsafe(statement).writable();
  async function* pieces() {
    let piece = "";
    for (const line of lines) {
      piece += line;
      if (piece.length >= 65_536) {
        yield piece;
        piece = "";
      }
    }
    if (piece) yield piece;
  }
  await pipeline(Readable.from(pieces()), target);
}

/**
 * The bulk form of insertSubmittedResponses for a bureau file: the same rows, written with COPY ...
 * FROM STDIN on the transaction's connection (the response ids are made here, so the answers can
 * follow without reading anything back). Answers with a postcode take the statement that looks up
 * their wijk, as before.
 */
export async function copySubmittedResponses(
  target: PaperSurvey,
  channel: "papier" | "bureau",
  items: readonly NewResponse[],
  tx: Executor,
): Promise<number> {
  if (items.length === 0) return 0;
  const client = rawClient(tx);
  const questions = target.definition.pages.flatMap((p) => p.questions);
  const codeIds = items.map((i) => i.codeId);
  await dropUnfinishedResponses(codeIds, tx);
  const now = new Date().toISOString();
  const ids = items.map(() => randomUUID());
  const surveyId = target.survey.id;
  await copyLines(
    client,
    `copy responses (id, survey_id, survey_version_id, respondent_id, channel, status, is_demo,
                     submitted_at, updated_at) from stdin`,
    (function* () {
      for (let n = 0; n < items.length; n++)
        yield `${ids[n]}\t${surveyId}\t${target.version.id}\t${copyText(items[n]!.respondentId)}\t${channel}\tsubmitted\t${copyText(target.survey.isDemo)}\t${now}\t${now}\n`;
    })(),
  );
  const withPostcode: Record<string, unknown>[] = [];
  await copyLines(
    client,
    `copy answers (response_id, survey_id, question_key, sub_key, value_text, value_number, value_option,
                   value_options, value_lat, value_lng, dont_know) from stdin`,
    (function* () {
      for (let n = 0; n < items.length; n++) {
        const answers = items[n]!.answers;
        for (const q of questions) {
          const value = answers[q.key];
          if (!value) continue;
          for (const r of toRows(q, value)) {
            if (value.kind === "postcode") {
              withPostcode.push({ ...answerColumns(r), response_id: ids[n], postcode: value.postcode });
              continue;
            }
            yield `${ids[n]}\t${surveyId}\t${copyText(r.questionKey)}\t${copyText(r.subKey)}\t${copyText(r.valueText)}\t${copyText(r.valueNumber)}\t${copyText(r.valueOption)}\t${copyTextArray(r.valueOptions)}\t${copyText(r.valueLat)}\t${copyText(r.valueLng)}\t${copyText(r.dontKnow)}\n`;
          }
        }
      }
    })(),
  );
  await insertAnswerRows(surveyId, withPostcode, tx);
  await markCodesUsed(
    items.map((i, n) => ({ code_id: i.codeId, response_id: ids[n]! })),
    tx,
  );
  return items.length;
}
