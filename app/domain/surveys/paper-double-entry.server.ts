// Paper forms typed twice that do not count yet (docs/paper.md): the list of open entries and resolving the
// differences of two entries per question.
import { and, eq, inArray } from "drizzle-orm";
import { paperEntries, surveyCodes, surveyVersions } from "../../../db/schema";
import type { Executor } from "../../lib/db.server";
import { type Actor, audit } from "../audit/audit.server";
import type { Answers } from "./answers";
import { type Disagreement, findDisagreements, resolveAnswers } from "./paper";
import { insertSubmittedResponses, type PaperSurvey } from "./paper-responses.server";
import { definitionsOf } from "./surveys.server";

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
