// The delivery path of panel invitations and reminders (docs/panel.md, "Delivery", panel-delivery.server.ts)
// and of every other bulk queue (bulk-delivery.server.ts): the worker lease, the shared rate, confirmations
// and the SMTP transport. The loop that runs these steps for any queue is delivery-loop.server.ts.
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
import { randomInt } from "node:crypto";
import net from "node:net";
import { sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import type postgres from "postgres";
import { type Executor, getSql } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import type { MailMessage } from "../../lib/mail.server";
import { allowance } from "./delivery";

export const LEASE_CLASS = 7_007;

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

/**
 * Confirmations of accepted messages, committed in batches: every connection that is waiting gets
 * its row into the next UPDATE, so 10 connections cost one round trip instead of ten.
 */
export class Confirmations {
  private waiting: { id: number; done: (err?: unknown) => void }[] = [];
  private running = false;

  constructor(
    private readonly db: Executor,
    private readonly mark: (ids: number[], db: Executor) => Promise<void>,
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

export interface DeliveryResult {
  sent: number;
  failed: number;
  recovered: number;
  /** True when the rate limit stopped this run, not an empty queue. */
  throttled: boolean;
}

// Bulk queues (bulk-delivery.server.ts) share the panel's rate.

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
export async function sharedAllowance(limit: number, now: Date, db: Executor): Promise<number> {
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
