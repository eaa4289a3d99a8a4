import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { getStaffUser, login } from "../../app/domain/auth/auth.server";
import { inviteStaffUser } from "../../app/domain/auth/staff-users.server";
import { getDb } from "../../app/lib/db.server";
import * as users from "../../app/routes/beheer.gebruikers";
import * as invitation from "../../app/routes/beheer_.uitnodiging.$token";
import { auditLog, outbox, staffSessions, staffUsers } from "../../db/schema";
import { createStaff, loginAs, resetDatabase, TEST_PASSWORD } from "../support/db";
import { makeRequest, run } from "../support/remix";

beforeEach(resetDatabase);

type Result = {
  ok: boolean;
  message: string | null;
  errors: Record<string, string>;
  values: Record<string, unknown>;
};

async function act(cookie: string, form: Record<string, string | string[]>) {
  return run<Result>(users.action, makeRequest("/beheer/gebruikers", { form, cookie }));
}

function tokenFrom(text: string): string {
  const match = text.match(/\/beheer\/uitnodiging\/([A-Za-z0-9_-]{43})/);
  if (!match) throw new Error("no invitation link in the mail");
  return match[1]!;
}

describe("inviting a colleague", () => {
  test("an invitation mails a link; the colleague chooses a password and can log in", async () => {
    const { user: admin, cookie } = await loginAs(["beheerder"]);
    const res = await act(cookie, {
      intent: "invite",
      name: "Nieuwe Collega",
      email: "Nieuw@Heemstede.nl",
      roles: ["ambtenaar", "onderzoeker"],
    });
    expect(res.status).toBe(200);
    expect(res.data.message).toMatch(/Nieuwe Collega is uitgenodigd/);

    const [mail] = await getDb().select().from(outbox).where(eq(outbox.kind, "staff.invite"));
    expect(mail!.to).toBe("nieuw@heemstede.nl");
    const token = tokenFrom(mail!.text);
    const [entry] = await getDb().select().from(auditLog).where(eq(auditLog.action, "staff_user.invited"));
    expect(entry!.actorId).toBe(admin.id);

    const page = await run<{ name: string }>(invitation.loader, makeRequest(`/beheer/uitnodiging/${token}`), {
      token,
    });
    expect(page.data.name).toBe("Nieuwe Collega");

    const mismatch = await run<{ errors: Record<string, string> }>(
      invitation.action,
      makeRequest(`/beheer/uitnodiging/${token}`, {
        form: { password: "een lang wachtwoord", passwordRepeat: "iets anders" },
      }),
      { token },
    );
    expect(mismatch.status).toBe(400);
    expect(mismatch.data.errors.passwordRepeat).toBe("De twee wachtwoorden zijn niet hetzelfde.");

    const short = await run<{ errors: Record<string, string> }>(
      invitation.action,
      makeRequest(`/beheer/uitnodiging/${token}`, { form: { password: "kort", passwordRepeat: "kort" } }),
      { token },
    );
    expect(short.data.errors.password).toMatch(/minstens 12 tekens/);

    const done = await run(
      invitation.action,
      makeRequest(`/beheer/uitnodiging/${token}`, {
        form: { password: "een lang wachtwoord", passwordRepeat: "een lang wachtwoord" },
      }),
      { token },
    );
    expect(done.status).toBe(302);
    expect(done.location).toBe("/beheer/inloggen?wachtwoord=ingesteld");
    expect(
      (await login({ email: "nieuw@heemstede.nl", password: "een lang wachtwoord", ip: "192.0.2.50" })).ok,
    ).toBe(true);

    // The link works once.
    const again = await run(invitation.loader, makeRequest(`/beheer/uitnodiging/${token}`), { token });
    expect(again.status).toBe(404);
  });

  test("an unknown, malformed or expired invitation gives a neutral 404", async () => {
    const { user: admin } = await loginAs(["beheerder"]);
    const { user, token: expiredToken } = await inviteStaffUser(
      { email: "laat@heemstede.nl", name: "Te Laat", roles: ["ambtenaar"] },
      admin,
    );
    await getDb()
      .update(staffUsers)
      .set({ inviteExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(staffUsers.id, user.id));
    for (const token of [expiredToken, "abc", "A".repeat(43), "../../etc/passwd"]) {
      const res = await run(invitation.loader, makeRequest("/beheer/uitnodiging/x"), { token });
      expect(res.status).toBe(404);
      const post = await run(
        invitation.action,
        makeRequest("/beheer/uitnodiging/x", {
          form: { password: "een lang wachtwoord", passwordRepeat: "een lang wachtwoord" },
        }),
        { token },
      );
      expect(post.status).toBe(404);
    }
  });

  test("an invitation with missing fields gets Dutch messages and keeps the input", async () => {
    const { cookie } = await loginAs(["beheerder"]);
    const res = await act(cookie, { intent: "invite", name: "", email: "geen-adres" });
    expect(res.status).toBe(400);
    expect(res.data.errors).toMatchObject({
      name: "Vul de naam in.",
      email: expect.stringMatching(/geldig e-mailadres/),
      roles: "Kies minstens één rol.",
    });
    expect(res.data.values.email).toBe("geen-adres");
  });

  test("inviting an existing e-mail address is refused at the field", async () => {
    const { user, cookie } = await loginAs(["beheerder"]);
    const res = await act(cookie, {
      intent: "invite",
      name: "Dubbel",
      email: user.email,
      roles: ["ambtenaar"],
    });
    expect(res.status).toBe(400);
    expect(res.data.errors.email).toBe("Er is al een gebruiker met dit e-mailadres.");
  });
});

describe("changing roles and deactivating", () => {
  test("changing roles is audited and ends the user's sessions", async () => {
    const { cookie } = await loginAs(["beheerder"]);
    const other = await loginAs(["ambtenaar"]);
    const res = await act(cookie, { intent: "change_roles", userId: other.user.id, roles: ["onderzoeker"] });
    expect(res.status).toBe(200);
    const [row] = await getDb().select().from(staffUsers).where(eq(staffUsers.id, other.user.id));
    expect(row!.roles).toEqual(["onderzoeker"]);
    const [entry] = await getDb()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "staff_user.roles_changed"));
    expect(entry!.details).toMatchObject({ from: ["ambtenaar"], to: ["onderzoeker"] });
    expect(await getStaffUser(makeRequest("/beheer", { cookie: other.cookie }))).toBeNull();
  });

  test("the last beheerder cannot lose the role, with a Dutch message", async () => {
    const { user, cookie } = await loginAs(["beheerder"]);
    const res = await act(cookie, { intent: "change_roles", userId: user.id, roles: ["ambtenaar"] });
    expect(res.status).toBe(400);
    expect(res.data.message).toBe("Er moet altijd minstens één actieve beheerder zijn.");
    const [row] = await getDb().select().from(staffUsers).where(eq(staffUsers.id, user.id));
    expect(row!.roles).toEqual(["beheerder"]);
  });

  test("a beheerder cannot switch off their own account", async () => {
    const { user, cookie } = await loginAs(["beheerder"]);
    const res = await act(cookie, { intent: "set_active", userId: user.id, active: "nee" });
    expect(res.status).toBe(400);
    expect(res.data.message).toBe("U kunt uw eigen account niet uitzetten.");
    const [row] = await getDb().select().from(staffUsers).where(eq(staffUsers.id, user.id));
    expect(row!.active).toBe(true);
  });

  test("a deactivated user's sessions end at once, and activating again is audited", async () => {
    const { cookie } = await loginAs(["beheerder"]);
    const other = await loginAs(["ambtenaar"]);
    const res = await act(cookie, { intent: "set_active", userId: other.user.id, active: "nee" });
    expect(res.status).toBe(200);
    const [{ n }] = (await getDb().execute<{ n: number }>(
      sql`select count(*)::int as n from ${staffSessions} where user_id = ${other.user.id}`,
    )) as unknown as [{ n: number }];
    expect(n).toBe(0);
    expect(await login({ email: other.user.email, password: TEST_PASSWORD, ip: "192.0.2.9" })).toEqual({
      ok: false,
      reason: "invalid",
    });
    await act(cookie, { intent: "set_active", userId: other.user.id, active: "ja" });
    const actions = (await getDb().select().from(auditLog)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["staff_user.deactivated", "staff_user.activated"]));
  });

  test("the list shows invited users as pending", async () => {
    const { cookie } = await loginAs(["beheerder"]);
    await createStaff(["ambtenaar"], { passwordHash: null, name: "Wacht Nog" });
    const res = await run<{ users: { name: string; invited: boolean; active: boolean }[] }>(
      users.loader,
      makeRequest("/beheer/gebruikers", { cookie }),
    );
    expect(res.data.users.find((u) => u.name === "Wacht Nog")).toMatchObject({ invited: true, active: true });
  });
});
