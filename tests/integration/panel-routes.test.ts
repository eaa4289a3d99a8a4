import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { signUp } from "../../app/domain/panel/members.server";
import { getDb } from "../../app/lib/db.server";
import * as staffOverview from "../../app/routes/beheer.digipanel._index";
import * as population from "../../app/routes/beheer.digipanel.bevolking";
import * as campaignPage from "../../app/routes/beheer.digipanel.campagnes.$id";
import * as newCampaign from "../../app/routes/beheer.digipanel.campagnes.nieuw";
import * as signup from "../../app/routes/digipanel._index";
import * as unsubscribeRoute from "../../app/routes/digipanel.afmelden.$token";
import * as confirmRoute from "../../app/routes/digipanel.bevestigen.$token";
import * as mine from "../../app/routes/digipanel.mijn._index";
import * as magic from "../../app/routes/digipanel.mijn.inloggen.$token";
import { outbox, panelMembers, populationFigures, surveys } from "../../db/schema";
import { seedPanel } from "../../db/seed/panel";
import { seedPopulation } from "../../db/seed/population";
import { seedWijken } from "../../db/seed/wijken";
import { loginAs, resetDatabase } from "../support/db";
import { makeRequest, run } from "../support/remix";

beforeEach(async () => {
  await resetDatabase();
  await seedWijken(getDb());
});

const form = {
  email: "Inwoner@Example.nl",
  birthYear: "1970",
  postcode: "2102 AB",
  household: "gezin",
  tenure: "sociale-huur",
  consent: "ja",
};

async function mailLink(to: string, path: string) {
  const [mail] = await getDb().select().from(outbox).where(eq(outbox.to, to)).orderBy(outbox.id);
  const rows = await getDb().select().from(outbox).where(eq(outbox.to, to));
  const text = (rows[rows.length - 1] ?? mail)!.text;
  const m = text.match(new RegExp(`https?://\\S*${path}(\\S+)`));
  return m![1]!;
}

describe("/digipanel", () => {
  test("a new and a repeated sign-up get the same neutral answer", async () => {
    const first = await run<{ done: boolean }>(signup.action, makeRequest("/digipanel", { form }));
    await getDb().update(panelMembers).set({ status: "active" });
    const second = await run<{ done: boolean }>(signup.action, makeRequest("/digipanel", { form }));
    expect(first).toMatchObject({ status: 200, data: { done: true } });
    expect(second).toMatchObject({ status: 200, data: { done: true } });
    expect(await getDb().select().from(panelMembers)).toHaveLength(1);
  });

  test("mistakes are shown at the field and the input is kept", async () => {
    const res = await run<{ errors: Record<string, string>; values: Record<string, string> }>(
      signup.action,
      makeRequest("/digipanel", { form: { ...form, postcode: "1011 AB", consent: "" } }),
    );
    expect(res.status).toBe(400);
    expect(res.data.errors.consent).toMatch(/toestemming/);
    expect(res.data.values.email).toBe("Inwoner@Example.nl");
    const outside = await run<{ errors: Record<string, string> }>(
      signup.action,
      makeRequest("/digipanel", { form: { ...form, postcode: "1011 AB" } }),
    );
    expect(outside.data.errors.postcode).toMatch(/niet in Heemstede/);
  });

  test("the confirmation page only confirms on the button, then the member is active", async () => {
    await run(signup.action, makeRequest("/digipanel", { form }));
    const token = await mailLink("inwoner@example.nl", "/digipanel/bevestigen/");
    const page = await run<{ state: string }>(confirmRoute.loader, makeRequest(`/x`), { token });
    expect(page.data.state).toBe("confirmed");
    expect((await getDb().select().from(panelMembers))[0]!.status).toBe("pending");
    const done = await run<{ result: string }>(
      confirmRoute.action,
      makeRequest(`/x`, { form: { intent: "confirm" } }),
      { token },
    );
    expect(done.data.result).toBe("confirmed");
    expect((await getDb().select().from(panelMembers))[0]!.status).toBe("active");
  });

  test("an expired link offers a new one", async () => {
    await signUp(
      {
        ...form,
        email: "oud@example.nl",
        birthYear: 1970,
        postcode: "2101",
        household: "gezin",
        tenure: "koop",
        consent: "ja",
      },
      new Date(Date.now() - 8 * 24 * 3600 * 1000),
    );
    const token = await mailLink("oud@example.nl", "/digipanel/bevestigen/");
    expect((await run<{ state: string }>(confirmRoute.loader, makeRequest("/x"), { token })).data.state).toBe(
      "expired",
    );
    await run(confirmRoute.action, makeRequest("/x", { form: { intent: "renew" } }), { token });
    const fresh = await mailLink("oud@example.nl", "/digipanel/bevestigen/");
    expect(fresh).not.toBe(token);
    expect(
      (await run<{ state: string }>(confirmRoute.loader, makeRequest("/x"), { token: fresh })).data.state,
    ).toBe("confirmed");
  });
});

