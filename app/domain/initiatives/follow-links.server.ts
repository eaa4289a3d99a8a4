import { and, eq, sql } from "drizzle-orm";
import { initiativeFollowTokens, initiatives } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { hashToken, looksLikeToken } from "../../lib/tokens.server";
import { FOLLOW_LINK_IDLE_DAYS } from "./follow-links";

// Follow links of initiators (/idee/volgen/:token) expire after FOLLOW_LINK_IDLE_DAYS without use
// (docs/privacy.md). Every mail to the initiator carries a fresh link, and /idee/volgen mails new
// links for every idea of an address, so an expired link is never a dead end.

export { FOLLOW_LINK_IDLE_DAYS };

const fresh = sql`${initiativeFollowTokens.lastUsedAt} > now() - make_interval(days => ${FOLLOW_LINK_IDLE_DAYS})`;

/**
 * The initiative behind a follow link that still works, or null (unknown, malformed or expired).
 * Opening the link counts as use (at most one write an hour per link).
 */
export async function initiativeByFollowToken(token: string, db: Executor) {
  if (!looksLikeToken(token)) return null;
  const hash = hashToken(token);
  const [row] = await db
    .select({ initiative: initiatives })
    .from(initiativeFollowTokens)
    .innerJoin(initiatives, eq(initiatives.id, initiativeFollowTokens.initiativeId))
    .where(and(eq(initiativeFollowTokens.tokenHash, hash), fresh));
  if (!row) return null;
  await db
    .update(initiativeFollowTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(initiativeFollowTokens.tokenHash, hash),
        sql`${initiativeFollowTokens.lastUsedAt} < now() - interval '1 hour'`,
      ),
    );
  return row.initiative;
}

/** True when the token is a follow link that existed but has expired (to offer a new one). */
export async function followLinkExpired(token: string, db: Executor): Promise<boolean> {
  if (!looksLikeToken(token)) return false;
  const [row] = await db
    .select({ fresh: sql<boolean>`${fresh}` })
    .from(initiativeFollowTokens)
    .where(eq(initiativeFollowTokens.tokenHash, hashToken(token)));
  return row ? !row.fresh : false;
}

/** For the follow page's loader: is this an expired link (then it offers a new one)? */
export function isExpiredFollowLink(token: string): Promise<boolean> {
  return followLinkExpired(token, getDb());
}

/**
 * Retention: expired links are deleted a year after their last use (until then an expired link
 * still says "expired, ask for a new one" instead of "not found"). Returns how many.
 */
export async function pruneFollowLinks(db: Executor, afterDays = FOLLOW_LINK_IDLE_DAYS + 365) {
  const rows = await db
    .delete(initiativeFollowTokens)
    .where(sql`${initiativeFollowTokens.lastUsedAt} < now() - make_interval(days => ${afterDays})`)
    .returning({ hash: initiativeFollowTokens.tokenHash });
  return rows.length;
}
