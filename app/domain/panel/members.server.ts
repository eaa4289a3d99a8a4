import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { panelInvitations, panelMembers, panelUnsubscribeTokens, wijken } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { queueMail } from "../../lib/mail.server";
import { createToken, hashToken, looksLikeToken } from "../../lib/tokens.server";
import { wijkFor } from "../places/wijken.server";
import { alreadyMemberMail, confirmMail, loginMail } from "./mails";
import type { ProfileInput, SignupInput } from "./profile";
import {
  CONFIRM_VALID_MS,
  type ConfirmState,
  confirmState,
  expiresAt,
  isExpired,
  LOGIN_VALID_MS,
  SESSION_VALID_MS,
} from "./tokens";

export const panelUrls = {
  confirm: (token: string) => `${getEnv().APP_URL}/digipanel/bevestigen/${token}`,
  login: (token: string) => `${getEnv().APP_URL}/digipanel/mijn/inloggen/${token}`,
  mine: () => `${getEnv().APP_URL}/digipanel/mijn`,
  unsubscribe: (token: string) => `${getEnv().APP_URL}/digipanel/afmelden/${token}`,
};

/** The wijk of a 4-digit postcode, from the wijken table; null outside Heemstede. */
export async function deriveWijk(postcode: string, db: Executor = getDb()): Promise<string | null> {
  return wijkFor({ postcode }, db);
}

export async function wijkNames(db: Executor = getDb()): Promise<{ code: string; name: string }[]> {
  return db
    .select({ code: wijken.code, name: wijken.name })
    .from(wijken)
    .where(eq(wijken.kind, "wijk"))
    .orderBy(wijken.name);
}

/**
 * Sign up. Whatever the address's state, the caller shows one neutral message (no account
 * enumeration): a new or pending address gets a (new) confirmation link, an active member a
 * note that they already take part. Returns false only when the postcode is outside Heemstede.
 */
/** A second sign-up within this time sends no new confirmation (the first one still works). */
const RESEND_CONFIRM_AFTER_MS = 2 * 60 * 1000;

export async function signUp(
  input: SignupInput,
  now = new Date(),
  db: Executor = getDb(),
): Promise<{ ok: true } | { ok: false; reason: "postcode" }> {
  const wijkCode = await deriveWijk(input.postcode, db);
  if (!wijkCode) return { ok: false, reason: "postcode" };
  await db.transaction(async (tx) => {
    const token = createToken();
    const profile = {
      birthYear: input.birthYear,
      postcode: input.postcode,
      wijkCode,
      household: input.household,
      tenure: input.tenure,
      consentAt: now,
      confirmTokenHash: hashToken(token),
      confirmExpiresAt: expiresAt(now, CONFIRM_VALID_MS),
    };
    // Insert-or-nothing first: parallel sign-ups with one new address never hit the unique
    // constraint, and only the one that inserted sends a confirmation.
    const inserted = await tx
      .insert(panelMembers)
      .values({ email: input.email, status: "pending", ...profile })
      .onConflictDoNothing({ target: panelMembers.email })
      .returning({ id: panelMembers.id });
    if (inserted.length) {
      await queueMail(confirmMail(input.email, panelUrls.confirm(token)), tx);
      return;
    }
    const [existing] = await tx
      .select({
        id: panelMembers.id,
        status: panelMembers.status,
        confirmExpiresAt: panelMembers.confirmExpiresAt,
      })
      .from(panelMembers)
      .where(eq(panelMembers.email, input.email))
      .for("update");
    if (!existing) return;
    if (existing.status === "active") {
      await queueMail(alreadyMemberMail(input.email, panelUrls.mine()), tx);
      return;
    }
    // A confirmation went out moments ago (e.g. a double submit): that one stays valid, no second mail.
    const sentAt = (existing.confirmExpiresAt?.getTime() ?? 0) - CONFIRM_VALID_MS;
    if (now.getTime() - sentAt < RESEND_CONFIRM_AFTER_MS) return;
    await tx.update(panelMembers).set(profile).where(eq(panelMembers.id, existing.id));
    await queueMail(confirmMail(input.email, panelUrls.confirm(token)), tx);
  });
  return { ok: true };
}

/** What a confirmation link would do, without doing it (for the GET page). */
export async function peekConfirm(token: string, now = new Date(), db: Executor = getDb()) {
  if (!looksLikeToken(token)) return "unknown" as const;
  const [member] = await db
    .select({ status: panelMembers.status, confirmExpiresAt: panelMembers.confirmExpiresAt })
    .from(panelMembers)
    .where(eq(panelMembers.confirmTokenHash, hashToken(token)));
  return confirmState(member, now);
}

