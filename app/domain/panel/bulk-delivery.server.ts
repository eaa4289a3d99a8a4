// Other bulk queues on the panel's delivery path (issue 14: follower digests and mailings, the reactienota's
// mails; docs/informed-events.md). A queue is a table with the delivery columns of panel_invitations
// (status, attempts, next_attempt_at, last_error, claimed_by, claimed_at, sent_at, last_mail_at) and a
// compose function; it gets the same worker lease and orphan recovery, the same lanes with the
// confirmation after the server's 250 (the next "." waits for it), and one PANEL_MAILS_PER_MINUTE rate
// shared with the panel.
import { sql } from "drizzle-orm";
import { type Executor, getDb } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { getLogger } from "../../lib/logger.server";
import { queueMail } from "../../lib/mail.server";
import { afterFailure } from "./delivery";
import {
  type BulkQueue,
  budget,
  Confirmations,
  type DeliveryResult,
  LEASE_CLASS,
  sharedAllowance,
  workerId,
} from "./delivery.server";
import { buildMessage, envelopeAddress, SmtpLane } from "./smtp-lane.server";

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
