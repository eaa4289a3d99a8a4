import { randomInt } from "node:crypto";
import net from "node:net";
import { sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type postgres from "postgres";
import { type Executor, getDb, getSql } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { getLogger } from "../../lib/logger.server";
import { type MailMessage, queueMail } from "../../lib/mail.server";
import { personalLink } from "../surveys/codes.server";
import { afterFailure, allowance } from "./delivery";
import { invitationMail, invitationMessageId } from "./mails";
import { issueUnsubscribeTokens, panelUrls } from "./members.server";
import { buildMessage, envelopeAddress, SmtpLane } from "./smtp-lane.server";

// Delivery of invitations and reminders (docs/panel.md, "Delivery").
//
// 1. claim: one statement moves due rows queued -> sending with FOR UPDATE SKIP LOCKED and stamps
//    them with this worker's id; committed before any mail goes out.
// 2. send: each mail over one of PANEL_SMTP_CONNECTIONS connections. A row stays "sending" until
//    the server answered 250 to the final "."; only then is it marked sent (in batches, see
//    Confirmations). A refusal puts it back to queued with a backoff, or failed, with the SMTP error.
// 3. recover: a worker holds a PostgreSQL advisory lock for its id as long as it lives. Rows in
//    "sending" whose worker no longer holds its lock (killed, crashed) go back to queued and are
//    sent again with the same Message-ID.
//
// So a row is never "sent" unless the server took the message: no invitation is lost. The price is
// the messages whose "." the server got while their confirmation had not yet been committed: at
// most one per SMTP connection at the moment of a crash arrives twice, with the same Message-ID.
// To keep that at one per connection, a connection writes its next "." only after the previous
// message's confirmation is committed (it sends the next envelope and body meanwhile).

const LEASE_CLASS = 7_007;

let lease: { id: number; conn: postgres.ReservedSql } | undefined;
let leasePromise: Promise<number> | undefined;

/** This process's worker id, backed by a session advisory lock on a reserved connection. */
export function workerId(): Promise<number> {
  leasePromise ??= (async () => {
    const conn = await getSql().reserve();
    for (;;) {
      const id = randomInt(1, 2 ** 31 - 1);
      const [row] = await conn<{ ok: boolean }[]>`select pg_try_advisory_lock(${LEASE_CLASS}, ${id}) as ok`;
      if (row?.ok) {
        lease = { id, conn };
        return id;
      }
    }
  })();
  return leasePromise;
}

/** Give up the worker id (on shutdown and in tests). Rows still "sending" become recoverable. */
export async function releaseWorker() {
  const l = lease;
  lease = undefined;
  leasePromise = undefined;
  if (l) {
    await l.conn`select pg_advisory_unlock(${LEASE_CLASS}, ${l.id})`.catch(() => {});
    l.conn.release();
  }
}

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

/**
 * A pooled SMTP transport whose sockets send at once (TCP_NODELAY). Without it, Nagle's algorithm
 * and delayed ACKs add ~150 ms to every message on a fast link: 7 instead of hundreds per second.
 * Only for plain smtp:// (STARTTLS still upgrades the socket); smtps:// keeps nodemailer's own socket.
 */
export function createPanelTransport(url: string, connections: number): nodemailer.Transporter {
  const parsed = new URL(url);
  const pool = { pool: true, maxConnections: connections, maxMessages: Number.POSITIVE_INFINITY };
  if (parsed.protocol !== "smtp:")
    return nodemailer.createTransport({
      ...nodemailerUrlOptions(parsed),
      ...pool,
    } as nodemailer.TransportOptions);
  const host = parsed.hostname;
  const port = Number(parsed.port || 25);
  return nodemailer.createTransport({
    ...nodemailerUrlOptions(parsed),
    ...pool,
    getSocket: (
      _opts: unknown,
      callback: (err: Error | null, socketOptions?: { connection: net.Socket }) => void,
    ) => {
      const socket = net.connect(port, host);
      socket.setNoDelay(true);
      socket.once("connect", () => callback(null, { connection: socket }));
      socket.once("error", (err) => callback(err));
    },
  } as nodemailer.TransportOptions);
}

/** Host, port, TLS and credentials from an smtp:// or smtps:// URL. */
function nodemailerUrlOptions(url: URL) {
  const secure = url.protocol === "smtps:";
  return {
    host: url.hostname,
    port: Number(url.port || (secure ? 465 : 25)),
    secure,
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
    ...Object.fromEntries(url.searchParams),
  };
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

/**
 * Confirmations of accepted messages, committed in batches: every connection that is waiting gets
 * its row into the next UPDATE, so 10 connections cost one round trip instead of ten.
 */
class Confirmations {
  private waiting: { id: number; done: (err?: unknown) => void }[] = [];
  private running = false;

  constructor(
    private readonly db: Executor,
    private readonly mark: (ids: number[], db: Executor) => Promise<void> = markSent,
  ) {}

  confirm(id: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ id, done: (err) => (err ? reject(err) : resolve()) });
      if (!this.running) void this.drain();
    });
  }

  private async drain() {
    this.running = true;
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0);
      try {
        await this.mark(
          batch.map((b) => b.id),
          this.db,
        );
        for (const b of batch) b.done();
      } catch (err) {
        for (const b of batch) b.done(err);
      }
    }
    this.running = false;
  }
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

