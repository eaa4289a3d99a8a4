// Paper questionnaires typed in by staff and answers typed by a bureau (issue 15, docs/paper.md).
// Both end as submitted responses with their own channel, written with the code used up in the same
// transaction, so results, weighting and the report count them per channel like any other response.
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { and, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type postgres from "postgres";
import { paperEntries, responses, surveyCodes, surveys, surveyVersions } from "../../../db/schema";
import { type Executor, rawClient } from "../../lib/db.server";
import { type Actor, audit } from "../audit/audit.server";
import { wijkOfPostcodeSql } from "../places/wijken.server";
import { type Answers, answerColumns, OUTSIDE_WIJK, type RawValues, toRows } from "./answers";
import { normalizeCode } from "./codes";
import { createPersonalCodes, hashCode, type PersonalCode } from "./codes.server";
import type { SurveyDefinition } from "./definition";
import {
  type CheckedRow,
  CODE_COLUMN,
  checkRow,
  checkWholeForm,
  type Disagreement,
  findDisagreements,
  type RowError,
  readHeader,
  resolveAnswers,
  templateColumns,
} from "./paper";
import { definitionsOf, type SurveyRow, type VersionMeta, versionMetaColumns } from "./surveys.server";

export const paperMessages = {
  codeMissing: "Vul de code in die op de vragenlijst staat.",
  codeUnknown: "Deze code hoort niet bij deze enquête. Kijk de code op het papier nog eens na.",
  codeUsed: "Met deze code is de vragenlijst al ingestuurd. Een vragenlijst telt maar één keer.",
  sameTypist:
    "U heeft deze vragenlijst zelf al ingevoerd. De tweede invoer moet door een andere medewerker gebeuren.",
  disagreement: "Deze vragenlijst is twee keer ingevoerd met verschillen. Los eerst de verschillen op.",
  notPublished: "Deze enquête is nog niet gepubliceerd. Papieren antwoorden kunnen pas na publicatie.",
  answersInvalid: "Niet alle antwoorden kloppen. Kijk de vragen met een melding na.",
} as const;

export interface PaperSurvey {
  survey: SurveyRow;
  version: VersionMeta;
  definition: SurveyDefinition;
}

/** The survey with its newest published version: paper answers use it, as a new online response does. */
export async function paperSurvey(surveyId: number, db: Executor): Promise<PaperSurvey | null> {
  const [row] = await db
    .select({ survey: surveys, version: versionMetaColumns(surveyVersions) })
    .from(surveys)
    .innerJoin(
      surveyVersions,
      and(eq(surveyVersions.surveyId, surveys.id), isNotNull(surveyVersions.publishedAt)),
    )
    .where(eq(surveys.id, surveyId))
    .orderBy(desc(surveyVersions.version))
    .limit(1);
  if (!row) return null;
  const definitions = await definitionsOf([row.version], db);
  return { ...row, definition: definitions.get(row.version.id)! };
}

// ---------------------------------------------------------------- the code first

export type PaperCodeCheck =
  | { status: "unknown" | "used" | "sameTypist" | "disagreement"; message: string }
  /** A new paper form, or the second entry of one typed once before. */
  | { status: "new" | "second"; code: string; codeId: number };

interface CodeState {
  id: number;
  usedAt: Date | null;
  respondentId: string | null;
  responseId: string | null;
  entry: { id: number; status: string; firstBy: string } | null;
}

async function codeState(surveyId: number, code: string, lock: boolean, db: Executor) {
  const query = db
    .select({
      id: surveyCodes.id,
      usedAt: surveyCodes.usedAt,
      respondentId: surveyCodes.respondentId,
      responseId: surveyCodes.responseId,
    })
    .from(surveyCodes)
    .where(and(eq(surveyCodes.codeHash, hashCode(code)), eq(surveyCodes.surveyId, surveyId)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) return null;
  const [entry] = await db
    .select({ id: paperEntries.id, status: paperEntries.status, firstBy: paperEntries.firstBy })
    .from(paperEntries)
    .where(eq(paperEntries.codeId, row.id));
  return { ...row, entry: entry ?? null } satisfies CodeState;
}

function judgeCode(state: CodeState | null, code: string, actor: Actor): PaperCodeCheck {
  if (!state) return { status: "unknown", message: paperMessages.codeUnknown };
  if (state.usedAt || state.entry?.status === "counted")
    return { status: "used", message: paperMessages.codeUsed };
  if (state.entry?.status === "disagreement")
    return { status: "disagreement", message: paperMessages.disagreement };
  if (state.entry?.status === "awaiting_second") {
    if (state.entry.firstBy === actor.id) return { status: "sameTypist", message: paperMessages.sameTypist };
    return { status: "second", code, codeId: state.id };
  }
  return { status: "new", code, codeId: state.id };
}

/** Step one of the entry screen: is this code one to type a paper form for? Refused at once if not. */
export async function checkPaperCode(
  actor: Actor,
  surveyId: number,
  input: string,
  db: Executor,
): Promise<PaperCodeCheck> {
  if (!input.trim()) return { status: "unknown", message: paperMessages.codeMissing };
  const code = normalizeCode(input);
  if (!code) return { status: "unknown", message: paperMessages.codeUnknown };
  return judgeCode(await codeState(surveyId, code, false, db), code, actor);
}

// ---------------------------------------------------------------- writing responses

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

// ---------------------------------------------------------------- one paper form

export type PaperEntryOutcome =
  | { status: "refused"; message: string }
  | { status: "invalid"; errors: Record<string, string> }
  /** Counted at once (no double entry) or after a second entry that agreed. */
  | { status: "counted"; responseId: string; afterSecond: boolean }
  | { status: "awaitingSecond"; entryId: number }
  | { status: "disagreement"; entryId: number; disagreements: Disagreement[] };

/**
 * Save one typed paper form. Checked by the survey's own validation; then, in one transaction with
 * the code row locked: counted at once, kept for a second entry, or compared with the first entry.
 */
export async function savePaperEntry(
  actor: Actor,
  target: PaperSurvey,
  input: { code: string; raw: RawValues; double: boolean; year?: number },
  db: Executor,
): Promise<PaperEntryOutcome> {
  const code = normalizeCode(input.code);
  if (!code) return { status: "refused", message: paperMessages.codeUnknown };
  const checked = checkWholeForm(target.definition, input.raw, input.year);
  if (Object.keys(checked.errors).length > 0) return { status: "invalid", errors: checked.errors };
  return db.transaction(async (tx) => {
    const state = await codeState(target.survey.id, code, true, tx);
    const judged = judgeCode(state, code, actor);
    if ("message" in judged) return { status: "refused" as const, message: judged.message };
    const codeRow = state!;
    if (judged.status === "new" && !input.double) {
      const [responseId] = await insertSubmittedResponses(
        target,
        "papier",
        [{ codeId: codeRow.id, respondentId: codeRow.respondentId, answers: checked.answers }],
        tx,
      );
      await tx.insert(paperEntries).values({
        surveyId: target.survey.id,
        surveyVersionId: target.version.id,
        codeId: codeRow.id,
        status: "counted",
        firstAnswers: checked.answers,
        firstBy: actor.id,
        responseId: responseId!,
      });
      await audit(
        actor,
        {
          action: "survey.paper_entered",
          entityType: "survey",
          entityId: target.survey.id,
          details: { codeId: codeRow.id, step: "enkel" },
        },
        tx,
      );
      return { status: "counted" as const, responseId: responseId!, afterSecond: false };
    }
    if (judged.status === "new") {
      const [entry] = await tx
        .insert(paperEntries)
        .values({
          surveyId: target.survey.id,
          surveyVersionId: target.version.id,
          codeId: codeRow.id,
          status: "awaiting_second",
          firstAnswers: checked.answers,
          firstBy: actor.id,
        })
        .returning({ id: paperEntries.id });
      await audit(
        actor,
        {
          action: "survey.paper_entered",
          entityType: "survey",
          entityId: target.survey.id,
          details: { codeId: codeRow.id, entryId: entry!.id, step: "eerste" },
        },
        tx,
      );
      return { status: "awaitingSecond" as const, entryId: entry!.id };
    }
    // The second entry, by someone else: compare with the first.
    const [entry] = await tx.select().from(paperEntries).where(eq(paperEntries.codeId, codeRow.id));
    const first = entry!.firstAnswers as Answers;
    const disagreements = findDisagreements(target.definition, first, checked.answers);
    const now = new Date();
    await audit(
      actor,
      {
        action: "survey.paper_entered",
        entityType: "survey",
        entityId: target.survey.id,
        details: {
          codeId: codeRow.id,
          entryId: entry!.id,
          step: "tweede",
          differences: disagreements.length,
        },
      },
      tx,
    );
    if (disagreements.length > 0) {
      await tx
        .update(paperEntries)
        .set({
          status: "disagreement",
          secondAnswers: checked.answers,
          secondBy: actor.id,
          secondAt: now,
          updatedAt: now,
        })
        .where(eq(paperEntries.id, entry!.id));
      return { status: "disagreement" as const, entryId: entry!.id, disagreements };
    }
    const [responseId] = await insertSubmittedResponses(
      target,
      "papier",
      [{ codeId: codeRow.id, respondentId: codeRow.respondentId, answers: checked.answers }],
      tx,
    );
    await tx
      .update(paperEntries)
      .set({
        status: "counted",
        secondAnswers: checked.answers,
        secondBy: actor.id,
        secondAt: now,
        responseId: responseId!,
        updatedAt: now,
      })
      .where(eq(paperEntries.id, entry!.id));
    return { status: "counted" as const, responseId: responseId!, afterSecond: true };
  });
}

export interface OpenPaperEntry {
  id: number;
  status: "awaiting_second" | "disagreement";
  firstAt: Date;
  disagreements: Disagreement[];
}

/** Paper forms that do not count yet: waiting for a second entry, or with differences to resolve. */
export async function listOpenPaperEntries(target: PaperSurvey, db: Executor): Promise<OpenPaperEntry[]> {
  const rows = await db
    .select()
    .from(paperEntries)
    .where(
      and(
        eq(paperEntries.surveyId, target.survey.id),
        inArray(paperEntries.status, ["awaiting_second", "disagreement"]),
      ),
    )
    .orderBy(paperEntries.id);
  const definitions = await definitionsOf(
    await db
      .select({ id: surveyVersions.id, publishedAt: surveyVersions.publishedAt })
      .from(surveyVersions)
      .where(
        inArray(
          surveyVersions.id,
          [...new Set(rows.map((r) => r.surveyVersionId))].concat(target.version.id),
        ),
      ),
    db,
  );
  return rows.map((r) => ({
    id: r.id,
    status: r.status as OpenPaperEntry["status"],
    firstAt: r.firstAt,
    disagreements:
      r.status === "disagreement"
        ? findDisagreements(
            definitions.get(r.surveyVersionId) ?? target.definition,
            r.firstAnswers as Answers,
            (r.secondAnswers ?? {}) as Answers,
          )
        : [],
  }));
}

export type ResolveOutcome =
  | { status: "notFound" }
  | { status: "missing"; missing: string[] }
  | { status: "counted"; responseId: string };

/** Resolve the differences of a twice-typed paper form: per question the entry that matches the paper. */
export async function resolvePaperEntry(
  actor: Actor,
  target: PaperSurvey,
  entryId: number,
  choices: Record<string, "first" | "second">,
  db: Executor,
): Promise<ResolveOutcome> {
  return db.transaction(async (tx) => {
    const [entry] = await tx
      .select()
      .from(paperEntries)
      .where(and(eq(paperEntries.id, entryId), eq(paperEntries.surveyId, target.survey.id)))
      .for("update");
    if (entry?.status !== "disagreement") return { status: "notFound" as const };
    const [version] = await definitionsOf(
      await tx
        .select({ id: surveyVersions.id, publishedAt: surveyVersions.publishedAt })
        .from(surveyVersions)
        .where(eq(surveyVersions.id, entry.surveyVersionId)),
      tx,
    ).then((m) => [...m.values()]);
    const definition = version ?? target.definition;
    const resolved = resolveAnswers(
      definition,
      entry.firstAnswers as Answers,
      (entry.secondAnswers ?? {}) as Answers,
      choices,
    );
    if (!resolved.ok) return { status: "missing" as const, missing: resolved.missing };
    const [code] = await tx.select().from(surveyCodes).where(eq(surveyCodes.id, entry.codeId)).for("update");
    if (!code || code.usedAt) return { status: "notFound" as const };
    const [responseId] = await insertSubmittedResponses(
      { ...target, version: { ...target.version, id: entry.surveyVersionId }, definition },
      "papier",
      [{ codeId: code.id, respondentId: code.respondentId, answers: resolved.answers }],
      tx,
    );
    await tx
      .update(paperEntries)
      .set({ status: "counted", responseId: responseId!, resolvedBy: actor.id, updatedAt: new Date() })
      .where(eq(paperEntries.id, entry.id));
    await audit(
      actor,
      {
        action: "survey.paper_resolved",
        entityType: "survey",
        entityId: target.survey.id,
        details: { entryId: entry.id, codeId: code.id, questions: Object.keys(choices).length },
      },
      tx,
    );
    return { status: "counted" as const, responseId: responseId! };
  });
}

/** Counts for the entry screen: counted paper forms and the ones waiting. */
export async function paperCounts(surveyId: number, db: Executor) {
  const rows = await db
    .select({ status: paperEntries.status, n: sql<number>`count(*)::int` })
    .from(paperEntries)
    .where(eq(paperEntries.surveyId, surveyId))
    .groupBy(paperEntries.status);
  const of = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
  return { counted: of("counted"), awaitingSecond: of("awaiting_second"), disagreement: of("disagreement") };
}

// ---------------------------------------------------------------- printing for a code list

/** Create letter codes for printed questionnaires (only their hashes are stored), with an audit line. */
export async function printCodes(
  actor: Actor,
  surveyId: number,
  count: number,
  db: Executor,
): Promise<PersonalCode[]> {
  return db.transaction(async (tx) => {
    const codes = await createPersonalCodes(surveyId, count, "letter", tx);
    await audit(
      actor,
      {
        action: "survey.codes_printed",
        entityType: "survey",
        entityId: surveyId,
        details: { count },
      },
      tx,
    );
    return codes;
  });
}

// ---------------------------------------------------------------- bureau import

export interface BureauCheck {
  /** A problem with the file as a whole (columns, empty). */
  fileError: string | null;
  rows: number;
  errors: RowError[];
  /** More errors than shown. */
  moreErrors: number;
}

export type BureauOutcome =
  | { status: "checked"; check: BureauCheck }
  | { status: "imported"; check: BureauCheck; imported: number };

const MAX_ROWS = 20_000;
const SHOWN_ERRORS = 200;

export const bureauMessages = {
  empty: "Het bestand heeft geen regels met antwoorden.",
  tooMany: `Het bestand heeft meer dan ${MAX_ROWS.toLocaleString("nl-NL")} regels. Splits het in delen.`,
  codeMissing: "De code ontbreekt.",
  codeUnknown: "Deze code hoort niet bij deze enquête.",
  codeUsed: "Met deze code is al een vragenlijst ingestuurd.",
  codeOnPaper: "Deze code is al op het invoerscherm voor papieren vragenlijsten ingevoerd.",
  codeTwice: (line: number) => `Deze code staat ook op regel ${line}. Een vragenlijst telt maar één keer.`,
} as const;

/** Rows of a bureau file as openBureauFile gives them, or a table whose first row is the header. */
export type BureauRows =
  | readonly (readonly string[])[]
  | Iterable<{ cells: readonly string[]; line: number }>
  | AsyncIterable<{ cells: readonly string[]; line: number }>;

async function* numbered(rows: BureauRows): AsyncGenerator<{ cells: readonly string[]; line: number }> {
  if (Array.isArray(rows)) {
    for (let i = 0; i < rows.length; i++) yield { cells: rows[i] as readonly string[], line: i + 1 };
    return;
  }
  yield* rows as AsyncIterable<{ cells: readonly string[]; line: number }>;
}

/** Rows checked and looked up per batch: memory stays flat however long the file is. */
const BATCH = 1000;

class RolledBack extends Error {
  constructor(readonly outcome: BureauOutcome) {
    super("bureau import rolled back");
  }
}

/**
 * Check a bureau file (a dry run) or import it, reading it row by row: every row through the survey's
 * own validation, the codes against the database per batch of rows, then all rows or none. An import
 * runs in one transaction: each batch's codes are checked with their rows locked (so a code used in
 * between is still refused) and, while no error has been found, its responses are written with COPY;
 * the first error stops the writing, the rest of the file is still checked for the report, and the
 * transaction is rolled back. One audit line on success.
 */
export async function importBureauRows(
  actor: Actor,
  target: PaperSurvey,
  table: BureauRows,
  options: { apply: boolean; channel: "papier" | "bureau"; year?: number },
  db: Executor,
): Promise<BureauOutcome> {
  const year = options.year ?? new Date().getFullYear();
  const columns = templateColumns(target.definition);
  const fail = (fileError: string, rows: number): BureauOutcome => ({
    status: "checked",
    check: { fileError, rows, errors: [], moreErrors: 0 },
  });

  const lookUp = async (
    batch: (CheckedRow & { normalized: string | null })[],
    lock: boolean,
    tx: Executor,
  ) => {
    const codeErrors: RowError[] = [];
    const hashes = batch.filter((r) => r.normalized).map((r) => hashCode(r.normalized!));
    const found = new Map<
      string,
      { id: number; usedAt: Date | null; respondentId: string | null; onPaper: boolean }
    >();
    if (hashes.length > 0) {
      const rows = await tx.execute<{
        id: number;
        code_hash: string;
        used_at: Date | null;
        respondent_id: string | null;
        on_paper: boolean;
      }>(sql`
        select c.id, c.code_hash, c.used_at, c.respondent_id,
               exists (select 1 from paper_entries p where p.code_id = c.id) as on_paper
        from survey_codes c
        where c.survey_id = ${target.survey.id}
          and c.code_hash = any(${sql`${`{${hashes.join(",")}}`}::text[]`})
        order by c.id
        ${lock ? sql`for update of c` : sql``}`);
      for (const r of rows)
        found.set(r.code_hash, {
          id: r.id,
          usedAt: r.used_at,
          respondentId: r.respondent_id,
          onPaper: r.on_paper,
        });
    }
    const items: NewResponse[] = [];
    for (const r of batch) {
      if (!r.normalized) continue;
      const code = found.get(hashCode(r.normalized));
      if (!code) codeErrors.push({ line: r.line, column: CODE_COLUMN, message: bureauMessages.codeUnknown });
      else if (code.usedAt)
        codeErrors.push({ line: r.line, column: CODE_COLUMN, message: bureauMessages.codeUsed });
      else if (code.onPaper)
        codeErrors.push({ line: r.line, column: CODE_COLUMN, message: bureauMessages.codeOnPaper });
      else items.push({ codeId: code.id, respondentId: code.respondentId, answers: r.answers });
    }
    return { codeErrors, items };
  };

  const pass = async (apply: boolean, tx: Executor): Promise<BureauOutcome> => {
    let head: ReturnType<typeof readHeader> | null = null;
    let rows = 0;
    let imported = 0;
    // Row errors (checked here) and code errors (from the database), in line order. Lines only grow,
    // so only the first SHOWN_ERRORS are kept, with a count of all.
    let shown: RowError[] = [];
    let errorCount = 0;
    const addErrors = (list: RowError[]) => {
      if (list.length === 0) return;
      errorCount += list.length;
      if (shown.length < SHOWN_ERRORS)
        shown = [...shown, ...list].sort((a, b) => a.line - b.line).slice(0, SHOWN_ERRORS);
    };
    const seen = new Map<string, number>();
    let batch: (CheckedRow & { normalized: string | null })[] = [];
    let batchErrors: RowError[] = [];
    const flush = async () => {
      if (batch.length === 0 && batchErrors.length === 0) return;
      const hadErrors = errorCount > 0 || batchErrors.length > 0;
      const { codeErrors, items } = await lookUp(batch, apply, tx);
      // Row errors first, then code errors, each in line order (a stable sort keeps that per line).
      addErrors([...batchErrors, ...codeErrors].sort((a, b) => a.line - b.line));
      if (apply && !hadErrors && codeErrors.length === 0)
        imported += await copySubmittedResponses(target, options.channel, items, tx);
      batch = [];
      batchErrors = [];
    };
    for await (const { cells, line } of numbered(table)) {
      if (head === null) {
        // The header is the first line; a file whose first line is empty has no header.
        head = readHeader(line === 1 ? cells : [], columns);
        if (!head.ok) return fail(head.message, 0);
        if (line === 1) continue;
      }
      if (cells.every((c) => c.trim() === "")) continue;
      if (++rows > MAX_ROWS) return fail(bureauMessages.tooMany, rows);
      const { row, errors: rowErrors } = checkRow(target.definition, columns, head.index, cells, line, year);
      batchErrors.push(...rowErrors);
      const normalized = normalizeCode(row.code);
      if (!row.code) batchErrors.push({ line, column: CODE_COLUMN, message: bureauMessages.codeMissing });
      else if (!normalized)
        batchErrors.push({ line, column: CODE_COLUMN, message: bureauMessages.codeUnknown });
      else if (seen.has(normalized))
        batchErrors.push({
          line,
          column: CODE_COLUMN,
          message: bureauMessages.codeTwice(seen.get(normalized)!),
        });
      else seen.set(normalized, line);
      batch.push({ ...row, normalized });
      if (batch.length >= BATCH) await flush();
    }
    if (head === null) return fail(bureauMessages.empty, 0);
    if (rows === 0) return fail(bureauMessages.empty, 0);
    await flush();
    const check: BureauCheck = {
      fileError: null,
      rows,
      errors: shown,
      moreErrors: Math.max(0, errorCount - SHOWN_ERRORS),
    };
    if (!apply || errorCount > 0) return { status: "checked", check };
    await audit(
      actor,
      {
        action: "survey.bureau_imported",
        entityType: "survey",
        entityId: target.survey.id,
        details: { rows: imported, channel: options.channel },
      },
      tx,
    );
    return { status: "imported", check, imported };
  };

  if (!options.apply) return pass(false, db);
  try {
    return await db.transaction(async (tx) => {
      const outcome = await pass(true, tx);
      // Nothing of a refused file stays: the responses written before the first error go too.
      if (outcome.status !== "imported") throw new RolledBack(outcome);
      return outcome;
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.outcome;
    throw error;
  }
}
