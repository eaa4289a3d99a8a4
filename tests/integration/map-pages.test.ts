import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { getDb } from "../../app/lib/db.server";
import * as home from "../../app/routes/_index";
import * as staffImport from "../../app/routes/beheer.kaart.import";
import * as staffNew from "../../app/routes/beheer.kaart.nieuw";
import * as staffWijken from "../../app/routes/beheer.wijken";
import * as list from "../../app/routes/initiatieven._index";
import * as detail from "../../app/routes/initiatieven.$id";
import { auditLog, initiativeEvents, initiatives, outbox, wijken } from "../../db/schema";
import { loginAs, resetDatabase } from "../support/db";
import { createInitiative, PRIVATE_MARKERS } from "../support/map-fixtures";
import { makeRequest, run } from "../support/remix";

beforeEach(resetDatabase);

const square = (w: number, s: number, e: number, n: number) => [
  [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ],
];

function multipart(
  path: string,
  cookie: string,
  fields: Record<string, string>,
  file?: { name: string; content: string },
) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  if (file) body.append("bestand", new File([file.content], file.name, { type: "text/plain" }));
  return new Request(`http://localhost${path}`, { method: "POST", headers: { Cookie: cookie }, body });
}

describe("the public list and detail page", () => {
  test("the list shows published initiatives only, filtered by the URL, without private fields", async () => {
    await createInitiative({ publicTitle: "Moestuin", theme: "groen" });
    await createInitiative({ publicTitle: "Zebrapad", theme: "verkeer" });
    await createInitiative({ publicTitle: "Geheim plan", isPublished: false });
    const res = await run<{ list: { total: number; initiatives: { title: string }[] } }>(
      list.loader,
      makeRequest("/initiatieven?thema=verkeer"),
    );
    expect(res.data.list.total).toBe(1);
    expect(res.data.list.initiatives.map((i) => i.title)).toEqual(["Zebrapad"]);
    const all = JSON.stringify((await run(list.loader, makeRequest("/initiatieven"))).data);
    expect(all).not.toContain("Geheim plan");
    for (const secret of Object.values(PRIVATE_MARKERS)) expect(all).not.toContain(secret);
  });

  test("the status filter offers only statuses a published initiative can have, and ignores others", async () => {
    await createInitiative({ publicTitle: "Moestuin", status: "in_execution" });
    await createInitiative({ publicTitle: "Bankje", status: "planning" });
    const res = await run<{ filters: { status?: string }; list: { total: number } }>(
      list.loader,
      makeRequest("/initiatieven?status=afgewezen"),
    );
    expect(res.data.filters.status).toBeUndefined();
    expect(res.data.list.total).toBe(2);
    // The URL carries the Dutch word; the filter holds the stored code.
    const filtered = await run<{ filters: { status?: string }; list: { total: number } }>(
      list.loader,
      makeRequest("/initiatieven?status=planvorming"),
    );
    expect(filtered.data.filters.status).toBe("planning");
    expect(filtered.data.list.total).toBe(1);
    const { publicStatusOptions } = await import("../../app/domain/initiatives/statuses");
    const offered = publicStatusOptions().map((o) => o.value);
    expect(offered).not.toContain("afgewezen");
    expect(offered).not.toContain("ingetrokken");
    expect(offered).toContain("in_uitvoering");
  });

  test("free text searches public text only, never the private description", async () => {
    await createInitiative({ publicTitle: "Moestuin", publicSummary: "Samen tuinieren" });
    const search = async (q: string) =>
      (
        await run<{ list: { total: number } }>(
          list.loader,
          makeRequest(`/initiatieven?zoek=${encodeURIComponent(q)}`),
        )
      ).data.list.total;
    expect(await search("tuinier")).toBe(1);
    expect(await search("privégegevens")).toBe(0);
  });

  test("a page of an unpublished or unknown initiative is a 404", async () => {
    const hidden = await createInitiative({ isPublished: false });
    for (const id of [hidden.id, "00000000-0000-0000-0000-000000000000", "geen-uuid"])
      expect((await run(detail.loader, makeRequest(`/initiatieven/${id}`), { id })).status).toBe(404);
  });

  test("the detail page shows the public status timeline, not the texts of events", async () => {
    const i = await createInitiative({ status: "in_execution" });
    await getDb()
      .insert(initiativeEvents)
      .values([
        {
          initiativeId: i.id,
          kind: "status",
          status: "new",
          text: "interne notitie",
          at: new Date("2026-01-01"),
        },
        { initiativeId: i.id, kind: "status", status: "in_execution", at: new Date("2026-02-01") },
      ]);
    const res = await run<{ timeline: { status: string }[]; canContact: boolean }>(
      detail.loader,
      makeRequest(`/initiatieven/${i.id}`),
      { id: i.id },
    );
    expect(res.data.timeline.map((t) => t.status)).toEqual(["new", "in_execution"]);
    expect(res.data.canContact).toBe(true);
    const text = JSON.stringify(res.data);
    expect(text).not.toContain("interne notitie");
    for (const secret of Object.values(PRIVATE_MARKERS)) expect(text).not.toContain(secret);
  });

  test("a message is relayed to the initiator by e-mail; the sender never sees the address", async () => {
    const i = await createInitiative();
    const form = { naam: "Els", email: "els@voorbeeld.nl", bericht: "Ik wil graag meehelpen.", website: "" };
    const res = await run(detail.action, makeRequest(`/initiatieven/${i.id}`, { form }), { id: i.id });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.data)).not.toContain(PRIVATE_MARKERS.email);
    const mails = await getDb().select().from(outbox);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      to: PRIVATE_MARKERS.email,
      kind: "initiative.contact",
      headers: { "Reply-To": "els@voorbeeld.nl" },
    });
    expect(mails[0]!.text).toContain("Ik wil graag meehelpen.");
  });

  test("the honeypot and the rate limit stop bulk messages", async () => {
    const i = await createInitiative();
    const form = { naam: "Bot", email: "bot@voorbeeld.nl", bericht: "Koop nu", website: "http://spam" };
    expect(
      (await run(detail.action, makeRequest(`/initiatieven/${i.id}`, { form }), { id: i.id })).status,
    ).toBe(200);
    expect(await getDb().select().from(outbox)).toHaveLength(0);
    const ok = { ...form, website: "" };
    const statuses: number[] = [];
    for (let n = 0; n < 6; n++)
      statuses.push(
        (await run(detail.action, makeRequest(`/initiatieven/${i.id}`, { form: ok }), { id: i.id })).status,
      );
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  test("without consent of the initiator there is no contact form", async () => {
    const i = await createInitiative({ consentContact: false });
    const form = { naam: "Els", email: "els@voorbeeld.nl", bericht: "Hallo" };
    expect(
      (await run(detail.action, makeRequest(`/initiatieven/${i.id}`, { form }), { id: i.id })).status,
    ).toBe(404);
    expect(await getDb().select().from(outbox)).toHaveLength(0);
  });

  test("the home page shows featured published initiatives", async () => {
    await createInitiative({ publicTitle: "Uitgelicht", isFeatured: true });
    await createInitiative({ publicTitle: "Gewoon" });
    await createInitiative({ publicTitle: "Verborgen", isFeatured: true, isPublished: false });
    const res = await run<{ featured: { title: string }[] }>(home.loader, makeRequest("/"));
    expect(res.data.featured.map((f) => f.title)).toEqual(["Uitgelicht"]);
  });
});

