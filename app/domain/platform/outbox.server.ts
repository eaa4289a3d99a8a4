import { and, count, desc, eq, ilike, lt, ne, type SQL, sql } from "drizzle-orm";
import { outbox } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { maskSecrets, OUTBOX_BODY_DAYS, OUTBOX_DAYS, visibleRecipient } from "./outbox";

// Read side of the mail outbox for /beheer/uitgaande-mail. Writing happens in app/lib/mail.server.ts.
// Everything returned here is masked (outbox.ts): no personal link, no code, no panel member's address.

export interface OutboxFilter {
  kind?: string;
  /** Part of the recipient address. */
  to?: string;
  page: number;
  pageSize: number;
}

function escapeLike(v: string) {
  return v.replace(/[%_\\]/g, "\\$&");
}

export async function listOutbox(filter: OutboxFilter, db: Executor = getDb()) {
  const where: SQL | undefined = and(
    filter.kind ? eq(outbox.kind, filter.kind) : undefined,
    // Panel members' addresses cannot be found by searching either.
    filter.to
      ? and(ilike(outbox.to, `%${escapeLike(filter.to)}%`), sql`${outbox.kind} not like 'panel.%'`)
      : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: outbox.id,
        createdAt: outbox.createdAt,
        to: outbox.to,
        subject: outbox.subject,
        kind: outbox.kind,
        status: outbox.status,
      })
      .from(outbox)
      .where(where)
      .orderBy(desc(outbox.createdAt), desc(outbox.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ count: count() }).from(outbox).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r, to: visibleRecipient(r.kind, r.to) })), total: total?.count ?? 0 };
}

export async function listOutboxKinds(db: Executor = getDb()): Promise<string[]> {
  const rows = await db.selectDistinct({ kind: outbox.kind }).from(outbox).orderBy(outbox.kind);
  return rows.map((r) => r.kind);
}

/** One mail as staff may see it: links and codes masked, a panel member's address hidden. */
export async function getOutboxMail(id: number, db: Executor = getDb()) {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
  if (!row) return null;
  return {
    createdAt: row.createdAt,
    sentAt: row.sentAt,
    to: visibleRecipient(row.kind, row.to),
    subject: row.subject,
    kind: row.kind,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    headers: Object.fromEntries(Object.entries(row.headers).map(([k, v]) => [k, maskSecrets(v)])),
    text: maskSecrets(row.text),
    /** The text was deleted after delivery (OUTBOX_BODY_DAYS). */
    purged: row.text === "" && row.html === null,
  };
}

/**
 * Retention (docs/privacy.md): the text of a mail is deleted OUTBOX_BODY_DAYS after it was sent or
 * finally failed (the links in it are then of no use to anyone), together with the address of a
 * panel member; the rest of the row goes after OUTBOX_DAYS. Mails still waiting are never touched.
 * Returns the numbers of rows purged and deleted.
 */
export async function pruneOutbox(
  days: { body?: number; all?: number } = {},
  db: Executor = getDb(),
): Promise<{ purged: number; deleted: number }> {
  const bodyDays = days.body ?? OUTBOX_BODY_DAYS;
  const allDays = days.all ?? OUTBOX_DAYS;
  const purged = await db.execute<{ id: number }>(sql`
    update outbox
       set text = '', html = null, headers = '{}'::jsonb,
           "to" = case when kind like 'panel.%' then '' else "to" end
     where status in ('sent', 'failed')
       and coalesce(sent_at, created_at) < now() - make_interval(days => ${bodyDays})
       and not (text = '' and html is null)
    returning id`);
  const deleted = await db
    .delete(outbox)
    .where(
      and(lt(outbox.createdAt, sql`now() - make_interval(days => ${allDays})`), ne(outbox.status, "queued")),
    )
    .returning({ id: outbox.id });
  return { purged: purged.length, deleted: deleted.length };
}
