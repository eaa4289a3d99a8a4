// Streaming exports of the answers: CSV (semicolon, UTF-8 BOM) and XLSX (exceljs WorkbookWriter).
// Rows are read in batches of responses, so memory stays flat however many responses there are.
import { createHash } from "node:crypto";
import { PassThrough, Readable } from "node:stream";
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { answers, responses } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { getLogger } from "../../lib/logger.server";
import { type Actor, audit } from "../audit/audit.server";
import { CSV_BOM, csvRow, spreadsheetCell } from "./csv";
import { type ExportAnswer, exportColumns, fixedColumns } from "./export-columns";
import { redactPersonalData } from "./personal-data";
import { loadSurveyForResults, loadWijkLabels, type SurveyForResults } from "./results.server";
import { type ThemeId, themeLabels } from "./themes";

const BATCH = 500;

/** A stable pseudonym for a response without a panel id: not reversible to the response or a person. */
export function pseudonym(responseId: string, respondentId: string | null): string {
  if (respondentId) return respondentId;
  return `R-${createHash("sha256").update(`wmh-response:${responseId}`).digest("hex").slice(0, 12).toUpperCase()}`;
}

interface ResponseBatch {
  rows: { id: string; respondentId: string | null; channel: string; submittedAt: Date | null }[];
  answers: Map<string, (ExportAnswer & { id: number })[]>;
  codes: Map<number, string>;
}

async function* responseBatches(db: Executor, surveyId: number): AsyncGenerator<ResponseBatch> {
  let after: string | null = null;
  for (;;) {
    const rows = await db
      .select({
        id: responses.id,
        respondentId: responses.respondentId,
        channel: responses.channel,
        submittedAt: responses.submittedAt,
      })
      .from(responses)
      .where(
        and(
          eq(responses.surveyId, surveyId),
          eq(responses.status, "submitted"),
          after ? gt(responses.id, after) : undefined,
        ),
      )
      .orderBy(asc(responses.id))
      .limit(BATCH);
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.id;
    const ids = rows.map((r) => r.id);
    const answerRows = await db
      .select({
        id: answers.id,
        responseId: answers.responseId,
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
      .where(inArray(answers.responseId, ids));
    const byResponse = new Map<string, (ExportAnswer & { id: number })[]>();
    for (const a of answerRows) {
      const list = byResponse.get(a.responseId) ?? [];
      list.push(a);
      byResponse.set(a.responseId, list);
    }
    const codeRows = await db.execute<{ answerId: number; labels: string }>(sql`
      select ac.answer_id as "answerId", string_agg(c.label, ' | ' order by c.label) as labels
      from answer_codes ac join codes c on c.id = ac.code_id join answers a on a.id = ac.answer_id
      where a.response_id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      group by ac.answer_id`);
    yield { rows, answers: byResponse, codes: new Map(codeRows.map((c) => [Number(c.answerId), c.labels])) };
    if (rows.length < BATCH) return;
  }
}

async function prepare(surveyId: number, db: Executor) {
  const survey = await loadSurveyForResults(surveyId, db);
  if (!survey) return null;
  const columns = exportColumns(survey.definition, await loadWijkLabels(db));
  return { survey, columns };
}

async function* answerRows(db: Executor, surveyId: number, columns: ReturnType<typeof exportColumns>) {
  for await (const batch of responseBatches(db, surveyId)) {
    for (const r of batch.rows) {
      const list = batch.answers.get(r.id) ?? [];
      const submittedYear = (r.submittedAt ?? new Date()).getUTCFullYear();
      const ctx = { submittedYear, codeLabels: (answerId: number) => batch.codes.get(answerId) ?? "" };
      yield [
        pseudonym(r.id, r.respondentId),
        r.channel,
        r.submittedAt ? r.submittedAt.toISOString().slice(0, 10) : null,
        ...columns.map((c) => c.get(list, ctx)),
      ];
    }
  }
}

/** Write the audit line first (in its own transaction): an export that started is an export that happened. */
async function auditExport(actor: Actor, survey: SurveyForResults, format: "csv" | "xlsx") {
  await getDb().transaction(async (tx) => {
    await audit(tx, actor, {
      action: `insights.export.${format}`,
      entityType: "survey",
      entityId: survey.id,
      details: { title: survey.title },
    });
  });
}

export interface ExportStream {
  filename: string;
  contentType: string;
  body: ReadableStream<Uint8Array>;
}

function fileBase(survey: SurveyForResults) {
  const slug = survey.title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);
  return `antwoorden-${survey.id}-${slug || "enquete"}`;
}

export async function exportCsv(
  actor: Actor,
  surveyId: number,
  db: Executor = getDb(),
): Promise<ExportStream | null> {
  const prepared = await prepare(surveyId, db);
  if (!prepared) return null;
  await auditExport(actor, prepared.survey, "csv");
  const encoder = new TextEncoder();
  const header = csvRow([...fixedColumns.map((c) => c.key), ...prepared.columns.map((c) => c.key)]);
  const rows = answerRows(db, surveyId, prepared.columns);
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(CSV_BOM + header));
        return;
      }
      // A few hundred rows per chunk: fewer, larger writes.
      let chunk = "";
      for (let i = 0; i < 500; i++) {
        const next = await rows.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += csvRow(next.value);
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  return { filename: `${fileBase(prepared.survey)}.csv`, contentType: "text/csv; charset=utf-8", body };
}

