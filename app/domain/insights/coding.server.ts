// Coding open answers: suggestions from the keyword lists and clusters, then staff accept, rename,
// merge, split and re-code. Every change is audited in the same transaction.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { answerCodes, answers, codes, quotes, responses } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { type Actor, audit } from "../audit/audit.server";
import { clusterAnswers, suggestThemes } from "./coding";
import {
  cleanSideText,
  findPersonalData,
  hasPersonalData,
  LABEL_HAS_PERSONAL_DATA,
  type PersonalDataHit,
  redactPersonalData,
  safeTerms,
} from "./personal-data";
import { subCodes, type ThemeId, themeLabels } from "./themes";

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

async function allOpenAnswers(surveyId: number, questionKey: string, db: Executor) {
  return db
    .select({ id: answers.id, text: answers.valueText })
    .from(answers)
    .innerJoin(responses, eq(responses.id, answers.responseId))
    .where(
      and(
        eq(answers.surveyId, surveyId),
        eq(answers.questionKey, questionKey),
        eq(answers.subKey, ""),
        eq(responses.status, "submitted"),
        sql`${answers.valueText} is not null and ${answers.valueText} <> ''`,
      ),
    );
}

/**
 * (Re)make suggestions for one open question. Accepted codes and manual codings stay; earlier
 * suggestions that staff did not accept are replaced.
 */
export async function suggestCodes(
  actor: Actor,
  surveyId: number,
  questionKey: string,
  db: Executor = getDb(),
) {
  return db.transaction(async (tx) => {
    const existing = await tx
      .select()
      .from(codes)
      .where(and(eq(codes.surveyId, surveyId), eq(codes.questionKey, questionKey)));
    const existingIds = existing.map((c) => c.id);
    if (existingIds.length)
      await tx
        .delete(answerCodes)
        .where(and(inArray(answerCodes.codeId, existingIds), eq(answerCodes.source, "suggested")));
    const suggestedIds = existing.filter((c) => c.status === "suggested").map((c) => c.id);
    if (suggestedIds.length)
      await tx.execute(
        sql`delete from codes c where c.id in (${sql.join(
          suggestedIds.map((id) => sql`${id}`),
          sql`, `,
        )}) and not exists (select 1 from answer_codes ac where ac.code_id = c.id)`,
      );
    const kept = await tx
      .select()
      .from(codes)
      .where(and(eq(codes.surveyId, surveyId), eq(codes.questionKey, questionKey)));
    const coded = new Set(
      (
        await tx
          .select({ answerId: answerCodes.answerId })
          .from(answerCodes)
          .where(
            kept.length
              ? inArray(
                  answerCodes.codeId,
                  kept.map((c) => c.id),
                )
              : sql`false`,
          )
      ).map((r) => r.answerId),
    );

    const open = (await allOpenAnswers(surveyId, questionKey, tx)).filter((a) => !coded.has(a.id));
    const codeBySub = new Map(kept.filter((c) => c.subCode).map((c) => [c.subCode!, c.id]));
    const links: { answerId: number; codeId: number }[] = [];
    const remaining: { id: number; text: string }[] = [];
    for (const a of open) {
      const [best] = suggestThemes(a.text ?? "");
      if (!best) {
        remaining.push({ id: a.id, text: a.text ?? "" });
        continue;
      }
      // The first matched sub-code of the best theme.
      const sub = best.subCodes[0]!;
      let codeId = codeBySub.get(sub);
      if (codeId === undefined) {
        const def = subCodes.find((s) => s.key === sub)!;
        const [created] = await tx
          .insert(codes)
          .values({
            surveyId,
            questionKey,
            kind: "theme",
            theme: def.theme,
            subCode: sub,
            label: `${themeLabels[def.theme as ThemeId]}: ${def.label}`,
          })
          .returning({ id: codes.id });
        codeId = created!.id;
        codeBySub.set(sub, codeId);
      }
      links.push({ answerId: a.id, codeId });
    }
    const { clusters } = clusterAnswers(remaining, { minSize: 3 });
    for (const cluster of clusters) {
      // A suggestion is named after words of the answers: never after personal data in them.
      const terms = safeTerms(cluster.label.split(/,\s*/));
      const [created] = await tx
        .insert(codes)
        .values({
          surveyId,
          questionKey,
          kind: "cluster",
          label: redactPersonalData(`Voorstel: ${terms.length ? terms.join(", ") : "groep zonder naam"}`),
          topTerms: safeTerms(cluster.topTerms),
        })
        .returning({ id: codes.id });
      for (const answerId of cluster.answerIds)
        links.push({ answerId: Number(answerId), codeId: created!.id });
    }
    for (let i = 0; i < links.length; i += 1000)
      await tx
        .insert(answerCodes)
        .values(links.slice(i, i + 1000).map((l) => ({ ...l, source: "suggested" as const })))
        .onConflictDoNothing();
    await audit(
      actor,
      {
        action: "insights.codes_suggested",
        entityType: "survey",
        entityId: surveyId,
        details: { questionKey, suggested: links.length, clusters: clusters.length },
      },
      tx,
    );
    return { suggested: links.length, clusters: clusters.length, uncoded: open.length - links.length };
  });
}

async function codeOf(surveyId: number, questionKey: string, codeId: number, tx: Executor) {
  const [code] = await tx
    .select()
    .from(codes)
    .where(and(eq(codes.id, codeId), eq(codes.surveyId, surveyId), eq(codes.questionKey, questionKey)));
  return code ?? null;
}

export type CodingError = { ok: false; error: string };
type Result = { ok: true } | CodingError;

export async function acceptCode(
  actor: Actor,
  surveyId: number,
  questionKey: string,
  codeId: number,
): Promise<Result> {
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
): Promise<Result> {
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
): Promise<Result> {
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
): Promise<Result & { newCodeId?: number }> {
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
): Promise<Result> {
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
): Promise<Result> {
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
): Promise<Result> {
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

export async function unmarkQuote(actor: Actor, surveyId: number, answerId: number): Promise<Result> {
  return getDb().transaction(async (tx) => {
    await tx.delete(quotes).where(and(eq(quotes.answerId, answerId), eq(quotes.surveyId, surveyId)));
    await audit(actor, { action: "insights.quote_unmarked", entityType: "answer", entityId: answerId }, tx);
    return { ok: true };
  });
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
