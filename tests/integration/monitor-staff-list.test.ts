// The gemeente's list "Alle afspraken" on /beheer/prestatieafspraken, on the seeded 2024 data (75 agreements):
// the default period, paging by 50, each filter (thema, organisatie as trekker or party, stoplicht incl.
// "nog niet beoordeeld", zoek), the "update waits" flag, no list for a partner, and query values that do not
// fit are left out (named for the page) instead of breaking it.
import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { stoplichtWords } from "../../app/domain/monitor/vocabulary";
import { getDb } from "../../app/lib/db.server";
import * as staffIndex from "../../app/routes/beheer.prestatieafspraken._index";
import * as staffAgreement from "../../app/routes/beheer.prestatieafspraken.$id";
import * as staffRounds from "../../app/routes/beheer.prestatieafspraken.rondes";
import { monitorAgreementParties, monitorAgreements, monitorPartners, monitorRounds } from "../../db/schema";
import { loadMonitorData } from "../../db/seed/monitor";
import { loginAs, resetDatabase } from "../support/db";
import { makeRequest, run } from "../support/remix";

type Session = Awaited<ReturnType<typeof loginAs>>;
type Row = {
  id: number;
  number: string;
  theme: number;
  stoplicht: string;
  trekkers: string[];
  pending: boolean;
};
type List = {
  filter: { year: number; tertiaal: number; page: number; organisation: string | null };
  ignored: string[];
  rows: Row[];
  total: number;
  pageCount: number;
};
type Home = { isGemeente: boolean; list: List | null };

let ambtenaar: Session;

beforeEach(async () => {
  await resetDatabase();
  await loadMonitorData(getDb());
  ambtenaar = await loginAs(["ambtenaar"]);
});

async function home(s: Session, query = "") {
  const res = await run<Home>(
    staffIndex.loader,
    makeRequest(`/beheer/prestatieafspraken${query ? `?${query}` : ""}`, { cookie: s.cookie }),
  );
  expect(res.status).toBe(200);
  return res.data;
}

async function list(s: Session, query = "") {
  const data = await home(s, query);
  expect(data.list).not.toBeNull();
  return data.list!;
}

async function agreementIds(where: ReturnType<typeof sql>) {
  const rows = await getDb()
    .select({ id: monitorAgreements.id })
    .from(monitorAgreements)
    .where(
      sql`${monitorAgreements.firstYear} <= 2024 and ${monitorAgreements.lastYear} >= 2024 and ${where}`,
    );
  return new Set(rows.map((r) => r.id));
}

