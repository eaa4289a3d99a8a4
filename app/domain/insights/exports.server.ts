// Streaming exports of the answers: CSV (semicolon, UTF-8 BOM) and XLSX (exceljs WorkbookWriter).
// Answers are read through server-side cursors ordered by response (postgres.js directly: drizzle has no
// cursor), so memory stays flat however many responses there are; `db` serves the survey and the audit line.
import { createHash } from "node:crypto";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type postgres from "postgres";
import { type Executor, getDb, getSql } from "../../lib/db.server";
import { getLogger } from "../../lib/logger.server";
import { type Actor, audit } from "../audit/audit.server";
import { CSV_BOM, csvRow, spreadsheetCell } from "./csv";
import { type ExportAnswer, exportColumns, fixedColumns } from "./export-columns";
import { redactPersonalData } from "./personal-data";
import { loadSurveyForResults, loadWijkLabels, type SurveyForResults } from "./results.server";
import { type ThemeId, themeLabels } from "./themes";

/** A stable pseudonym for a response without a panel id: not reversible to the response or a person. */
export function pseudonym(responseId: string, respondentId: string | null): string {
  if (respondentId) return respondentId;
  return `R-${createHash("sha256").update(`wmh-response:${responseId}`).digest("hex").slice(0, 12).toUpperCase()}`;
}

/** A response joined with one of its answers (the answer columns are null-padded for a response without any). */
interface ExportAnswerRow extends Omit<ExportAnswer, "questionKey"> {
  responseId: string;
  respondentId: string | null;
  channel: string;
  /** The UTC date and year of submission, formatted in SQL (drizzle leaves timestamps unparsed on this client). */
  submittedDate: string | null;
  submittedYear: number | null;
  /** A bigint, which postgres.js returns as a string; null for a response without answers (left join). */
  id: string | null;
  questionKey: string | null;
  codes: string | null;
}

/** Answers fetched per round trip of the cursor: about 200 responses of 25 answers. */
const CURSOR_ROWS = 5000;

/**
 * Every submitted response with its answers, one response at a time. One query over a server-side cursor,
 * ordered by response (the answers' unique index starts with response_id, so PostgreSQL merges instead of
 * sorting): memory stays flat, and there is no round trip per batch of responses. The code labels of an
 * answer are looked up only for answers with text (open questions), not for every answer.
 */
async function* responsesWithAnswers(surveyId: number, client: postgres.Sql = getSql()) {
  const cursor = client<ExportAnswerRow[]>`
    select r.id as "responseId", r.respondent_id as "respondentId", r.channel,
      to_char(r.submitted_at at time zone 'UTC', 'YYYY-MM-DD') as "submittedDate",
      extract(year from r.submitted_at at time zone 'UTC')::int as "submittedYear",
      a.id, a.question_key as "questionKey", coalesce(a.sub_key, '') as "subKey", a.value_text as "valueText",
      a.value_number as "valueNumber", a.value_option as "valueOption", a.value_options as "valueOptions",
      a.value_lat as "valueLat", a.value_lng as "valueLng", coalesce(a.dont_know, false) as "dontKnow",
      case when a.value_text is not null then (
        select string_agg(c.label, ' | ' order by c.label)
        from answer_codes ac join codes c on c.id = ac.code_id where ac.answer_id = a.id) end as codes
    from responses r left join answers a on a.response_id = r.id
    where r.survey_id = ${surveyId} and r.status = 'submitted'
    order by r.id`.cursor(CURSOR_ROWS);
  let current: { row: ExportAnswerRow; answers: (ExportAnswer & { id: number })[] } | null = null;
  let codes = new Map<number, string>();
  for await (const rows of cursor) {
    for (const row of rows) {
      if (current?.row.responseId !== row.responseId) {
        if (current) yield { ...current, codes };
        current = { row, answers: [] };
        codes = new Map();
      }
      if (row.id === null || row.questionKey === null) continue;
      const id = Number(row.id);
      current.answers.push({ ...row, id, questionKey: row.questionKey });
      if (row.codes) codes.set(id, row.codes);
    }
  }
  if (current) yield { ...current, codes };
}

