// Two-factor login for staff: enrolment (QR code), login challenges, TOTP with replay protection,
// single-use recovery codes. Rules and texts: two-factor.ts; background: docs/security.md.
import { randomInt } from "node:crypto";
import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { staffLoginChallenges, staffRecoveryCodes, staffUsers } from "../../../db/schema";
import type { Executor } from "../../lib/db.server";
import { composeMail, queueMail } from "../../lib/mail.server";
import { createToken, hashToken } from "../../lib/tokens.server";
import { audit } from "../audit/audit.server";
import {
  CHALLENGE_MAX_ATTEMPTS,
  CHALLENGE_MINUTES,
  formatRecoveryCode,
  normalizeRecoveryCode,
  RECOVERY_ALPHABET,
  RECOVERY_CODE_COUNT,
  type TwoFactorAuditAction,
  totpCodeFrom,
} from "./two-factor";

const ISSUER = "Wij maken Heemstede";
/** One period either side: clocks of phones drift a little. */
const TOLERANCE_SECONDS = 30;

function newRecoveryCode(): string {
  return formatRecoveryCode(Array.from({ length: 16 }, () => randomInt(RECOVERY_ALPHABET.length)));
}

export interface Enrolment {
  secret: string;
  uri: string;
  qrDataUrl: string;
}

/**
 * The secret to show while a user sets up two-factor login. Kept as "pending" until a first code
 * confirms it, so reloading the page shows the same QR code.
 */
export async function startEnrolment(user: { id: string; email: string }, db: Executor): Promise<Enrolment> {
  const [row] = await db
    .select({ pending: staffUsers.totpPendingSecret })
    .from(staffUsers)
    .where(eq(staffUsers.id, user.id));
  let secret = row?.pending ?? null;
  if (!secret) {
    secret = generateSecret();
    await db.update(staffUsers).set({ totpPendingSecret: secret }).where(eq(staffUsers.id, user.id));
  }
  const uri = generateURI({ issuer: ISSUER, label: user.email, secret });
  const qrDataUrl = await QRCode.toDataURL(uri, { errorCorrectionLevel: "M", margin: 2, width: 220 });
  return { secret, uri, qrDataUrl };
}

/** Check a TOTP code; on success store its time step so the same code is never accepted twice. */
async function acceptTotp(
  userId: string,
  secret: string,
  lastStep: number | null,
  code: string,
  db: Executor,
): Promise<boolean> {
  const result = await verify({
    secret,
    token: code,
    epochTolerance: TOLERANCE_SECONDS,
    ...(lastStep != null ? { afterTimeStep: lastStep } : {}),
  }).catch(() => ({ valid: false as const }));
  if (!result.valid || !("timeStep" in result)) return false;
  const step = result.timeStep;
  // One statement: of two parallel logins with the same code, only one moves the step.
  const moved = await db
    .update(staffUsers)
    .set({ totpLastStep: step })
    .where(
      and(eq(staffUsers.id, userId), or(isNull(staffUsers.totpLastStep), lt(staffUsers.totpLastStep, step))),
    )
    .returning({ id: staffUsers.id });
  return moved.length === 1;
}

export type EnrolOutcome = { ok: true; recoveryCodes: string[] } | { ok: false };

/** Turn two-factor login on with the first code from the app; returns the recovery codes (shown once). */
export async function confirmEnrolment(
  user: { id: string; email: string },
  input: string,
  db: Executor,
): Promise<EnrolOutcome> {
  const code = totpCodeFrom(input);
  if (!code) return { ok: false };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ pending: staffUsers.totpPendingSecret })
      .from(staffUsers)
      .where(eq(staffUsers.id, user.id))
      .for("update");
    if (!row?.pending) return { ok: false as const };
    if (!(await acceptTotp(user.id, row.pending, null, code, tx))) return { ok: false as const };
    await tx
      .update(staffUsers)
      .set({ totpSecret: row.pending, totpPendingSecret: null, totpEnabledAt: new Date() })
      .where(eq(staffUsers.id, user.id));
    const recoveryCodes = await replaceRecoveryCodes(user.id, tx);
    await audit(
      user,
      {
        action: "staff.two_factor_enabled",
        entityType: "staff_user",
        entityId: user.id,
      },
      tx,
    );
    await queueMail(
      {
        to: user.email,
        subject: "Tweestapsverificatie staat aan",
        kind: "staff.two-factor-enabled",
        ...composeMail([
          "Voor uw account bij het beheer van Wij maken Heemstede staat tweestapsverificatie nu aan.",
          "Bij het inloggen vult u voortaan ook een code uit uw app in.",
          "Heeft u dit niet zelf gedaan? Neem dan direct contact op met de beheerder.",
        ]),
      },
      tx,
    );
    return { ok: true as const, recoveryCodes };
  });
}