describe("the gemeente's list of all agreements", () => {
  test("defaults to the latest period with a confirmed stand and pages by 50", async () => {
    const first = await list(ambtenaar);
    expect(first.filter).toMatchObject({ year: 2024, tertiaal: 3, page: 1 });
    expect(first.ignored).toEqual([]);
    expect(first.total).toBe(75);
    expect(first.pageCount).toBe(2);
    expect(first.rows).toHaveLength(50);
    const second = await list(ambtenaar, "pagina=2");
    expect(second.rows).toHaveLength(25);
    const ids = new Set([...first.rows, ...second.rows].map((r) => r.id));
    expect(ids.size).toBe(75);
    expect(await agreementIds(sql`true`)).toEqual(ids);
    // Past the last page: an empty page, no error.
    const beyond = await list(ambtenaar, "pagina=9");
    expect(beyond.rows).toEqual([]);
    expect(beyond.total).toBe(75);
    // A beheerder gets the list too.
    expect((await list(await loginAs(["beheerder"]))).total).toBe(75);
  });

  test("filters by thema, organisatie (trekker or party), stoplicht and zoek", async () => {
    const theme1 = await list(ambtenaar, "thema=1");
    expect(theme1.rows.length).toBeGreaterThan(0);
    expect(theme1.rows.every((r) => r.theme === 1)).toBe(true);
    expect(theme1.total).toBe((await agreementIds(sql`${monitorAgreements.theme} = 1`)).size);

    // Pré Wonen as trekker or as party: more than as trekker alone, when the seed has it as a party.
    const ofPre = await getDb()
      .selectDistinct({ id: monitorAgreementParties.agreementId, role: monitorAgreementParties.role })
      .from(monitorAgreementParties)
      .innerJoin(monitorAgreements, eq(monitorAgreements.id, monitorAgreementParties.agreementId))
      .where(
        and(eq(monitorAgreementParties.organisationId, "pre-wonen"), eq(monitorAgreements.firstYear, 2024)),
      );
    const expected = new Set(ofPre.map((p) => p.id));
    const byOrg = await list(ambtenaar, `organisatie=pre-wonen&pagina=1`);
    expect(byOrg.filter.organisation).toBe("pre-wonen");
    expect(byOrg.total).toBe(expected.size);
    expect(byOrg.rows.every((r) => expected.has(r.id))).toBe(true);
    expect(byOrg.rows.some((r) => !r.trekkers.includes("pre-wonen"))).toBe(
      ofPre.some((p) => p.role === "party" && !ofPre.some((q) => q.id === p.id && q.role === "trekker")),
    );

    // Stoplicht, as the Dutch word in the URL; before any confirmed stand every agreement is "nog niet beoordeeld".
    const early = await list(ambtenaar, "jaar=2024&tertiaal=1&stoplicht=nog_niet_beoordeeld");
    expect(early.total).toBe(75);
    expect(early.rows.every((r) => r.stoplicht === "not_assessed")).toBe(true);
    // Every stoplicht word: exactly the rows of that stoplicht, together all 75.
    const all = [...(await list(ambtenaar)).rows, ...(await list(ambtenaar, "pagina=2")).rows];
    let sum = 0;
    for (const [code, word] of Object.entries(stoplichtWords)) {
      const only = await list(ambtenaar, `stoplicht=${word}&pagina=1`);
      expect(only.ignored).toEqual([]);
      expect(only.total).toBe(all.filter((r) => r.stoplicht === code).length);
      expect(only.rows.every((r) => r.stoplicht === code)).toBe(true);
      sum += only.total;
    }
    expect(sum).toBe(75);

    // Zoek on the number.
    const found = await list(ambtenaar, `zoek=${encodeURIComponent("K 1.4")}`);
    expect(found.rows.map((r) => r.number)).toContain("K 1.4");
    const none = await list(ambtenaar, "zoek=bestaatnietxyz");
    expect(none.total).toBe(0);
    expect(none.rows).toEqual([]);
  });

  test("marks the agreements with an update waiting for confirmation", async () => {
    const opened = await run(
      staffRounds.action,
      makeRequest("/beheer/prestatieafspraken/rondes", {
        form: { intent: "open", jaar: "2024", tertiaal: "2", herinnering: "7" },
        cookie: ambtenaar.cookie,
      }),
    );
    expect(opened.status).toBe(200);
    const [round] = await getDb()
      .select()
      .from(monitorRounds)
      .where(and(eq(monitorRounds.year, 2024), eq(monitorRounds.tertiaal, 2)));
    const elan = await loginAs(["partner"]);
    await getDb().insert(monitorPartners).values({ userId: elan.user.id, organisationId: "elan-wonen" });
    const [own] = await getDb()
      .select({ id: monitorAgreementParties.agreementId, number: monitorAgreements.number })
      .from(monitorAgreementParties)
      .innerJoin(monitorAgreements, eq(monitorAgreements.id, monitorAgreementParties.agreementId))
      .where(
        and(eq(monitorAgreementParties.organisationId, "elan-wonen"), eq(monitorAgreements.firstYear, 2024)),
      );
    const posted = await run(
      staffAgreement.action,
      makeRequest(`/beheer/prestatieafspraken/${own!.id}`, {
        form: { intent: "update", ronde: String(round!.id), stoplicht: "red", toelichting: "Stand." },
        cookie: elan.cookie,
      }),
      { id: String(own!.id) },
    );
    expect(posted.status).toBe(200);
    const rows = [...(await list(ambtenaar)).rows, ...(await list(ambtenaar, "pagina=2")).rows];
    expect(rows.filter((r) => r.pending).map((r) => r.id)).toEqual([own!.id]);
    // The update waits, so the confirmed stand is unchanged.
    const row = rows.find((r) => r.id === own!.id)!;
    expect(row.stoplicht).not.toBe("red");

    // The partner keeps their own view: no list of all agreements.
    const partnerHome = await home(elan);
    expect(partnerHome.isGemeente).toBe(false);
    expect(partnerHome.list).toBeNull();
  });

  test("query values that do not fit are left out, never a 500", async () => {
    const bad = await list(
      ambtenaar,
      "jaar=abc&tertiaal=9&thema=x&organisatie=onbekend&stoplicht=paars&pagina=-1&trekker=nope",
    );
    expect(bad.filter).toMatchObject({ year: 2024, tertiaal: 3, page: 1, organisation: null });
    expect(bad.total).toBe(75);
    expect(new Set(bad.ignored)).toEqual(
      new Set(["jaar", "tertiaal", "thema", "organisatie", "stoplicht", "pagina"]),
    );
    const odd = await list(
      ambtenaar,
      `jaar=1900&tertiaal=1.5&thema=99&pagina=1e9&zoek=${"%_\\".repeat(60)}&stoplicht=groen&stoplicht=paars`,
    );
    expect(odd.filter).toMatchObject({ year: 2024, tertiaal: 3, page: 1 });
    expect(odd.ignored).not.toContain("stoplicht");
    expect(odd.total).toBe(0); // the search for the literal characters finds nothing
    // An empty choice ("Alle thema's") is no choice and no complaint.
    const empty = await list(ambtenaar, "thema=&organisatie=&stoplicht=&zoek=");
    expect(empty.ignored).toEqual([]);
    expect(empty.total).toBe(75);
  });
});