describe("/digipanel/mijn and /digipanel/afmelden", () => {
  async function loggedIn() {
    await run(signup.action, makeRequest("/digipanel", { form }));
    await getDb().update(panelMembers).set({ status: "active" });
    const neutral = await run<{ message: string }>(
      mine.action,
      makeRequest("/digipanel/mijn", { form: { intent: "link", email: "nobody@example.nl" } }),
    );
    const real = await run<{ message: string }>(
      mine.action,
      makeRequest("/digipanel/mijn", { form: { intent: "link", email: "inwoner@example.nl" } }),
    );
    expect(real.data.message).toBe(neutral.data.message);
    const token = await mailLink("inwoner@example.nl", "/digipanel/mijn/inloggen/");
    const res = await run(magic.action, makeRequest("/x", { method: "POST" }), { token });
    expect(res.location).toBe("/digipanel/mijn");
    const cookie = res.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Path=\/digipanel/);
    return cookie.split(";")[0]!;
  }

  test("a member changes the profile and leaves in one step", async () => {
    const cookie = await loggedIn();
    const page = await run<{ member: { email: string } }>(
      mine.loader,
      makeRequest("/digipanel/mijn", { cookie }),
    );
    expect(page.data.member.email).toBe("inwoner@example.nl");
    const saved = await run(
      mine.action,
      makeRequest("/digipanel/mijn", {
        cookie,
        form: {
          intent: "profile",
          birthYear: "1980",
          postcode: "2104",
          household: "alleenstaand",
          tenure: "koop",
        },
      }),
    );
    expect(saved.status).toBe(200);
    expect((await getDb().select().from(panelMembers))[0]).toMatchObject({
      birthYear: 1980,
      wijkCode: "DEMO04",
    });
    const left = await run(
      mine.action,
      makeRequest("/digipanel/mijn", { cookie, form: { intent: "leave" } }),
    );
    expect(left.location).toBe("/digipanel/mijn/gestopt");
    expect((await getDb().select().from(panelMembers))[0]).toMatchObject({ status: "left", email: null });
    const after = await run<{ member: null }>(mine.loader, makeRequest("/digipanel/mijn", { cookie }));
    expect(after.data.member).toBeNull();
  });

  test("RFC 8058 one-click unsubscribe works with a plain POST", async () => {
    await run(signup.action, makeRequest("/digipanel", { form }));
    const [m] = await getDb().update(panelMembers).set({ status: "active" }).returning();
    const { issueUnsubscribeToken } = await import("../../app/domain/panel/members.server");
    const token = await issueUnsubscribeToken(m!.id);
    const page = await run<{ valid: boolean }>(unsubscribeRoute.loader, makeRequest("/x"), { token });
    expect(page.data.valid).toBe(true);
    const res = await run<string>(
      unsubscribeRoute.action,
      makeRequest("/x", { form: { "List-Unsubscribe": "One-Click" } }),
      { token },
    );
    expect(res.status).toBe(200);
    expect(res.data).toMatch(/afgemeld/);
    expect((await getDb().select().from(panelMembers))[0]).toMatchObject({ status: "left", email: null });
  });
});

