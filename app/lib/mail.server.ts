import { and, asc, eq, lt, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import { outbox } from "../../db/schema";
import { type Executor, getDb } from "./db.server";
import { envSchema, getEnv } from "./env.server";
import { getLogger } from "./logger.server";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  /** Small text attachments (e.g. an .ics calendar file). */
  attachments?: { filename: string; contentType: string; content: string }[];
  /** What caused the mail, e.g. "contact.confirmation". */
  kind: string;
}

/**
 * Write a mail to the outbox inside the caller's transaction: it is sent if and only if the
 * change that caused it is committed. Without SMTP_URL it stays in the outbox ("stored"),
 * readable by a beheerder at /beheer/uitgaande-mail.
 */
export async function queueMail(message: MailMessage, db: Executor): Promise<number> {
  const status = getEnv().SMTP_URL ? "queued" : "stored";
  const [row] = await db
    .insert(outbox)
    .values({
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html ?? null,
      headers: message.headers ?? {},
      attachments: message.attachments ?? [],
      kind: message.kind,
      status,
    })
    .returning({ id: outbox.id });
  return row!.id;
}

let transport: nodemailer.Transporter | undefined;
function getTransport(): nodemailer.Transporter {
  const url = getEnv().SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set");
  transport ??= nodemailer.createTransport(url);
  return transport;
}

const MAX_ATTEMPTS = 5;

/**
 * Deliver queued mails. Rows are claimed with SKIP LOCKED so several workers never send one
 * mail twice; a failure is recorded on the row and retried with backoff up to MAX_ATTEMPTS.
 */
export async function deliverOutbox(limit = 50): Promise<{ sent: number; failed: number }> {
  if (!getEnv().SMTP_URL) return { sent: 0, failed: 0 };
  const db = getDb();
  let sent = 0;
  let failed = 0;
  await db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(outbox)
      .where(
        and(
          eq(outbox.status, "queued"),
          lt(outbox.attempts, MAX_ATTEMPTS),
          // Backoff: wait attempts² minutes after a failure.
          sql`coalesce(${outbox.sentAt}, ${outbox.createdAt}) <= now() - make_interval(mins => ${outbox.attempts} * ${outbox.attempts})`,
        ),
      )
      .orderBy(asc(outbox.id))
      .limit(limit)
      .for("update", { skipLocked: true });
    for (const row of rows) {
      try {
        await getTransport().sendMail({
          from: getEnv().MAIL_FROM,
          to: row.to,
          subject: row.subject,
          text: row.text,
          html: row.html ?? undefined,
          headers: row.headers,
          attachments: row.attachments,
        });
        await tx
          .update(outbox)
          .set({ status: "sent", sentAt: new Date(), attempts: row.attempts + 1 })
          .where(eq(outbox.id, row.id));
        sent++;
      } catch (error) {
        const attempts = row.attempts + 1;
        await tx
          .update(outbox)
          .set({
            attempts,
            status: attempts >= MAX_ATTEMPTS ? "failed" : "queued",
            lastError: error instanceof Error ? error.message : String(error),
            // sentAt doubles as "last attempt" for the backoff while not yet sent.
            sentAt: new Date(),
          })
          .where(eq(outbox.id, row.id));
        failed++;
        getLogger().warn({ outboxId: row.id, err: error }, "mail delivery failed");
      }
    }
  });
  return { sent, failed };
}

/** APP_URL; pure mail texts are also composed where no database is configured (unit tests). */
function siteUrl(): string {
  try {
    return getEnv().APP_URL;
  } catch {
    return envSchema.shape.APP_URL.parse(undefined);
  }
}

/** Escape text for the HTML version of a mail. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/**
 * A plain, accessible mail body from paragraphs; links are shown in full (no tracking). In the
 * HTML only links to this site (APP_URL) become clickable: a URL a resident typed (a name, a title,
 * a message) stays plain escaped text, so nobody can send a clickable link from the municipality.
 */
export function composeMail(paragraphs: string[]): { text: string; html: string } {
  const text = `${paragraphs.join("\n\n")}\n\nMet vriendelijke groet,\nGemeente Heemstede\nWij maken Heemstede`;
  const own = escapeHtml(siteUrl().replace(/\/+$/, ""));
  const html = `<!doctype html><html lang="nl"><body style="font-family:sans-serif;line-height:1.5">${paragraphs
    .map(
      (p) =>
        `<p>${escapeHtml(p)
          .replace(/(https?:\/\/[^\s<]+)/g, (url) =>
            url === own || url.startsWith(`${own}/`) || url.startsWith(`${own}?`)
              ? `<a href="${url}">${url}</a>`
              : url,
          )
          .replaceAll("\n", "<br>")}</p>`,
    )
    .join("")}<p>Met vriendelijke groet,<br>Gemeente Heemstede<br>Wij maken Heemstede</p></body></html>`;
  return { text, html };
}
