// Retention of followers (docs/privacy.md).
import { and, eq, sql } from "drizzle-orm";
import { followers } from "../../../db/schema";
import type { Executor } from "../../lib/db.server";
import { audit } from "../audit/audit.server";
import { FOLLOWER_LEFT_DAYS, FOLLOWER_UNCONFIRMED_DAYS } from "./rules";

/**
 * Delete what is left of a follow FOLLOWER_LEFT_DAYS after unsubscribing (the address already went at
 * the unsubscribe), and an address that was never confirmed FOLLOWER_UNCONFIRMED_DAYS after its
 * confirmation link expired. Projects and links go with the row (cascade); mails already sent stay
 * without the link to the follower. One transaction, audited with the numbers only when something went;
 * running it again finds nothing.
 */
export async function pruneFollowers(
  db: Executor,
  now = new Date(),
  days: { left?: number; unconfirmed?: number } = {},
): Promise<{ left: number; unconfirmed: number }> {
  const leftDays = days.left ?? FOLLOWER_LEFT_DAYS;
  const unconfirmedDays = days.unconfirmed ?? FOLLOWER_UNCONFIRMED_DAYS;
  return db.transaction(async (tx) => {
    const left = await tx
      .delete(followers)
      .where(
        and(
          eq(followers.status, "left"),
          sql`coalesce(${followers.leftAt}, ${followers.createdAt}) < ${now.toISOString()}::timestamptz - make_interval(days => ${leftDays})`,
        ),
      )
      .returning({ id: followers.id });
    const unconfirmed = await tx
      .delete(followers)
      .where(
        and(
          eq(followers.status, "pending"),
          sql`coalesce(${followers.confirmExpiresAt}, ${followers.createdAt}) < ${now.toISOString()}::timestamptz - make_interval(days => ${unconfirmedDays})`,
        ),
      )
      .returning({ id: followers.id });
    const counts = { left: left.length, unconfirmed: unconfirmed.length };
    if (counts.left || counts.unconfirmed)
      await audit(null, { action: "follower.retention_erased", entityType: "follower", details: counts }, tx);
    return counts;
  });
}
