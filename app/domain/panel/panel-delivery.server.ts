// Delivery of panel invitations and reminders (docs/panel.md, "Delivery"), on the delivery path of
// delivery.server.ts: claim due rows, send each over an SMTP lane, mark it sent after the server's 250.
import { sql } from "drizzle-orm";
import { type Executor, getDb } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { getLogger } from "../../lib/logger.server";
import { queueMail } from "../../lib/mail.server";
import { personalLink } from "../surveys/codes.server";
import { afterFailure } from "./delivery";
import {
  Confirmations,
  type DeliveryResult,
  LEASE_CLASS,
  sharedAllowance,
  workerId,
} from "./delivery.server";
import { invitationMail, invitationMessageId } from "./mails";
import { issueUnsubscribeTokens, panelUrls } from "./members.server";
import { buildMessage, envelopeAddress, SmtpLane } from "./smtp-lane.server";

/** Rows claimed by workers that are gone go back to the queue. Returns how many. */
export async function recoverOrphans(db: Executor = getDb()): Promise<number> {
  const rows = await db.execute<{ id: number }>(sql`
    update panel_invitations set status = 'queued', claimed_by = null, claimed_at = null
     where status = 'sending'
       and (claimed_by is null or claimed_by not in (
             select objid::bigint from pg_locks
              where locktype = 'advisory' and classid = ${LEASE_CLASS} and objsubid = 2 and granted
                and database = (select oid from pg_database where datname = current_database())))
    returning id`);
  return rows.length;
}

type Claimed = {
  id: number;
  member_id: string | null;
  survey_code: string | null;
  mail: "invitation" | "reminder";
  reminders_sent: number;
  attempts: number;
  email: string | null;
  subject: string;
  message: string;
  slug: string;
};

async function claim(worker: number, limit: number, now: Date, db: Executor): Promise<Claimed[]> {
  const n = await sharedAllowance(limit, now, db);
  if (n <= 0) return [];
  return db.execute<Claimed>(sql`
    with c as (
      select id from panel_invitations
       where status = 'queued' and next_attempt_at <= ${now.toISOString()}
       order by next_attempt_at, id
       limit ${n}
       for update skip locked
    ), u as (
      update panel_invitations i
         set status = 'sending', claimed_by = ${worker}, claimed_at = ${now.toISOString()}
        from c where i.id = c.id
      returning i.id, i.member_id, i.survey_code, i.mail, i.reminders_sent, i.attempts, i.campaign_id
    )
    select u.id, u.member_id, u.survey_code, u.mail, u.reminders_sent, u.attempts,
           m.email, k.subject, k.message, s.slug
      from u
      join panel_campaigns k on k.id = u.campaign_id
      join surveys s on s.id = k.survey_id
      left join panel_members m on m.id = u.member_id and m.status = 'active'
     order by u.id`) as unknown as Promise<Claimed[]>;
}

/** Mark rows sent whose message the SMTP server accepted (250 after the final "."). */
async function markSent(ids: number[], db: Executor) {
  if (ids.length === 0) return;
  await db.execute(sql`
    update panel_invitations
       set status = 'sent', claimed_by = null, claimed_at = null, attempts = 0, last_error = null,
           last_mail_at = now(),
           sent_at = coalesce(sent_at, now()),
           reminders_sent = reminders_sent + case when mail = 'reminder' then 1 else 0 end,
           last_reminder_at = case when mail = 'reminder' then now() else last_reminder_at end
     where id in (${sql.join(
       ids.map((id) => sql`${id}`),
       sql`, `,
     )}) and status = 'sending'`);
}

/** Record a failed attempt of a row that is still "sending". */
async function markFailed(row: Claimed, message: string, now: Date, db: Executor) {
  const attempts = row.attempts + 1;
  const next = afterFailure(attempts, now);
  // A reminder that keeps failing does not undo the invitation that was delivered.
  const status = next.status === "failed" && row.mail === "reminder" ? "sent" : next.status;
  await db.execute(sql`
    update panel_invitations
       set status = ${status}, attempts = ${attempts}, next_attempt_at = ${next.nextAttemptAt.toISOString()},
           last_error = ${message.slice(0, 500)}, claimed_by = null, claimed_at = null,
           mail = ${status === "sent" ? "invitation" : row.mail}
     where id = ${row.id} and status = 'sending'`);
}

/**
 * Send due panel mail until the queue is empty, the rate limit is reached, or `budgetMs` has passed.
 * Safe to run in any number of processes at once.
 */
