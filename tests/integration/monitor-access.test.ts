// Partner scoping of the monitor, enumerated (like the staff-access test): every agreement of 2024 read and
// posted to by every kind of partner, also by ids of other organisations' agreements and updates; linking a
// partner account to its organisation on /beheer/gebruikers; and the maintained current-stoplicht table
// staying equal to the rule it materialises after every write path.
import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { getDb } from "../../app/lib/db.server";
import * as staffUsersRoute from "../../app/routes/beheer.gebruikers";
import * as staffIndex from "../../app/routes/beheer.prestatieafspraken._index";
import * as staffAgreement from "../../app/routes/beheer.prestatieafspraken.$id";
import * as staffImport from "../../app/routes/beheer.prestatieafspraken.import";
import * as staffRounds from "../../app/routes/beheer.prestatieafspraken.rondes";
import * as publicIndex from "../../app/routes/prestatieafspraken._index";
import {
  auditLog,
  monitorAgreementParties,
  monitorAgreements,
  monitorPartners,
  monitorReactions,
  monitorRounds,
  monitorUpdates,
} from "../../db/schema";
import { loadMonitorData } from "../../db/seed/monitor";
import { loginAs, resetDatabase } from "../support/db";
import { makeRequest, run } from "../support/remix";

type Session = Awaited<ReturnType<typeof loginAs>>;
let ambtenaar: Session;

async function partner(organisationId: string | null) {
  const s = await loginAs(["partner"]);
  if (organisationId) await getDb().insert(monitorPartners).values({ userId: s.user.id, organisationId });
  return s;
}

const post = (s: Session, id: number | string, form: Record<string, string>) =>
  run(staffAgreement.action, makeRequest(`/beheer/prestatieafspraken/${id}`, { form, cookie: s.cookie }), {
    id: String(id),
  });
const read = (s: Session, id: number | string) =>
  run(staffAgreement.loader, makeRequest(`/beheer/prestatieafspraken/${id}`, { cookie: s.cookie }), {
    id: String(id),
  });

async function openRound(jaar: string, tertiaal: string) {
  const res = await run(
    staffRounds.action,
    makeRequest("/beheer/prestatieafspraken/rondes", {
      form: { intent: "open", jaar, tertiaal, herinnering: "7" },
      cookie: ambtenaar.cookie,
    }),
  );
  expect(res.status).toBe(200);
  const [round] = await getDb()
    .select()
    .from(monitorRounds)
    .where(and(eq(monitorRounds.year, Number(jaar)), eq(monitorRounds.tertiaal, Number(tertiaal))));
  return round!;
}

beforeEach(async () => {
  await resetDatabase();
  await loadMonitorData(getDb());
  ambtenaar = await loginAs(["ambtenaar"]);
});

