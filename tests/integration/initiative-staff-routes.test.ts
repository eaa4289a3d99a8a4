import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import type { QuickscanAnswers } from "../../app/domain/initiatives/quickscan-form";
import { submitIdea } from "../../app/domain/initiatives/submission.server";
import { getDb } from "../../app/lib/db.server";
import * as listRoute from "../../app/routes/beheer.initiatieven._index";
import * as detailRoute from "../../app/routes/beheer.initiatieven.$id";
import * as printRoute from "../../app/routes/beheer.initiatieven.$id_.afdrukken";
import * as kaderRoute from "../../app/routes/beheer.initiatieven.$id_.proceskader";
import * as routingRoute from "../../app/routes/beheer.initiatieven.routering";
import { initiatives, outbox, routingRules } from "../../db/schema";
import { seedDemoOnce } from "../../db/seed";
import { loginAs, resetDatabase } from "../support/db";
import { makeRequest, run } from "../support/remix";

beforeEach(resetDatabase);

const answers: QuickscanAnswers = {
  title: "Nieuwe woningen op het sportveld",
  description: "Betaalbare woningen voor starters.",
  theme: "wonen",
  locationKind: "address",
  address: "Sportlaan 12, 2104 AB Heemstede",
  wijkCode: undefined,
  addressChoice: undefined,
  parties: ["business"],
  partyCount: "many",
  impact: "large",
  interests: "many",
  otherPlans: "yes",
  publicSpace: "yes",
  permit: "yes",
  policy: "plan_change",
  contribution: ["money"],
  budget: undefined,
  timing: "later",
  name: "Projectontwikkelaar BV",
  email: "pro@example.nl",
  phone: undefined,
  consentContact: "ja",
  showName: true,
  allowExactLocation: false,
};

describe("access to the staff pages", () => {
  test("an onderzoeker gets 403 on every initiatives page, loaders and actions", async () => {
    const { id } = await submitIdea({ answers });
    const { cookie } = await loginAs(["onderzoeker"]);
    const get = (path: string) => makeRequest(path, { cookie });
    const post = (path: string) => makeRequest(path, { cookie, form: { intent: "note", note: "x" } });
    for (const [route, path] of [
      [listRoute, "/beheer/initiatieven"],
      [routingRoute, "/beheer/initiatieven/routering"],
      [detailRoute, `/beheer/initiatieven/${id}`],
      [kaderRoute, `/beheer/initiatieven/${id}/proceskader`],
      [printRoute, `/beheer/initiatieven/${id}/afdrukken`],
    ] as const) {
      expect((await run(route.loader, get(path), { id })).status).toBe(403);
      if ("action" in route) expect((await run(route.action, post(path), { id })).status).toBe(403);
    }
  });

  test("anonymous visitors go to the login page", async () => {
    const res = await run(listRoute.loader, makeRequest("/beheer/initiatieven"));
    expect(res.status).toBe(302);
    expect(res.location).toMatch(/^\/beheer\/inloggen/);
  });

  test("an unknown id gives 404", async () => {
    const { cookie } = await loginAs(["ambtenaar"]);
    for (const id of ["00000000-0000-0000-0000-000000000000", "niet-een-id"]) {
      const res = await run(detailRoute.loader, makeRequest(`/beheer/initiatieven/${id}`, { cookie }), {
        id,
      });
      expect(res.status).toBe(404);
    }
  });
});

describe("the list", () => {
  test("ignores unknown sort and filter values instead of passing them to SQL", async () => {
    await submitIdea({ answers });
    const { cookie } = await loginAs(["ambtenaar"]);
    const res = await run<{ total: number; counts: Record<string, number> }>(
      listRoute.loader,
      makeRequest(
        "/beheer/initiatieven?sortering=title;drop%20table&status=bestaat-niet&complex=misschien&van=gisteren",
        {
          cookie,
        },
      ),
    );
    expect(res.status).toBe(200);
    expect(res.data.total).toBe(1);
    expect(res.data.counts).toEqual({ new: 1 });
  });

  test("finds ideas with Dutch full-text search", async () => {
    await submitIdea({ answers });
    await submitIdea({
      answers: { ...answers, title: "Speeltuin", description: "Schommels voor kinderen." },
    });
    const { cookie } = await loginAs(["ambtenaar"]);
    const res = await run<{ rows: { title: string }[] }>(
      listRoute.loader,
      makeRequest("/beheer/initiatieven?q=woning", { cookie }),
    );
    expect(res.data.rows.map((r) => r.title)).toEqual(["Nieuwe woningen op het sportveld"]);
  });
});