describe("/beheer/digipanel", () => {
  test("only onderzoeker and beheerder get in", async () => {
    const ambtenaar = await loginAs(["ambtenaar"]);
    for (const [route, path] of [
      [staffOverview.loader, "/beheer/digipanel"],
      [population.loader, "/beheer/digipanel/bevolking"],
      [newCampaign.loader, "/beheer/digipanel/campagnes/nieuw"],
    ] as const) {
      const res = await run(route, makeRequest(path, { cookie: ambtenaar.cookie }));
      expect(res.status).toBe(403);
    }
    const res = await run(campaignPage.action, makeRequest("/x", { cookie: ambtenaar.cookie, form: {} }), {
      id: "1",
    });
    expect(res.status).toBe(403);
  });

  test("composition shows the panel against the demo population without any e-mail address", async () => {
    await seedPanel(getDb());
    await seedPopulation(getDb());
    const { cookie } = await loginAs(["onderzoeker"]);
    const res = await run<{
      counts: { active: number };
      composition: { dimension: string; populationIsDemo: boolean }[];
    }>(staffOverview.loader, makeRequest("/beheer/digipanel", { cookie }));
    expect(res.data.counts.active).toBeGreaterThan(30);
    expect(res.data.composition.map((c) => c.dimension)).toEqual(["age", "wijk", "tenure"]);
    expect(res.data.composition.every((c) => c.populationIsDemo)).toBe(true);
    expect(JSON.stringify(res.data)).not.toMatch(/@/);
  });

  test("population figures can be uploaded as CSV and replace the demo figures", async () => {
    await seedPanel(getDb());
    await seedPopulation(getDb());
    const { cookie } = await loginAs(["beheerder"]);
    const body = new FormData();
    body.set("intent", "csv");
    body.set("csv", new File(["dimensie;categorie;aantal\nleeftijd;16-29;5000\nleeftijd;75+;100"], "b.csv"));
    const request = new Request("http://localhost/beheer/digipanel/bevolking", {
      method: "POST",
      body,
      headers: { Cookie: cookie },
    });
    const res = await run(population.action, request);
    expect(res.status).toBe(302);
    const ages = await getDb()
      .select()
      .from(populationFigures)
      .where(eq(populationFigures.dimension, "age"))
      .orderBy(populationFigures.category);
    expect(ages.map((a) => [a.category, a.count, a.isDemo])).toEqual([
      ["16-29", 5000, false],
      ["75+", 100, false],
    ]);
  });

  test("only published surveys that are not anonymous can be chosen (open ones get personal links)", async () => {
    await getDb()
      .insert(surveys)
      .values([
        { slug: "open", title: "Open", status: "published", accessMode: "open" },
        { slug: "anoniem", title: "Anoniem", status: "published", accessMode: "anonymous" },
        { slug: "concept", title: "Concept", status: "draft", accessMode: "code" },
        { slug: "code", title: "Met code", status: "published", accessMode: "code" },
      ]);
    const { cookie } = await loginAs(["onderzoeker"]);
    const res = await run<{ surveys: { title: string }[] }>(
      newCampaign.loader,
      makeRequest("/beheer/digipanel/campagnes/nieuw", { cookie }),
    );
    expect(res.data.surveys.map((s) => s.title)).toEqual(["Met code", "Open"]);
  });

  test("a campaign is previewed with quotas and the e-mail, then scheduled", async () => {
    await seedPanel(getDb());
    await seedPopulation(getDb());
    const [survey] = await getDb()
      .insert(surveys)
      .values({ slug: "woonvisie", title: "Woonvisie", status: "published", accessMode: "code" })
      .returning();
    const { cookie } = await loginAs(["onderzoeker"]);
    const fields = {
      name: "Ronde 1",
      surveyId: String(survey!.id),
      mode: "sample",
      targetCompletes: "10",
      expectedResponseRate: "50",
      subject: "Uw mening over wonen",
      message: "Wij horen graag wat u vindt.",
      scheduledAt: "2099-01-01T10:00",
      maxReminders: "1",
      reminderAfterDays: "7",
    };
    const preview = await run<{ preview: { needed: number; strata: { quota: number }[]; text: string } }>(
      newCampaign.action,
      makeRequest("/beheer/digipanel/campagnes/nieuw", { cookie, form: { ...fields, intent: "preview" } }),
    );
    expect(preview.data.preview.needed).toBe(20);
    expect(preview.data.preview.strata.reduce((a, s) => a + s.quota, 0)).toBe(20);
    expect(preview.data.preview.text).toMatch(/afmelden/);
    const scheduled = await run(
      newCampaign.action,
      makeRequest("/beheer/digipanel/campagnes/nieuw", { cookie, form: { ...fields, intent: "schedule" } }),
    );
    expect(scheduled.location).toMatch(/^\/beheer\/digipanel\/campagnes\/\d+$/);
    const page = await run<{ campaign: { status: string } }>(
      campaignPage.loader,
      makeRequest(scheduled.location!, { cookie }),
      { id: scheduled.location!.split("/").pop()! },
    );
    expect(page.data.campaign.status).toBe("scheduled");
    expect(JSON.stringify(page.data)).not.toMatch(/@/);
  });
});
