// The entry screen for paper questionnaires (docs/paper.md): the code first, then one typed form, counted at
// once or kept for a second entry by someone else and compared with the first.
import { and, eq, sql } from "drizzle-orm";
import { paperEntries, surveyCodes } from "../../../db/schema";
import type { Executor } from "../../lib/db.server";
import { type Actor, audit } from "../audit/audit.server";
import type { Answers, RawValues } from "./answers";
import { normalizeCode } from "./codes";
import { hashCode } from "./codes.server";
import { checkWholeForm, type Disagreement, findDisagreements } from "./paper";
import { insertSubmittedResponses, type PaperSurvey } from "./paper-responses.server";

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

// ---------------------------------------------------------------- one paper form

export type PaperEntryOutcome =
  | { status: "refused"; message: string }
  | { status: "invalid"; errors: Record<string, string> }
  /** Counted at once (no double entry) or after a second entry that agreed. */
  | { status: "counted"; responseId: string; afterSecond: boolean }
  | { status: "awaitingSecond"; entryId: number }
  | { status: "disagreement"; entryId: number; disagreements: Disagreement[] };

/** The answers of one paper form counted as a submitted response on its code; returns the response id. */
async function countResponse(target: PaperSurvey, codeRow: CodeState, answers: Answers, tx: Executor) {
  const [responseId] = await insertSubmittedResponses(
    target,
    "papier",
    [{ codeId: codeRow.id, respondentId: codeRow.respondentId, answers }],
    tx,
  );
  return responseId!;
}

/** The entry row of a form typed for the first time, counted at once or waiting for a second entry. */
function firstEntry(
  actor: Actor,
  target: PaperSurvey,
  codeRow: CodeState,
  answers: Answers,
  status: "counted" | "awaiting_second",
) {
  return {
    surveyId: target.survey.id,
    surveyVersionId: target.version.id,
    codeId: codeRow.id,
    status,
    firstAnswers: answers,
    firstBy: actor.id,
  };
}

/** The audit line of every paper entry: which code, which step (enkel, eerste, tweede). */
async function auditPaperEntry(
  actor: Actor,
  target: PaperSurvey,
  details: Record<string, unknown>,
  tx: Executor,
) {
  await audit(
    actor,
    { action: "survey.paper_entered", entityType: "survey", entityId: target.survey.id, details },
    tx,
  );
}

/** A form typed once that counts at once (no double entry). */
async function countAtOnce(
  actor: Actor,
  target: PaperSurvey,
  codeRow: CodeState,
  answers: Answers,
  tx: Executor,
): Promise<PaperEntryOutcome> {
  const responseId = await countResponse(target, codeRow, answers, tx);
  await tx
    .insert(paperEntries)
    .values({ ...firstEntry(actor, target, codeRow, answers, "counted"), responseId });
  await auditPaperEntry(actor, target, { codeId: codeRow.id, step: "enkel" }, tx);
  return { status: "counted" as const, responseId, afterSecond: false };
}

/** The first of two entries: kept until someone else types the same form. */
async function keepFirstEntry(
  actor: Actor,
  target: PaperSurvey,
  codeRow: CodeState,
  answers: Answers,
  tx: Executor,
): Promise<PaperEntryOutcome> {
  const [entry] = await tx
    .insert(paperEntries)
    .values(firstEntry(actor, target, codeRow, answers, "awaiting_second"))
    .returning({ id: paperEntries.id });
  await auditPaperEntry(actor, target, { codeId: codeRow.id, entryId: entry!.id, step: "eerste" }, tx);
  return { status: "awaitingSecond" as const, entryId: entry!.id };
}

/** The second entry, by someone else: counted when it agrees with the first, else kept with the differences. */
async function compareSecondEntry(
  actor: Actor,
  target: PaperSurvey,
  codeRow: CodeState,
  answers: Answers,
  tx: Executor,
): Promise<PaperEntryOutcome> {
  // The second entry, by someone else: compare with the first.
  const [entry] = await tx.select().from(paperEntries).where(eq(paperEntries.codeId, codeRow.id));
  const first = entry!.firstAnswers as Answers;
  const disagreements = findDisagreements(target.definition, first, answers);
  const now = new Date();
  await auditPaperEntry(
    actor,
    target,
    { codeId: codeRow.id, entryId: entry!.id, step: "tweede", differences: disagreements.length },
    tx,
  );
  if (disagreements.length > 0) {
    await tx
      .update(paperEntries)
      .set({
        status: "disagreement",
        secondAnswers: answers,
        secondBy: actor.id,
        secondAt: now,
        updatedAt: now,
      })
      .where(eq(paperEntries.id, entry!.id));
    return { status: "disagreement" as const, entryId: entry!.id, disagreements };
  }
  const responseId = await countResponse(target, codeRow, answers, tx);
  await tx
    .update(paperEntries)
    .set({
      status: "counted",
      secondAnswers: answers,
      secondBy: actor.id,
      secondAt: now,
      responseId,
      updatedAt: now,
    })
    .where(eq(paperEntries.id, entry!.id));
  return { status: "counted" as const, responseId, afterSecond: true };
}

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
    if (judged.status === "new" && !input.double)
      return countAtOnce(actor, target, codeRow, checked.answers, tx);
    if (judged.status === "new") return keepFirstEntry(actor, target, codeRow, checked.answers, tx);
    return compareSecondEntry(actor, target, codeRow, checked.answers, tx);
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
