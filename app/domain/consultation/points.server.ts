import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import {
  consultationParagraphs,
  consultationPoints,
  consultationReactions,
  consultationVersions,
} from "../../../db/schema";
import { consultationDecisions } from "../../../db/schema/consultation";
import type { Executor } from "../../lib/db.server";
import { type FieldErrors, type FormValues, parseForm } from "../../lib/forms";
import { type Actor, audit } from "../audit/audit.server";
import { suggestThemes } from "../insights/coding";
import { hasPersonalData } from "../insights/personal-data";
import { themeIds } from "../insights/themes";
import { isDbId, MAX_DB_INT } from "./ids";
import { type Decision, planMerge } from "./points";
import { versionOf } from "./reactions-page.server";

// Staff work on the reactions of one version (write side, one function per intent): merge similar
// reactions into points, answer and decide per point, choose or suggest themes, clear reaction text for
// publication (the personal-data check used for quotes). The page itself: reactions-page.server.ts.
// docs/consultation.md.

export type ReactionsOutcome =
  | { ok: true; message: string }
  | { ok: false; errors: FieldErrors; values: FormValues; status: 400 | 404 | 409 };

/** An id from a (hidden) form field; out of range is refused at the field, never sent to PostgreSQL. */
const dbId = z.coerce.number().int().positive().max(MAX_DB_INT, "Deze keuze bestaat niet.");
const ids = z.array(dbId).max(5000);
const mergeSchema = z.object({
  reacties: ids.min(1, "Kies minstens één reactie om samen te voegen."),
  samenvatting: z
    .string()
    .trim()
    .min(3, "Vat de reacties samen in minstens 3 tekens.")
    .max(2000)
    .refine(
      (t) => !hasPersonalData(t),
      "Haal persoonsgegevens uit de samenvatting (e-mailadres, telefoonnummer, adres).",
    ),
  punt: z.union([z.literal(""), dbId]).optional(),
});
const themeSchema = z.object({
  reacties: ids.min(1, "Kies minstens één reactie."),
  thema: z.coerce.number().refine((t) => (themeIds as readonly number[]).includes(t), "Kies een thema."),
});
const noPersonal = (t: string) => !hasPersonalData(t);
const answerSchema = z.object({
  punt: dbId,
  antwoord: z
    .string()
    .trim()
    .min(3, "Schrijf een antwoord van minstens 3 tekens.")
    .max(5000)
    .refine(noPersonal, "Haal persoonsgegevens uit het antwoord."),
  besluit: z.enum(consultationDecisions, { message: "Kies wat u met dit punt doet." }),
  reden: z
    .string()
    .trim()
    .min(3, "Geef de reden van het besluit in minstens 3 tekens.")
    .max(3000)
    .refine(noPersonal, "Haal persoonsgegevens uit de reden."),
  wijziging: z.union([z.literal(""), dbId]).optional(),
  toelichting: z.string().trim().max(2000).default(""),
});
const clearSchema = z.object({
  reactie: dbId,
  openbaar: z
    .string()
    .trim()
    .min(1, "De tekst mag niet leeg zijn.")
    .max(10_000)
    .refine((t) => !hasPersonalData(t), "Er staan nog persoonsgegevens in deze tekst. Haal ze eruit."),
});

/** What every intent of the reactions page works with: the published version the form was sent for. */
interface ReactionsPost {
  actor: Actor;
  documentId: number;
  version: NonNullable<Awaited<ReturnType<typeof versionOf>>>;
  form: FormData;
  db: Executor;
  now: Date;
}

const refused = (errors: FieldErrors, values: FormValues, status: 400 | 404 | 409 = 400) =>
  ({ ok: false, errors, values, status }) as const;

/** Confirmed reactions of this version among the ids (others are silently left out). */
function ownReactions(reactionIds: number[], versionId: number, db: Executor) {
  return db
    .select()
    .from(consultationReactions)
    .where(
      and(
        inArray(consultationReactions.id, reactionIds),
        eq(consultationReactions.versionId, versionId),
        eq(consultationReactions.status, "confirmed"),
      ),
    );
}

/** A point of this version, or nothing. */
async function pointOf(pointId: number, versionId: number, db: Executor) {
  const [point] = await db
    .select()
    .from(consultationPoints)
    .where(and(eq(consultationPoints.id, pointId), eq(consultationPoints.versionId, versionId)));
  return point ?? null;
}

