import { createHash } from "node:crypto";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import {
  consultationReactions,
  contactMessages,
  eventRegistrations,
  events,
  followers,
  initiativeFollowTokens,
  initiativeMessages,
  initiatives,
  outbox,
  panelInvitations,
  panelMembers,
} from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { type Actor, audit } from "../audit/audit.server";
import { leavePanel } from "../panel/members.server";
import { ERASED, eraseSchema, subjectEmailSchema } from "./subject";

// Everything held on one e-mail address, for an AVG request (docs/privacy.md). Survey answers are
// not linked to an address (they are stored under a pseudonymous respondent id), so they are
// neither found nor erased here.

/** The audit log names the person by a hash of the address, never the address itself. */
export function subjectRef(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 16);
}

export interface SubjectData {
  email: string;
  initiatives: {
    id: string;
    createdAt: Date;
    title: string;
    description: string;
    status: string;
    initiatorName: string;
    initiatorPhone: string | null;
    address: string | null;
    messages: { at: Date; kind: string; body: string }[];
  }[];
  contactMessages: {
    createdAt: Date;
    name: string;
    phone: string | null;
    subject: string;
    message: string;
  }[];
  panel: {
    status: string;
    createdAt: Date;
    birthYear: number | null;
    postcode: string | null;
    household: string | null;
    tenure: string | null;
    invitations: number;
  } | null;
  mails: { createdAt: Date; subject: string; status: string }[];
  /** "Blijf op de hoogte": the follow by e-mail. */
  following: { status: string; createdAt: Date; wholeSite: boolean } | null;
  registrations: {
    createdAt: Date;
    event: string;
    name: string;
    people: number;
    accessibility: string | null;
    status: string;
  }[];
  consultationReactions: {
    createdAt: Date;
    name: string;
    organisation: string | null;
    text: string;
    status: string;
  }[];
}

async function collect(email: string, db: Executor): Promise<SubjectData> {
  const ideas = await db
    .select()
    .from(initiatives)
    .where(eq(initiatives.initiatorEmail, email))
    .orderBy(asc(initiatives.createdAt));
  const messages = ideas.length
    ? await db
        .select({
          initiativeId: initiativeMessages.initiativeId,
          at: initiativeMessages.at,
          kind: initiativeMessages.kind,
          body: initiativeMessages.body,
        })
        .from(initiativeMessages)
        .where(
          and(
            inArray(
              initiativeMessages.initiativeId,
              ideas.map((i) => i.id),
            ),
            ne(initiativeMessages.kind, "note"),
          ),
        )
        .orderBy(asc(initiativeMessages.at))
    : [];
  const contact = await db
    .select()
    .from(contactMessages)
    .where(sql`lower(${contactMessages.email}) = ${email}`)
    .orderBy(asc(contactMessages.createdAt));
  const [member] = await db.select().from(panelMembers).where(eq(panelMembers.email, email));
  const [invited] = member
    ? await db
        .select({ n: sql<number>`count(*)::int` })
        .from(panelInvitations)
        .where(eq(panelInvitations.memberId, member.id))
    : [];
  const mails = await db
    .select({ createdAt: outbox.createdAt, subject: outbox.subject, status: outbox.status })
    .from(outbox)
    .where(sql`lower(${outbox.to}) = ${email}`)
    .orderBy(asc(outbox.createdAt));
  const [follower] = await db
    .select({ status: followers.status, createdAt: followers.createdAt, wholeSite: followers.wholeSite })
    .from(followers)
    .where(sql`lower(${followers.email}) = ${email}`);
  const registrations = await db
    .select({
      createdAt: eventRegistrations.createdAt,
      event: events.title,
      name: eventRegistrations.name,
      people: eventRegistrations.people,
      accessibility: eventRegistrations.accessibility,
      status: eventRegistrations.status,
    })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(sql`lower(${eventRegistrations.email}) = ${email}`)
    .orderBy(asc(eventRegistrations.createdAt));
  const reactions = await db
    .select({
      createdAt: consultationReactions.createdAt,
      name: consultationReactions.name,
      organisation: consultationReactions.organisationName,
      text: consultationReactions.text,
      status: consultationReactions.status,
    })
    .from(consultationReactions)
    .where(sql`lower(${consultationReactions.email}) = ${email}`)
    .orderBy(asc(consultationReactions.createdAt));
  return {
    email,
    initiatives: ideas.map((i) => ({
      id: i.id,
      createdAt: i.createdAt,
      title: i.title,
      description: i.description,
      status: i.status,
      initiatorName: i.initiatorName,
      initiatorPhone: i.initiatorPhone,
      address: i.address,
      messages: messages
        .filter((m) => m.initiativeId === i.id)
        .map((m) => ({ at: m.at, kind: m.kind, body: m.body })),
    })),
    contactMessages: contact.map((c) => ({
      createdAt: c.createdAt,
      name: c.name,
      phone: c.phone,
      subject: c.subject,
      message: c.message,
    })),
    panel: member
      ? {
          status: member.status,
          createdAt: member.createdAt,
          birthYear: member.birthYear,
          postcode: member.postcode,
          household: member.household,
          tenure: member.tenure,
          invitations: invited?.n ?? 0,
        }
      : null,
    mails,
    following: follower ?? null,
    registrations,
    consultationReactions: reactions,
  };
}

