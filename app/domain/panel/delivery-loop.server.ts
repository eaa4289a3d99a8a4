// The one delivery loop of the digipanel's delivery path (delivery.server.ts describes its guarantees),
// for panel invitations (panel-delivery.server.ts) and every other bulk queue (bulk-delivery.server.ts).
// A queue describes how its rows are claimed, what mail each row gets and how a row is marked sent or
// failed; the loop does the rest, the same for all: orphan recovery, the shared rate, the SMTP lanes
// with the confirmation after the server's 250, and handing back what a failed run claimed.
import { type SQL, sql } from "drizzle-orm";
import { type Executor, getDb } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { getLogger } from "../../lib/logger.server";
import { type MailMessage, queueMail } from "../../lib/mail.server";
import {
  Confirmations,
  type DeliveryResult,
  LEASE_CLASS,
  sharedAllowance,
  workerId,
} from "./delivery.server";
import { buildMessage, envelopeAddress, SmtpLane } from "./smtp-lane.server";

/** What the loop needs of a claimed row (a bigint id may come back from the driver as a string). */
export type ClaimedRow = { id: number; attempts: number };

export type OutgoingMail = MailMessage & { messageId: string };

export interface DeliveryQueue<Row extends ClaimedRow> {
  /**
   * Table with the delivery columns (status, attempts, next_attempt_at, last_error, claimed_by,
   * claimed_at, sent_at, last_mail_at) and an `id`.
   */
  table: string;
  /** Claim up to `limit` due rows for `worker` (with claimDue) and return them. */
  claim(worker: number, limit: number, now: Date, db: Executor): Promise<Row[]>;
  /** The mails of claimed rows by id; a row without one is marked failed with `noRecipient`. */
  compose(rows: Row[], db: Executor): Promise<Map<number, OutgoingMail>>;
  noRecipient: string;
  /** Mark rows sent whose message the SMTP server accepted (250 after the final "."). */
  markSent(ids: number[], db: Executor): Promise<void>;
  /** Record a failed attempt of a row that is still "sending". */
  markFailed(row: Row, message: string, now: Date, db: Executor): Promise<void>;
  log: {
    /** Warning for a mail the server refused. */
    failed: string;
    /** Error when claimed rows could not be handed back. */
    unreleased: string;
    /** Fields that name the queue (and the row) in both. */
    fields(id?: number): Record<string, unknown>;
  };
}

export interface DeliveryOptions {
  budgetMs?: number;
  batch?: number;
  db?: Executor;
}

/** `(1, 2, 3)`'s inside: a list of ids for `id in (…)`. */
export function idList(ids: number[]): SQL {
  return sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
}

/**
 * The claim, as the CTEs `c` and `u` of a `with`: up to `limit` rows of `table` that are queued and due
 * at `at`, oldest first, locked FOR UPDATE SKIP LOCKED (parallel workers never share a row), move to
 * "sending" stamped with `worker` and `at`. `u` holds the claimed rows (every column) for the select
 * that follows.
 */
export function claimDue(table: string, worker: number, limit: number, at: SQL): SQL {
  const t = sql.identifier(table);
  return sql`c as (
      select id from ${t}
       where status = 'queued' and next_attempt_at <= ${at}
       order by next_attempt_at, id
       limit ${limit}
       for update skip locked
    ), u as (
      update ${t} q
         set status = 'sending', claimed_by = ${worker}, claimed_at = ${at}
        from c where q.id = c.id
      returning q.*
    )`;
}

/** Rows claimed by workers that are gone (no advisory lock) go back to the queue. Returns how many. */
export async function recoverClaims(table: string, db: Executor): Promise<number> {
  const rows = await db.execute<{ id: number }>(sql`
    update ${sql.identifier(table)} set status = 'queued', claimed_by = null, claimed_at = null
     where status = 'sending'
       and (claimed_by is null or claimed_by not in (
             select objid::bigint from pg_locks
              where locktype = 'advisory' and classid = ${LEASE_CLASS} and objsubid = 2 and granted
                and database = (select oid from pg_database where datname = current_database())))
    returning id`);
  return rows.length;
}

/**
 * Send due mail of `queue` until it is empty, the rate limit is reached, or `budgetMs` has passed.
 * Safe to run in any number of processes at once.
 */
export async function deliverQueue<Row extends ClaimedRow>(
  queue: DeliveryQueue<Row>,
  options: DeliveryOptions = {},
): Promise<DeliveryResult> {
  const db = options.db ?? getDb();
  const started = Date.now();
  const worker = await workerId();
  const run = new DeliveryRun(queue, db, worker, await recoverClaims(queue.table, db));
  try {
    while (Date.now() - started < (options.budgetMs ?? 50_000)) {
      const rows = await run.claim(options.batch ?? 200);
      if (rows.length === 0) {
        run.result.throttled = await run.throttled();
        break;
      }
      await run.send(rows);
    }
  } finally {
    await run.close();
  }
  return run.result;
}

/** One call of deliverQueue: its lanes, its pending confirmations and the rows it has in hand. */
class DeliveryRun<Row extends ClaimedRow> {
  readonly result: DeliveryResult;
  // Without SMTP_URL (development, demo) the mail goes to the outbox, like all other mail.
  private readonly smtpUrl = getEnv().SMTP_URL;
  private readonly from = getEnv().MAIL_FROM;
  private readonly lanes: SmtpLane[];
  private readonly confirmations: Confirmations;
  /** Rows this run claimed and has not finished. */
  private readonly inFlight = new Set<number>();

