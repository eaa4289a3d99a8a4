import { beforeEach, describe, expect, test } from "vitest";
import { getStaffUser, login } from "../../app/domain/auth/auth.server";
import { LOGIN_BLOCKED_MESSAGE, LOGIN_FAILED_MESSAGE } from "../../app/domain/auth/policy";
import * as loginRoute from "../../app/routes/beheer_.inloggen";
import * as logoutRoute from "../../app/routes/beheer_.uitloggen";
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

  test("after 10 failures the account is blocked, even with the right password", async () => {
    const user = await createStaff(["beheerder"]);
    for (let i = 0; i < 10; i++) {
      const r = await login({ email: user.email, password: "wrong", ip: `192.0.2.${i}` });
      expect(r).toEqual({ ok: false, reason: "invalid" });
    }
    const blocked = await run<{ message: string }>(
      loginRoute.action,
      makeRequest("/beheer/inloggen", { form: { email: user.email, password: TEST_PASSWORD } }),
    );
    expect(blocked.status).toBe(429);
    expect(blocked.data.message).toBe(LOGIN_BLOCKED_MESSAGE);
  });

  test("after 10 failures from one IP that IP is blocked for other accounts too", async () => {
    const user = await createStaff(["beheerder"]);
    for (let i = 0; i < 10; i++)
      await login({ email: `guess${i}@heemstede.test`, password: "x", ip: "198.51.100.7" });
    expect(await login({ email: user.email, password: TEST_PASSWORD, ip: "198.51.100.7" })).toEqual({
      ok: false,
      reason: "blocked",
    });
    expect((await login({ email: user.email, password: TEST_PASSWORD, ip: "198.51.100.8" })).ok).toBe(true);
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
