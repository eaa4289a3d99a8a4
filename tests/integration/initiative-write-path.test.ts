// One write path per initiative action (docs/ideas.md): each rule is proven through both staff
// pages, the triage page /beheer/initiatieven/:id and the map edit /beheer/kaart/:id.
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import type { QuickscanAnswers } from "../../app/domain/initiatives/quickscan-form";
import { submitIdea } from "../../app/domain/initiatives/submission.server";
import { getDb } from "../../app/lib/db.server";
import * as detailRoute from "../../app/routes/beheer.initiatieven.$id";
import * as kaartRoute from "../../app/routes/beheer.kaart.$id";
import { auditLog, initiatives, outbox } from "../../db/schema";
import { loginAs, resetDatabase } from "../support/db";
import { makeRequest, run } from "../support/remix";

beforeEach(resetDatabase);

const answers: QuickscanAnswers = {
  title: "Bankjes in de Sportlaan",
  description: "Twee bankjes bij de speeltuin.",
  theme: "groen",
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
  name: "Anna de Vries",
  email: "anna@example.nl",
  phone: undefined,
  consentContact: "ja",
  showName: false,
  allowExactLocation: false,
};

type Errors = { errors: Record<string, string> };

async function newIdea(set: Partial<typeof initiatives.$inferInsert> = {}) {
  const { id } = await submitIdea({ answers, lat: 52.351234, lng: 4.612345 });
  if (Object.keys(set).length) await getDb().update(initiatives).set(set).where(eq(initiatives.id, id));
  return id;
}

const row = async (id: string) =>
  (await getDb().select().from(initiatives).where(eq(initiatives.id, id)))[0]!;
/** Status mails to the initiator (each test has one idea). */
const statusMails = () => getDb().select().from(outbox).where(eq(outbox.kind, "initiative.status"));

/** The kaart form as the page sends it, with the idea's current values and `change` on top. */
async function kaartPost(id: string, cookie: string, change: Record<string, string>) {
  const i = await row(id);
  const form: Record<string, string> = {
    titel: i.publicTitle ?? i.title,
    samenvatting: i.publicSummary ?? "Twee bankjes.",
    thema: i.theme,
    status: i.status,
    breedtegraad: "",
    lengtegraad: "",
    wijk: "",
    ...(i.isPublished ? { gepubliceerd: "ja" } : {}),
    ...change,
  };
  return run<Errors>(kaartRoute.action, makeRequest(`/beheer/kaart/${id}`, { cookie, form }), { id });
}

function triagePost(id: string, cookie: string, form: Record<string, string>) {
  return run<Errors>(detailRoute.action, makeRequest(`/beheer/initiatieven/${id}`, { cookie, form }), {
    id,
  });
}

describe("status changes follow the allowed transitions on both pages", () => {
  test("a finished initiative cannot move back", async () => {
    const { cookie } = await loginAs(["ambtenaar"]);
    const id = await newIdea({ status: "realised" });
    const viaTriage = await triagePost(id, cookie, { intent: "status", status: "in_execution" });
    expect(viaTriage.status).toBe(400);
    expect(viaTriage.data.errors.status).toMatch(/niet mogelijk/);
    const viaKaart = await kaartPost(id, cookie, { status: "in_execution" });
    expect(viaKaart.status).toBe(400);
    expect(viaKaart.data.errors.status).toMatch(/niet mogelijk/);
    expect((await row(id)).status).toBe("realised");
    expect(await statusMails()).toHaveLength(0);
  });

  test("rejecting needs a reason on both pages", async () => {
    const { cookie } = await loginAs(["ambtenaar"]);
    const id = await newIdea();
    const viaTriage = await triagePost(id, cookie, { intent: "status", status: "rejected", reason: "" });
    expect(viaTriage.data.errors.reason).toMatch(/Geef een reden/);
    const viaKaart = await kaartPost(id, cookie, { status: "rejected" });
    expect(viaKaart.status).toBe(400);
    expect(viaKaart.data.errors.toelichting).toMatch(/Geef een reden/);
    expect((await row(id)).status).toBe("new");
  });
});

