import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import {
  consultationDocuments,
  consultationMails,
  consultationParagraphs,
  consultationPoints,
  consultationReactions,
  consultationVersions,
  projects,
} from "../../../db/schema";
import type { Executor } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { composeMail } from "../../lib/mail.server";
import { type Actor, audit } from "../audit/audit.server";
import { hasPersonalData } from "../insights/personal-data";
import { type BulkQueue, registerBulkQueue } from "../panel/delivery.server";
import { isDbId } from "./ids";
import { buildNota, type Nota } from "./nota";
import { paragraphLabel } from "./paragraphs";
import type { Decision } from "./points";
import { consultationUrls, paragraphTexts } from "./public-document.server";
import { periodState } from "./reactions";

// The reactienota of one version (rules.ts: buildNota) and its publication, which mails everyone who
// reacted through the digipanel's bulk delivery path (decision 004). docs/consultation.md.

/** The nota of a version of a document; `publicOnly` requires it to be published (and the project public). */
export async function loadNota(
  where: { documentId: number } | { slug: string },
  versionNumber: number,
  db: Executor,
  options: { publicOnly?: boolean } = {},
): Promise<{
  documentId: number;
  title: string;
  project: { slug: string; title: string };
  version: { id: number; number: number; notaPublishedAt: Date | null };
  nota: Nota;
  open: { unassigned: number; unanswered: number; personalData: number };
  period: ReturnType<typeof periodState>;
} | null> {
  if (!isDbId(versionNumber) || ("documentId" in where && !isDbId(where.documentId))) return null;
  const [row] = await db
    .select({ doc: consultationDocuments, project: projects, version: consultationVersions })
    .from(consultationVersions)
    .innerJoin(consultationDocuments, eq(consultationDocuments.id, consultationVersions.documentId))
    .innerJoin(projects, eq(projects.id, consultationDocuments.projectId))
    .where(
      and(
        "documentId" in where
          ? eq(consultationDocuments.id, where.documentId)
          : eq(projects.slug, where.slug),
        eq(consultationVersions.number, versionNumber),
        eq(consultationVersions.status, "published"),
        options.publicOnly ? ne(projects.status, "draft") : undefined,
      ),
    );
  if (!row) return null;
  if (options.publicOnly && !row.version.notaPublishedAt) return null;
  const versionId = row.version.id;
  const [paragraphs, points, reactions] = await Promise.all([
    paragraphTexts(versionId, db),
    db
      .select({
        point: consultationPoints,
        changed: { chapter: consultationParagraphs.chapter, number: consultationParagraphs.number },
        changedVersion: consultationVersions.number,
      })
      .from(consultationPoints)
      .leftJoin(consultationParagraphs, eq(consultationParagraphs.id, consultationPoints.changedParagraphId))
      .leftJoin(consultationVersions, eq(consultationVersions.id, consultationParagraphs.versionId))
      .where(eq(consultationPoints.versionId, versionId))
      .orderBy(asc(consultationPoints.id)),
    // Names and addresses are not even selected: the nota cannot show them.
    db
      .select({
        kind: consultationReactions.kind,
        organisationName: consultationReactions.organisationName,
        organisationRole: consultationReactions.organisationRole,
        pointId: consultationReactions.pointId,
      })
      .from(consultationReactions)
      .where(
        and(eq(consultationReactions.versionId, versionId), eq(consultationReactions.status, "confirmed")),
      ),
  ]);
  const nota = buildNota(
    paragraphs,
    points.map(({ point, changed, changedVersion }) => ({
      id: point.id,
      paragraphId: point.paragraphId,
      summary: point.summary,
      answer: point.answer,
      decision: point.decision as Decision | null,
      reason: point.reason,
      changedParagraph:
        changed?.chapter != null && changed.number != null
          ? `alinea ${paragraphLabel({ chapter: changed.chapter, number: changed.number })} van versie ${changedVersion}`
          : null,
      changeNote: point.changeNote,
    })),
    reactions,
  );
  const texts = points.flatMap(({ point }) => [point.summary, point.answer, point.reason, point.changeNote]);
  return {
    documentId: row.doc.id,
    title: row.doc.title,
    project: { slug: row.project.slug, title: row.project.title },
    version: { id: versionId, number: row.version.number, notaPublishedAt: row.version.notaPublishedAt },
    nota,
    open: {
      unassigned: reactions.filter((r) => r.pointId === null).length,
      unanswered: points.filter(({ point }) => !point.decision || !point.answer || !point.reason).length,
      personalData: texts.filter((t) => hasPersonalData(t)).length,
    },
    period: periodState(row.doc, new Date()),
  };
}

export type PublishOutcome =
  | { ok: true; message: string; recipients: number }
  | { ok: false; error: string; status: 404 | 409 };

/**
 * Publish the nota of a version: only after the period, with every reaction in a point and every point
 * answered and decided, without likely personal data. Queues one mail per address that reacted.
 */
