// Coding open answers: what the coding screen and the report read (codes with their counts, open answers
// with their codes, coded answers by theme).
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { answerCodes, answers, codes, quotes, responses } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { cleanSideText, findPersonalData, type PersonalDataHit } from "./personal-data";

export interface CodeRow {
  id: number;
  kind: "theme" | "cluster" | "custom";
  theme: number | null;
  subCode: string | null;
  label: string;
  topTerms: string[];
  status: "suggested" | "accepted";
  count: number;
}

export async function listCodes(
  surveyId: number,
  questionKey: string,
  db: Executor = getDb(),
): Promise<CodeRow[]> {
  const rows = await db
    .select({
      id: codes.id,
      kind: codes.kind,
      theme: codes.theme,
      subCode: codes.subCode,
      label: codes.label,
      topTerms: codes.topTerms,
      status: codes.status,
      count: sql<number>`count(${answerCodes.answerId})::int`,
    })
    .from(codes)
    .leftJoin(answerCodes, eq(answerCodes.codeId, codes.id))
    .where(and(eq(codes.surveyId, surveyId), eq(codes.questionKey, questionKey)))
    .groupBy(codes.id)
    .orderBy(sql`${codes.theme} nulls last`, asc(codes.subCode), asc(codes.label));
  return rows;
}

export interface OpenAnswer {
  id: number;
  text: string;
  codeIds: number[];
  quote: string | null;
  personalData: PersonalDataHit[];
}

/** Open answers of submitted responses, newest last, with their codes, quote text and personal-data flags. */
export async function listOpenAnswers(
  surveyId: number,
  questionKey: string,
  options: { page: number; pageSize: number; codeId?: number; uncoded?: boolean },
  db: Executor = getDb(),
): Promise<{ rows: OpenAnswer[]; total: number }> {
  const where = and(
    eq(answers.surveyId, surveyId),
    eq(answers.questionKey, questionKey),
    eq(answers.subKey, ""),
    sql`${answers.valueText} is not null and ${answers.valueText} <> ''`,
    eq(responses.status, "submitted"),
    options.codeId
      ? sql`exists (select 1 from answer_codes ac where ac.answer_id = ${answers.id} and ac.code_id = ${options.codeId})`
      : undefined,
    options.uncoded
      ? sql`not exists (select 1 from answer_codes ac where ac.answer_id = ${answers.id})`
      : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: answers.id,
        text: answers.valueText,
        quote: quotes.text,
        codeIds: sql<
          number[]
        >`coalesce((select array_agg(ac.code_id order by ac.code_id) from answer_codes ac where ac.answer_id = ${answers.id}), '{}')`,
      })
      .from(answers)
      .innerJoin(responses, eq(responses.id, answers.responseId))
      .leftJoin(quotes, eq(quotes.answerId, answers.id))
      .where(where)
      .orderBy(asc(answers.id))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(answers)
      .innerJoin(responses, eq(responses.id, answers.responseId))
      .where(where),
  ]);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      text: r.text ?? "",
      codeIds: r.codeIds,
      quote: r.quote,
      personalData: findPersonalData(r.text ?? ""),
    })),
    total: total?.count ?? 0,
  };
}

export interface CodedTheme {
  theme: number;
  codes: { id: number; label: string; count: number; questionKey: string }[];
  quotes: { answerId: number; text: string; questionKey: string }[];
}

/** Accepted codes with counts and quotes per theme, for the report (codes without a theme come last, as 0). */
export async function codedAnswersByTheme(
  surveyIds: number[],
  db: Executor = getDb(),
): Promise<CodedTheme[]> {
  if (surveyIds.length === 0) return [];
  const codeRows = await db
    .select({
      id: codes.id,
      label: codes.label,
      theme: codes.theme,
      questionKey: codes.questionKey,
      count: sql<number>`count(${answerCodes.answerId})::int`,
    })
    .from(codes)
    .leftJoin(answerCodes, eq(answerCodes.codeId, codes.id))
    .where(and(inArray(codes.surveyId, surveyIds), eq(codes.status, "accepted")))
    .groupBy(codes.id)
    .orderBy(sql`count(${answerCodes.answerId}) desc`);
  const quoteRows = await db
    .select({
      answerId: quotes.answerId,
      text: quotes.text,
      questionKey: answers.questionKey,
      theme: sql<
        number | null
      >`(select min(c.theme) from answer_codes ac join codes c on c.id = ac.code_id where ac.answer_id = ${quotes.answerId})`,
    })
    .from(quotes)
    .innerJoin(answers, eq(answers.id, quotes.answerId))
    .where(inArray(quotes.surveyId, surveyIds))
    .orderBy(asc(quotes.markedAt));
  const out: CodedTheme[] = [1, 2, 3, 4, 5, 0].map((theme) => ({ theme, codes: [], quotes: [] }));
  // Report text passes the same personal-data check as the export (labels and quotes were checked
  // when they were made; this also covers rows from before that check).
  for (const c of codeRows)
    out.find((t) => t.theme === (c.theme ?? 0))!.codes.push({ ...c, label: cleanSideText(c.label) });
  for (const q of quoteRows)
    out.find((t) => t.theme === (q.theme ?? 0))!.quotes.push({ ...q, text: cleanSideText(q.text) });
  return out;
}
