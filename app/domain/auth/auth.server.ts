// The only module that knows lucia is used. Everything else calls these functions, so the
// session library can be swapped without touching routes (docs/decisions/002).
import { DrizzlePostgreSQLAdapter } from "@lucia-auth/adapter-drizzle";
import { eq } from "drizzle-orm";
import { Lucia, TimeSpan } from "lucia";
import { staffSessions, staffUsers } from "../../../db/schema";
import { getDb } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { hit, peek, reset } from "../../lib/rate-limit.server";
import { authorize } from "./guard";
import { verifyAgainstDummy, verifyPassword } from "./password.server";
import { LOGIN_THROTTLE } from "./policy";
import type { Role } from "./roles";

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  isDemo: boolean;
}

function createLucia() {
  const adapter = new DrizzlePostgreSQLAdapter(getDb(), staffSessions, staffUsers);
  return new Lucia(adapter, {
    sessionExpiresIn: new TimeSpan(8, "h"),
    sessionCookie: {
      name: "wmh_sessie",
      // A browser-session cookie: the server-side expiry slides, so the cookie never needs refreshing.
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
    }),
  });
}

let lucia: ReturnType<typeof createLucia> | undefined;
function getLucia() {
  lucia ??= createLucia();
  return lucia;
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseUserAttributes: { email: string; name: string; roles: Role[]; active: boolean; isDemo: boolean };
  }
}

export type LoginResult =
  | { ok: true; user: StaffUser; cookie: string }
  | { ok: false; reason: "invalid" | "blocked" };

/**
 * Log in with e-mail and password. Failures are counted per account and per IP in PostgreSQL;
 * after LOGIN_THROTTLE.max failures both are blocked for the rest of the window. Wrong e-mail
 * and wrong password are indistinguishable, in message and in time.
 */
export async function login(input: { email: string; password: string; ip: string }): Promise<LoginResult> {
  const db = getDb();
  const accountKey = `login:account:${input.email.toLowerCase()}`;
  const ipKey = `login:ip:${input.ip}`;
  const [account, ip] = await Promise.all([
    peek(accountKey, LOGIN_THROTTLE, db),
    peek(ipKey, LOGIN_THROTTLE, db),
  ]);
  if (!account.allowed || !ip.allowed) return { ok: false, reason: "blocked" };

  const [user] = await db.select().from(staffUsers).where(eq(staffUsers.email, input.email.toLowerCase()));
  const valid =
    user?.passwordHash && user.active
      ? await verifyPassword(user.passwordHash, input.password)
      : await verifyAgainstDummy(input.password);
  if (!user || !valid) {
    await Promise.all([hit(accountKey, LOGIN_THROTTLE, db), hit(ipKey, LOGIN_THROTTLE, db)]);
    return { ok: false, reason: "invalid" };
  }
  await reset(accountKey, LOGIN_THROTTLE, db);
  await db.update(staffUsers).set({ lastLoginAt: new Date() }).where(eq(staffUsers.id, user.id));
  const session = await getLucia().createSession(user.id, {});
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, roles: user.roles, isDemo: user.isDemo },
    cookie: getLucia().createSessionCookie(session.id).serialize(),
  };
}

/** The logged-in, active staff user of this request, or null. */
export async function getStaffUser(request: Request): Promise<StaffUser | null> {
  const l = getLucia();
  const sessionId = l.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return null;
  const { user } = await l.validateSession(sessionId);
  if (!user?.active) return null;
  return { id: user.id, email: user.email, name: user.name, roles: user.roles, isDemo: user.isDemo };
}

/**
 * The guard of every /beheer loader and action: anonymous visitors go to the login page,
 * staff without one of `allowed` get 403.
 */
export async function requireRole(request: Request, allowed: readonly Role[]): Promise<StaffUser> {
  return authorize(await getStaffUser(request), allowed, request.url);
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