describe("staff", () => {
  test("an onderzoeker may not add initiatives; anonymous visitors go to the login page", async () => {
    const { cookie } = await loginAs(["onderzoeker"]);
    expect((await run(staffNew.loader, makeRequest("/beheer/kaart/nieuw", { cookie }))).status).toBe(403);
    expect(
      (await run(staffNew.action, makeRequest("/beheer/kaart/nieuw", { cookie, form: {} }))).status,
    ).toBe(403);
    expect((await run(staffNew.loader, makeRequest("/beheer/kaart/nieuw"))).location).toMatch(
      /^\/beheer\/inloggen/,
    );
  });

  test("an added initiative gets its wijk from its point, and the change is in the audit log", async () => {
    await getDb()
      .insert(wijken)
      .values({
        code: "WK01",
        name: "Centrum",
        geometry: { type: "Polygon", coordinates: square(4.6, 52.34, 4.62, 52.36) },
      });
    const { cookie } = await loginAs(["ambtenaar"]);
    const form = {
      titel: "Bankje",
      samenvatting: "Een bank",
      thema: "groen",
      status: "in_execution",
      breedtegraad: "52,35",
      lengtegraad: "4,61",
      gepubliceerd: "ja",
      email: "init@voorbeeld.nl",
    };
    const res = await run(staffNew.action, makeRequest("/beheer/kaart/nieuw", { cookie, form }));
    expect(res.status).toBe(302);
    const [row] = await getDb().select().from(initiatives);
    expect(row).toMatchObject({
      publicTitle: "Bankje",
      locationKind: "address",
      wijkCode: "WK01",
      isPublished: true,
      publicLat: 52.35,
      initiatorEmail: "init@voorbeeld.nl",
      consentContact: true,
    });
    expect(
      await getDb().select().from(auditLog).where(eq(auditLog.action, "initiative.created")),
    ).toHaveLength(1);
  });

  test("CSV import: a dry run writes nothing; one bad row stops the whole file; a good file imports all", async () => {
    const { cookie } = await loginAs(["ambtenaar"]);
    const good =
      "titel;samenvatting;thema;status;breedtegraad;lengtegraad\nBankje;Een bank;groen;lopend;52,35;4,61\n";
    const csv = `${good.replace("lopend", "in_uitvoering")}Zebrapad;Oversteek;verkeer;afgerond;;\n`;
    const bad = `${csv}Fout;Fout;paars;in_uitvoering;;\n`;

    const rejected = await run<{ rowErrors: { line: number; messages: string[] }[] }>(
      staffImport.action,
      multipart("/beheer/kaart/import", cookie, { intent: "import" }, { name: "a.csv", content: bad }),
    );
    expect(rejected.status).toBe(400);
    expect(rejected.data.rowErrors.map((r) => r.line)).toEqual([3, 4]);
    expect(await getDb().select().from(initiatives)).toHaveLength(0);

    const fixed = csv.replace("afgerond", "gerealiseerd");
    const preview = await run<{ preview: unknown[] }>(
      staffImport.action,
      multipart("/beheer/kaart/import", cookie, { intent: "check" }, { name: "a.csv", content: fixed }),
    );
    expect(preview.status).toBe(200);
    expect(preview.data.preview).toHaveLength(2);
    expect(await getDb().select().from(initiatives)).toHaveLength(0);

    const done = await run(
      staffImport.action,
      multipart("/beheer/kaart/import", cookie, { intent: "import", csv: fixed }),
    );
    expect(done.status).toBe(302);
    const rows = await getDb().select().from(initiatives);
    expect(rows.map((r) => r.publicTitle).sort()).toEqual(["Bankje", "Zebrapad"]);
    expect(rows.every((r) => r.isPublished)).toBe(true);
    // The Dutch words of the file are stored as the English codes.
    expect(rows.map((r) => r.status).sort()).toEqual(["in_execution", "realised"]);
    // The file has no location kind: a point is an address, no point and no wijk all of Heemstede.
    expect(rows.map((r) => [r.publicTitle, r.locationKind]).sort()).toEqual([
      ["Bankje", "address"],
      ["Zebrapad", "whole_town"],
    ]);
    expect(
      await getDb().select().from(auditLog).where(eq(auditLog.action, "initiative.imported")),
    ).toHaveLength(1);
  });

  test("wijken GeoJSON import stores boundaries and derives the wijk of existing initiatives again", async () => {
    const i = await createInitiative({ lat: 52.355, lng: 4.615, wijkCode: null });
    const { cookie } = await loginAs(["beheerder"]);
    const geojson = JSON.stringify({
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          properties: { WK_CODE: "WK039700", WK_NAAM: "Centrum" },
          geometry: { type: "Polygon", coordinates: square(4.6, 52.34, 4.62, 52.36) },
        },
      ],
    });
    const res = await run<{ imported: number; reassigned: number }>(
      staffWijken.action,
      multipart("/beheer/wijken", cookie, {}, { name: "w.geojson", content: geojson }),
    );
    expect(res.data).toMatchObject({ imported: 1, reassigned: 1 });
    const [row] = await getDb().select().from(initiatives).where(eq(initiatives.id, i.id));
    expect(row!.wijkCode).toBe("WK039700");
    expect(await getDb().select().from(auditLog).where(eq(auditLog.action, "wijk.imported"))).toHaveLength(1);
  });

  test("wijken in another projection are refused and nothing is stored", async () => {
    const { cookie } = await loginAs(["beheerder"]);
    const geojson = JSON.stringify({
      type: "FeatureCollection",
      crs: { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::28992" } },
      features: [
        {
          type: "Feature",
          properties: { wijkcode: "WK1", wijknaam: "A" },
          geometry: { type: "Polygon", coordinates: square(100000, 480000, 101000, 481000) },
        },
      ],
    });
    const res = await run<{ errors: string[] }>(
      staffWijken.action,
      multipart("/beheer/wijken", cookie, {}, { name: "w.geojson", content: geojson }),
    );
    expect(res.status).toBe(400);
    expect(res.data.errors[0]).toMatch(/EPSG:4326/);
    expect(await getDb().select().from(wijken)).toHaveLength(0);
  });

  test("only a beheerder manages wijken", async () => {
    const { cookie } = await loginAs(["ambtenaar"]);
    expect((await run(staffWijken.loader, makeRequest("/beheer/wijken", { cookie }))).status).toBe(403);
  });
});