describe("partner scoping, enumerated over every agreement of 2024", () => {
  test("a corporatie reads and updates exactly the agreements of its organisation; a huurdersorganisatie only reacts", async () => {
    const round = await openRound("2024", "2");
    const elan = await partner("elan-wonen");
    const bewonersraad = await partner("bewonersraad-elan-wonen");
    const agreements = await getDb()
      .select({ id: monitorAgreements.id, key: monitorAgreements.key })
      .from(monitorAgreements)
      .where(sql`${monitorAgreements.firstYear} <= 2024 and ${monitorAgreements.lastYear} >= 2024`);
    const parties = await getDb().select().from(monitorAgreementParties);
    expect(agreements).toHaveLength(75);
    const ofElan = new Set(
      parties.filter((p) => p.organisationId === "elan-wonen").map((p) => p.agreementId),
    );
    // The seed has agreements of both kinds: the enumeration must see both answers.
    expect(ofElan.size).toBeGreaterThan(5);
    expect(ofElan.size).toBeLessThan(agreements.length);
    const form = { ronde: String(round.id), stoplicht: "yellow", toelichting: "Bijgewerkt door Elan." };
    for (const a of agreements) {
      const mine = ofElan.has(a.id);
      expect((await read(elan, a.id)).status, a.key).toBe(mine ? 200 : 403);
      expect((await post(elan, a.id, { intent: "update", ...form })).status, a.key).toBe(mine ? 200 : 403);
      expect((await post(elan, a.id, { intent: "react", ronde: form.ronde, reactie: "x" })).status).toBe(403);
      // A huurdersorganisatie reads every agreement, reacts to every one and updates none.
      expect((await read(bewonersraad, a.id)).status, a.key).toBe(200);
      expect((await post(bewonersraad, a.id, { intent: "update", ...form })).status, a.key).toBe(403);
    }
    const written = await getDb().select().from(monitorUpdates).where(eq(monitorUpdates.tertiaal, 2));
    expect(written.map((u) => u.agreementId).sort()).toEqual([...ofElan].sort());
    expect(new Set(written.map((u) => u.organisationId))).toEqual(new Set(["elan-wonen"]));
  });

  test("a partner cannot confirm, send back or touch another organisation's update by posting its id", async () => {
    const round = await openRound("2024", "2");
    const elan = await partner("elan-wonen");
    const pre = await partner("pre-wonen");
    const bewonersraad = await partner("bewonersraad-elan-wonen");
    const [shared] = await getDb()
      .select({ id: monitorAgreementParties.agreementId })
      .from(monitorAgreementParties)
      .where(eq(monitorAgreementParties.organisationId, "pre-wonen"))
      .innerJoin(
        sql`monitor_agreement_parties e`,
        sql`e.agreement_id = ${monitorAgreementParties.agreementId} and e.organisation_id = 'elan-wonen'`,
      );
    const id = shared!.id;
    expect(
      (
        await post(pre, id, {
          intent: "update",
          ronde: String(round.id),
          stoplicht: "red",
          toelichting: "Pré.",
        })
      ).status,
    ).toBe(200);
    const [preUpdate] = await getDb()
      .select()
      .from(monitorUpdates)
      .where(eq(monitorUpdates.status, "submitted"));
    for (const s of [elan, pre, bewonersraad]) {
      expect((await post(s, id, { intent: "confirm", update: String(preUpdate!.id) })).status).toBe(403);
      expect(
        (await post(s, id, { intent: "send_back", update: String(preUpdate!.id), notitie: "Nee." })).status,
      ).toBe(403);
    }
    // Elan's own update on the same agreement is a separate row: Pré's pending text is untouched.
    await post(elan, id, {
      intent: "update",
      ronde: String(round.id),
      stoplicht: "green",
      toelichting: "Elan.",
    });
    const [after] = await getDb().select().from(monitorUpdates).where(eq(monitorUpdates.id, preUpdate!.id));
    expect(after).toMatchObject({ status: "submitted", explanation: "Pré.", stoplicht: "red" });
    // Partners have no rounds, import or users pages.
    for (const s of [elan, bewonersraad]) {
      expect((await run(staffRounds.loader, makeRequest("/x", { cookie: s.cookie }))).status).toBe(403);
      expect((await run(staffImport.loader, makeRequest("/x", { cookie: s.cookie }))).status).toBe(403);
      expect((await run(staffUsersRoute.loader, makeRequest("/x", { cookie: s.cookie }))).status).toBe(403);
    }
  });

  test("bad ids and bad intents are Dutch 404 and 400, never 500", async () => {
    const round = await openRound("2024", "2");
    const elan = await partner("elan-wonen");
    const form = { intent: "update", ronde: String(round.id), stoplicht: "green", toelichting: "x" };
    for (const id of ["0", "abc", "99999999", "-1", "1.5", "1e3", "12345678901234567890"]) {
      expect((await read(elan, id)).status, id).toBe(404);
      expect([400, 404], id).toContain((await post(elan, id, form)).status);
    }
    const [own] = await getDb()
      .select({ id: monitorAgreementParties.agreementId })
      .from(monitorAgreementParties)
      .where(eq(monitorAgreementParties.organisationId, "elan-wonen"));
    expect((await post(elan, own!.id, { ...form, intent: "wissen" })).status).toBe(400);
    const noRound = await post(elan, own!.id, { ...form, ronde: "99999" });
    expect(noRound.status).toBe(400);
    expect(noRound.data).toMatchObject({
      errors: { ronde: expect.any(String) },
      values: { toelichting: "x" },
    });
    const noExplanation = await post(elan, own!.id, { ...form, toelichting: "" });
    expect(noExplanation.data).toMatchObject({
      errors: { toelichting: "Schrijf een toelichting bij het stoplicht." },
    });
  });
});

