// Coding open answers: suggestions from the keyword lists and clusters for the answers not coded yet.
// Audited in the same transaction.
import { and, eq, inArray, sql } from "drizzle-orm";
import { answerCodes, answers, codes, responses } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { type Actor, audit } from "../audit/audit.server";
import { clusterAnswers, suggestThemes } from "./coding";
import { redactPersonalData, safeTerms } from "./personal-data";
import { subCodes, type ThemeId, themeLabels } from "./themes";

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
 * Suggestions of an earlier run go (links, and suggested codes no answer uses any more); returns the codes
 * kept and the answers they code.
 */
async function clearSuggestions(surveyId: number, questionKey: string, tx: Executor) {
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
  return { kept, coded };
}

/** Answers that match the keyword lists get the first sub-code of their best theme (created when new). */
async function themeSuggestions(
  surveyId: number,
  questionKey: string,
  open: { id: number; text: string | null }[],
  kept: (typeof codes.$inferSelect)[],
  tx: Executor,
) {
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
  return { links, remaining };
}

/** The other answers in clusters of at least 3, each a suggested code named after its words. */
async function clusterSuggestions(
  surveyId: number,
  questionKey: string,
  remaining: { id: number; text: string }[],
  tx: Executor,
) {
  const links: { answerId: number; codeId: number }[] = [];
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
    for (const answerId of cluster.answerIds) links.push({ answerId: Number(answerId), codeId: created!.id });
  }
  return { links, clusters };
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
    const { kept, coded } = await clearSuggestions(surveyId, questionKey, tx);
    const open = (await allOpenAnswers(surveyId, questionKey, tx)).filter((a) => !coded.has(a.id));
    const byTheme = await themeSuggestions(surveyId, questionKey, open, kept, tx);
    const { links: clustered, clusters } = await clusterSuggestions(
      surveyId,
      questionKey,
      byTheme.remaining,
      tx,
    );
    const links = [...byTheme.links, ...clustered];
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