/** "suggest": every reaction without a theme gets the best suggested theme, if any. */
function suggestMissingThemes({ actor, version, db }: ReactionsPost): Promise<ReactionsOutcome> {
  return db.transaction(async (tx) => {
    const open = await tx
      .select({ id: consultationReactions.id, text: consultationReactions.text })
      .from(consultationReactions)
      .where(
        and(
          eq(consultationReactions.versionId, version.id),
          eq(consultationReactions.status, "confirmed"),
          isNull(consultationReactions.theme),
        ),
      );
    let themed = 0;
    for (const r of open) {
      const best = suggestThemes(r.text)[0];
      if (!best) continue;
      await tx
        .update(consultationReactions)
        .set({ theme: best.theme })
        .where(eq(consultationReactions.id, r.id));
      themed += 1;
    }
    await audit(
      actor,
      {
        action: "consultation_reaction.themed",
        entityType: "consultation_version",
        entityId: version.id,
        details: { count: themed, suggested: true },
      },
      tx,
    );
    return {
      ok: true,
      message: `${themed} van de ${open.length} reacties zonder thema kregen een voorgesteld thema.`,
    };
  });
}

/** "theme": the chosen theme for the checked reactions. */
async function chooseTheme({ actor, version, form, db }: ReactionsPost): Promise<ReactionsOutcome> {
  const parsed = parseForm(themeSchema, form, { multi: ["reacties"] });
  if (!parsed.ok) return { ...parsed, status: 400 };
  return db.transaction(async (tx) => {
    const rows = await ownReactions(parsed.data.reacties, version.id, tx);
    if (!rows.length) return refused({ reacties: "Kies minstens één reactie." }, parsed.values);
    await tx
      .update(consultationReactions)
      .set({ theme: parsed.data.thema })
      .where(
        inArray(
          consultationReactions.id,
          rows.map((r) => r.id),
        ),
      );
    await audit(
      actor,
      {
        action: "consultation_reaction.themed",
        entityType: "consultation_version",
        entityId: version.id,
        details: { count: rows.length, theme: parsed.data.thema },
      },
      tx,
    );
    return { ok: true, message: `Thema gekozen voor ${rows.length} reacties.` };
  });
}

/** "merge": the checked reactions into a new point, or into an existing one (whose summary is replaced). */
async function mergeIntoPoint({ actor, version, form, db, now }: ReactionsPost): Promise<ReactionsOutcome> {
  const parsed = parseForm(mergeSchema, form, { multi: ["reacties"] });
  if (!parsed.ok) return { ...parsed, status: 400 };
  return db.transaction(async (tx) => {
    const plan = planMerge(await ownReactions(parsed.data.reacties, version.id, tx));
    if (!plan.ok) return refused({ reacties: plan.error }, parsed.values);
    let pointId = typeof parsed.data.punt === "number" ? parsed.data.punt : null;
    if (pointId) {
      const point = await pointOf(pointId, version.id, tx);
      if (!point) return refused({ punt: "Dit punt bestaat niet." }, parsed.values);
      // Reactions from another paragraph make the point one about the whole document.
      const paragraphId = point.paragraphId === plan.paragraphId ? point.paragraphId : null;
      await tx
        .update(consultationPoints)
        .set({ summary: parsed.data.samenvatting, paragraphId, updatedAt: now })
        .where(eq(consultationPoints.id, pointId));
    } else {
      const [created] = await tx
        .insert(consultationPoints)
        .values({
          versionId: version.id,
          paragraphId: plan.paragraphId,
          theme: plan.theme,
          summary: parsed.data.samenvatting,
        })
        .returning({ id: consultationPoints.id });
      pointId = created!.id;
    }
    await tx
      .update(consultationReactions)
      .set({ pointId })
      .where(inArray(consultationReactions.id, plan.reactionIds));
    await audit(
      actor,
      {
        action: "consultation_point.merged",
        entityType: "consultation_point",
        entityId: pointId,
        details: { count: plan.reactionIds.length },
      },
      tx,
    );
    return { ok: true, message: `${plan.reactionIds.length} reacties staan nu in één punt.` };
  });
}

/** A paragraph of a later version of this document (where a change was made), or nothing. */
async function laterParagraph(
  paragraphId: number,
  documentId: number,
  versionNumber: number,
  db: Executor,
): Promise<number | null> {
  const [para] = await db
    .select({ id: consultationParagraphs.id })
    .from(consultationParagraphs)
    .innerJoin(consultationVersions, eq(consultationVersions.id, consultationParagraphs.versionId))
    .where(
      and(
        eq(consultationParagraphs.id, paragraphId),
        eq(consultationVersions.documentId, documentId),
        gt(consultationVersions.number, versionNumber),
      ),
    );
  return para?.id ?? null;
}