describe("linking a partner account to its organisation (/beheer/gebruikers)", () => {
  const link = (s: Session, userId: string, organisatie: string) =>
    run<{ ok: boolean; message: string; errors: Record<string, string> }>(
      staffUsersRoute.action,
      makeRequest("/beheer/gebruikers", {
        form: { intent: "link_organisation", userId, organisatie },
        cookie: s.cookie,
      }),
    );

  test("a beheerder links, relinks and unlinks; every change audited; validation in Dutch", async () => {
    const beheerder = await loginAs(["beheerder"]);
    const loose = await partner(null);
    const round = await openRound("2024", "2");
    const [own] = await getDb()
      .select({ id: monitorAgreementParties.agreementId })
      .from(monitorAgreementParties)
      .where(eq(monitorAgreementParties.organisationId, "elan-wonen"));

    // Without an organisation: a clear message on the start page, and no writing.
    const home = await run<{ organisationName: string | null }>(
      staffIndex.loader,
      makeRequest("/beheer/prestatieafspraken", { cookie: loose.cookie }),
    );
    expect(home.status).toBe(200);
    expect(home.data.organisationName).toBeNull();
    const form = { intent: "update", ronde: String(round.id), stoplicht: "green", toelichting: "Klaar." };
    expect((await post(loose, own!.id, form)).status).toBe(403);

    // Validation.
    const gemeente = await link(beheerder, loose.user.id, "gemeente-heemstede");
    expect(gemeente.status).toBe(400);
    expect(gemeente.data.errors.organisatie).toBe(
      "Kies een woningcorporatie of huurdersorganisatie uit de lijst.",
    );
    expect((await link(beheerder, loose.user.id, "bestaat-niet")).status).toBe(400);
    expect((await link(beheerder, loose.user.id, "")).data.errors.organisatie).toBe(
      "Kies de organisatie waarvoor deze partner werkt.",
    );
    expect((await link(beheerder, "geen-gebruiker", "elan-wonen")).status).toBe(404);
    const notPartner = await link(beheerder, ambtenaar.user.id, "elan-wonen");
    expect(notPartner.status).toBe(400);
    expect(notPartner.data.errors.organisatie).toContain("rol Partner prestatieafspraken");
    // Only a beheerder manages users.
    expect((await link(ambtenaar, loose.user.id, "elan-wonen")).status).toBe(403);
    expect((await link(loose, loose.user.id, "elan-wonen")).status).toBe(403);
    expect(
      await getDb().select().from(monitorPartners).where(eq(monitorPartners.userId, loose.user.id)),
    ).toEqual([]);

    // Link: the partner can write at once (no new login needed).
    const linked = await link(beheerder, loose.user.id, "elan-wonen");
    expect(linked.status).toBe(200);
    expect(linked.data.message).toContain("Elan Wonen");
    expect((await post(loose, own!.id, form)).status).toBe(200);
    const page = await run<{ partners: { links: Record<string, string> } }>(
      staffUsersRoute.loader,
      makeRequest("/beheer/gebruikers", { cookie: beheerder.cookie }),
    );
    expect(page.data.partners.links[loose.user.id]).toBe("elan-wonen");

    // Relink and unlink.
    expect((await link(beheerder, loose.user.id, "bewonerskern-pre-zuid-kennemerland")).status).toBe(200);
    expect((await link(beheerder, loose.user.id, "")).status).toBe(200);
    expect((await post(loose, own!.id, form)).status).toBe(403);

    const lines = await getDb()
      .select()
      .from(auditLog)
      .where(sql`${auditLog.action} like 'monitor_partner.%'`)
      .orderBy(auditLog.id);
    expect(lines.map((l) => [l.action, (l.details as { organisatie: string }).organisatie])).toEqual([
      ["monitor_partner.linked", "elan-wonen"],
      ["monitor_partner.linked", "bewonerskern-pre-zuid-kennemerland"],
      ["monitor_partner.unlinked", "bewonerskern-pre-zuid-kennemerland"],
    ]);
    expect(lines.every((l) => l.actorId === beheerder.user.id)).toBe(true);
  });
});

