// The prestatieafspraken monitor against PostgreSQL: the public overview, partner scoping (also by posting
// another agreement's id), confirm and send back, round mails exactly once, and the import all or nothing.
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { sendDueReminders } from "../../app/domain/monitor/rounds.server";
import { getDb } from "../../app/lib/db.server";
import * as staffIndex from "../../app/routes/beheer._index";
import * as staffAgreement from "../../app/routes/beheer.prestatieafspraken.$id";
import * as staffImport from "../../app/routes/beheer.prestatieafspraken.import";
import * as staffRounds from "../../app/routes/beheer.prestatieafspraken.rondes";
import * as publicIndex from "../../app/routes/prestatieafspraken._index";
import * as publicDetail from "../../app/routes/prestatieafspraken_.$id";
import * as publicExport from "../../app/routes/prestatieafspraken_.export.$formaat";
import {
  auditLog,
  monitorAgreements,
  monitorPartners,
  monitorRoundMails,
  monitorRounds,
  monitorUpdates,
  outbox,
} from "../../db/schema";
import { loadMonitorData } from "../../db/seed/monitor";
import { loginAs, resetDatabase } from "../support/db";
import { makeRequest, run } from "../support/remix";

type Session = Awaited<ReturnType<typeof loginAs>>;
let elan: Session;
let pre: Session;
let bewonersraad: Session;
let ambtenaar: Session;

async function partner(organisationId: string) {
  const s = await loginAs(["partner"]);
  await getDb().insert(monitorPartners).values({ userId: s.user.id, organisationId });
  return s;
}

async function idOf(number: string) {
  const [a] = await getDb().select().from(monitorAgreements).where(eq(monitorAgreements.number, number));
  return a!.id;
}

async function openRound2024(tertiaal = "2") {
  const res = await run(
    staffRounds.action,
    makeRequest("/beheer/prestatieafspraken/rondes", {
      form: { intent: "open", jaar: "2024", tertiaal, herinnering: "7" },
      cookie: ambtenaar.cookie,
    }),
  );
  expect(res.status).toBe(200);
  const [round] = await getDb()
    .select()
    .from(monitorRounds)
    .where(and(eq(monitorRounds.year, 2024), eq(monitorRounds.tertiaal, Number(tertiaal))));
  return round!;
}

const post = (s: Session, id: number, form: Record<string, string>) =>
  run(staffAgreement.action, makeRequest(`/beheer/prestatieafspraken/${id}`, { form, cookie: s.cookie }), {
    id: String(id),
  });

beforeEach(async () => {
  await resetDatabase();
  await loadMonitorData(getDb());
  ambtenaar = await loginAs(["ambtenaar"]);
  elan = await partner("elan-wonen");
  pre = await partner("pre-wonen");
  bewonersraad = await partner("bewonersraad-elan-wonen");
});

