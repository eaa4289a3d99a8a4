// The maintained "current stoplicht" table (monitor_stoplicht_current): per agreement and tertiaal of its
// years, the latest update of its key confirmed up to that tertiaal (`stoplichtAt` in rules.ts, the same
// rule in SQL). Every write that changes it calls `refreshCurrentStoplicht` inside its own transaction, so
// the public overview reads it with one grouped SELECT (docs/monitor.md, "Performance").
import { sql } from "drizzle-orm";
import type { Executor } from "../../lib/db.server";

/**
 * The rows of the table for the agreements matching `where` (an SQL condition on `a`, monitor_agreements).
 * The same statement is the backfill in migrations/0011_monitor_stoplicht_backfill.sql.
 */
function recompute(where: ReturnType<typeof sql>) {
  return sql`
    insert into monitor_stoplicht_current (agreement_id, year, tertiaal, stoplicht, explanation, update_id)
    select a.id, y.y, t.t, coalesce(u.stoplicht, 'not_assessed'), u.explanation, u.id
    from monitor_agreements a
    cross join lateral generate_series(a.first_year, a.last_year) as y(y)
    cross join generate_series(1, 3) as t(t)
    left join lateral (
      select u.id, u.stoplicht, u.explanation from monitor_updates u
      where u.agreement_key = a.key and u.status = 'confirmed' and (u.year, u.tertiaal) <= (y.y, t.t)
      order by u.year desc, u.tertiaal desc, u.id desc limit 1
    ) u on true
    where ${where}
    on conflict (year, tertiaal, agreement_id) do update
      set stoplicht = excluded.stoplicht, explanation = excluded.explanation, update_id = excluded.update_id`;
}

/**
 * Recompute the current stoplicht of every agreement with one of these keys (all years: a confirmed update
 * counts for later tertialen and for the copies of the key). Call it inside the transaction of the write.
 * A transaction-scoped advisory lock per key (in sorted order, so no deadlock) serialises two writes to one
 * key; the statement after the lock sees the other's commit, so no update is lost.
 */
export async function refreshCurrentStoplicht(keys: readonly string[], tx: Executor) {
  const unique = [...new Set(keys)].sort();
  if (unique.length === 0) return;
  for (const key of unique)
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('monitor_stoplicht'), hashtext(${key}))`);
  const list = sql.join(
    unique.map((k) => sql`${k}`),
    sql`, `,
  );
  await tx.execute(recompute(sql`a.key in (${list})`));
}

/** Recompute the whole table (bulk loads: the bench; the migration does the same for existing data). */
export async function refreshAllCurrentStoplicht(db: Executor) {
  await db.execute(sql`delete from monitor_stoplicht_current`);
  await db.execute(recompute(sql`true`));
}
