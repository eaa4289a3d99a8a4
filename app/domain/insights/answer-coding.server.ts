// Coding open answers, one answer at a time: re-code it, or mark it as a quote for the report (never one with
// personal data). Every change is audited in the same transaction.
import { and, eq, inArray } from "drizzle-orm";
import { answerCodes, answers, codes, quotes } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { type Actor, audit } from "../audit/audit.server";
import type { CodingResult } from "./code-edits.server";
import { findPersonalData } from "./personal-data";

async function answerOf(surveyId: number, questionKey: string, answerId: number, tx: Executor) {
  const [row] = await tx
    .select({ id: answers.id, text: answers.valueText })
    .from(answers)
    .where(
      and(eq(answers.id, answerId), eq(answers.surveyId, surveyId), eq(answers.questionKey, questionKey)),
    );
  return row ?? null;
}

/** Re-code one answer: its codes become exactly `codeIds` (manual). */
export async function recodeAnswer(
  actor: Actor,
  surveyId: number,
  questionKey: string,
  answerId: number,
  codeIds: number[],
): Promise<CodingResult> {
  return getDb().transaction(async (tx) => {
    if (!(await answerOf(surveyId, questionKey, answerId, tx)))
      return { ok: false, error: "Dit antwoord bestaat niet." };
    const valid = codeIds.length
      ? await tx
          .select({ id: codes.id })
          .from(codes)
          .where(
            and(inArray(codes.id, codeIds), eq(codes.surveyId, surveyId), eq(codes.questionKey, questionKey)),
          )
      : [];
    await tx.delete(answerCodes).where(eq(answerCodes.answerId, answerId));
    if (valid.length)
      await tx
        .insert(answerCodes)
        .values(valid.map((c) => ({ answerId, codeId: c.id, source: "manual" as const })));
    await audit(
      actor,
      {
        action: "insights.answer_recoded",
        entityType: "answer",
        entityId: answerId,
        details: { codes: valid.map((c) => c.id) },
      },
      tx,
    );
    return { ok: true };
  });
}

export const QUOTE_HAS_PERSONAL_DATA =
  "Haal eerst de persoonsgegevens uit het citaat (e-mailadres, telefoonnummer, straat met huisnummer of postcode).";

/** Mark an answer as a quote, with the text as it may be shown. Refused while it still holds likely personal data. */
export async function markQuote(
  actor: Actor,
  surveyId: number,
  questionKey: string,
  answerId: number,
  text: string,
): Promise<CodingResult> {
  if (findPersonalData(text).length > 0) return { ok: false, error: QUOTE_HAS_PERSONAL_DATA };
  return getDb().transaction(async (tx) => {
    if (!(await answerOf(surveyId, questionKey, answerId, tx)))
      return { ok: false, error: "Dit antwoord bestaat niet." };
    await tx
      .insert(quotes)
      .values({ answerId, surveyId, text, markedBy: actor.id })
      .onConflictDoUpdate({
        target: quotes.answerId,
        set: { text, markedBy: actor.id, markedAt: new Date() },
      });
    await audit(actor, { action: "insights.quote_marked", entityType: "answer", entityId: answerId }, tx);
    return { ok: true };
  });
}

export async function unmarkQuote(actor: Actor, surveyId: number, answerId: number): Promise<CodingResult> {
  return getDb().transaction(async (tx) => {
    await tx.delete(quotes).where(and(eq(quotes.answerId, answerId), eq(quotes.surveyId, surveyId)));
    await audit(actor, { action: "insights.quote_unmarked", entityType: "answer", entityId: answerId }, tx);
    return { ok: true };
  });
}