describe("public overview", () => {
  test("shows all 75 agreements of 2024 with counts per theme, and 'nog niet beoordeeld' for every one", async () => {
    const res = await run<Awaited<ReturnType<typeof publicIndex.loader>>>(
      publicIndex.loader,
      makeRequest("/prestatieafspraken?jaar=2024&tertiaal=3"),
    );
    expect(res.data.total).toBe(75);
    expect(res.data.summary.byTheme.map((t) => t.counts.total)).toEqual([23, 19, 17, 13, 3]);
    expect(res.data.summary.total.not_assessed).toBe(75);
    expect(res.data.rows).toHaveLength(20);
    // Elan Wonen is trekker of every corporaties' agreement, and of J 2.3, J 2.6 alone
    expect(
      res.data.summary.byTrekker.find((t) => t.organisationId === "elan-wonen")?.counts.total,
    ).toBeGreaterThan(20);
  });

  test("filters by theme, trekker, stoplicht and search from the URL", async () => {
    const res = await run<Awaited<ReturnType<typeof publicIndex.loader>>>(
      publicIndex.loader,
      makeRequest("/prestatieafspraken?jaar=2024&tertiaal=3&thema=3&zoek=wijkschouw"),
    );
    expect(res.data.rows.map((r) => r.number).sort()).toEqual(["J 3.4", "K 3.2"]);
    const none = await run<Awaited<ReturnType<typeof publicIndex.loader>>>(
      publicIndex.loader,
      makeRequest("/prestatieafspraken?jaar=2024&stoplicht=groen"),
    );
    expect(none.data.total).toBe(0);
  });

  test("pages, the stoplicht filter, the page's stoplicht with explanation and the default period agree", async () => {
    const round = await openRound2024();
    const a = await idOf("J 1.3");
    await post(elan, a, {
      intent: "update",
      ronde: String(round.id),
      stoplicht: "green",
      toelichting: "Vijver aangelegd.",
    });
    const [u] = await getDb()
      .select()
      .from(monitorUpdates)
      .where(and(eq(monitorUpdates.agreementId, a), eq(monitorUpdates.status, "submitted")));
    expect((await post(ambtenaar, a, { intent: "confirm", update: String(u!.id) })).status).toBe(200);
    const load = (query: string) =>
      run<Awaited<ReturnType<typeof publicIndex.loader>>>(
        publicIndex.loader,
        makeRequest(`/prestatieafspraken${query}`),
      );
    // Without a period in the URL: the latest tertiaal with a confirmed update (2024 T3, the seed's monitor).
    const landing = await load("");
    expect([landing.data.filter.year, landing.data.filter.tertiaal]).toEqual([2024, 3]);
    expect(landing.data.years).toEqual([2024, 2025, 2026, 2027]);
    // A valid period in the URL is kept; an invalid tertiaal falls back to the default one.
    const kept = await load("?jaar=2025&tertiaal=5");
    expect([kept.data.filter.year, kept.data.filter.tertiaal]).toEqual([2025, 3]);
    const green = await load("?jaar=2024&tertiaal=2&stoplicht=groen");
    expect(green.data.total).toBe(1);
    expect(green.data.summary.total.green).toBe(1);
    expect(green.data.summary.total.total).toBe(75);
    expect(green.data.rows).toEqual([
      expect.objectContaining({
        id: a,
        number: "J 1.3",
        stoplicht: "green",
        explanation: "Vijver aangelegd.",
        trekkers: expect.arrayContaining(["elan-wonen", "pre-wonen"]),
      }),
    ]);
    const pages = await Promise.all([1, 2, 3, 4].map((n) => load(`?jaar=2024&tertiaal=2&pagina=${n}`)));
    expect(pages.map((p) => p.data.rows.length)).toEqual([20, 20, 20, 15]);
    const ids = pages.flatMap((p) => p.data.rows.map((r) => r.id));
    expect(new Set(ids).size).toBe(75);
    const rowA = pages.flatMap((p) => p.data.rows).find((r) => r.id === a)!;
    expect(rowA).toMatchObject({ stoplicht: "green", explanation: "Vijver aangelegd." });
    expect(pages[0]!.data.rows[0]).toEqual({
      id: expect.any(Number),
      key: expect.any(String),
      number: expect.any(String),
      kind: expect.stringMatching(/^(kader|jaar)$/),
      theme: 1,
      subThemeLabel: expect.toBeOneOf([null, expect.any(String)]),
      title: expect.any(String),
      prioriteit: expect.toBeOneOf([null, expect.any(String)]),
      prioriteitAsWritten: expect.toBeOneOf([null, expect.any(String)]),
      stoplicht: expect.any(String),
      explanation: expect.toBeOneOf([null, expect.any(String)]),
      trekkers: expect.any(Array),
      parties: expect.any(Array),
    });
  });

  test("an unknown agreement is a 404", async () => {
    for (const id of ["999999", "abc", "0", "99999999999"]) {
      const res = await run(publicDetail.loader, makeRequest(`/prestatieafspraken/${id}`), { id });
      expect(res.status, id).toBe(404);
    }
  });

  test("the CSV export is formula-safe and the JSON export is open data", async () => {
    const id = await idOf("K 1.1");
    await getDb()
      .update(monitorAgreements)
      .set({ title: '=HYPERLINK("x")' })
      .where(eq(monitorAgreements.id, id));
    const csv = await run<string>(
      publicExport.loader,
      makeRequest("/prestatieafspraken/export/csv?jaar=2024"),
      { formaat: "csv" },
    );
    expect(csv.data).toContain("'=HYPERLINK");
    const json = await run<{ afspraken: { nummer: string; prioriteit: string | null; stoplicht: string }[] }>(
      publicExport.loader,
      makeRequest("/prestatieafspraken/export/json?jaar=2024"),
      {
        formaat: "json",
      },
    );
    expect(json.data.afspraken).toHaveLength(75);
    // The open-data file keeps the Dutch words it had before the stored codes became English.
    expect(new Set(json.data.afspraken.map((a) => a.stoplicht))).toEqual(new Set(["nog_niet_beoordeeld"]));
    expect(json.data.afspraken.map((a) => a.prioriteit)).toContain("doorlopend");
    const none = await run(publicExport.loader, makeRequest("/prestatieafspraken/export/pdf"), {
      formaat: "pdf",
    });
    expect(none.status).toBe(404);
  });
});