/** Everything held on `email`; the look-up (or download) is audited without the address. */
export async function findSubjectData(
  actor: Actor,
  email: string,
  db: Executor,
  purpose: "viewed" | "exported" = "viewed",
): Promise<SubjectData> {
  return db.transaction(async (tx) => {
    const data = await collect(email, tx);
    await audit(
      actor,
      {
        action: `privacy_subject.${purpose}`,
        entityType: "data_subject",
        entityId: subjectRef(email),
        details: counts(data),
      },
      tx,
    );
    return data;
  });
}

function counts(d: SubjectData) {
  return {
    initiatives: d.initiatives.length,
    contactMessages: d.contactMessages.length,
    panel: d.panel ? 1 : 0,
    mails: d.mails.length,
    following: d.following ? 1 : 0,
    registrations: d.registrations.length,
    consultationReactions: d.consultationReactions.length,
  };
}

/**
 * Erase everything held on `email`, in one transaction, audited. Ideas stay (they are a public
 * matter) without the initiator: name, address, phone and e-mail are replaced, the initiator's own
 * messages emptied and the follow links deleted. Contact messages and mails to the address are
 * deleted; a panel member leaves the panel (answers stay under their pseudonymous id). A follow by
 * e-mail is deleted. Bijeenkomst registrations and consultation reactions stay as counts (places taken,
 * a reaction answered in a reactienota) without name, address and accessibility need; a registration
 * that was still open is cancelled (a place it frees is not offered to the waiting list automatically).
 */
export async function eraseSubjectData(actor: Actor, email: string, db: Executor) {
  return db.transaction(async (tx) => {
    const before = await collect(email, tx);
    const ids = before.initiatives.map((i) => i.id);
    if (ids.length) {
      await tx
        .update(initiatives)
        .set({
          initiatorName: ERASED,
          initiatorEmail: "",
          initiatorPhone: null,
          showName: false,
          consentContact: false,
          updatedAt: new Date(),
        })
        .where(inArray(initiatives.id, ids));
      await tx
        .update(initiativeMessages)
        .set({ body: ERASED })
        .where(
          and(
            inArray(initiativeMessages.initiativeId, ids),
            inArray(initiativeMessages.kind, ["from_initiator", "addition"]),
          ),
        );
      await tx.delete(initiativeFollowTokens).where(inArray(initiativeFollowTokens.initiativeId, ids));
    }
    await tx.delete(contactMessages).where(sql`lower(${contactMessages.email}) = ${email}`);
    await tx.delete(outbox).where(sql`lower(${outbox.to}) = ${email}`);
    const [member] = await tx
      .select({ id: panelMembers.id })
      .from(panelMembers)
      .where(eq(panelMembers.email, email));
    if (member) await leavePanel(member.id, new Date(), tx);
    await tx.delete(followers).where(sql`lower(${followers.email}) = ${email}`);
    await tx
      .update(eventRegistrations)
      .set({
        name: ERASED,
        email: "",
        accessibility: null,
        status: "cancelled",
        cancelledAt: sql`coalesce(${eventRegistrations.cancelledAt}, now())`,
      })
      .where(sql`lower(${eventRegistrations.email}) = ${email}`);
    await tx
      .update(consultationReactions)
      .set({ name: ERASED, email: "" })
      .where(sql`lower(${consultationReactions.email}) = ${email}`);
    await audit(
      actor,
      {
        action: "privacy_subject.erased",
        entityType: "data_subject",
        entityId: subjectRef(email),
        details: counts(before),
      },
      tx,
    );
    return counts(before);
  });
}

export type PrivacyOutcome =
  | { kind: "invalid"; errors: Record<string, string>; email: string }
  | { kind: "found"; data: SubjectData }
  | { kind: "download"; filename: string; json: string }
  | { kind: "erased"; email: string; counts: ReturnType<typeof counts> };

/** The /beheer/privacy form: intent "search", "download" or "erase". */
export async function handlePrivacyPost(actor: Actor, form: FormData, db: Executor = getDb()) {
  const intent = String(form.get("intent") ?? "search");
  const raw = { email: String(form.get("email") ?? ""), bevestig: form.get("bevestig") ?? undefined };
  if (intent === "erase") {
    const parsed = eraseSchema.safeParse(raw);
    if (!parsed.success) return invalid(parsed.error, raw.email);
    const done = await eraseSubjectData(actor, parsed.data.email, db);
    return { kind: "erased", email: parsed.data.email, counts: done } satisfies PrivacyOutcome;
  }
  const parsed = subjectEmailSchema.safeParse(raw.email);
  if (!parsed.success) return invalid(parsed.error, raw.email, "email");
  if (intent === "download") {
    const data = await findSubjectData(actor, parsed.data, db, "exported");
    return {
      kind: "download",
      filename: `gegevens-${subjectRef(parsed.data)}.json`,
      json: JSON.stringify(data, null, 2),
    } satisfies PrivacyOutcome;
  }
  return { kind: "found", data: await findSubjectData(actor, parsed.data, db) } satisfies PrivacyOutcome;
}

function invalid(error: z.ZodError, email: string, path?: string): PrivacyOutcome {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = path ?? String(issue.path[0] ?? "email");
    errors[key] ??= issue.message;
  }
  return { kind: "invalid", errors, email: email.slice(0, 254) };
}