export async function publishNota(
  actor: Actor,
  documentId: number,
  versionNumber: number,
  db: Executor,
  now = new Date(),
): Promise<PublishOutcome> {
  return db.transaction(async (tx) => {
    const loaded = await loadNota({ documentId }, versionNumber, tx);
    if (!loaded) return { ok: false, error: "Deze versie bestaat niet.", status: 404 };
    const [locked] = await tx
      .select()
      .from(consultationVersions)
      .where(eq(consultationVersions.id, loaded.version.id))
      .for("update");
    if (locked!.notaPublishedAt)
      return { ok: false, error: "Deze reactienota is al gepubliceerd.", status: 409 };
    const [doc] = await tx
      .select()
      .from(consultationDocuments)
      .where(eq(consultationDocuments.id, documentId));
    const state = periodState(doc!, now);
    if (state === "open" || state === "upcoming")
      return {
        ok: false,
        error: "De reactieperiode loopt nog. Publiceer de reactienota na het einde ervan.",
        status: 409,
      };
    if (loaded.open.unassigned)
      return {
        ok: false,
        error: `${loaded.open.unassigned} reacties staan nog niet in een punt. Zet elke reactie in een punt.`,
        status: 409,
      };
    if (loaded.open.unanswered)
      return {
        ok: false,
        error: `${loaded.open.unanswered} punten hebben nog geen antwoord, besluit of reden.`,
        status: 409,
      };
    if (loaded.open.personalData)
      return { ok: false, error: "In de punten staan nog persoonsgegevens. Haal ze eruit.", status: 409 };
    await tx
      .update(consultationVersions)
      .set({ notaPublishedAt: now })
      .where(eq(consultationVersions.id, locked!.id));
    // One mail per address that reacted with a confirmed reaction (withdrawn reactions no longer count);
    // an address cleared on request or by the retention period (docs/privacy.md) gets none.
    const recipients = await tx.execute<{ id: number }>(sql`
      select distinct on (lower(email)) id from consultation_reactions
       where version_id = ${locked!.id} and status = 'confirmed' and email <> ''
       order by lower(email), id`);
    const link = `${getEnv().APP_URL}${consultationUrls.nota(loaded.project.slug, versionNumber)}`;
    const subject = `De reactienota over ${loaded.title} is klaar`;
    const text = [
      `U reageerde op ${loaded.title}. Dank u wel daarvoor.`,
      `De gemeente heeft alle reacties gelezen en beantwoord. In de reactienota leest u per onderwerp het antwoord, wat de gemeente ermee doet en waarom:\n${link}`,
      "Namen van inwoners staan niet in de reactienota.",
    ].join("\n\n");
    for (let i = 0; i < recipients.length; i += 1000)
      await tx
        .insert(consultationMails)
        .values(
          recipients
            .slice(i, i + 1000)
            .map((r) => ({ versionId: locked!.id, reactionId: Number(r.id), subject, text })),
        )
        .onConflictDoNothing();
    await audit(
      actor,
      {
        action: "consultation_nota.published",
        entityType: "consultation_version",
        entityId: locked!.id,
        details: { version: versionNumber, count: recipients.length },
      },
      tx,
    );
    return {
      ok: true,
      recipients: recipients.length,
      message: `De reactienota is gepubliceerd. ${recipients.length === 1 ? "1 persoon krijgt" : `${recipients.length} mensen krijgen`} een e-mail.`,
    };
  });
}

const messageId = (id: number, domain: string) => `<consultation-${id}@${domain}>`;

/** The nota mails on the digipanel's delivery path; a withdrawn reaction or an erased address gets no mail. */
export const consultationQueue: BulkQueue = registerBulkQueue({
  table: "consultation_mails",
  async compose(ids, db) {
    const rows = await db
      .select({
        id: consultationMails.id,
        subject: consultationMails.subject,
        text: consultationMails.text,
        email: consultationReactions.email,
      })
      .from(consultationMails)
      .innerJoin(
        consultationReactions,
        and(
          eq(consultationReactions.id, consultationMails.reactionId),
          eq(consultationReactions.status, "confirmed"),
          ne(consultationReactions.email, ""),
        ),
      )
      .where(inArray(consultationMails.id, ids));
    const domain = new URL(getEnv().APP_URL).hostname;
    return new Map(
      rows.map((r) => [
        Number(r.id),
        {
          to: r.email,
          subject: r.subject,
          kind: "consultation.nota",
          messageId: messageId(Number(r.id), domain),
          ...composeMail(r.text.split("\n\n")),
        },
      ]),
    );
  },
});

/** Staff list of versions with their nota state (for the nota page's version choice). */
export async function notaVersions(documentId: number, db: Executor) {
  return db
    .select({ number: consultationVersions.number, notaPublishedAt: consultationVersions.notaPublishedAt })
    .from(consultationVersions)
    .where(and(eq(consultationVersions.documentId, documentId), eq(consultationVersions.status, "published")))
    .orderBy(asc(consultationVersions.number));
}