  constructor(
    private readonly queue: DeliveryQueue<Row>,
    private readonly db: Executor,
    private readonly worker: number,
    recovered: number,
  ) {
    this.result = { sent: 0, failed: 0, recovered, throttled: false };
    this.lanes = Array.from(
      { length: getEnv().PANEL_SMTP_CONNECTIONS },
      () => new SmtpLane(this.smtpUrl ?? ""),
    );
    this.confirmations = new Confirmations(db, queue.markSent);
  }

  /** Due rows, as many as the shared rate allows now. */
  async claim(batch: number): Promise<Row[]> {
    const now = new Date();
    const n = await sharedAllowance(batch, now, this.db);
    return n <= 0 ? [] : this.queue.claim(this.worker, n, now, this.db);
  }

  /** Whether due mail is left that the rate limit holds back (rather than an empty queue). */
  async throttled(): Promise<boolean> {
    const [q] = await this.db.execute<{ n: number }>(
      sql`select count(*)::int as n from ${sql.identifier(this.queue.table)}
           where status = 'queued' and next_attempt_at <= now()`,
    );
    return (q?.n ?? 0) > 0 && getEnv().PANEL_MAILS_PER_MINUTE > 0;
  }

  /** Send claimed rows over the lanes, each lane taking the next row when it is free. */
  async send(rows: Row[]) {
    const mails = await this.queue.compose(rows, this.db);
    const live = rows.filter((r) => mails.has(Number(r.id)));
    for (const gone of rows.filter((r) => !mails.has(Number(r.id))))
      await this.db.execute(
        sql`update ${sql.identifier(this.queue.table)}
               set status = 'failed', last_error = ${this.queue.noRecipient}, claimed_by = null
             where id = ${gone.id}`,
      );
    for (const r of live) this.inFlight.add(Number(r.id));
    const pending = live.map((row) => ({ row, mail: mails.get(Number(row.id))! }));
    const outcomes = await Promise.allSettled(
      this.lanes.slice(0, live.length).map((lane) => this.drive(lane, pending)),
    );
    const failure = outcomes.find((o) => o.status === "rejected");
    if (failure) throw failure.reason;
  }

  /** One lane's share of a batch; it ends when the batch is done or the database fails. */
  private async drive(lane: SmtpLane, pending: { row: Row; mail: OutgoingMail }[]) {
    // The confirmation of this connection's previous message, awaited before the next ".".
    const previous = { confirmed: Promise.resolve() };
    try {
      while (pending.length > 0) {
        const { row, mail } = pending.shift()!;
        await this.deliver(lane, row, mail, previous);
      }
    } finally {
      await previous.confirmed.catch(() => {});
    }
  }

  /**
   * Send one mail. The row is marked sent only after the server answered 250 to the final "." (so a
   * kill -9 never loses a mail), and the "." waits until the lane's previous confirmation is committed
   * (so a kill repeats at most one mail per connection, with the same Message-ID).
   */
  private async deliver(
    lane: SmtpLane,
    row: Row,
    mail: OutgoingMail,
    previous: { confirmed: Promise<void> },
  ) {
    const id = Number(row.id);
    if (!this.smtpUrl) {
      await queueMail(mail, this.db);
      await this.queue.markSent([id], this.db);
      this.inFlight.delete(id);
      this.result.sent++;
      return;
    }
    let confirmError: unknown;
    try {
      const raw = await buildMessage({ ...mail, from: this.from });
      await lane.send({ from: envelopeAddress(this.from), to: mail.to }, raw, () =>
        previous.confirmed.catch((err) => {
          confirmError = err;
          throw err;
        }),
      );
    } catch (error) {
      // The database failed us: stop this connection; the row is released by close().
      if (confirmError) throw confirmError;
      this.result.failed++;
      const message = error instanceof Error ? error.message : String(error);
      getLogger().warn({ ...this.queue.log.fields(id), err: message }, this.queue.log.failed);
      await this.queue.markFailed(row, message, new Date(), this.db);
      this.inFlight.delete(id);
      return;
    }
    this.result.sent++;
    previous.confirmed = this.confirmations.confirm(id).then(() => {
      this.inFlight.delete(id);
    });
    // A failed confirmation is seen by the next "." (or drive's finally); until then it must not count
    // as an unhandled rejection, which would end the process before close() hands its rows back.
    previous.confirmed.catch(() => {});
  }

  /**
   * Close the lanes. Rows this run claimed but did not finish (a database error) go back to the queue.
   * Whether the server took such a message is unknown: it is sent again, with the same Message-ID.
   */
  async close() {
    for (const lane of this.lanes) lane.close();
    if (this.inFlight.size === 0) return;
    await this.db
      .execute(
        sql`update ${sql.identifier(this.queue.table)} set status = 'queued', claimed_by = null, claimed_at = null
             where status = 'sending' and claimed_by = ${this.worker} and id in (${idList([...this.inFlight])})`,
      )
      .catch((err) => getLogger().error({ err, ...this.queue.log.fields() }, this.queue.log.unreleased));
  }
}
