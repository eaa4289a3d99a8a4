// Two-factor login for staff: required for beheerders, offered to the others; codes once only.
import { eq } from "drizzle-orm";
import { generate } from "otplib";
import { beforeEach, expect, test } from "vitest";
import { login, loginWithCode } from "../../app/domain/auth/auth.server";
import { getDb } from "../../app/lib/db.server";
import * as layout from "../../app/routes/beheer";
import * as usersRoute from "../../app/routes/beheer.gebruikers";
import * as setupRoute from "../../app/routes/beheer.tweestapsverificatie";
import * as loginRoute from "../../app/routes/beheer_.inloggen";
import { outbox, staffRecoveryCodes, staffUsers } from "../../db/schema";
import { createStaff, resetDatabase, TEST_PASSWORD, TEST_TOTP_SECRET } from "../support/db";
import { makeRequest, run } from "../support/remix";

beforeEach(resetDatabase);

async function passwordLogin(email: string) {
  const res = await login({ email, password: TEST_PASSWORD, ip: "203.0.113.50" });
  if (!res.ok && res.reason === "code") return res.challenge;
  throw new Error(`expected a code step, got ${JSON.stringify(res)}`);
}

test("a beheerder without two-factor login can only set it up; the set-up gives 10 single-use recovery codes", async () => {
  const user = await createStaff(["beheerder"]);
  const first = await login({ email: user.email, password: TEST_PASSWORD, ip: "203.0.113.1" });
  if (!first.ok) throw new Error("login failed");
  const cookie = first.cookie.split(";")[0]!;
  const blocked = await run(usersRoute.loader, makeRequest("/beheer/gebruikers", { cookie }));
  expect(blocked.status).toBe(302);
  expect(blocked.location).toBe("/beheer/tweestapsverificatie");
  expect((await run(layout.loader, makeRequest("/beheer/tweestapsverificatie", { cookie }))).status).toBe(
    200,
  );

  const page = await run<{ enabled: boolean; required: boolean; secret: string; qr: string }>(
    setupRoute.loader,
    makeRequest("/beheer/tweestapsverificatie", { cookie }),
  );
  expect(page.data).toMatchObject({ enabled: false, required: true });
  expect(page.data.qr).toMatch(/^data:image\/png;base64,/);
  const again = await run<{ secret: string }>(
    setupRoute.loader,
    makeRequest("/beheer/tweestapsverificatie", { cookie }),
  );
  expect(again.data.secret).toBe(page.data.secret);

  const wrong = await run<{ errors: Record<string, string> }>(
    setupRoute.action,
    makeRequest("/beheer/tweestapsverificatie", { cookie, form: { code: "000000" } }),
  );
  expect(wrong.status).toBe(400);
  expect(wrong.data.errors.code).toMatch(/klopt niet/);
  const ok = await run<{ codes: string[] }>(
    setupRoute.action,
    makeRequest("/beheer/tweestapsverificatie", {
      cookie,
      form: { code: await generate({ secret: page.data.secret }) },
    }),
  );
  expect(ok.status).toBe(200);
  expect(ok.data.codes).toHaveLength(10);
  expect(new Set(ok.data.codes).size).toBe(10);
  const stored = await getDb()
    .select()
    .from(staffRecoveryCodes)
    .where(eq(staffRecoveryCodes.userId, user.id));
  expect(stored.map((r) => r.codeHash)).not.toContain(ok.data.codes[0]);
  expect(stored.every((r) => /^[0-9a-f]{64}$/.test(r.codeHash))).toBe(true);
  expect((await run(usersRoute.loader, makeRequest("/beheer/gebruikers", { cookie }))).status).toBe(200);
  const mails = await getDb().select().from(outbox).where(eq(outbox.to, user.email));
  expect(mails.map((m) => m.kind)).toContain("staff.two-factor-enabled");

  // From now on the password alone is not enough; a recovery code works exactly once.
  const challenge = await passwordLogin(user.email);
  const used = await loginWithCode({ challenge, code: ok.data.codes[0]!.toUpperCase() });
  expect(used.ok).toBe(true);
  const challenge2 = await passwordLogin(user.email);
  expect(await loginWithCode({ challenge: challenge2, code: ok.data.codes[0]! })).toEqual({
    ok: false,
    reason: "wrong",
  });
});

test("a TOTP code is accepted once: the same code cannot log in twice", async () => {
  const user = await createStaff(["ambtenaar"], { totpSecret: TEST_TOTP_SECRET, totpEnabledAt: new Date() });
  const code = await generate({ secret: TEST_TOTP_SECRET });
  const [a, b] = await Promise.all([passwordLogin(user.email), passwordLogin(user.email)]);
  const results = await Promise.all([
    loginWithCode({ challenge: a, code }),
    loginWithCode({ challenge: b, code }),
  ]);
  expect(results.filter((r) => r.ok)).toHaveLength(1);
});

test("five wrong codes end the challenge; the password must be typed again", async () => {
  const user = await createStaff(["onderzoeker"], {
    totpSecret: TEST_TOTP_SECRET,
    totpEnabledAt: new Date(),
  });
  const challenge = await passwordLogin(user.email);
  const outcomes = await Promise.all(
    Array.from({ length: 8 }, () => loginWithCode({ challenge, code: "123456" })),
  );
  expect(outcomes.filter((o) => !o.ok && o.reason === "wrong")).toHaveLength(4);
  const right = await loginWithCode({ challenge, code: await generate({ secret: TEST_TOTP_SECRET }) });
  expect(right).toEqual({ ok: false, reason: "over" });
});

test("the login page asks for the code with autocomplete one-time-code, without JavaScript", async () => {
  const user = await createStaff(["ambtenaar"], { totpSecret: TEST_TOTP_SECRET, totpEnabledAt: new Date() });
  const step1 = await run<{ step: string; challenge: string }>(
    loginRoute.action,
    makeRequest("/beheer/inloggen", { form: { email: user.email, password: TEST_PASSWORD } }),
  );
  expect(step1.status).toBe(200);
  expect(step1.data.step).toBe("code");
  expect(step1.headers.get("Set-Cookie")).toBeNull();
  const wrong = await run<{ step: string; errors: Record<string, string> }>(
    loginRoute.action,
    makeRequest("/beheer/inloggen", { form: { intent: "code", challenge: step1.data.challenge, code: "1" } }),
  );
  expect(wrong.status).toBe(401);
  expect(wrong.data.errors.code).toMatch(/klopt niet/);
  const ok = await run(
    loginRoute.action,
    makeRequest("/beheer/inloggen", {
      form: {
        intent: "code",
        challenge: step1.data.challenge,
        code: await generate({ secret: TEST_TOTP_SECRET }),
        terug: "/beheer/contact",
      },
    }),
  );
  expect(ok.status).toBe(302);
  expect(ok.location).toBe("/beheer/contact");
  expect(ok.headers.get("Set-Cookie")).toMatch(/^wmh_sessie=/);
  const [row] = await getDb().select().from(staffUsers).where(eq(staffUsers.id, user.id));
  expect(row?.totpLastStep).toBeGreaterThan(0);
});