describe("partners", () => {
  test("a partner is sent from /beheer to the monitor pages", async () => {
    const res = await run(staffIndex.loader, makeRequest("/beheer", { cookie: elan.cookie }));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/beheer/prestatieafspraken");
  });

  test("a corporatie updates only agreements of its organisation, also when posting another id", async () => {
    const round = await openRound2024();
    const own = await idOf("J 1.3"); // Corporaties
    const gemeenteOnly = await idOf("J 1.1"); // Gemeente
    const preOnly = await idOf("J 2.1"); // trekker Pré Wonen, parties gemeente (and corporaties)
    const ok = await post(elan, own, {
      intent: "update",
      ronde: String(round.id),
      stoplicht: "yellow",
      toelichting: "Loopt.",
    });
    expect(ok.status).toBe(200);
    const refused = await post(elan, gemeenteOnly, {
      intent: "update",
      ronde: String(round.id),
      stoplicht: "green",
      toelichting: "Niet van ons.",
    });
    expect(refused.status).toBe(403);
    const read = await run(
      staffAgreement.loader,
      makeRequest(`/beheer/prestatieafspraken/${gemeenteOnly}`, { cookie: elan.cookie }),
      {
        id: String(gemeenteOnly),
      },
    );
    expect(read.status).toBe(403);
    const rows = await getDb().select().from(monitorUpdates).where(eq(monitorUpdates.year, 2024));
    expect(rows.filter((r) => r.tertiaal === 2).map((r) => [r.agreementId, r.organisationId])).toEqual([
      [own, "elan-wonen"],
    ]);
    expect(preOnly).toBeGreaterThan(0);
  });

  test("a partner never sees another organisation's pending update", async () => {
    const round = await openRound2024();
    const shared = await idOf("J 1.3");
    await post(pre, shared, {
      intent: "update",
      ronde: String(round.id),
      stoplicht: "red",
      toelichting: "Geheim concept van Pré.",
    });
    const res = await run<{ detail: { timeline: { explanation: string }[] } }>(
      staffAgreement.loader,
      makeRequest(`/beheer/prestatieafspraken/${shared}`, { cookie: elan.cookie }),
      { id: String(shared) },
    );
    expect(JSON.stringify(res.data)).not.toContain("Geheim concept");
    const publicRes = await run(publicDetail.loader, makeRequest(`/prestatieafspraken/${shared}`), {
      id: String(shared),
    });
    expect(JSON.stringify(publicRes.data)).not.toContain("Geheim concept");
    const own = await run(
      staffAgreement.loader,
      makeRequest(`/beheer/prestatieafspraken/${shared}`, { cookie: pre.cookie }),
      {
        id: String(shared),
      },
    );
    expect(JSON.stringify(own.data)).toContain("Geheim concept");
  });

  test("a huurdersorganisatie reacts but cannot update; a corporatie cannot react", async () => {
    const round = await openRound2024();
    const id = await idOf("J 3.4");
    const update = await post(bewonersraad, id, {
      intent: "update",
      ronde: String(round.id),
      stoplicht: "green",
      toelichting: "x",
    });
    expect(update.status).toBe(403);
    const reaction = await post(bewonersraad, id, {
      intent: "react",
      ronde: String(round.id),
      reactie: "Goede wijkschouw.",
    });
    expect(reaction.status).toBe(200);
    const again = await post(bewonersraad, id, {
      intent: "react",
      ronde: String(round.id),
      reactie: "Goede wijkschouw, met bewoners.",
    });
    expect(again.status).toBe(200);
    const publicRes = await run<{ reactions: { text: string }[] }>(
      publicDetail.loader,
      makeRequest(`/prestatieafspraken/${id}`),
      {
        id: String(id),
      },
    );
    expect(publicRes.data.reactions.map((r) => r.text)).toEqual(["Goede wijkschouw, met bewoners."]);
    expect((await post(elan, id, { intent: "react", ronde: String(round.id), reactie: "x" })).status).toBe(
      403,
    );
  });

  test("bad input keeps the input with a Dutch message at the field; a closed round is refused", async () => {
    const round = await openRound2024();
    const id = await idOf("J 1.3");
    const empty = await post(elan, id, {
      intent: "update",
      ronde: String(round.id),
      stoplicht: "paars",
      toelichting: " ",
    });
    expect(empty.status).toBe(400);
    expect(empty.data).toMatchObject({
      errors: {
        stoplicht: "Kies een van de stoplichten uit de lijst.",
        toelichting: "Schrijf een toelichting bij het stoplicht.",
      },
      values: { stoplicht: "paars" },
    });
    const [closed] = await getDb().select().from(monitorRounds).where(eq(monitorRounds.status, "closed"));
    const late = await post(elan, id, {
      intent: "update",
      ronde: String(closed!.id),
      stoplicht: "green",
      toelichting: "Te laat.",
    });
    expect(late.status).toBe(400);
    expect(late.data).toMatchObject({
      errors: { ronde: expect.stringContaining("is gesloten") },
      values: { toelichting: "Te laat." },
    });
    expect(
      await getDb().select().from(monitorUpdates).where(eq(monitorUpdates.status, "submitted")),
    ).toHaveLength(0);
  });
});