describe("every status change mails the initiator in the same transaction", () => {
  for (const page of ["triage", "kaart"] as const)
    test(`through the ${page} page: mail, event and audit line`, async () => {
      const { cookie } = await loginAs(["ambtenaar"]);
      const id = await newIdea();
      const res =
        page === "triage"
          ? await triagePost(id, cookie, {
              intent: "status",
              status: "in_review",
              reason: "Wij bellen u.",
            })
          : await kaartPost(id, cookie, { status: "in_review", toelichting: "Wij bellen u." });
      expect(res.status).toBe(302);
      expect((await row(id)).status).toBe("in_review");
      const mails = await statusMails();
      expect(mails).toHaveLength(1);
      expect(mails[0]!.text).toContain("Wij bellen u.");
      const audits = await getDb()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "initiative.status_changed")));
      expect(audits).toHaveLength(1);
      expect(audits[0]!.details).toMatchObject({ from: "new", to: "in_review" });
    });

  test("a kaart edit that keeps the status sends no status mail", async () => {
    const { cookie } = await loginAs(["ambtenaar"]);
    const id = await newIdea();
    expect((await kaartPost(id, cookie, { titel: "Twee bankjes" })).status).toBe(302);
    expect(await statusMails()).toHaveLength(0);
  });

  test("rejecting through the kaart page takes the initiative off the map", async () => {
    const { cookie } = await loginAs(["ambtenaar"]);
    const id = await newIdea();
    expect(
      (
        await triagePost(id, cookie, {
          intent: "publish",
          publicTitle: "Bankjes",
          publicSummary: "Twee bankjes",
          precision: "buurt",
        })
      ).status,
    ).toBe(302);
    expect((await row(id)).isPublished).toBe(true);
    // Unticking "Tonen op de website" is what the page would do; the rule must hold even if not.
    const res = await kaartPost(id, cookie, {
      status: "rejected",
      toelichting: "Geen ruimte.",
      gepubliceerd: "",
    });
    expect(res.status).toBe(302);
    expect((await row(id)).isPublished).toBe(false);
    expect(await statusMails()).toHaveLength(1);
  });
});

describe("a rejected or withdrawn initiative never goes on the map", () => {
  for (const status of ["rejected", "withdrawn"] as const)
    test(`${status}: refused on both pages`, async () => {
      const { cookie } = await loginAs(["ambtenaar"]);
      const id = await newIdea({ status });
      const viaTriage = await triagePost(id, cookie, {
        intent: "publish",
        publicTitle: "Bankjes",
        publicSummary: "Twee bankjes",
        precision: "buurt",
      });
      expect(viaTriage.status).toBe(400);
      expect(viaTriage.data.errors.publicTitle).toMatch(/kan niet op de kaart/);
      const viaKaart = await kaartPost(id, cookie, { gepubliceerd: "ja" });
      expect(viaKaart.status).toBe(400);
      expect(viaKaart.data.errors.gepubliceerd).toMatch(/kan niet op de kaart/);
      expect((await row(id)).isPublished).toBe(false);
    });
});

describe("no house number in public texts without the initiator's consent", () => {
  test("refused on both pages, and nothing is half-written", async () => {
    const { cookie } = await loginAs(["ambtenaar"]);
    const id = await newIdea();
    const viaTriage = await triagePost(id, cookie, {
      intent: "publish",
      publicTitle: "Bankjes bij Sportlaan 12",
      publicSummary: "Twee bankjes",
      precision: "buurt",
    });
    expect(viaTriage.data.errors.publicTitle).toMatch(/huisnummer/);
    const viaKaart = await kaartPost(id, cookie, {
      titel: "Bankjes",
      samenvatting: "Bij Sportlaan 12 komen bankjes",
      gepubliceerd: "ja",
      status: "in_review",
    });
    expect(viaKaart.status).toBe(400);
    expect(viaKaart.data.errors.samenvatting).toMatch(/huisnummer/);
    const after = await row(id);
    expect(after.isPublished).toBe(false);
    // The status change in the same submit was rolled back with it, mail included.
    expect(after.status).toBe("new");
    expect(await statusMails()).toHaveLength(0);
  });

  test("allowed when the initiator agreed", async () => {
    const { cookie } = await loginAs(["ambtenaar"]);
    const id = await newIdea({ allowExactLocation: true });
    const res = await kaartPost(id, cookie, { titel: "Bankjes bij Sportlaan 12", gepubliceerd: "ja" });
    expect(res.status).toBe(302);
    expect((await row(id)).isPublished).toBe(true);
  });
});

describe("the public point is never more precise than the initiator allowed", () => {
  test("triage page: 'exact' without consent becomes street level", async () => {
    const { cookie } = await loginAs(["ambtenaar"]);
    const id = await newIdea();
    const res = await triagePost(id, cookie, {
      intent: "publish",
      publicTitle: "Bankjes",
      publicSummary: "Twee bankjes",
      precision: "exact",
    });
    expect(res.status).toBe(302);
    const after = await row(id);
    expect([after.publicLat, after.publicLng, after.locationPrecision]).toEqual([52.351, 4.612, "buurt"]);
  });

  test("kaart page: a point placed by hand is rounded without consent, exact with it", async () => {
    const { cookie } = await loginAs(["ambtenaar"]);
    const id = await newIdea();
    const point = { breedtegraad: "52,354321", lengtegraad: "4,618765", gepubliceerd: "ja" };
    expect((await kaartPost(id, cookie, point)).status).toBe(302);
    let after = await row(id);
    expect([after.publicLat, after.publicLng, after.locationPrecision]).toEqual([52.354, 4.619, "buurt"]);
    await getDb().update(initiatives).set({ allowExactLocation: true }).where(eq(initiatives.id, id));
    expect((await kaartPost(id, cookie, point)).status).toBe(302);
    after = await row(id);
    // Exact is 5 decimals, about 1 m.
    expect([after.publicLat, after.publicLng, after.locationPrecision]).toEqual([52.35432, 4.61877, "exact"]);
  });
});