/** Confirm a sign-up (double opt-in). */
export async function confirmSignup(
  token: string,
  now = new Date(),
  db: Executor = getDb(),
): Promise<ConfirmState> {
  if (!looksLikeToken(token)) return "unknown";
  return db.transaction(async (tx) => {
    const [member] = await tx
      .select()
      .from(panelMembers)
      .where(eq(panelMembers.confirmTokenHash, hashToken(token)))
      .for("update");
    const state = confirmState(member, now);
    if (state === "confirmed")
      await tx
        .update(panelMembers)
        .set({ status: "active", confirmedAt: now, confirmTokenHash: null, confirmExpiresAt: null })
        .where(eq(panelMembers.id, member!.id));
    return state;
  });
}

/** A new confirmation link for an expired one. Silent when the token is unknown. */
export async function renewConfirmation(token: string, now = new Date(), db: Executor = getDb()) {
  if (!looksLikeToken(token)) return;
  await db.transaction(async (tx) => {
    const [member] = await tx
      .select()
      .from(panelMembers)
      .where(and(eq(panelMembers.confirmTokenHash, hashToken(token)), eq(panelMembers.status, "pending")))
      .for("update");
    if (!member?.email) return;
    const fresh = createToken();
    await tx
      .update(panelMembers)
      .set({ confirmTokenHash: hashToken(fresh), confirmExpiresAt: expiresAt(now, CONFIRM_VALID_MS) })
      .where(eq(panelMembers.id, member.id));
    await queueMail(confirmMail(member.email, panelUrls.confirm(fresh)), tx);
  });
}

/** Send a magic link to an active member (or a new confirmation to a pending one). Always silent. */
export async function requestLogin(email: string, now = new Date(), db: Executor = getDb()) {
  await db.transaction(async (tx) => {
    const [member] = await tx
      .select()
      .from(panelMembers)
      .where(eq(panelMembers.email, email.toLowerCase()))
      .for("update");
    if (!member?.email) return;
    const token = createToken();
    if (member.status === "active") {
      await tx
        .update(panelMembers)
        .set({ loginTokenHash: hashToken(token), loginExpiresAt: expiresAt(now, LOGIN_VALID_MS) })
        .where(eq(panelMembers.id, member.id));
      await queueMail(loginMail(member.email, panelUrls.login(token)), tx);
    } else if (member.status === "pending") {
      await tx
        .update(panelMembers)
        .set({ confirmTokenHash: hashToken(token), confirmExpiresAt: expiresAt(now, CONFIRM_VALID_MS) })
        .where(eq(panelMembers.id, member.id));
      await queueMail(confirmMail(member.email, panelUrls.confirm(token)), tx);
    }
  });
}

/** Exchange a magic link for a session token (single use). Null when unknown or expired. */
export async function startSession(
  loginToken: string,
  now = new Date(),
  db: Executor = getDb(),
): Promise<{ sessionToken: string; expires: Date } | null> {
  if (!looksLikeToken(loginToken)) return null;
  const sessionToken = createToken();
  const expires = expiresAt(now, SESSION_VALID_MS);
  const rows = await db
    .update(panelMembers)
    .set({
      loginTokenHash: null,
      loginExpiresAt: null,
      sessionTokenHash: hashToken(sessionToken),
      sessionExpiresAt: expires,
    })
    .where(
      and(
        eq(panelMembers.loginTokenHash, hashToken(loginToken)),
        eq(panelMembers.status, "active"),
        sql`${panelMembers.loginExpiresAt} >= ${now.toISOString()}`,
      ),
    )
    .returning({ id: panelMembers.id });
  return rows.length ? { sessionToken, expires } : null;
}

export async function isLoginTokenValid(token: string, now = new Date(), db: Executor = getDb()) {
  if (!looksLikeToken(token)) return false;
  const [m] = await db
    .select({ expires: panelMembers.loginExpiresAt })
    .from(panelMembers)
    .where(and(eq(panelMembers.loginTokenHash, hashToken(token)), eq(panelMembers.status, "active")));
  return !!m && !isExpired(m.expires, now);
}

export type MemberProfile = {
  id: string;
  email: string;
  birthYear: number;
  postcode: string;
  wijkCode: string;
  household: NonNullable<typeof panelMembers.$inferSelect.household>;
  tenure: NonNullable<typeof panelMembers.$inferSelect.tenure>;
};

