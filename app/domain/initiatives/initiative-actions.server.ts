// One write path per initiative action: a status change, publishing (or unpublishing) and the
// public location. Both staff pages, /beheer/initiatieven/:id (triage.server.ts) and
// /beheer/kaart/:id (staff-map.server.ts), call these inside their own transaction on the row
// they locked, so the rules hold whichever page is used (docs/ideas.md, "One write path"):
// - a status may only move as allowedNextStatuses says; afwijzen needs a reason;
// - every status change is mailed to the initiator (outbox, same transaction);
// - a rejected or withdrawn initiative is never on the map;
// - public texts name no house number of the initiator without their consent;
// - the public point is never more precise than the initiator allowed.
import { eq } from "drizzle-orm";
import { initiativeEvents, initiatives } from "../../../db/schema";
import type { Executor } from "../../lib/db.server";
import { composeMail, queueMail } from "../../lib/mail.server";
import type { AuditAction } from "../audit/actions";
import type { Actor } from "../audit/audit.server";
import * as mails from "./mails";
import { setPhotoPublished } from "./photo.server";
import { isClosed, type PublicLocationRequest, publicationProblem, publicLocation } from "./rules";
import { type Initiative, InitiativeError, newFollowLink } from "./shared.server";
import { allowedNextStatuses, type Status, statusNeedsReason } from "./statuses";

/** What the caller writes to the audit log for the action (entity: the initiative). */
export interface ActionAudit {
  action: AuditAction;
  details?: Record<string, unknown>;
}

/** Field names of the errors thrown here; each page maps them onto its own form fields. */
export type ActionField = "status" | "reason" | "publicTitle" | "publicSummary" | "published";

export async function applyStatusChange(
  idea: Initiative,
  to: Status,
  reason: string | undefined,
  actor: Actor,
  tx: Executor,
): Promise<{ idea: Initiative; audit: ActionAudit }> {
  if (!allowedNextStatuses(idea.status as Status).includes(to))
    throw new InitiativeError("Deze statuswijziging is niet mogelijk.", "status");
  if (statusNeedsReason(to) && !reason)
    throw new InitiativeError("Geef een reden. Die sturen wij naar de initiatiefnemer.", "reason");
  const unpublish = isClosed(to);
  const set = {
    status: to,
    statusReason: reason ?? null,
    ...(unpublish ? { isPublished: false, isFeatured: false } : {}),
  };
  await tx.update(initiatives).set(set).where(eq(initiatives.id, idea.id));
  await tx
    .insert(initiativeEvents)
    .values({ initiativeId: idea.id, kind: "status", status: to, text: reason ?? null, actorId: actor.id });
  // Initiatives that staff entered without an address have nobody to mail.
  if (idea.initiatorEmail) {
    const { link } = await newFollowLink(idea.id, tx);
    const m = mails.statusMail({ name: idea.initiatorName, title: idea.title, status: to, reason, link });
    await queueMail(
      {
        to: idea.initiatorEmail,
        subject: m.subject,
        kind: "initiative.status",
        ...composeMail(m.paragraphs),
      },
      tx,
    );
  }
  return {
    idea: { ...idea, ...set },
    audit: { action: "initiative.status_changed", details: { from: idea.status, to, reason } },
  };
}

export interface PublicationInput {
  publicTitle: string;
  publicSummary: string;
  featured: boolean;
  location: PublicLocationRequest;
}

/** Put the initiative on the map, or update what the map shows. */
export async function applyPublication(
  idea: Initiative,
  input: PublicationInput,
  actor: Actor,
  tx: Executor,
): Promise<ActionAudit> {
  const problem = publicationProblem(idea, input);
  if (problem) throw new InitiativeError(problem.message, problem.field);
  const location = publicLocation(idea, input.location);
  await tx
    .update(initiatives)
    .set({
      publicTitle: input.publicTitle,
      publicSummary: input.publicSummary,
      ...location,
      isPublished: true,
      isFeatured: input.featured,
      publishedAt: idea.publishedAt ?? new Date(),
    })
    .where(eq(initiatives.id, idea.id));
  if (!idea.isPublished)
    await tx.insert(initiativeEvents).values({
      initiativeId: idea.id,
      kind: "published",
      text: "Uw idee staat op de kaart met initiatieven.",
      actorId: actor.id,
    });
  return {
    action: idea.isPublished ? "initiative.publication_changed" : "initiative.published",
    details: {
      publicTitle: input.publicTitle,
      precision: location.locationPrecision,
      featured: input.featured,
    },
  };
}

/** Take the initiative off the map. */
export async function applyUnpublish(idea: Initiative, tx: Executor): Promise<ActionAudit> {
  await tx
    .update(initiatives)
    .set({ isPublished: false, isFeatured: false, publishedAt: null })
    .where(eq(initiatives.id, idea.id));
  // Off the map means the initiator's photo is private again.
  await setPhotoPublished(idea.id, false, tx);
  return { action: "initiative.unpublished" };
}

/** Store the public location (and texts) of an initiative that is not on the map. */
export async function applyPublicLocation(
  idea: Initiative,
  location: PublicLocationRequest,
  tx: Executor,
): Promise<void> {
  await tx.update(initiatives).set(publicLocation(idea, location)).where(eq(initiatives.id, idea.id));
}