export interface DeliveryResult {
  sent: number;
  failed: number;
  recovered: number;
  /** True when the rate limit stopped this run, not an empty queue. */
  throttled: boolean;
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
  const confirmations = new Confirmations(db);
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

// ---------------------------------------------------------------------------------------------
// Other bulk queues on this same delivery path (issue 14: follower digests and mailings;
// docs/informed-events.md). A queue is a table with the delivery columns of panel_invitations
// (status, attempts, next_attempt_at, last_error, claimed_by, claimed_at, sent_at, last_mail_at)
// and a compose function; it gets the same worker lease and orphan recovery, the same lanes with the
// confirmation after the server's 250 (the next "." waits for it), and one PANEL_MAILS_PER_MINUTE
// rate shared with the panel.

/** Tables whose mails count against the shared per-minute rate (the panel's and every bulk queue's). */
const rateTables = new Set<string>(["panel_invitations"]);

export interface BulkQueue {
  /** Table with the delivery columns above and a bigint `id`. */
  table: string;
  /** The mails of claimed rows; a row missing from the map is marked failed ("no recipient"). */
  compose(ids: number[], db: Executor): Promise<Map<number, MailMessage & { messageId: string }>>;
}

/** Make a queue table count against the shared rate (call once at module load). */
export function registerBulkQueue(queue: BulkQueue): BulkQueue {
  rateTables.add(queue.table);
  return queue;
}

/** How many mails may be claimed now: PANEL_MAILS_PER_MINUTE over all registered queues. */
async function sharedAllowance(limit: number, now: Date, db: Executor): Promise<number> {
  const perMinute = getEnv().PANEL_MAILS_PER_MINUTE;
  if (perMinute <= 0) return limit;
  const since = sql`${now.toISOString()}::timestamptz - interval '1 minute'`;
  const parts = [...rateTables].map(
    (
      t,
    ) => sql`select (select count(*)::int from ${sql.identifier(t)} where last_mail_at > ${since}) as recent,
                      (select count(*)::int from ${sql.identifier(t)} where status = 'sending') as inflight`,
  );
  const [c] = await db.execute<{ recent: number; inflight: number }>(
    sql`select coalesce(sum(recent), 0)::int as recent, coalesce(sum(inflight), 0)::int as inflight
          from (${sql.join(parts, sql` union all `)}) x`,
  );
  return allowance(perMinute, c?.recent ?? 0, c?.inflight ?? 0, limit);
}

/** Rows of a bulk queue claimed by workers that are gone go back to queued (as recoverOrphans). */
export async function recoverBulkOrphans(queue: BulkQueue, db: Executor = getDb()): Promise<number> {
  const rows = await db.execute<{ id: number }>(sql`
    update ${sql.identifier(queue.table)} set status = 'queued', claimed_by = null, claimed_at = null
     where status = 'sending'
       and (claimed_by is null or claimed_by not in (
             select objid::bigint from pg_locks
              where locktype = 'advisory' and classid = ${LEASE_CLASS} and objsubid = 2 and granted
                and database = (select oid from pg_database where datname = current_database())))
    returning id`);
  return rows.length;
}

/** Send due mails of one bulk queue, exactly like deliverPanelMail does for invitations. */
export async function deliverBulkQueue(
  queue: BulkQueue,
  options: { budgetMs?: number; batch?: number; db?: Executor } = {},
): Promise<DeliveryResult> {
  const db = options.db ?? getDb();
  const t = sql.identifier(queue.table);
  const started = Date.now();
  const worker = await workerId();
  const result: DeliveryResult = {
    sent: 0,
    failed: 0,
    recovered: await recoverBulkOrphans(queue, db),
    throttled: false,
  };
  const smtpUrl = getEnv().SMTP_URL;
  const from = getEnv().MAIL_FROM;
  const lanes = Array.from({ length: getEnv().PANEL_SMTP_CONNECTIONS }, () => new SmtpLane(smtpUrl ?? ""));
  const markSentIds = async (ids: number[], on: Executor) => {
    if (ids.length === 0) return;
    await on.execute(sql`update ${t} set status = 'sent', claimed_by = null, claimed_at = null, attempts = 0,
                     last_error = null, last_mail_at = now(), sent_at = now()
                    where id in (${sql.join(
                      ids.map((id) => sql`${id}`),
                      sql`, `,
                    )}) and status = 'sending'`);
  };
  const fail = async (id: number, attempts: number, message: string) => {
    const next = afterFailure(attempts + 1, new Date());
    await db.execute(sql`update ${t}
        set status = ${next.status}, attempts = ${attempts + 1}, next_attempt_at = ${next.nextAttemptAt.toISOString()},
            last_error = ${message.slice(0, 500)}, claimed_by = null, claimed_at = null, sent_at = null
      where id = ${id} and status = 'sending'`);
  };
  // As the panel's own loop: a row is marked sent only after the server answered 250 to the final
  // "." (so a kill -9 never loses a mail), and a connection writes its next "." only after the previous
  // confirmation is committed (so a kill repeats at most one mail per connection, same Message-ID).
  const confirmations = new Confirmations(db, markSentIds);
  const inFlight = new Set<number>();
  try {
    while (Date.now() - started < budget(options)) {
      const n = await sharedAllowance(options.batch ?? 200, new Date(), db);
      const rows =
        n <= 0
          ? []
          : await db.execute<{ id: number; attempts: number }>(sql`
        with c as (
          select id from ${t} where status = 'queued' and next_attempt_at <= now()
           order by next_attempt_at, id limit ${n} for update skip locked)
        update ${t} q set status = 'sending', claimed_by = ${worker}, claimed_at = now()
          from c where q.id = c.id
        returning q.id, q.attempts`);
      if (rows.length === 0) {
        const [q] = await db.execute<{ n: number }>(
          sql`select count(*)::int as n from ${t} where status = 'queued' and next_attempt_at <= now()`,
        );
        result.throttled = (q?.n ?? 0) > 0 && getEnv().PANEL_MAILS_PER_MINUTE > 0;
        break;
      }
      const mails = await queue.compose(
        rows.map((r) => Number(r.id)),
        db,
      );
      const live = rows.filter((r) => mails.has(Number(r.id)));
      for (const gone of rows.filter((r) => !mails.has(Number(r.id))))
        await db.execute(
          sql`update ${t} set status = 'failed', last_error = 'Geen ontvanger meer', claimed_by = null where id = ${gone.id}`,
        );
      for (const r of live) inFlight.add(Number(r.id));
      let next = 0;
      const outcomes = await Promise.allSettled(
        lanes.slice(0, live.length).map(async (lane) => {
          let previous: Promise<void> = Promise.resolve();
          try {
            while (next < live.length) {
              const row = live[next++]!;
              const id = Number(row.id);
              const mail = mails.get(id)!;
              if (!smtpUrl) {
                await queueMail(mail, db);
                await markSentIds([id], db);
                inFlight.delete(id);
                result.sent++;
                continue;
              }
              let confirmError: unknown;
              try {
                const raw = await buildMessage({ ...mail, from });
                await lane.send({ from: envelopeAddress(from), to: mail.to }, raw, () =>
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
                getLogger().warn({ table: queue.table, id, err: message }, "bulk mail failed");
                await fail(id, row.attempts, message);
                inFlight.delete(id);
                continue;
              }
              result.sent++;
              previous = confirmations.confirm(id).then(() => {
                inFlight.delete(id);
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
    // Rows this run claimed but did not finish (a database error) go back to the queue, to be sent
    // again with the same Message-ID.
    if (inFlight.size > 0)
      await db
        .execute(
          sql`update ${t} set status = 'queued', claimed_by = null, claimed_at = null
               where status = 'sending' and claimed_by = ${worker}
                 and id in (${sql.join(
                   [...inFlight].map((id) => sql`${id}`),
                   sql`, `,
                 )})`,
        )
        .catch((err) => getLogger().error({ err, table: queue.table }, "could not release bulk mails"));
  }
  return result;
}

function budget(options: { budgetMs?: number }) {
  return options.budgetMs ?? 50_000;
}
