import { and, count, desc, eq, lt, sql } from "drizzle-orm";
import { contactMessages } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { composeMail, queueMail } from "../../lib/mail.server";
import { hit, type RateLimitResult } from "../../lib/rate-limit.server";
import { type Actor, audit } from "../audit/audit.server";
import {
  CONTACT_RATE_LIMIT,
  type ContactInput,
  confirmationParagraphs,
  notificationParagraphs,
} from "./contact";

/** Count one contact submission for this IP address. */
export function countContactSubmission(ip: string, db: Executor = getDb()): Promise<RateLimitResult> {
  return hit(`contact:ip:${ip}`, CONTACT_RATE_LIMIT, db);
}

/**
 * Store the message and queue both mails in one transaction: either the resident gets a
 * confirmation and the municipality a notification, or nothing was stored at all.
 */
export async function submitContactMessage(input: ContactInput, db: Executor = getDb()) {
  const env = getEnv();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(contactMessages)
      .values({
        name: input.name,
        email: input.email,
        phone: input.phone ?? null,
        subject: input.subject,
        message: input.message,
      })
      .returning({ id: contactMessages.id });
    await queueMail(
      {
        to: input.email,
        subject: "Wij hebben uw bericht ontvangen",
        kind: "contact.confirmation",
        ...composeMail(confirmationParagraphs()),
      },
      tx,
    );
    await queueMail(
      {
        to: env.CONTACT_INBOX,
        subject: `Contactformulier: ${input.subject}`.slice(0, 200),
        kind: "contact.notification",
        headers: { "Reply-To": input.email },
        ...composeMail(notificationParagraphs(input, `${env.APP_URL}/beheer/contact`)),
      },
      tx,
    );
    return row!;
  });
}

export type ContactStatus = "open" | "afgehandeld" | "alle";

export async function listContactMessages(
  filter: { status: ContactStatus; page: number; pageSize: number },
  db: Executor = getDb(),
) {
  const where =
    filter.status === "alle" ? undefined : eq(contactMessages.handled, filter.status === "afgehandeld");
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(contactMessages)
      .where(where)
      .orderBy(desc(contactMessages.createdAt), desc(contactMessages.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ count: count() }).from(contactMessages).where(where),
  ]);
  return { rows, total: total?.count ?? 0 };
}

/** Mark a message as handled (or open again). False when the message does not exist. */
export async function setContactHandled(id: number, handled: boolean, actor: Actor): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(contactMessages)
      .set({ handled })
      .where(and(eq(contactMessages.id, id), eq(contactMessages.handled, !handled)))
      .returning({ id: contactMessages.id });
    if (!row) {
      const [exists] = await tx
        .select({ id: contactMessages.id })
        .from(contactMessages)
        .where(eq(contactMessages.id, id));
      return !!exists;
    }
    await audit(
      actor,
      {
        action: handled ? "contact.handled" : "contact.reopened",
        entityType: "contact_message",
        entityId: id,
      },
      tx,
    );
    return true;
  });
}

/** Privacy statement (/privacy): contact messages are deleted one year after they were sent. */
export async function pruneContactMessages(olderThanDays = 365, db: Executor = getDb()) {
  await db
    .delete(contactMessages)
    .where(lt(contactMessages.createdAt, sql`now() - make_interval(days => ${olderThanDays})`));
}
