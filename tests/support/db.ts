import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { generate } from "otplib";
import { login, loginWithCode } from "../../app/domain/auth/auth.server";
import { hashPassword } from "../../app/domain/auth/password.server";
import type { Role } from "../../app/domain/auth/roles";
import { getDb } from "../../app/lib/db.server";
import { staffUsers } from "../../db/schema";

/** Empty every application table of this test file's database (migrations stay). */
export async function resetDatabase() {
  const db = getDb();
  const rows = await db.execute<{ name: string }>(sql`
    select quote_ident(tablename) as name from pg_tables where schemaname = 'public'`);
  if (rows.length === 0) return;
  await db.execute(sql.raw(`truncate ${rows.map((r) => r.name).join(", ")} restart identity cascade`));
}

export const TEST_PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;

export async function createStaff(roles: Role[], overrides: Partial<typeof staffUsers.$inferInsert> = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const id = randomUUID();
  const [user] = await getDb()
    .insert(staffUsers)
    .values({
      id,
      email: `${roles.join("-") || "none"}-${id.slice(0, 8)}@heemstede.test`,
      name: `Test ${roles.join(" ")}`,
      roles,
      passwordHash: await passwordHash,
      ...overrides,
    })
    .returning();
  return user!;
}

/** Test users with two-factor login on use this secret (beheerders must have it). */
export const TEST_TOTP_SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";

/**
 * A logged-in staff user with these roles, and the Cookie header value for requests. Beheerders
 * have two-factor login on (as they must) and log in with a code, like in the app.
 */
export async function loginAs(roles: Role[]) {
  const twoFactor = roles.includes("beheerder")
    ? { totpSecret: TEST_TOTP_SECRET, totpEnabledAt: new Date() }
    : {};
  const user = await createStaff(roles, twoFactor);
  const first = await login({
    email: user.email,
    password: TEST_PASSWORD,
    ip: `10.0.0.${Math.floor(Math.random() * 250)}`,
  });
  const result =
    !first.ok && first.reason === "code"
      ? await loginWithCode({
          challenge: first.challenge,
          code: await generate({ secret: TEST_TOTP_SECRET }),
        })
      : first;
  if (!result.ok) throw new Error("test login failed");
  return { user, cookie: result.cookie.split(";")[0]! };
}