describe("the gemeente confirms or sends back", () => {
  test("a confirmed update becomes public; a sent-back one needs a note and mails the author", async () => {
    const round = await openRound2024();
    const a = await idOf("J 1.3");
    const b = await idOf("J 1.6");
    await post(elan, a, {
      intent: "update",
      ronde: String(round.id),
      stoplicht: "green",
      toelichting: "Vijver aangelegd.",
    });
    await post(elan, b, {
      intent: "update",
      ronde: String(round.id),
      stoplicht: "red",
      toelichting: "Nog niets.",
    });
    const [ua] = await getDb()
      .select()
      .from(monitorUpdates)
      .where(and(eq(monitorUpdates.agreementId, a), eq(monitorUpdates.status, "submitted")));
    const [ub] = await getDb()
      .select()
      .from(monitorUpdates)
      .where(and(eq(monitorUpdates.agreementId, b), eq(monitorUpdates.status, "submitted")));
    expect((await post(elan, a, { intent: "confirm", update: String(ua!.id) })).status).toBe(403);
    expect((await post(ambtenaar, a, { intent: "confirm", update: String(ua!.id) })).status).toBe(200);
    // Twice: nothing changes the second time.
    expect((await post(ambtenaar, a, { intent: "confirm", update: String(ua!.id) })).status).toBe(400);
    // Another agreement's update id posted here is not found.
    expect(
      (await post(ambtenaar, a, { intent: "send_back", update: String(ub!.id), notitie: "x" })).status,
    ).toBe(404);
    const noNote = await post(ambtenaar, b, { intent: "send_back", update: String(ub!.id), notitie: "" });
    expect(noNote.data).toMatchObject({ errors: { notitie: "Schrijf waarom u de update terugstuurt." } });
    expect(
      (await post(ambtenaar, b, { intent: "send_back", update: String(ub!.id), notitie: "Graag cijfers." }))
        .status,
    ).toBe(200);

    const overview = await run<Awaited<ReturnType<typeof publicIndex.loader>>>(
      publicIndex.loader,
      makeRequest("/prestatieafspraken?jaar=2024&tertiaal=2"),
    );
    expect(overview.data.summary.total.green).toBe(1);
    expect(overview.data.summary.total.red).toBe(0);
    const mails = await getDb().select().from(outbox).where(eq(outbox.kind, "monitor.sent_back"));
    expect(mails.map((m) => m.to)).toEqual([elan.user.email]);
    const actions = (await getDb().select().from(auditLog)).map((l) => l.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "monitor_update.submitted",
        "monitor_update.confirmed",
        "monitor_update.sent_back",
      ]),
    );
  });
});

