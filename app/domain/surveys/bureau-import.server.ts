// Answers typed by a bureau (docs/paper.md): a file checked row by row (a dry run) or imported, all rows or
// none, as submitted responses of the bureau or paper channel.
import { sql } from "drizzle-orm";
import type { Executor } from "../../lib/db.server";
import { type Actor, audit } from "../audit/audit.server";
import { normalizeCode } from "./codes";
import { hashCode } from "./codes.server";
import { type CheckedRow, CODE_COLUMN, checkRow, type RowError, readHeader, templateColumns } from "./paper";
import { copySubmittedResponses, type NewResponse, type PaperSurvey } from "./paper-responses.server";

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

/** The codes of a batch of rows looked up (locked for an import): the rows to write and the code errors. */
async function lookUpCodes(
  target: PaperSurvey,
  batch: (CheckedRow & { normalized: string | null })[],
  lock: boolean,
  tx: Executor,
) {
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
}

/** A bureau file with the whole file wrong (columns, empty, too long). */
function refusedFile(fileError: string, rows: number): BureauOutcome {
  return { status: "checked", check: { fileError, rows, errors: [], moreErrors: 0 } };
}

/**
 * One pass over a bureau file: every row checked, the codes looked up per batch and, when `apply` and no
 * error has been found, each batch's responses written; one audit line when all rows were imported.
 */
async function bureauPass(
  actor: Actor,
  target: PaperSurvey,
  table: BureauRows,
  options: { channel: "papier" | "bureau"; year?: number },
  apply: boolean,
  tx: Executor,
): Promise<BureauOutcome> {
  const year = options.year ?? new Date().getFullYear();
  const columns = templateColumns(target.definition);
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
    const { codeErrors, items } = await lookUpCodes(target, batch, apply, tx);
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
      if (!head.ok) return refusedFile(head.message, 0);
      if (line === 1) continue;
    }
    if (cells.every((c) => c.trim() === "")) continue;
    if (++rows > MAX_ROWS) return refusedFile(bureauMessages.tooMany, rows);
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
  if (head === null) return refusedFile(bureauMessages.empty, 0);
  if (rows === 0) return refusedFile(bureauMessages.empty, 0);
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
  if (!options.apply) return bureauPass(actor, target, table, options, false, db);
  try {
    return await db.transaction(async (tx) => {
      const outcome = await bureauPass(actor, target, table, options, true, tx);
      // Nothing of a refused file stays: the responses written before the first error go too.
      if (outcome.status !== "imported") throw new RolledBack(outcome);
      return outcome;
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.outcome;
    throw error;
  }
}
