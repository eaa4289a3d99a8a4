// The initiator's private follow page: what they may see, their messages, withdrawing, new links.
import { and, asc, desc, eq, ne } from "drizzle-orm";
import {
  initiativeDocuments,
  initiativeEvents,
  initiativeMessages,
  initiatives,
  staffUsers,
} from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { composeMail, queueMail } from "../../lib/mail.server";
import { audit } from "../audit/audit.server";
import { initiativeByFollowToken } from "./follow-links.server";
import * as mails from "./mails";
import { photoOf } from "./photo.server";
import { FALLBACK_TEAM } from "./rules";
import {
  type Initiative,
  InitiativeError,
  messagesWithAuthor,
  newFollowLink,
  staffLink,
} from "./shared.server";

// ---------------------------------------------------------------- the initiator's private page

async function byToken(token: string, db: Executor) {
  return initiativeByFollowToken(token, db);
}

/** Everything the initiator may see; null for an unknown or malformed token. */
export async function findForInitiator(token: string, db: Executor = getDb()) {
  const idea = await byToken(token, db);
  if (!idea) return null;
  const [manager] = idea.accountManagerId
    ? await db
        .select({ name: staffUsers.name })
        .from(staffUsers)
        .where(eq(staffUsers.id, idea.accountManagerId))
    : [];
  const [events, messages] = await Promise.all([
    db
      .select({
        at: initiativeEvents.at,
        kind: initiativeEvents.kind,
        status: initiativeEvents.status,
        text: initiativeEvents.text,
      })
      .from(initiativeEvents)
      .where(and(eq(initiativeEvents.initiativeId, idea.id), eq(initiativeEvents.public, true)))
      .orderBy(asc(initiativeEvents.at), asc(initiativeEvents.id)),
    messagesWithAuthor(
      and(eq(initiativeMessages.initiativeId, idea.id), ne(initiativeMessages.kind, "note")),
      db,
    ),
  ]);
  const documents = await db
    .selectDistinct({ kind: initiativeDocuments.kind })
    .from(initiativeDocuments)
    .where(eq(initiativeDocuments.initiativeId, idea.id));
  const photo = await photoOf(idea.id, db);
  return {
    idea,
    contact: manager?.name ?? idea.team ?? FALLBACK_TEAM,
    /** The team mailbox that reaches the contact person (never a personal address). */
    mailbox: getEnv().INITIATIVES_TEAM_EMAIL,
    events,
    messages,
    /** The photo or sketch sent with the idea; `published` when staff show it on the public page. */
    photo,
    documents: {
      plan: documents.some((d) => d.kind === "plan_description"),
      participation: documents.some((d) => d.kind === "participation_plan"),
    },
  };
}

/**
 * The latest planomschrijving or participatieplan of the initiator's idea, read-only; null for an
 * unknown token or when there is none yet.
 */
export async function findDocumentForInitiator(
  token: string,
  kind: "plan_description" | "participation_plan",
  db: Executor = getDb(),
) {
  const idea = await byToken(token, db);
  if (!idea) return null;
  const [doc] = await db
    .select()
    .from(initiativeDocuments)
    .where(and(eq(initiativeDocuments.initiativeId, idea.id), eq(initiativeDocuments.kind, kind)))
    .orderBy(desc(initiativeDocuments.version))
    .limit(1);
  return { title: idea.title, document: doc ?? null };
}

/** A message or an addition from the initiator; mailed to the accounthouder (or the team). */
export async function messageFromInitiator(token: string, kind: "from_initiator" | "addition", body: string) {
  return getDb().transaction(async (tx) => {
    const idea = await byToken(token, tx);
    if (!idea) return false;
    if (idea.status === "withdrawn" || idea.status === "rejected")
      throw new InitiativeError("Dit idee is afgesloten. U kunt geen berichten meer sturen.", "body");
    await tx.insert(initiativeMessages).values({ initiativeId: idea.id, kind, body });
    await tx.update(initiatives).set({ updatedAt: new Date() }).where(eq(initiatives.id, idea.id));
    // No staff actor: the initiator did this, but it belongs in the idea's trail too.
    await audit(
      null,
      {
        action: kind === "addition" ? "initiative.initiator_added_info" : "initiative.initiator_messaged",
        entityType: "initiative",
        entityId: idea.id,
      },
      tx,
    );
    const to = await staffRecipient(idea, tx);
    const m = mails.messageToStaffMail({ title: idea.title, body, staffLink: staffLink(idea.id), kind });
    await queueMail({ to, subject: m.subject, kind: "initiative.reply", ...composeMail(m.paragraphs) }, tx);
    return true;
  });
}

async function staffRecipient(idea: Initiative, tx: Executor): Promise<string> {
  if (idea.accountManagerId) {
    const [u] = await tx
      .select({ email: staffUsers.email })
      .from(staffUsers)
      .where(eq(staffUsers.id, idea.accountManagerId));
    if (u) return u.email;
  }
  return getEnv().INITIATIVES_TEAM_EMAIL;
}

export async function withdrawByInitiator(token: string, reason: string | undefined) {
  return getDb().transaction(async (tx) => {
    const idea = await byToken(token, tx);
    if (!idea) return false;
    if (idea.status === "withdrawn" || idea.status === "rejected")
      throw new InitiativeError("Dit idee is al afgesloten.");
    await tx
      .update(initiatives)
      .set({
        status: "withdrawn",
        statusReason: reason ?? null,
        isPublished: false,
        isFeatured: false,
        updatedAt: new Date(),
      })
      .where(eq(initiatives.id, idea.id));
    await tx
      .insert(initiativeEvents)
      .values({ initiativeId: idea.id, kind: "status", status: "withdrawn", text: reason ?? null });
    await audit(
      null,
      {
        action: "initiative.withdrawn_by_initiator",
        entityType: "initiative",
        entityId: idea.id,
        details: { from: idea.status, reason: reason ?? null },
      },
      tx,
    );
    const to = await staffRecipient(idea, tx);
    const m = mails.withdrawnForStaffMail({ title: idea.title, reason, staffLink: staffLink(idea.id) });
    await queueMail(
      {
        to,
        subject: m.subject,
        kind: "initiative.withdrawn",
        ...composeMail(m.paragraphs),
      },
      tx,
    );
    return true;
  });
}

/**
 * Send links for every idea of this e-mail address. Only hashes are stored, so the old link
 * cannot be re-sent: a new one is made. Nothing is revealed to the caller.
 */
export async function resendLinks(email: string) {
  await getDb().transaction(async (tx) => {
    const ideas = await tx
      .select({ id: initiatives.id, title: initiatives.title })
      .from(initiatives)
      .where(eq(initiatives.initiatorEmail, email.toLowerCase()))
      .orderBy(desc(initiatives.createdAt))
      .limit(20);
    if (ideas.length === 0) return;
    const links: { title: string; link: string }[] = [];
    for (const idea of ideas) {
      links.push({ title: idea.title, link: (await newFollowLink(idea.id, tx)).link });
    }
    const m = mails.linksMail({ ideas: links });
    await queueMail(
      {
        to: email.toLowerCase(),
        subject: m.subject,
        kind: "initiative.link",
        ...composeMail(m.paragraphs),
      },
      tx,
    );
  });
}