describe("rounds", () => {
  test("opening a round mails each partner once; a second open is refused; reminders go exactly once", async () => {
    await openRound2024();
    const invitations = await getDb()
      .select()
      .from(outbox)
      .where(eq(outbox.kind, "monitor.round_invitation"));
    expect(invitations.map((m) => m.to).sort()).toEqual(
      [elan.user.email, pre.user.email, bewonersraad.user.email].sort(),
    );
    expect(invitations.find((m) => m.to === elan.user.email)?.text).toContain(
      "J 1.3 (2024): Woningsplitsing",
    );
    const again = await run(
      staffRounds.action,
      makeRequest("/beheer/prestatieafspraken/rondes", {
        form: { intent: "open", jaar: "2024", tertiaal: "2", herinnering: "7" },
        cookie: ambtenaar.cookie,
      }),
    );
    expect(again.status).toBe(400);
    expect(again.data).toMatchObject({ errors: { tertiaal: expect.stringContaining("bestaat al") } });

    expect(await sendDueReminders(getDb(), new Date())).toBe(0); // not due yet
    const later = new Date(Date.now() + 8 * 86_400_000);
    const runs = await Promise.all([
      sendDueReminders(getDb(), later),
      sendDueReminders(getDb(), later),
      sendDueReminders(getDb(), later),
    ]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(3);
    expect(await sendDueReminders(getDb(), later)).toBe(0);
    const reminders = await getDb().select().from(outbox).where(eq(outbox.kind, "monitor.round_reminder"));
    expect(reminders).toHaveLength(3);
    expect(await getDb().select().from(monitorRoundMails)).toHaveLength(6);
  });

  test("copying to the next year keeps the key and the history, and is idempotent", async () => {
    const copy = () =>
      run(
        staffRounds.action,
        makeRequest("/beheer/prestatieafspraken/rondes", {
          form: { intent: "copy", jaar: "2024" },
          cookie: ambtenaar.cookie,
        }),
      );
    expect((await copy()).status).toBe(200);
    const copies = await getDb()
      .select()
      .from(monitorAgreements)
      .where(eq(monitorAgreements.firstYear, 2025));
    expect(copies).toHaveLength(33);
    expect(copies.map((c) => c.key)).toContain("J 1.1 (2024)");
    expect((await copy()).status).toBe(200);
    expect(
      await getDb().select().from(monitorAgreements).where(eq(monitorAgreements.firstYear, 2025)),
    ).toHaveLength(33);
    const j11 = copies.find((c) => c.key === "J 1.1 (2024)")!;
    const detail = await run<{ timeline: unknown[] }>(
      publicDetail.loader,
      makeRequest(`/prestatieafspraken/${j11.id}`),
      { id: String(j11.id) },
    );
    expect(detail.data.timeline).toHaveLength(1);
  });
});

describe("import round trip", () => {
  async function upload(roundId: number, csv: string, intent: "check" | "import") {
    const form = new FormData();
    form.set("ronde", String(roundId));
    form.set("intent", intent);
    form.set("bestand", new File([csv], "ronde.csv", { type: "text/csv" }));
    const request = new Request("http://localhost/beheer/prestatieafspraken/import", {
      method: "POST",
      body: form,
      headers: { Cookie: ambtenaar.cookie },
    });
    return run<{
      outcome: { diff: { changes: unknown[]; errors: { line: number; messages: string[] }[] } } | null;
    }>(staffImport.action, request);
  }
  const header = "Sleutel;Titel;Organisatie;Stoplicht;Toelichting\r\n";

  test("one bad row: nothing is written; all good: every row is written and audited", async () => {
    const round = await openRound2024();
    const bad =
      `${header}J 1.3 (2024);;Elan Wonen;Groen;Klaar.\r\nJ 9.9 (2024);;Elan Wonen;Groen;x\r\n` +
      `J 1.6 (2024);;Woonzorg;Paars;\r\nJ 1.1 (2024);;Elan Wonen;Rood;Niet van Elan.\r\n`;
    const checked = await upload(round.id, bad, "import");
    expect(checked.status).toBe(400);
    const errors = checked.data.outcome!.diff.errors;
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(errors[1]!.messages).toEqual(
      expect.arrayContaining([
        'De organisatie "Woonzorg" kennen wij niet.',
        expect.stringContaining('Het stoplicht "Paars" kennen wij niet.'),
        "De toelichting ontbreekt.",
      ]),
    );
    expect(await getDb().select().from(monitorUpdates).where(eq(monitorUpdates.tertiaal, 2))).toHaveLength(0);

    const good = `${header}J 1.3 (2024);;Elan Wonen;Groen;Klaar.\r\nJ 1.3 (2024);;pre-wonen;geel;Bijna.\r\nJ 1.6 (2024);;Elan Wonen;;\r\n`;
    const dry = await upload(round.id, good, "check");
    expect(dry.data.outcome!.diff.changes).toHaveLength(2);
    expect(await getDb().select().from(monitorUpdates).where(eq(monitorUpdates.tertiaal, 2))).toHaveLength(0);
    const applied = await upload(round.id, good, "import");
    expect(applied.status).toBe(200);
    const written = await getDb().select().from(monitorUpdates).where(eq(monitorUpdates.tertiaal, 2));
    expect(written.map((w) => [w.organisationId, w.stoplicht, w.status]).sort()).toEqual([
      ["elan-wonen", "green", "confirmed"],
      ["pre-wonen", "yellow", "confirmed"],
    ]);
    const [line] = await getDb().select().from(auditLog).where(eq(auditLog.action, "monitor_round.imported"));
    expect(line?.details).toMatchObject({ gewijzigd: 2 });
  });
});
