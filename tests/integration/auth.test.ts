import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { getStaffUser, login } from "../../app/domain/auth/auth.server";
import {
  LOGIN_ADDRESS_THROTTLE,
  LOGIN_ALERT_AFTER,
  LOGIN_FAILED_MESSAGE,
  LOGIN_FREE_ATTEMPTS,
  LOGIN_MAX_DELAY_SECONDS,
  loginDelaySeconds,
} from "../../app/domain/auth/policy";
import { getDb as db } from "../../app/lib/db.server";
import * as loginRoute from "../../app/routes/beheer_.inloggen";
import * as logoutRoute from "../../app/routes/beheer_.uitloggen";
import { outbox, staffSessions } from "../../db/schema";
import { createStaff, resetDatabase, TEST_PASSWORD } from "../support/db";
import { makeRequest, run } from "../support/remix";

beforeEach(resetDatabase);

describe("staff login", () => {
  test("a correct e-mail and password start a session and go to the staff area", async () => {
    const user = await createStaff(["ambtenaar"]);
    const res = await run(
      loginRoute.action,
      makeRequest("/beheer/inloggen", { form: { email: user.email.toUpperCase(), password: TEST_PASSWORD } }),
    );
    expect(res.status).toBe(302);
    expect(res.location).toBe("/beheer");
    const cookie = res.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/^wmh_sessie=/);
    expect(cookie).toMatch(/HttpOnly/i);
    const me = await getStaffUser(makeRequest("/beheer", { cookie: cookie.split(";")[0] }));
    expect(me?.email).toBe(user.email);
  });

  test("a wrong password and an unknown e-mail give the same message", async () => {
    const user = await createStaff(["ambtenaar"]);
    const wrongPassword = await run<{ message: string }>(
      loginRoute.action,
      makeRequest("/beheer/inloggen", { form: { email: user.email, password: "not the password" } }),
    );
    const unknown = await run<{ message: string }>(
      loginRoute.action,
      makeRequest("/beheer/inloggen", { form: { email: "nobody@heemstede.test", password: "whatever" } }),
    );
    expect(wrongPassword.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrongPassword.data.message).toBe(LOGIN_FAILED_MESSAGE);
    expect(unknown.data.message).toBe(LOGIN_FAILED_MESSAGE);
    expect(wrongPassword.headers.get("Set-Cookie")).toBeNull();
  });

  test("empty fields get a message at the field and keep the e-mail", async () => {
    const res = await run<{ errors: Record<string, string>; values: Record<string, string> }>(
      loginRoute.action,
      makeRequest("/beheer/inloggen", { form: { email: "half@", password: "" } }),
    );
    expect(res.status).toBe(400);
    expect(res.data.errors.email).toMatch(/geldig e-mailadres/);
    expect(res.data.errors.password).toBe("Vul uw wachtwoord in.");
    expect(res.data.values.email).toBe("half@");
    expect(res.data.values.password).toBeUndefined();
  });

  test("wrong passwords from one address never block the real user at another address", async () => {
    const user = await createStaff(["ambtenaar"]);
    // The attacker's address: 10 attempts in the window, then only that address is refused.
    for (let i = 0; i < 10; i++)
      await db()
        .execute(sql`update login_delays set not_before = now() where email = ${user.email}`)
        .then(() => login({ email: user.email, password: "wrong", ip: "198.51.100.66" }));
    const attacker = await login({ email: user.email, password: TEST_PASSWORD, ip: "198.51.100.66" });
    expect(attacker).toMatchObject({ ok: false, reason: "blocked" });
    await db().execute(sql`update login_delays set not_before = now() where email = ${user.email}`);
    const real = await run<{ message: string }>(
      loginRoute.action,
      makeRequest("/beheer/inloggen", { form: { email: user.email, password: TEST_PASSWORD } }),
    );
    expect(real.status).toBe(302);
  });

  test("spread attacks meet a growing delay per account, never longer than a few minutes", async () => {
    const user = await createStaff(["ambtenaar"]);
    const results = [];
    for (let i = 0; i < LOGIN_FREE_ATTEMPTS; i++)
      results.push(await login({ email: user.email, password: "wrong", ip: `192.0.2.${i}` }));
    expect(results.every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    // After the free attempts the account waits, whatever address comes next.
    const next = await login({ email: user.email, password: TEST_PASSWORD, ip: "192.0.2.200" });
    expect(next).toMatchObject({ ok: false, reason: "blocked" });
    if (!next.ok && next.reason === "blocked") expect(next.retryAfterSeconds).toBeLessThanOrEqual(2);
    const blocked = await run<{ message: string }>(
      loginRoute.action,
      makeRequest("/beheer/inloggen", { form: { email: user.email, password: TEST_PASSWORD } }),
    );
    expect(blocked.status).toBe(429);
    expect(blocked.data.message).toMatch(
      /^Er is te vaak geprobeerd in te loggen\. Probeer het over \d+ seconden opnieuw\.$/,
    );
    expect(loginDelaySeconds(100)).toBe(LOGIN_MAX_DELAY_SECONDS);
    expect(LOGIN_MAX_DELAY_SECONDS).toBeLessThanOrEqual(5 * 60);
    // When the delay has passed the right password works again and starts the count afresh.
    await db().execute(sql`update login_delays set not_before = now() where email = ${user.email}`);
    expect((await login({ email: user.email, password: TEST_PASSWORD, ip: "192.0.2.201" })).ok).toBe(true);
    const [row] = await db().execute<{ attempts: number }>(
      sql`select attempts from login_delays where email = ${user.email}`,
    );
    expect(row?.attempts).toBe(0);
  });

  test("after repeated failures the staff member gets one warning mail", async () => {
    const user = await createStaff(["ambtenaar"]);
    for (let i = 0; i < LOGIN_ALERT_AFTER + 3; i++) {
      await db().execute(sql`update login_delays set not_before = now() where email = ${user.email}`);
      await login({ email: user.email, password: "wrong", ip: `192.0.2.${i}` });
    }
    const mails = await db().select().from(outbox).where(eq(outbox.to, user.email));
    expect(mails.map((m) => m.kind)).toEqual(["staff.login-alert"]);
    expect(mails[0]!.text).toMatch(/verkeerd wachtwoord/);
  });

  test("30 parallel wrong logins on one account let exactly the free attempts through", async () => {
    const user = await createStaff(["ambtenaar"]);
    const results = await Promise.all(
      Array.from({ length: 30 }, () => login({ email: user.email, password: "wrong", ip: "198.51.100.9" })),
    );
    const checked = results.filter((r) => !r.ok && r.reason === "invalid").length;
    // Counted before the password check: the account's free attempts, then its delay.
    expect(checked).toBe(LOGIN_FREE_ATTEMPTS);
    expect(results.filter((r) => !r.ok && r.reason === "blocked")).toHaveLength(30 - checked);
  });

  test("30 parallel wrong logins from one address, each for another account: exactly 30 per address", async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        login({ email: `guess${i}@heemstede.test`, password: "x", ip: "198.51.100.10" }),
      ),
    );
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(LOGIN_ADDRESS_THROTTLE.max);
  });

  test("the staff cookie is a browser-session cookie: no Max-Age, no Expires", async () => {
    const user = await createStaff(["ambtenaar"]);
    const res = await run(
      loginRoute.action,
      makeRequest("/beheer/inloggen", { form: { email: user.email, password: TEST_PASSWORD } }),
    );
    const cookie = res.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/^wmh_sessie=/);
    expect(cookie).not.toMatch(/max-age/i);
    expect(cookie).not.toMatch(/expires/i);
    const [session] = await db().select().from(staffSessions).where(eq(staffSessions.userId, user.id));
    const hours = (session!.expiresAt.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);
  });

  test("a deactivated user cannot log in and loses the session", async () => {
    const user = await createStaff(["ambtenaar"], { active: false });
    expect(await login({ email: user.email, password: TEST_PASSWORD, ip: "203.0.113.1" })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  test("logging out ends the session", async () => {
    const user = await createStaff(["onderzoeker"]);
    const result = await login({ email: user.email, password: TEST_PASSWORD, ip: "203.0.113.2" });
    if (!result.ok) throw new Error("login failed");
    const cookie = result.cookie.split(";")[0]!;
    const out = await run(logoutRoute.action, makeRequest("/beheer/uitloggen", { method: "POST", cookie }));
    expect(out.status).toBe(302);
    expect(await getStaffUser(makeRequest("/beheer", { cookie }))).toBeNull();
  });

  test("the login page never redirects outside the staff area", async () => {
    const user = await createStaff(["ambtenaar"]);
    for (const terug of ["//evil.example", "/\\evil.example", "https://evil.example", "/idee"]) {
      const res = await run(
        loginRoute.action,
        makeRequest("/beheer/inloggen", { form: { email: user.email, password: TEST_PASSWORD, terug } }),
      );
      expect(res.location).toBe("/beheer");
    }
  });
});
