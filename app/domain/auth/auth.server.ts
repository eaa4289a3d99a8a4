// The only module that knows lucia is used. Everything else calls these functions, so the
// session library can be swapped without touching routes (docs/decisions/002).
import { DrizzlePostgreSQLAdapter } from "@lucia-auth/adapter-drizzle";
import { redirect } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { Cookie, Lucia, TimeSpan } from "lucia";
import { staffSessions, staffUsers } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { composeMail, queueMail } from "../../lib/mail.server";
import { audit } from "../audit/audit.server";
import { authorize } from "./guard";
import { verifyAgainstDummy, verifyPassword } from "./password.server";
import { LOGIN_ALERT_AFTER } from "./policy";
import { type Role, roles } from "./roles";
import { claimLoginAttempt, clearLoginAttempts } from "./throttle.server";
import { type TwoFactorAuditAction, twoFactorRequired } from "./two-factor";
import {
  completeLoginChallenge,
  confirmEnrolment,
  createLoginChallenge,
  recoveryCodesLeft,
  startEnrolment,
} from "./two-factor.server";

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  isDemo: boolean;
  twoFactorEnabled: boolean;
}

function createLucia() {
  const adapter = new DrizzlePostgreSQLAdapter(getDb(), staffSessions, staffUsers);
  return new Lucia(adapter, {
    sessionExpiresIn: new TimeSpan(8, "h"),
    sessionCookie: {
      name: "wmh_sessie",
      // lucia turns `expires: false` into Max-Age 400 days; sessionCookie() below drops it again.
      expires: false,
      attributes: {
        secure: getEnv().SESSION_SECURE_COOKIE ?? getEnv().NODE_ENV === "production",
        sameSite: "lax",
      },
    },
    getUserAttributes: (attributes) => ({
      email: attributes.email,
      name: attributes.name,
      roles: attributes.roles,
      active: attributes.active,
      isDemo: attributes.isDemo,
      totpEnabledAt: attributes.totpEnabledAt,
    }),
  });
}

/**
 * The staff cookie as a browser-session cookie: no Max-Age and no Expires, so it ends when the
 * browser closes; the server-side session (8 hours, sliding) ends it earlier.
 */
export function sessionCookie(sessionId: string): string {
  const c = getLucia().createSessionCookie(sessionId);
  const { maxAge: _maxAge, expires: _expires, ...attributes } = c.attributes;
  return new Cookie(c.name, c.value, attributes).serialize();
}

let lucia: ReturnType<typeof createLucia> | undefined;
function getLucia() {
  lucia ??= createLucia();
  return lucia;
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseUserAttributes: {
      email: string;
      name: string;
      roles: Role[];
      active: boolean;
      isDemo: boolean;
      totpEnabledAt: Date | null;
    };
  }
}

export type LoginResult =
  | { ok: true; user: StaffUser; cookie: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "blocked"; retryAfterSeconds: number }
  /** The password was right; the second step (TOTP or recovery code) is next. */
  | { ok: false; reason: "code"; challenge: string };

/** The staff user as the rest of the app sees it, from the row (login) or the session's user (lucia). */
function toStaffUser(
  user: Pick<typeof staffUsers.$inferSelect, "id" | "email" | "name" | "roles" | "isDemo" | "totpEnabledAt">,
): StaffUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    isDemo: user.isDemo,
    twoFactorEnabled: user.totpEnabledAt !== null,
  };
}

async function startSession(user: typeof staffUsers.$inferSelect, db: Executor) {
  await db.update(staffUsers).set({ lastLoginAt: new Date() }).where(eq(staffUsers.id, user.id));
  const session = await getLucia().createSession(user.id, {});
  return { ok: true as const, user: toStaffUser(user), cookie: sessionCookie(session.id) };
}

/**
 * Log in with e-mail and password. Every attempt is counted before the password is checked
 * (throttle.server.ts): per account and address, per address, and a growing delay per account.
 * Wrong e-mail and wrong password are indistinguishable, in message and in time. With two-factor
 * login on, a right password gives a challenge for the second step instead of a session.
 */