async function replaceRecoveryCodes(userId: string, db: Executor): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, userId));
  await db
    .insert(staffRecoveryCodes)
    .values(codes.map((c) => ({ userId, codeHash: hashToken(normalizeRecoveryCode(c)) })));
  return codes;
}

/** After a right password: a short-lived challenge for the second step (its token goes in the form). */
export async function createLoginChallenge(userId: string, db: Executor): Promise<string> {
  const token = createToken();
  await db.insert(staffLoginChallenges).values({
    tokenHash: hashToken(token),
    userId,
    expiresAt: new Date(Date.now() + CHALLENGE_MINUTES * 60_000),
  });
  return token;
}

export type ChallengeOutcome = { ok: true; userId: string } | { ok: false; reason: "wrong" | "over" };

/**
 * The second step: a TOTP code or a recovery code. The attempt is counted before the code is
 * checked (one statement), so a challenge allows exactly CHALLENGE_MAX_ATTEMPTS tries.
 */
export async function completeLoginChallenge(
  token: string,
  input: string,
  db: Executor,
): Promise<ChallengeOutcome> {
  const tokenHash = hashToken(token);
  const [claimed] = await db
    .update(staffLoginChallenges)
    .set({ attempts: sql`${staffLoginChallenges.attempts} + 1` })
    .where(
      and(
        eq(staffLoginChallenges.tokenHash, tokenHash),
        gt(staffLoginChallenges.expiresAt, new Date()),
        lt(staffLoginChallenges.attempts, CHALLENGE_MAX_ATTEMPTS),
      ),
    )
    .returning({ userId: staffLoginChallenges.userId, attempts: staffLoginChallenges.attempts });
  if (!claimed) return { ok: false, reason: "over" };
  const [user] = await db
    .select({
      id: staffUsers.id,
      email: staffUsers.email,
      secret: staffUsers.totpSecret,
      lastStep: staffUsers.totpLastStep,
      active: staffUsers.active,
    })
    .from(staffUsers)
    .where(eq(staffUsers.id, claimed.userId));
  if (!user?.active || !user.secret) return { ok: false, reason: "over" };

  const totp = totpCodeFrom(input);
  let accepted = false;
  if (totp) {
    accepted = await acceptTotp(user.id, user.secret, user.lastStep, totp, db);
  } else if (input.trim()) {
    accepted = await db.transaction(async (tx) => {
      const used = await tx
        .update(staffRecoveryCodes)
        .set({ usedAt: new Date() })
        .where(
          and(
            eq(staffRecoveryCodes.userId, user.id),
            eq(staffRecoveryCodes.codeHash, hashToken(normalizeRecoveryCode(input))),
            isNull(staffRecoveryCodes.usedAt),
          ),
        )
        .returning({ id: staffRecoveryCodes.id });
      if (used.length !== 1) return false;
      await audit(
        user,
        {
          action: "staff.recovery_code_used" satisfies TwoFactorAuditAction,
          entityType: "staff_user",
          entityId: user.id,
        },
        tx,
      );
      return true;
    });
  }
  if (!accepted) return { ok: false, reason: claimed.attempts >= CHALLENGE_MAX_ATTEMPTS ? "over" : "wrong" };
  await db.delete(staffLoginChallenges).where(eq(staffLoginChallenges.tokenHash, tokenHash));
  return { ok: true, userId: user.id };
}

/** How many unused recovery codes a user has left (shown on the settings page). */
export async function recoveryCodesLeft(userId: string, db: Executor): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(staffRecoveryCodes)
    .where(and(eq(staffRecoveryCodes.userId, userId), isNull(staffRecoveryCodes.usedAt)));
  return row?.n ?? 0;
}
