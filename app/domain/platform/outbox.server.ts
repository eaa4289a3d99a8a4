import { and, count, desc, eq, ilike, lt, ne, type SQL, sql } from "drizzle-orm";
import { outbox } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";

// Read side of the mail outbox for /beheer/uitgaande-mail. Writing happens in app/lib/mail.server.ts.

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
    filter.to ? ilike(outbox.to, `%${escapeLike(filter.to)}%`) : undefined,
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
  return { rows, total: total?.count ?? 0 };
}

export async function listOutboxKinds(db: Executor = getDb()): Promise<string[]> {
  const rows = await db.selectDistinct({ kind: outbox.kind }).from(outbox).orderBy(outbox.kind);
  return rows.map((r) => r.kind);
}

export async function getOutboxMail(id: number, db: Executor = getDb()) {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
  return row ?? null;
}

/** Privacy statement (/privacy): outgoing mails are kept three months, then deleted. */
export async function pruneOutbox(db: Executor = getDb(), olderThanDays = 90) {
  await db
    .delete(outbox)
    .where(
      and(
        lt(outbox.createdAt, sql`now() - make_interval(days => ${olderThanDays})`),
        ne(outbox.status, "queued"),
      ),
    );
}