describe("the maintained current-stoplicht table", () => {
  // The rule it materialises, computed directly: the latest confirmed update of the key up to each tertiaal.
  async function drift() {
    const rows = await getDb().execute<{ n: number }>(sql`
      select count(*)::int as n from monitor_agreements a
      cross join lateral generate_series(a.first_year, a.last_year) y(y) cross join generate_series(1, 3) t(t)
      left join monitor_stoplicht_current s on s.agreement_id = a.id and s.year = y.y and s.tertiaal = t.t
      left join lateral (select u.stoplicht from monitor_updates u where u.agreement_key = a.key
        and u.status = 'confirmed' and (u.year, u.tertiaal) <= (y.y, t.t)
        order by u.year desc, u.tertiaal desc, u.id desc limit 1) u on true
      where s.stoplicht is distinct from coalesce(u.stoplicht, 'not_assessed')`);
    return rows[0]!.n;
  }

  test("stays equal to the rule after confirm, send back, import and copy", async () => {
    expect(await drift()).toBe(0);
    const round = await openRound("2024", "2");
    const elan = await partner("elan-wonen");
    const own = await getDb()
      .select({
        id: monitorAgreementParties.agreementId,
        key: monitorAgreements.key,
        kind: monitorAgreements.kind,
      })
      .from(monitorAgreementParties)
      .innerJoin(monitorAgreements, eq(monitorAgreements.id, monitorAgreementParties.agreementId))
      .where(
        and(eq(monitorAgreementParties.organisationId, "elan-wonen"), eq(monitorAgreements.kind, "jaar")),
      );
    const [a, b] = own;
    for (const [x, stoplicht] of [
      [a!, "completed"],
      [b!, "red"],
    ] as const)
      await post(elan, x.id, { intent: "update", ronde: String(round.id), stoplicht, toelichting: "Stand." });
    const pending = await getDb().select().from(monitorUpdates).where(eq(monitorUpdates.status, "submitted"));
    const ua = pending.find((u) => u.agreementId === a!.id)!;
    const ub = pending.find((u) => u.agreementId === b!.id)!;
    await post(ambtenaar, a!.id, { intent: "confirm", update: String(ua.id) });
    await post(ambtenaar, b!.id, { intent: "send_back", update: String(ub.id), notitie: "Graag cijfers." });
    expect(await drift()).toBe(0);
    const at = async (q: string) =>
      (
        await run<{ rows: { key: string; stoplicht: string }[] }>(
          publicIndex.loader,
          makeRequest(`/prestatieafspraken?${q}`),
        )
      ).data.rows;
    const stoplichtOf = async (q: string, key: string) =>
      (await at(`${q}&zoek=${encodeURIComponent(key.split(" (")[0]!)}`)).find((r) => r.key === key)
        ?.stoplicht;
    expect(await stoplichtOf("jaar=2024&tertiaal=1", a!.key)).toBe("not_assessed");
    expect(await stoplichtOf("jaar=2024&tertiaal=2", a!.key)).toBe("completed");
    expect(await stoplichtOf("jaar=2024&tertiaal=3", a!.key)).toBe("not_assessed"); // the seed's T3 text
    expect(await stoplichtOf("jaar=2024&tertiaal=2", b!.key)).toBe("not_assessed");

    // Copy 2024 to 2025: the copies get their rows, from the history of the key.
    const copy = await run(
      staffRounds.action,
      makeRequest("/beheer/prestatieafspraken/rondes", {
        form: { intent: "copy", jaar: "2024" },
        cookie: ambtenaar.cookie,
      }),
    );
    expect(copy.status).toBe(200);
    expect(await drift()).toBe(0);
    const copies = await getDb()
      .select()
      .from(monitorAgreements)
      .where(eq(monitorAgreements.firstYear, 2025));
    expect(copies.length).toBeGreaterThan(0);

    // Import (gemeente): confirmed at once.
    const file = new File(
      [`Sleutel;Titel;Organisatie;Stoplicht;Toelichting\n${b!.key};x;Elan Wonen;Geel;Via het bestand.\n`],
      "ronde.csv",
      { type: "text/csv" },
    );
    const body = new FormData();
    body.set("ronde", String(round.id));
    body.set("intent", "import");
    body.set("bestand", file);
    const imported = await run(
      staffImport.action,
      new Request("http://localhost/beheer/prestatieafspraken/import", {
        method: "POST",
        body,
        headers: { Cookie: ambtenaar.cookie },
      }),
    );
    expect(imported.status).toBe(200);
    expect(await stoplichtOf("jaar=2024&tertiaal=2", b!.key)).toBe("yellow");
    expect(await drift()).toBe(0);
    expect(await getDb().select().from(monitorReactions)).toEqual([]);
  });
});