export async function exportXlsx(
  actor: Actor,
  surveyId: number,
  db: Executor = getDb(),
): Promise<ExportStream | null> {
  const prepared = await prepare(surveyId, db);
  if (!prepared) return null;
  await auditExport(actor, prepared.survey, "xlsx");
  const out = new PassThrough();
  writeWorkbook(out, db, surveyId, prepared).catch((error) => {
    getLogger().error({ err: error, surveyId }, "xlsx export failed");
    out.destroy(error as Error);
  });
  return {
    filename: `${fileBase(prepared.survey)}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: Readable.toWeb(out) as ReadableStream<Uint8Array>,
  };
}

/**
 * Let compression and the consumer catch up, so rows do not pile up in memory: yield to the event loop
 * (zlib works asynchronously), and wait for "drain" when the consumer is slower than the database.
 */
async function drained(stream: PassThrough): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (stream.writableNeedDrain) await new Promise<void>((resolve) => stream.once("drain", () => resolve()));
}

async function writeWorkbook(
  out: PassThrough,
  db: Executor,
  surveyId: number,
  prepared: NonNullable<Awaited<ReturnType<typeof prepare>>>,
) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet("Antwoorden");
  sheet.addRow([...fixedColumns.map((c) => c.key), ...prepared.columns.map((c) => c.key)]).commit();
  let n = 0;
  for await (const row of answerRows(db, surveyId, prepared.columns)) {
    sheet.addRow(row.map(spreadsheetCell)).commit();
    if (++n % 200 === 0) await drained(out);
  }
  sheet.commit();

  const codebook = workbook.addWorksheet("Codeboek");
  codebook.addRow(["kolom", "vraag", "omschrijving", "waarde", "betekenis"]).commit();
  for (const c of fixedColumns)
    codebook.addRow([c.key, "", spreadsheetCell(c.description), null, null]).commit();
  for (const c of prepared.columns) {
    codebook
      .addRow([c.key, spreadsheetCell(c.question), spreadsheetCell(c.description), null, null])
      .commit();
    for (const [value, label] of Object.entries(c.values))
      codebook.addRow([c.key, null, null, spreadsheetCell(value), spreadsheetCell(label)]).commit();
  }
  codebook.commit();

  const coded = workbook.addWorksheet("Open antwoorden gecodeerd");
  coded.addRow(["respondent", "vraag", "antwoord", "codes", "thema's"]).commit();
  const openKeys = prepared.survey.definition.pages.flatMap((p) =>
    p.questions.filter((q) => q.type === "open").map((q) => q.key),
  );
  if (openKeys.length) {
    let after = 0;
    for (;;) {
      const rows = await db.execute<{
        id: number;
        responseId: string;
        respondentId: string | null;
        questionKey: string;
        text: string;
        codes: string | null;
        themes: number[] | null;
      }>(sql`
        select a.id, a.response_id as "responseId", r.respondent_id as "respondentId", a.question_key as "questionKey",
          a.value_text as text,
          (select string_agg(c.label, ' | ' order by c.label) from answer_codes ac join codes c on c.id = ac.code_id where ac.answer_id = a.id) as codes,
          (select array_agg(distinct c.theme) from answer_codes ac join codes c on c.id = ac.code_id where ac.answer_id = a.id and c.theme is not null) as themes
        from answers a join responses r on r.id = a.response_id and r.status = 'submitted'
        where a.survey_id = ${surveyId} and a.sub_key = '' and a.value_text is not null and a.value_text <> ''
          and a.question_key in (${sql.join(
            openKeys.map((k) => sql`${k}`),
            sql`, `,
          )}) and a.id > ${after}
        order by a.id limit ${BATCH}`);
      if (rows.length === 0) break;
      for (const r of rows)
        coded
          .addRow([
            pseudonym(r.responseId, r.respondentId),
            r.questionKey,
            spreadsheetCell(redactPersonalData(r.text)),
            spreadsheetCell(r.codes ?? ""),
            (r.themes ?? []).map((t) => `${t} ${themeLabels[t as ThemeId] ?? ""}`.trim()).join(" | "),
          ])
          .commit();
      after = Number(rows[rows.length - 1]!.id);
      await drained(out);
      if (rows.length < BATCH) break;
    }
  }
  coded.commit();
  await workbook.commit();
}