/** The survey and its export columns, after writing the audit line; null for an unknown survey. */
async function prepare(actor: Actor, surveyId: number, format: "csv" | "xlsx", db: Executor) {
  const survey = await loadSurveyForResults(surveyId, db);
  if (!survey) return null;
  const columns = exportColumns(survey.definition, await loadWijkLabels(db));
  await auditExport(actor, survey, format);
  return { survey, columns };
}

/** One plain array per response: the fixed columns, then every export column. */
async function* answerRows(surveyId: number, columns: ReturnType<typeof exportColumns>) {
  for await (const { row: r, answers: list, codes } of responsesWithAnswers(surveyId)) {
    const submittedYear = r.submittedYear ?? new Date().getUTCFullYear();
    const ctx = { submittedYear, codeLabels: (answerId: number) => codes.get(answerId) ?? "" };
    const row: (string | number | null)[] = new Array(3 + columns.length);
    row[0] = pseudonym(r.responseId, r.respondentId);
    row[1] = r.channel;
    row[2] = r.submittedDate;
    for (let i = 0; i < columns.length; i++) row[3 + i] = columns[i]!.get(list, ctx);
    yield row;
  }
}

/** Write the audit line first (in its own transaction): an export that started is an export that happened. */
async function auditExport(actor: Actor, survey: SurveyForResults, format: "csv" | "xlsx") {
  await getDb().transaction(async (tx) => {
    await audit(
      actor,
      {
        action: format === "csv" ? "insights.exported_csv" : "insights.exported_xlsx",
        entityType: "survey",
        entityId: survey.id,
        details: { title: survey.title },
      },
      tx,
    );
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
  const prepared = await prepare(actor, surveyId, "csv", db);
  if (!prepared) return null;
  const encoder = new TextEncoder();
  const header = csvRow([...fixedColumns.map((c) => c.key), ...prepared.columns.map((c) => c.key)]);
  const rows = answerRows(surveyId, prepared.columns);
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
  const prepared = await prepare(actor, surveyId, "xlsx", db);
  if (!prepared) return null;
  const out = new PassThrough();
  writeWorkbook(out, surveyId, prepared).catch((error) => {
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
  surveyId: number,
  prepared: NonNullable<Awaited<ReturnType<typeof prepare>>>,
) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
    // Fastest deflate (archiver's default too, stated so it stays): the sheet XML is repetitive anyway.
    zip: { zlib: { level: 1 } },
  });
  const sheet = workbook.addWorksheet("Antwoorden");
  sheet.addRow([...fixedColumns.map((c) => c.key), ...prepared.columns.map((c) => c.key)]).commit();
  let n = 0;
  for await (const row of answerRows(surveyId, prepared.columns)) {
    for (let i = 0; i < row.length; i++) row[i] = spreadsheetCell(row[i]) as string | number | null;
    sheet.addRow(row).commit();
    if (++n % 1000 === 0) await drained(out);
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
    // One query read through a cursor: paging with "id > last limit n" re-scanned every open answer per page.
    const client = getSql();
    const cursor = client<
      {
        responseId: string;
        respondentId: string | null;
        questionKey: string;
        text: string;
        codes: string | null;
        themes: number[] | null;
      }[]
    >`
      select a.response_id as "responseId", r.respondent_id as "respondentId", a.question_key as "questionKey",
        a.value_text as text,
        (select string_agg(c.label, ' | ' order by c.label) from answer_codes ac join codes c on c.id = ac.code_id where ac.answer_id = a.id) as codes,
        (select array_agg(distinct c.theme) from answer_codes ac join codes c on c.id = ac.code_id where ac.answer_id = a.id and c.theme is not null) as themes
      from answers a join responses r on r.id = a.response_id and r.status = 'submitted'
      where a.survey_id = ${surveyId} and a.sub_key = '' and a.value_text is not null and a.value_text <> ''
        and a.question_key in ${client(openKeys)}
      order by a.id`.cursor(CURSOR_ROWS);
    for await (const rows of cursor) {
      for (const r of rows)
        coded
          .addRow([
            pseudonym(r.responseId, r.respondentId),
            r.questionKey,
            spreadsheetCell(redactPersonalData(r.text)),
            spreadsheetCell(redactPersonalData(r.codes ?? "")),
            (r.themes ?? []).map((t) => `${t} ${themeLabels[t as ThemeId] ?? ""}`.trim()).join(" | "),
          ])
          .commit();
      await drained(out);
    }
  }
  coded.commit();
  await workbook.commit();
}