export async function login(input: { email: string; password: string; ip: string }): Promise<LoginResult> {
  const db = getDb();
  const email = input.email.toLowerCase();
  const claim = await claimLoginAttempt(email, input.ip, db);
  if (!claim.allowed) return { ok: false, reason: "blocked", retryAfterSeconds: claim.retryAfterSeconds };

  const [user] = await db.select().from(staffUsers).where(eq(staffUsers.email, email));
  const valid =
    user?.passwordHash && user.active
      ? await verifyPassword(user.passwordHash, input.password)
      : await verifyAgainstDummy(input.password);
  if (!user || !valid) {
    if (user?.active && claim.attempts === LOGIN_ALERT_AFTER) await sendLoginAlert(user, db);
    return { ok: false, reason: "invalid" };
  }
  await clearLoginAttempts(email, input.ip, db);
  if (user.totpEnabledAt && user.totpSecret)
    return { ok: false, reason: "code", challenge: await createLoginChallenge(user.id, db) };
  return startSession(user, db);
}

/** The second step of a login with two-factor login on. */
export async function loginWithCode(input: {
  challenge: string;
  code: string;
}): Promise<{ ok: true; user: StaffUser; cookie: string } | { ok: false; reason: "wrong" | "over" }> {
  const db = getDb();
  const outcome = await completeLoginChallenge(input.challenge, input.code, db);
  if (!outcome.ok) return outcome;
  const [user] = await db.select().from(staffUsers).where(eq(staffUsers.id, outcome.userId));
  if (!user?.active) return { ok: false, reason: "over" };
  return startSession(user, db);
}

/** The account holder hears about many wrong passwords (once per series), through the outbox. */
async function sendLoginAlert(user: { id: string; email: string }, db: Executor) {
  await db.transaction(async (tx) => {
    await queueMail(
      {
        to: user.email,
        subject: "Veel mislukte pogingen om in te loggen op uw account",
        kind: "staff.login-alert",
        ...composeMail([
          `Iemand heeft ${LOGIN_ALERT_AFTER} keer kort na elkaar geprobeerd in te loggen op uw account bij het beheer van Wij maken Heemstede, met een verkeerd wachtwoord.`,
          "Was u dat zelf? Dan hoeft u niets te doen.",
          "Was u dat niet? Uw account is nog veilig zolang niemand uw wachtwoord weet. Kies een sterk wachtwoord dat u nergens anders gebruikt, zet tweestapsverificatie aan en meld het bij de beheerder.",
        ]),
      },
      tx,
    );
    await audit(
      null,
      {
        action: "staff.login_alert_sent" satisfies TwoFactorAuditAction,
        entityType: "staff_user",
        entityId: user.id,
      },
      tx,
    );
  });
}

/** The logged-in, active staff user of this request, or null. */
export async function getStaffUser(request: Request): Promise<StaffUser | null> {
  const l = getLucia();
  const sessionId = l.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return null;
  const { user } = await l.validateSession(sessionId);
  if (!user?.active) return null;
  return toStaffUser(user);
}

/**
 * The guard of every /beheer loader and action: anonymous visitors go to the login page,
 * staff without one of `allowed` get 403.
 */
export async function requireRole(request: Request, allowed: readonly Role[]): Promise<StaffUser> {
  const user = authorize(await getStaffUser(request), allowed, request.url);
  // A beheerder without two-factor login can only set it up (docs/security.md).
  if (twoFactorRequired(user.roles) && !user.twoFactorEnabled) throw redirect(TWO_FACTOR_SETUP_PATH);
  return user;
}

export const TWO_FACTOR_SETUP_PATH = "/beheer/tweestapsverificatie";

/** Like requireRole for any staff role, without the two-factor rule: the set-up page itself. */
export async function requireStaffForSetup(request: Request): Promise<StaffUser> {
  return authorize(await getStaffUser(request), roles, request.url);
}

/** End the session; returns the Set-Cookie header that clears the cookie. */
export async function logout(request: Request): Promise<string> {
  const l = getLucia();
  const sessionId = l.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (sessionId) await l.invalidateSession(sessionId);
  return l.createBlankSessionCookie().serialize();
}

/** End every session of a user, e.g. when deactivated or when roles change. */
export async function endAllSessions(userId: string) {
  await getLucia().invalidateUserSessions(userId);
}

/** The set-up page: the QR code to scan, or (when on) how many recovery codes are left. */
export async function twoFactorSetup(user: StaffUser) {
  const db = getDb();
  if (user.twoFactorEnabled)
    return { enabled: true as const, codesLeft: await recoveryCodesLeft(user.id, db) };
  return {
    enabled: false as const,
    required: twoFactorRequired(user.roles),
    ...(await startEnrolment(user, db)),
  };
}

/** Confirm the set-up with the first code from the app; returns the recovery codes to show once. */
export function confirmTwoFactor(user: StaffUser, code: string) {
  return confirmEnrolment(user, code, getDb());
}
