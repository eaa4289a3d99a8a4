// Other bulk queues on the panel's delivery path (issue 14: follower digests and mailings, the reactienota's
// mails; docs/informed-events.md). A queue is a table with the delivery columns of panel_invitations
// (status, attempts, next_attempt_at, last_error, claimed_by, claimed_at, sent_at, last_mail_at) and a
// compose function; on the delivery loop of delivery-loop.server.ts it gets the same worker lease and
// orphan recovery, the same lanes with the confirmation after the server's 250 (the next "." waits for
// it), and one PANEL_MAILS_PER_MINUTE rate shared with the panel.
import { sql } from "drizzle-orm";
import { type Executor, getDb } from "../../lib/db.server";
import { afterFailure } from "./delivery";
import type { BulkQueue, DeliveryResult } from "./delivery.server";
import {
  type ClaimedRow,
  claimDue,
  type DeliveryOptions,
  type DeliveryQueue,
  deliverQueue,
  idList,
  recoverClaims,
} from "./delivery-loop.server";

/** Rows of a bulk queue claimed by workers that are gone go back to queued (as recoverOrphans). */
export function recoverBulkOrphans(queue: BulkQueue, db: Executor = getDb()): Promise<number> {
  return recoverClaims(queue.table, db);
}

/** Send due mails of one bulk queue, exactly like deliverPanelMail does for invitations. */
export function deliverBulkQueue(queue: BulkQueue, options: DeliveryOptions = {}): Promise<DeliveryResult> {
  return deliverQueue(onDeliveryLoop(queue), options);
}

/** A bulk queue as the delivery loop sees it: rows are claimed bare and composed by the queue. */
function onDeliveryLoop(queue: BulkQueue): DeliveryQueue<ClaimedRow> {
  const t = sql.identifier(queue.table);
  return {
    table: queue.table,
    claim: (worker, limit, _now, db) =>
      db.execute<ClaimedRow>(sql`
        with ${claimDue(queue.table, worker, limit, sql`now()`)}
        select id, attempts from u`),
    compose: (rows, db) =>
      queue.compose(
        rows.map((r) => Number(r.id)),
        db,
      ),
    noRecipient: "Geen ontvanger meer",
    async markSent(ids, db) {
      if (ids.length === 0) return;
      await db.execute(sql`update ${t} set status = 'sent', claimed_by = null, claimed_at = null, attempts = 0,
                       last_error = null, last_mail_at = now(), sent_at = now()
                      where id in (${idList(ids)}) and status = 'sending'`);
    },
    async markFailed(row, message, now, db) {
      const next = afterFailure(row.attempts + 1, now);
      await db.execute(sql`update ${t}
          set status = ${next.status}, attempts = ${row.attempts + 1}, next_attempt_at = ${next.nextAttemptAt.toISOString()},
              last_error = ${message.slice(0, 500)}, claimed_by = null, claimed_at = null, sent_at = null
        where id = ${row.id} and status = 'sending'`);
    },
    log: {
      failed: "bulk mail failed",
      unreleased: "could not release bulk mails",
      fields: (id) => (id === undefined ? { table: queue.table } : { table: queue.table, id }),
    },
  };
}