export async function memberBySession(
  sessionToken: string | undefined,
  now = new Date(),
  db: Executor = getDb(),
): Promise<MemberProfile | null> {
  if (!sessionToken || !looksLikeToken(sessionToken)) return null;
  const [m] = await db
    .select()
    .from(panelMembers)
    .where(
      and(eq(panelMembers.sessionTokenHash, hashToken(sessionToken)), eq(panelMembers.status, "active")),
    );
  if (!m || isExpired(m.sessionExpiresAt, now) || !m.email) return null;
  return {
    id: m.id,
    email: m.email,
    birthYear: m.birthYear!,
    postcode: m.postcode!,
    wijkCode: m.wijkCode!,
    household: m.household!,
    tenure: m.tenure!,
  };
}

export async function endSession(memberId: string, db: Executor = getDb()) {
  await db
    .update(panelMembers)
    .set({ sessionTokenHash: null, sessionExpiresAt: null })
    .where(eq(panelMembers.id, memberId));
}

export async function updateProfile(
  memberId: string,
  input: ProfileInput,
  db: Executor = getDb(),
): Promise<{ ok: true } | { ok: false; reason: "postcode" }> {
  const wijkCode = await deriveWijk(input.postcode, db);
  if (!wijkCode) return { ok: false, reason: "postcode" };
  await db
    .update(panelMembers)
    .set({ ...input, wijkCode })
    .where(and(eq(panelMembers.id, memberId), eq(panelMembers.status, "active")));
  return { ok: true };
}

/**
 * Leave the panel in one step: every personal column is cleared, unsent invitations are dropped,
 * and sent ones are cut loose from the member (memberId and personal code cleared). Answers stay
 * under their pseudonymous respondent id, which then points to nobody.
 */
export async function leavePanel(memberId: string, now = new Date(), db: Executor = getDb()) {
  await db.transaction(async (tx) => {
    await tx
      .delete(panelInvitations)
      .where(
        and(
          eq(panelInvitations.memberId, memberId),
          eq(panelInvitations.mail, "invitation"),
          inArray(panelInvitations.status, ["queued", "failed"]),
        ),
      );
    await tx
      .update(panelInvitations)
      .set({
        memberId: null,
        surveyCode: null,
        // A reminder that was waiting is not sent any more.
        status: sql`case when ${panelInvitations.status} in ('queued', 'sending') then 'sent' else ${panelInvitations.status} end`,
      })
      .where(eq(panelInvitations.memberId, memberId));
    await tx.delete(panelUnsubscribeTokens).where(eq(panelUnsubscribeTokens.memberId, memberId));
    await tx
      .update(panelMembers)
      .set({
        status: "left",
        leftAt: now,
        email: null,
        birthYear: null,
        postcode: null,
        wijkCode: null,
        household: null,
        tenure: null,
        consentAt: null,
        confirmTokenHash: null,
        confirmExpiresAt: null,
        loginTokenHash: null,
        loginExpiresAt: null,
        sessionTokenHash: null,
        sessionExpiresAt: null,
      })
      .where(and(eq(panelMembers.id, memberId), isNull(panelMembers.leftAt)));
  });
}

/** A new unsubscribe token for one mail; only its hash is stored. */
export async function issueUnsubscribeToken(memberId: string, db: Executor = getDb()): Promise<string> {
  const token = createToken();
  await db.insert(panelUnsubscribeTokens).values({ tokenHash: hashToken(token), memberId });
  return token;
}

/** Tokens for many members at once (delivery): one insert. */
export async function issueUnsubscribeTokens(
  memberIds: string[],
  db: Executor = getDb(),
): Promise<Map<string, string>> {
  const tokens = new Map(memberIds.map((id) => [id, createToken()]));
  if (tokens.size)
    await db
      .insert(panelUnsubscribeTokens)
      .values([...tokens].map(([memberId, token]) => ({ memberId, tokenHash: hashToken(token) })));
  return tokens;
}

export async function unsubscribeTokenValid(token: string, db: Executor = getDb()): Promise<boolean> {
  if (!looksLikeToken(token)) return false;
  const [row] = await db
    .select({ memberId: panelUnsubscribeTokens.memberId })
    .from(panelUnsubscribeTokens)
    .where(eq(panelUnsubscribeTokens.tokenHash, hashToken(token)));
  return !!row;
}

/** One-click unsubscribe: leaving the panel. Idempotent; unknown tokens do nothing. */
export async function unsubscribe(token: string, now = new Date(), db: Executor = getDb()): Promise<boolean> {
  if (!looksLikeToken(token)) return false;
  const [row] = await db
    .select({ memberId: panelUnsubscribeTokens.memberId })
    .from(panelUnsubscribeTokens)
    .where(eq(panelUnsubscribeTokens.tokenHash, hashToken(token)));
  if (!row) return false;
  await leavePanel(row.memberId, now, db);
  return true;
}
