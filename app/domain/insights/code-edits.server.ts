// Coding open answers: staff accept, rename, merge, split and create codes. Every change is audited in the
// same transaction.
import { and, eq, inArray, sql } from "drizzle-orm";
import { answerCodes, codes } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { type Actor, audit } from "../audit/audit.server";
import { hasPersonalData, LABEL_HAS_PERSONAL_DATA } from "./personal-data";

async function codeOf(surveyId: number, questionKey: string, codeId: number, tx: Executor) {
  const [code] = await tx
    .select()
    .from(codes)
    .where(and(eq(codes.id, codeId), eq(codes.surveyId, surveyId), eq(codes.questionKey, questionKey)));
  return code ?? null;
}

export type CodingError = { ok: false; error: string };

export type CodingResult = { ok: true } | CodingError;

export async function acceptCode(
  actor: Actor,
  surveyId: number,
  questionKey: string,
  codeId: number,
): Promise<CodingResult> {
  return getDb().transaction(async (tx) => {
    const code = await codeOf(surveyId, questionKey, codeId, tx);
    if (!code) return { ok: false, error: "Deze code bestaat niet (meer)." };
    await tx.update(codes).set({ status: "accepted" }).where(eq(codes.id, codeId));
    await tx.update(answerCodes).set({ source: "manual" }).where(eq(answerCodes.codeId, codeId));
    await audit(
      actor,
      {
        action: "insights.code_accepted",
        entityType: "code",
        entityId: codeId,
        details: { label: code.label },
      },
      tx,
    );
    return { ok: true };
  });
}

export async function renameCode(
  actor: Actor,
  surveyId: number,
  questionKey: string,
  input: { codeId: number; label: string; theme: number | null },
): Promise<CodingResult> {
  if (hasPersonalData(input.label)) return { ok: false, error: LABEL_HAS_PERSONAL_DATA };
  return getDb().transaction(async (tx) => {
    const code = await codeOf(surveyId, questionKey, input.codeId, tx);
    if (!code) return { ok: false, error: "Deze code bestaat niet (meer)." };
    await tx.update(codes).set({ label: input.label, theme: input.theme }).where(eq(codes.id, input.codeId));
    await audit(
      actor,
      {
        action: "insights.code_renamed",
        entityType: "code",
        entityId: input.codeId,
        details: { from: code.label, to: input.label, theme: input.theme },
      },
      tx,
    );
    return { ok: true };
  });
}

/** Merge `fromId` into `intoId`: its answers move over, the code disappears. */
export async function mergeCodes(
  actor: Actor,
  surveyId: number,
  questionKey: string,
  fromId: number,
  intoId: number,
): Promise<CodingResult> {
  if (fromId === intoId) return { ok: false, error: "Kies twee verschillende codes om samen te voegen." };
  return getDb().transaction(async (tx) => {
    const [from, into] = [
      await codeOf(surveyId, questionKey, fromId, tx),
      await codeOf(surveyId, questionKey, intoId, tx),
    ];
    if (!from || !into) return { ok: false, error: "Deze code bestaat niet (meer)." };
    await tx.execute(sql`
      insert into answer_codes (answer_id, code_id, source)
      select answer_id, ${intoId}, 'manual' from answer_codes where code_id = ${fromId}
      on conflict do nothing`);
    await tx.delete(codes).where(eq(codes.id, fromId));
    await tx.update(codes).set({ status: "accepted" }).where(eq(codes.id, intoId));
    await audit(
      actor,
      {
        action: "insights.codes_merged",
        entityType: "code",
        entityId: intoId,
        details: { merged: from.label, into: into.label },
      },
      tx,
    );
    return { ok: true };
  });
}

/** A code of staff's own making, accepted at once; returns its id. */
async function insertCustomCode(
  surveyId: number,
  questionKey: string,
  input: { label: string; theme: number | null },
  tx: Executor,
): Promise<number> {
  const [created] = await tx
    .insert(codes)
    .values({
      surveyId,
      questionKey,
      kind: "custom",
      theme: input.theme,
      label: input.label,
      status: "accepted",
    })
    .returning({ id: codes.id });
  return created!.id;
}

/** Split: the chosen answers of a code move to a new code with its own label. */
export async function splitCode(
  actor: Actor,
  surveyId: number,
  questionKey: string,
  input: { codeId: number; answerIds: number[]; label: string; theme: number | null },
): Promise<CodingResult & { newCodeId?: number }> {
  if (input.answerIds.length === 0)
    return { ok: false, error: "Kies de antwoorden die naar de nieuwe code gaan." };
  if (hasPersonalData(input.label)) return { ok: false, error: LABEL_HAS_PERSONAL_DATA };
  return getDb().transaction(async (tx) => {
    const code = await codeOf(surveyId, questionKey, input.codeId, tx);
    if (!code) return { ok: false, error: "Deze code bestaat niet (meer)." };
    const createdId = await insertCustomCode(surveyId, questionKey, input, tx);
    const moved = await tx
      .update(answerCodes)
      .set({ codeId: createdId, source: "manual" })
      .where(and(eq(answerCodes.codeId, input.codeId), inArray(answerCodes.answerId, input.answerIds)))
      .returning({ answerId: answerCodes.answerId });
    await audit(
      actor,
      {
        action: "insights.code_split",
        entityType: "code",
        entityId: input.codeId,
        details: { newCode: createdId, label: input.label, answers: moved.length },
      },
      tx,
    );
    return { ok: true, newCodeId: createdId };
  });
}

/** Create an own code (accepted at once). */
export async function createCode(
  actor: Actor,
  surveyId: number,
  questionKey: string,
  input: { label: string; theme: number | null },
): Promise<CodingResult> {
  if (hasPersonalData(input.label)) return { ok: false, error: LABEL_HAS_PERSONAL_DATA };
  return getDb().transaction(async (tx) => {
    const createdId = await insertCustomCode(surveyId, questionKey, input, tx);
    await audit(
      actor,
      {
        action: "insights.code_created",
        entityType: "code",
        entityId: createdId,
        details: input,
      },
      tx,
    );
    return { ok: true };
  });
}
