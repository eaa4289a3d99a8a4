// "Blijf op de hoogte" for residents: following the whole site or a project with double opt-in, and
// unsubscribing by the link in every mail. docs/informed-events.md.
import { and, eq, gt } from "drizzle-orm";
import {
  followerProjects,
  followers,
  followerUnsubscribeTokens,
  informedMails,
  projects,
} from "../../../db/schema";
import type { Executor } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { type FieldErrors, type FormValues, parseForm } from "../../lib/forms";
import { queueMail } from "../../lib/mail.server";
import { createToken, hashToken, looksLikeToken } from "../../lib/tokens.server";
import { followConfirmMail } from "./mails";
import { CONFIRM_DAYS, followSchema } from "./rules";

export const informedUrls = {
  confirm: (token: string) => `${getEnv().APP_URL}/blijf-op-de-hoogte/bevestigen/${token}`,
  unsubscribe: (token: string) => `${getEnv().APP_URL}/blijf-op-de-hoogte/afmelden/${token}`,
};

async function scopeName(scope: string, db: Executor): Promise<string | null> {
  if (scope === "site") return "alles op Wij maken Heemstede";
  const [p] = await db
    .select({ title: projects.title })
    .from(projects)
    .where(eq(projects.id, Number(scope)));
  return p ? `het project ${p.title}` : null;
}

export type FollowOutcome = { ok: false; errors: FieldErrors; values: FormValues } | { ok: true };

/**
 * Ask to follow the whole site or one project. Every address gets the same answer and a
 * confirmation link (double opt-in); nothing is followed until the link's button is pressed.
 */
export async function requestFollow(form: FormData, db: Executor, now = new Date()): Promise<FollowOutcome> {
  const parsed = parseForm(followSchema, form);
  if (!parsed.ok) return parsed;
  const { email, scope } = parsed.data;
  return db.transaction(async (tx) => {
    const what = await scopeName(scope, tx);
    if (!what) return { ok: false, errors: { scope: "Kies een bestaand project." }, values: parsed.values };
    const token = createToken();
    const values = {
      confirmTokenHash: hashToken(token),
      confirmExpiresAt: new Date(now.getTime() + CONFIRM_DAYS * 86_400_000),
      pendingScope: scope,
    };
    await tx
      .insert(followers)
      .values({ email, status: "pending", ...values })
      .onConflictDoUpdate({ target: followers.email, set: values });
    await queueMail(followConfirmMail(email, what, informedUrls.confirm(token)), tx);
    return { ok: true };
  });
}

/** What a confirmation link would confirm, for the page with the button; null when invalid or expired. */
export async function pendingFollow(token: string, db: Executor, now = new Date()): Promise<string | null> {
  if (!looksLikeToken(token)) return null;
  const [f] = await db
    .select()
    .from(followers)
    .where(and(eq(followers.confirmTokenHash, hashToken(token)), gt(followers.confirmExpiresAt, now)));
  return f?.pendingScope ? scopeName(f.pendingScope, db) : null;
}

/** Confirm (POST only, so mail scanners cannot): the follow becomes active from this moment. */
export async function confirmFollow(token: string, db: Executor, now = new Date()): Promise<string | null> {
  if (!looksLikeToken(token)) return null;
  return db.transaction(async (tx) => {
    const [f] = await tx
      .select()
      .from(followers)
      .where(and(eq(followers.confirmTokenHash, hashToken(token)), gt(followers.confirmExpiresAt, now)))
      .for("update");
    if (!f?.pendingScope) return null;
    const what = await scopeName(f.pendingScope, tx);
    await tx
      .update(followers)
      .set({
        status: "active",
        confirmedAt: f.confirmedAt ?? now,
        digestUntil: f.status === "active" ? f.digestUntil : now,
        confirmTokenHash: null,
        confirmExpiresAt: null,
        pendingScope: null,
        ...(f.pendingScope === "site" ? { wholeSite: true } : {}),
      })
      .where(eq(followers.id, f.id));
    if (f.pendingScope !== "site")
      await tx
        .insert(followerProjects)
        .values({ followerId: f.id, projectId: Number(f.pendingScope) })
        .onConflictDoNothing();
    return what;
  });
}

export async function unsubscribeTokenValid(token: string, db: Executor): Promise<boolean> {
  if (!looksLikeToken(token)) return false;
  const [row] = await db
    .select({ id: followerUnsubscribeTokens.followerId })
    .from(followerUnsubscribeTokens)
    .where(eq(followerUnsubscribeTokens.tokenHash, hashToken(token)));
  return !!row;
}

/**
 * One-click unsubscribe (RFC 8058 POST or the button): stop everything, forget the address, drop
 * unsent mails. Idempotent; unknown tokens do nothing.
 */
export async function unsubscribeFollower(token: string, db: Executor, now = new Date()): Promise<boolean> {
  if (!looksLikeToken(token)) return false;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: followerUnsubscribeTokens.followerId })
      .from(followerUnsubscribeTokens)
      .where(eq(followerUnsubscribeTokens.tokenHash, hashToken(token)));
    if (!row) return false;
    await tx
      .delete(informedMails)
      .where(and(eq(informedMails.followerId, row.id), eq(informedMails.status, "queued")));
    await tx.delete(followerProjects).where(eq(followerProjects.followerId, row.id));
    await tx.delete(followerUnsubscribeTokens).where(eq(followerUnsubscribeTokens.followerId, row.id));
    await tx
      .update(followers)
      .set({
        status: "left",
        email: null,
        wholeSite: false,
        leftAt: now,
        confirmTokenHash: null,
        confirmExpiresAt: null,
        pendingScope: null,
      })
      .where(eq(followers.id, row.id));
    return true;
  });
}