/** "answer": the answer, decision and reason of a point, with where the change is if it was adopted. */
async function answerPoint({
  actor,
  documentId,
  version,
  form,
  db,
  now,
}: ReactionsPost): Promise<ReactionsOutcome> {
  const parsed = parseForm(answerSchema, form);
  if (!parsed.ok) return { ...parsed, status: 400 };
  const d = parsed.data;
  return db.transaction(async (tx) => {
    const point = await pointOf(d.punt, version.id, tx);
    if (!point) return refused({ _form: "Dit punt bestaat niet." }, parsed.values, 404);
    let changedParagraphId: number | null = null;
    if (typeof d.wijziging === "number") {
      changedParagraphId = await laterParagraph(d.wijziging, documentId, version.number, tx);
      if (!changedParagraphId)
        return refused({ wijziging: "Kies een alinea uit de nieuwe versie." }, parsed.values);
    }
    if (d.besluit !== "not_adopted" && !changedParagraphId && !d.toelichting)
      return refused(
        {
          wijziging: "Kies de alinea in de nieuwe versie waar de wijziging staat, of beschrijf de wijziging.",
        },
        parsed.values,
      );
    await tx
      .update(consultationPoints)
      .set({
        answer: d.antwoord,
        decision: d.besluit as Decision,
        reason: d.reden,
        changedParagraphId,
        changeNote: d.toelichting,
        updatedAt: now,
      })
      .where(eq(consultationPoints.id, point.id));
    await audit(
      actor,
      {
        action: "consultation_point.answered",
        entityType: "consultation_point",
        entityId: point.id,
        details: { to: d.besluit },
      },
      tx,
    );
    return { ok: true, message: "Het antwoord en het besluit zijn opgeslagen." };
  });
}

/** "dissolve": the point goes; its reactions are loose again. */
async function dissolvePoint({ actor, version, form, db }: ReactionsPost): Promise<ReactionsOutcome> {
  const pointId = Number(form.get("punt"));
  if (!isDbId(pointId)) return refused({ _form: "Dit punt bestaat niet." }, {}, 404);
  return db.transaction(async (tx) => {
    const point = await pointOf(pointId, version.id, tx);
    if (!point) return refused({ _form: "Dit punt bestaat niet." }, {}, 404);
    await tx
      .update(consultationReactions)
      .set({ pointId: null })
      .where(eq(consultationReactions.pointId, point.id));
    await tx.delete(consultationPoints).where(eq(consultationPoints.id, point.id));
    await audit(
      actor,
      { action: "consultation_point.dissolved", entityType: "consultation_point", entityId: point.id },
      tx,
    );
    return { ok: true, message: "Het punt is opgeheven. De reacties staan weer los." };
  });
}

/** "clear": the public text of a reaction with personal data, without them. */
async function clearReaction({ actor, version, form, db }: ReactionsPost): Promise<ReactionsOutcome> {
  const parsed = parseForm(clearSchema, form);
  if (!parsed.ok) return { ...parsed, status: 400 };
  return db.transaction(async (tx) => {
    const [row] = await ownReactions([parsed.data.reactie], version.id, tx);
    if (!row) return refused({ _form: "Deze reactie bestaat niet." }, parsed.values, 404);
    await tx
      .update(consultationReactions)
      .set({ publicText: parsed.data.openbaar })
      .where(eq(consultationReactions.id, row.id));
    await audit(
      actor,
      { action: "consultation_reaction.cleared", entityType: "consultation_reaction", entityId: row.id },
      tx,
    );
    return { ok: true, message: "De tekst van de reactie is vrijgegeven." };
  });
}

/** One domain function per intent of the reactions page. */
const reactionIntents: Record<string, (post: ReactionsPost) => Promise<ReactionsOutcome>> = {
  suggest: suggestMissingThemes,
  theme: chooseTheme,
  merge: mergeIntoPoint,
  answer: answerPoint,
  dissolve: dissolvePoint,
  clear: clearReaction,
};

/**
 * Every staff write on the reactions page: the intent picks one function; each is one transaction with
 * audit. Only "clear" is still allowed once the version's nota is published.
 */
export async function handleReactionsPost(
  actor: Actor,
  documentId: number,
  versionNumber: number,
  form: FormData,
  db: Executor,
  now = new Date(),
): Promise<ReactionsOutcome> {
  const intent = String(form.get("intent") ?? "");
  const version = await versionOf(documentId, db, versionNumber);
  if (!version) return refused({ _form: "Deze versie bestaat niet." }, {}, 404);
  if (version.notaPublishedAt && intent !== "clear")
    return refused(
      { _form: "De reactienota van deze versie is gepubliceerd. De punten liggen vast." },
      {},
      409,
    );
  const handle = Object.hasOwn(reactionIntents, intent) ? reactionIntents[intent] : undefined;
  if (!handle) return refused({ _form: "Deze actie kennen wij niet." }, {});
  return handle({ actor, documentId, version, form, db, now });
}