export async function deliverPanelMail(
  options: { budgetMs?: number; batch?: number; db?: Executor } = {},
): Promise<DeliveryResult> {
  const db = options.db ?? getDb();
  const started = Date.now();
  const budget = options.budgetMs ?? 50_000;
  const worker = await workerId();
  const domain = new URL(getEnv().APP_URL).hostname;
  const result: DeliveryResult = {
    sent: 0,
    failed: 0,
    recovered: await recoverOrphans(db),
    throttled: false,
  };
  // Without SMTP_URL (development, demo) panel mail goes to the outbox, like all other mail.
  const smtpUrl = getEnv().SMTP_URL;
  const from = getEnv().MAIL_FROM;
  const envelopeFrom = envelopeAddress(from);
  const lanes = Array.from({ length: getEnv().PANEL_SMTP_CONNECTIONS }, () => new SmtpLane(smtpUrl ?? ""));
  const confirmations = new Confirmations(db, markSent);
  const inFlight = new Set<number>();
  try {
    while (Date.now() - started < budget) {
      const rows = await claim(worker, options.batch ?? 200, new Date(), db);
      if (rows.length === 0) {
        const [q] = await db.execute<{ n: number }>(
          sql`select count(*)::int as n from panel_invitations where status = 'queued' and next_attempt_at <= now()`,
        );
        result.throttled = (q?.n ?? 0) > 0 && getEnv().PANEL_MAILS_PER_MINUTE > 0;
        break;
      }
      const live = rows.filter((r) => r.email && r.survey_code && r.member_id);
      for (const gone of rows.filter((r) => !live.includes(r)))
        await db.execute(
          sql`update panel_invitations set status = 'failed', last_error = 'Geen actief lid meer', claimed_by = null where id = ${gone.id}`,
        );
      const tokens = await issueUnsubscribeTokens([...new Set(live.map((r) => r.member_id!))], db);
      for (const r of live) inFlight.add(r.id);
      let next = 0;
      const outcomes = await Promise.allSettled(
        lanes.slice(0, live.length).map(async (lane) => {
          // The confirmation of this connection's previous message, awaited before the next ".".
          let previous: Promise<void> = Promise.resolve();
          try {
            while (next < live.length) {
              const row = live[next++]!;
              const reminder = row.mail === "reminder" ? row.reminders_sent + 1 : 0;
              const mail = invitationMail({
                to: row.email!,
                subject: row.subject,
                message: row.message,
                surveyLink: personalLink(row.slug, row.survey_code!),
                unsubscribeLink: panelUrls.unsubscribe(tokens.get(row.member_id!)!),
                reminder,
                messageId: invitationMessageId(row.id, reminder, domain),
              });
              if (!smtpUrl) {
                await queueMail(mail, db);
                await markSent([row.id], db);
                inFlight.delete(row.id);
                result.sent++;
                continue;
              }
              let confirmError: unknown;
              try {
                const raw = await buildMessage({ ...mail, from });
                await lane.send({ from: envelopeFrom, to: mail.to }, raw, () =>
                  previous.catch((err) => {
                    confirmError = err;
                    throw err;
                  }),
                );
              } catch (error) {
                // The database failed us: stop this connection; the row is released below.
                if (confirmError) throw confirmError;
                result.failed++;
                const message = error instanceof Error ? error.message : String(error);
                getLogger().warn({ invitationId: row.id, err: message }, "panel mail failed");
                await markFailed(row, message, new Date(), db);
                inFlight.delete(row.id);
                continue;
              }
              result.sent++;
              previous = confirmations.confirm(row.id).then(() => {
                inFlight.delete(row.id);
              });
            }
          } finally {
            await previous.catch(() => {});
          }
        }),
      );
      const failure = outcomes.find((o) => o.status === "rejected");
      if (failure) throw failure.reason;
    }
  } finally {
    for (const lane of lanes) lane.close();
    // Rows this run claimed but did not finish (a database error) go back to the queue. Whether
    // the server took such a message is unknown: it is sent again, with the same Message-ID.
    if (inFlight.size > 0)
      await db
        .execute(
          sql`update panel_invitations set status = 'queued', claimed_by = null, claimed_at = null
               where status = 'sending' and claimed_by = ${worker}
                 and id in (${sql.join(
                   [...inFlight].map((id) => sql`${id}`),
                   sql`, `,
                 )})`,
        )
        .catch((err) => getLogger().error({ err }, "could not release panel invitations"));
  }
  return result;
}