describe("the detail page", () => {
  test("rejecting without a reason is a 400 with the message at the field; with a reason it is mailed", async () => {
    const { id } = await submitIdea({ answers });
    const { cookie } = await loginAs(["ambtenaar"]);
    const path = `/beheer/initiatieven/${id}`;
    const bad = await run<{ errors: Record<string, string> }>(
      detailRoute.action,
      makeRequest(path, { cookie, form: { intent: "status", status: "rejected", reason: "" } }),
      { id },
    );
    expect(bad.status).toBe(400);
    expect(bad.data.errors.reason).toMatch(/Geef een reden/);
    const ok = await run(
      detailRoute.action,
      makeRequest(path, {
        cookie,
        form: { intent: "status", status: "rejected", reason: "Geen ruimte in het plan." },
      }),
      { id },
    );
    expect(ok.status).toBe(302);
    const mails = await getDb().select().from(outbox).where(eq(outbox.kind, "initiative.status"));
    expect(mails[0]!.text).toContain("Geen ruimte in het plan.");
  });

  test("a public text with the initiator's house number is refused unless they agreed", async () => {
    const { id } = await submitIdea({ answers });
    const { cookie } = await loginAs(["ambtenaar"]);
    const res = await run<{ errors: Record<string, string> }>(
      detailRoute.action,
      makeRequest(`/beheer/initiatieven/${id}`, {
        cookie,
        form: {
          intent: "publish",
          publicTitle: "Woningen",
          publicSummary: "Bij Sportlaan 12",
          precision: "buurt",
        },
      }),
      { id },
    );
    expect(res.status).toBe(400);
    expect(res.data.errors.publicSummary).toMatch(/huisnummer/);
    expect((await getDb().select().from(initiatives))[0]!.isPublished).toBe(false);
  });

  test("the proceskader: a plan, a participatieplan with roles, and the adoption", async () => {
    const { id } = await submitIdea({ answers });
    const { cookie } = await loginAs(["ambtenaar"]);
    const path = `/beheer/initiatieven/${id}/proceskader`;
    const post = (form: Record<string, string | string[]>) =>
      run<{ errors: Record<string, string> }>(kaderRoute.action, makeRequest(path, { cookie, form }), { id });

    expect(
      (await post({ intent: "plan", wat: "Woningen bouwen", waarde: "Starters krijgen een kans" })).status,
    ).toBe(302);
    const badPart = await post({ intent: "participation", "deelnemer-0": "Buurtbewoners", "rol-0": "" });
    expect(badPart.status).toBe(400);
    expect(badPart.data.errors).toMatchObject({ doelen: expect.any(String), "rol-0": "Kies een rol." });
    // Both documents are one form: saving the participatieplan while the plan holds typed text that
    // was not saved keeps that text on the page (200 with every value), instead of reloading it away.
    const participation = {
      doelen: ["samen_denken", "samen_doen"],
      "deelnemer-0": "Buurtbewoners",
      "rol-0": "co_producent",
      "deelnemer-1": "Gemeenteraad",
      "rol-1": "beslisser",
    };
    const kept = await post({
      intent: "participation",
      wat: "Woningen bouwen, ook voor ouderen",
      waarde: "Starters krijgen een kans",
      ...participation,
    });
    expect(kept.status).toBe(200);
    expect(kept.data).toMatchObject({
      unsaved: ["plan"],
      values: { wat: "Woningen bouwen, ook voor ouderen" },
    });
    // Nothing typed elsewhere: back to the saved section.
    const clean = await post({
      intent: "participation",
      wat: "Woningen bouwen",
      waarde: "Starters krijgen een kans",
      ...participation,
    });
    expect(clean.status).toBe(302);
    expect(clean.location).toMatch(/#participatie-titel$/);
    const badDate = await post({
      intent: "adopt",
      adoptedBy: "council",
      adoptedOn: "31-12-2026",
      adoptionReference: "",
    });
    expect(badDate.data.errors).toMatchObject({
      adoptedOn: expect.any(String),
      adoptionReference: expect.any(String),
    });
    expect(
      (
        await post({
          intent: "adopt",
          adoptedBy: "council",
          adoptedOn: "2026-12-17",
          adoptionReference: "RB 2026-88",
        })
      ).status,
    ).toBe(302);

    const print = await run<{
      plan: { content: Record<string, string> };
      participation: { content: { deelnemers: unknown[] } };
      idea: { processStep: number };
    }>(printRoute.loader, makeRequest(`/beheer/initiatieven/${id}/afdrukken`, { cookie }), { id });
    expect(print.data.plan.content.wat).toBe("Woningen bouwen");
    expect(print.data.participation.content.deelnemers).toHaveLength(2);
    expect(print.data.idea.processStep).toBe(3);
    // The participatieplan was saved twice (the keep-the-text answer saved it too); the plan once.
    const versions = await getDb().execute(
      sql`select kind, max(version)::int as v from initiative_documents where initiative_id = ${id} group by kind order by kind`,
    );
    expect([...versions]).toEqual([
      { kind: "participation_plan", v: 2 },
      { kind: "plan_description", v: 1 },
    ]);
  });
});

describe("the proceskader page is one form", () => {
  test("saving the step or the adoption keeps what was typed in another section; Enter saves nothing", async () => {
    const { id } = await submitIdea({ answers });
    const { cookie } = await loginAs(["ambtenaar"]);
    const path = `/beheer/initiatieven/${id}/proceskader`;
    type Sent = {
      errors: Record<string, string>;
      unsaved: string[];
      saved: boolean;
      values: Record<string, string | string[]>;
    };
    const post = (form: Record<string, string | string[]>) =>
      run<Sent>(kaderRoute.action, makeRequest(path, { cookie, form }), { id });
    expect((await post({ intent: "plan", wat: "Woningen bouwen" })).status).toBe(302);
    // Every section as the browser sends the one form: the step, the plan, the participatieplan
    // (empty) and the adoption (the radio starts chosen).
    const page = {
      processStep: "1",
      wat: "Woningen bouwen",
      waarde: "",
      ruimte: "",
      adoptedBy: "executive",
      adoptedOn: "",
      adoptionReference: "",
    };
    // Nothing typed elsewhere: the step is saved and the page opens at it.
    const step = await post({ ...page, intent: "step", processStep: "2" });
    expect(step.status).toBe(302);
    expect(step.location).toMatch(/#stappen-titel$/);
    // Text typed in the plan, then "Stap opslaan": the step is saved, the plan text stays on the page.
    const kept = await post({ ...page, processStep: "2", intent: "step", wat: "Woningen en een park" });
    expect(kept.status).toBe(200);
    expect(kept.data).toMatchObject({
      saved: true,
      unsaved: ["plan"],
      values: { wat: "Woningen en een park" },
    });
    // The adoption fails (no date) while the plan holds new text: both stay as sent.
    const failed = await post({
      ...page,
      processStep: "2",
      intent: "adopt",
      wat: "Woningen en een park",
      adoptionReference: "RB 2026-88",
    });
    expect(failed.status).toBe(400);
    expect(failed.data.errors.adoptedOn).toBeTruthy();
    expect(failed.data.values).toMatchObject({
      wat: "Woningen en een park",
      adoptionReference: "RB 2026-88",
    });
    // Enter in a text field presses the hidden default button: nothing is saved, everything stays.
    const enter = await post({ ...page, processStep: "2", intent: "enter", adoptionReference: "RB 2026-88" });
    expect(enter.status).toBe(200);
    expect(enter.data).toMatchObject({ saved: false, unsaved: ["adopt"] });
    const [idea] = await getDb().select().from(initiatives).where(eq(initiatives.id, id));
    expect(idea).toMatchObject({ processStep: 2, adoptionReference: null });
    const plans = await getDb().execute(
      sql`select count(*)::int as n from initiative_documents where initiative_id = ${id} and kind = 'plan_description'`,
    );
    expect([...plans][0]).toEqual({ n: 1 });
  });
});

describe("routing rules page", () => {
  test("adds a rule, refuses a rule without target, and sets the response time", async () => {
    const { cookie, user } = await loginAs(["ambtenaar"]);
    const post = (form: Record<string, string>) =>
      run<{ errors: Record<string, string> }>(
        routingRoute.action,
        makeRequest("/beheer/initiatieven/routering", { cookie, form }),
      );
    const bad = await post({ intent: "rule", theme: "groen" });
    expect(bad.status).toBe(400);
    expect(bad.data.errors.accountManagerId).toMatch(/accounthouder/);
    expect((await post({ intent: "rule", theme: "groen", accountManagerId: user.id })).status).toBe(302);
    expect(await getDb().select().from(routingRules)).toHaveLength(1);
    expect((await post({ intent: "response_days", days: "0" })).data.errors.days).toMatch(/minstens 1/);
    const saved = await post({ intent: "response_days", days: "8" });
    expect(saved.status).toBe(302);
    // The URL keeps its Dutch word.
    expect(saved.location).toBe("/beheer/initiatieven/routering?opgeslagen=termijn");
  });
});

test("the demo data has a dozen labelled ideas, some published with a point in Heemstede and some featured", async () => {
  await seedDemoOnce(getDb());
  const rows = await getDb().select().from(initiatives);
  expect(rows.length).toBeGreaterThanOrEqual(12);
  expect(rows.every((r) => r.isDemo && r.title.endsWith("(demo)"))).toBe(true);
  const published = rows.filter((r) => r.isPublished);
  expect(published.length).toBeGreaterThan(3);
  for (const r of published) {
    expect(r.publicLat).toBeGreaterThan(52.33);
    expect(r.publicLat).toBeLessThan(52.37);
    expect(r.publicLng).toBeGreaterThan(4.59);
    expect(r.publicLng).toBeLessThan(4.65);
  }
  expect(rows.some((r) => r.isFeatured)).toBe(true);
  expect(new Set(rows.map((r) => r.status)).size).toBeGreaterThanOrEqual(6);
  expect(await getDb().select().from(routingRules)).not.toHaveLength(0);
});
