// What the initiatives use cases share: the error type, links to the follow and staff pages,
// messages with their author, and change(): lock, change, audit in one transaction.
import { asc, eq, type SQL } from "drizzle-orm";
import { initiativeFollowTokens, initiativeMessages, initiatives, staffUsers } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { createToken, hashToken } from "../../lib/tokens.server";
import type { AuditAction } from "../audit/actions";
import { type Actor, audit } from "../audit/audit.server";

export class InitiativeError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export type Initiative = typeof initiatives.$inferSelect;

const followLink = (token: string) => `${getEnv().APP_URL}/idee/volgen/${token}`;

/** A new link to the private page; older links keep working. */
export async function newFollowLink(
  initiativeId: string,
  tx: Executor,
): Promise<{ token: string; link: string }> {
  const token = createToken();
  await tx.insert(initiativeFollowTokens).values({ tokenHash: hashToken(token), initiativeId });
  return { token, link: followLink(token) };
}
export const staffLink = (id: string) => `${getEnv().APP_URL}/beheer/initiatieven/${id}`;

/** Messages matching `where`, oldest first, with the name of the staff member who wrote each. */
export function messagesWithAuthor(where: SQL | undefined, db: Executor) {
  return db
    .select({
      id: initiativeMessages.id,
      at: initiativeMessages.at,
      kind: initiativeMessages.kind,
      body: initiativeMessages.body,
      author: staffUsers.name,
    })
    .from(initiativeMessages)
    .leftJoin(staffUsers, eq(staffUsers.id, initiativeMessages.staffUserId))
    .where(where)
    .orderBy(asc(initiativeMessages.at), asc(initiativeMessages.id));
}

/** Lock the row, check the actor may still change it, run the change, audit it; all in one transaction. */
export async function change<T>(
  id: string,
  actor: Actor,
  fn: (
    tx: Executor,
    idea: Initiative,
  ) => Promise<{ action: AuditAction; details?: Record<string, unknown>; result?: T }>,
): Promise<T | undefined> {
  return getDb().transaction(async (tx) => {
    const [idea] = await tx.select().from(initiatives).where(eq(initiatives.id, id)).for("update");
    if (!idea) throw new InitiativeError("Dit initiatief bestaat niet.");
    const out = await fn(tx, idea);
    await tx.update(initiatives).set({ updatedAt: new Date() }).where(eq(initiatives.id, id));
    await audit(
      actor,
      {
        action: out.action,
        entityType: "initiative",
        entityId: id,
        details: out.details,
      },
      tx,
    );
    return out.result;
  });
}
