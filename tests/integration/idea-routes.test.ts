import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { saveDocument } from "../../app/domain/initiatives/proceskader.server";
import {
  assignAccountManager,
  messageToInitiator,
  setDecider,
} from "../../app/domain/initiatives/triage.server";
import { getDb } from "../../app/lib/db.server";
import * as quickscanRoute from "../../app/routes/idee.nieuw";
import * as resendRoute from "../../app/routes/idee.volgen._index";
import * as followRoute from "../../app/routes/idee.volgen.$token";
import { initiativeMessages, initiatives, outbox, wijken } from "../../db/schema";
import { seedWijken } from "../../db/seed/wijken";
import { createStaff, resetDatabase } from "../support/db";
import { makeRequest, run } from "../support/remix";

beforeEach(async () => {
  await resetDatabase();
  await getDb()
    .insert(wijken)
    .values({ code: "W1", name: "Centrum", postcodes: ["2101"] });
});

const steps: Record<string, Record<string, string | string[]>> = {
  idee: {
    title: "Bankjes <b>langs</b> de vaart",
    description: "Drie bankjes om uit te rusten.",
    theme: "groen",
  },
  waar: { locationKind: "address" },
  plek: { address: "Binnenweg 12, 2101 JA Heemstede" },
  wie: { parties: ["neighbours", "association"], partyCount: "few" },
  gevolgen: { impact: "small", interests: "some", otherPlans: "no" },
  regels: { publicSpace: "yes", permit: "unknown", policy: "fits" },
  bijdrage: { contribution: ["time"], budget: "1500", timing: "this_year" },
  gegevens: { name: "Piet Jansen", email: "piet@example.nl", consentContact: "ja", showName: "ja" },
  controleren: {},
};
const ORDER = ["idee", "waar", "plek", "wie", "gevolgen", "regels", "bijdrage", "gegevens"] as const;

function cookieFrom(headers: Headers): string | null {
  const set = headers.get("Set-Cookie");
  return set?.match(/wmh_quickscan=[^;]+/)?.[0] ?? null;
}

type StepData = {
  errors: Record<string, string>;
  page: { step: string; values: Record<string, unknown>; fromCheck: boolean };
  suggestions?: unknown;
};

async function post(step: string, form: Record<string, string | string[]>, cookie?: string, intent = "next") {
  return run<StepData>(
    quickscanRoute.action,
    makeRequest("/idee/nieuw", { form: { stap: step, intent, ...form }, cookie }),
  );
}

const view = (step: string, cookie: string, extra = "") =>
  run<{
    step: string;
    title: string;
    values: Record<string, string>;
    position: { number: number; total: number };
    rows: { label: string; value: string; step: string }[] | null;
  }>(quickscanRoute.loader, makeRequest(`/idee/nieuw?stap=${step}${extra}`, { cookie }));

/** Steps idee…gegevens answered; the cookie of the draft. */
async function answered(overrides: Record<string, Record<string, string | string[]>> = {}) {
  const first = await post("idee", steps.idee!);
  const cookie = cookieFrom(first.headers)!;
  for (const step of ORDER.slice(1)) {
    const form = overrides[step] ?? steps[step]!;
    if (step === "plek" && (overrides.waar ?? steps.waar)!.locationKind === "whole_town") continue;
    const res = await post(step, form, cookie);
    expect(res.status, `${step}: ${JSON.stringify(res.data)}`).toBe(302);
  }
  return cookie;
}

describe("the quickscan form", () => {
  test("one topic per step, back and forth without losing input, a check page, then the private page and the mail", async () => {
    const first = await post("idee", steps.idee!);
    expect(first.status).toBe(302);
    expect(first.location).toBe("/idee/nieuw?stap=waar");
    const cookie = cookieFrom(first.headers)!;
    expect(cookie).toMatch(/^wmh_quickscan=[A-Za-z0-9_-]{43}$/);
    expect(first.headers.get("Set-Cookie")).toMatch(/HttpOnly/);

    // The location kind, then "Vorige": step 1 still has its answers, and so does the kind.
    const back = await post("waar", steps.waar!, cookie, "back");
    expect(back.location).toBe("/idee/nieuw?stap=idee");
    const step1 = await view("idee", cookie);
    expect(step1.data.values.title).toBe(steps.idee!.title);
    expect(step1.data.values.locationKind).toBe("address");
    expect(step1.data.position).toEqual({ number: 1, total: 8 });

    const expected = ["plek", "wie", "gevolgen", "regels", "bijdrage", "gegevens", "controleren"];
    for (const [i, step] of ORDER.slice(1).entries())
      expect((await post(step, steps[step]!, cookie)).location).toBe(`/idee/nieuw?stap=${expected[i]}`);

    // The check page lists every answer, in words, with the step to change it.
    const check = await view("controleren", cookie);
    expect(check.data.title).toBe("Controleer uw antwoorden");
    expect(check.data.rows?.find((r) => r.step === "plek")?.value).toBe("Binnenweg 12, 2101 JA Heemstede");
    expect(check.data.rows?.find((r) => r.label === "Gebruikt uw idee openbare ruimte?")?.value).toMatch(
      /^Ja/,
    );
    expect(await getDb().select().from(initiatives)).toHaveLength(0);

    const done = await post("controleren", {}, cookie);
    expect(done.status).toBe(302);
    expect(done.location).toMatch(/^\/idee\/volgen\/[A-Za-z0-9_-]{43}\?nieuw=1$/);
    expect(done.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);

    const [idea] = await getDb().select().from(initiatives);
    expect(idea).toMatchObject({
      title: "Bankjes <b>langs</b> de vaart",
      wijkCode: "W1",
      decider: "officials",
      complex: false,
      budgetRequested: 1500,
      showName: true,
      address: "Binnenweg 12, 2101 JA Heemstede",
    });
    const [mail] = await getDb().select().from(outbox).where(eq(outbox.to, "piet@example.nl"));
    expect(mail!.text).toContain(done.location!.split("?")[0]);

    const token = done.location!.split("/")[3]!.split("?")[0]!;
    const page = await run<{ title: string; result: { attentionPoints: string[] } }>(
      followRoute.loader,
      makeRequest(`/idee/volgen/${token}`),
      { token },
    );
    expect(page.data.title).toBe("Bankjes <b>langs</b> de vaart");
    expect(page.data.result.attentionPoints.join(" ")).toMatch(/Betrek de buren vroeg/);
  });

  test("'Wijzig' on the check page leads to the step and back to the check page", async () => {
    const cookie = await answered();
    const edit = await view("regels", cookie, "&wijzig=1");
    expect(edit.status).toBe(200);
    const saved = await post("regels", { ...steps.regels!, permit: "yes", wijzig: "1" }, cookie);
    expect(saved.location).toBe("/idee/nieuw?stap=controleren");
    const check = await view("controleren", cookie);
    expect(check.data.rows?.find((r) => r.label === "Heeft u een vergunning nodig?")?.value).toBe("Ja");

    // A bad change stays on the step, with the way back to the check page kept.
    const bad = await post("gegevens", { ...steps.gegevens!, email: "geen-adres", wijzig: "1" }, cookie);
    expect(bad.status).toBe(400);
    expect(bad.data.page.fromCheck).toBe(true);
    expect(bad.data.page.values.email).toBe("geen-adres");

    // A new location kind asks for its place first, then returns to the check page.
    const kind = await post("waar", { locationKind: "wijk", wijzig: "1" }, cookie);
    expect(kind.location).toBe("/idee/nieuw?stap=plek&wijzig=1");
    expect((await post("plek", { wijkCode: "W1", wijzig: "1" }, cookie)).location).toBe(
      "/idee/nieuw?stap=controleren",
    );
  });

  test("a step with bad input gets 400, Dutch messages at the fields, and keeps the input", async () => {
    const res = await post("idee", { title: "", description: "Iets moois", theme: "bestaat-niet" });
    expect(res.status).toBe(400);
    expect(res.data.errors).toEqual({
      title: "Geef uw idee een korte titel.",
      theme: "Kies het onderwerp dat het best past.",
    });
    expect(res.data.page.values.description).toBe("Iets moois");
    // A failed check is not a failed address search.
    expect(res.data.suggestions).toBeUndefined();
  });

  test("skipping steps is caught at the end: the first incomplete step is shown", async () => {
    const first = await post("idee", steps.idee!);
    const cookie = cookieFrom(first.headers)!;
    await post("gegevens", steps.gegevens!, cookie);
    const res = await post("controleren", {}, cookie);
    expect(res.status).toBe(400);
    expect(res.data.page.step).toBe("waar");
    expect(res.data.errors.locationKind).toBe("Kies waar uw idee is.");
    expect(await getDb().select().from(initiatives)).toHaveLength(0);
  });

  test("a step can only be shown in order: no draft → the first step; no kind → the kind", async () => {
    const none = await run(quickscanRoute.loader, makeRequest("/idee/nieuw?stap=regels"));
    expect(none.location).toBe("/idee/nieuw?stap=idee");
    const cookie = cookieFrom((await post("idee", steps.idee!)).headers)!;
    expect((await view("plek", cookie)).location).toBe("/idee/nieuw?stap=waar");
    await post("waar", { locationKind: "whole_town" }, cookie);
    expect((await view("plek", cookie)).location).toBe("/idee/nieuw?stap=waar");
    expect((await view("wie", cookie)).data.position).toEqual({ number: 3, total: 8 });
  });

  test("all of Heemstede skips the location page", async () => {
    const cookie = await answered({ waar: { locationKind: "whole_town" } });
    expect((await post("controleren", {}, cookie)).status).toBe(302);
    const [idea] = await getDb().select().from(initiatives);
    expect(idea).toMatchObject({ locationKind: "whole_town", address: null, lat: null, wijkCode: null });
  });

  test("a point on the map: kept back and forth, stored with the idea, wijk derived from the demo boundaries", async () => {
    await seedWijken(getDb());
    const cookie = cookieFrom((await post("idee", steps.idee!)).headers)!;
    await post("waar", { locationKind: "point" }, cookie);
    // Outside Heemstede: a Dutch message about the map (no coordinates), the point kept.
    const outside = await post("plek", { kaart: "ja", lat: "52,09", lng: "5,12" }, cookie);
    expect(outside.status).toBe(400);
    expect(outside.data.errors).toEqual({
      lat: "Deze plek ligt niet in Heemstede. Wijs een plek in Heemstede aan.",
    });
    expect(outside.data.page.values.lat).toBe("52,09");
    // Nothing pointed at: say so, and never that a search failed.
    const nothing = await post("plek", { kaart: "ja", lat: "", lng: "" }, cookie);
    expect(nothing.data.errors).toEqual({ lat: "Wijs de plek van uw idee aan op de kaart." });
    expect(nothing.data.suggestions).toBeUndefined();

    // In DEMO01 "Centrum" (lng 4.59–4.625, lat 52.3565–52.36), as the map writes it.
    const point = { kaart: "ja", lat: "52,35800", lng: "4,60000" };
    expect((await post("plek", point, cookie, "back")).location).toBe("/idee/nieuw?stap=waar");
    expect((await view("plek", cookie)).data.values).toMatchObject({ lat: "52,35800", lng: "4,60000" });
    expect((await post("plek", point, cookie)).location).toBe("/idee/nieuw?stap=wie");
    for (const step of ORDER.slice(3)) await post(step, steps[step]!, cookie);
    const check = await view("controleren", cookie);
    expect(check.data.rows?.find((r) => r.step === "plek")?.value).toBe("Aangewezen op de kaart");
    expect((await post("controleren", {}, cookie)).status).toBe(302);

    const [idea] = await getDb().select().from(initiatives);
    expect(idea).toMatchObject({
      locationKind: "point",
      lat: 52.358,
      lng: 4.6,
      wijkCode: "DEMO01",
      address: null,
    });
  });

  test.each([
    ["an address", { address: "Binnenweg 12, 2101 JA Heemstede", wijkCode: "" }, "address", "W1"],
    ["a wijk", { address: "", wijkCode: "W1" }, "wijk", "W1"],
  ])("without JavaScript the map option takes %s instead", async (_name, form, kind, wijk) => {
    const cookie = await answered({ waar: { locationKind: "point" }, plek: form });
    expect((await view("plek", cookie)).data.values.locationKind).toBe(kind);
    expect((await post("controleren", {}, cookie)).status).toBe(302);
    const [idea] = await getDb().select().from(initiatives);
    expect(idea).toMatchObject({ locationKind: kind, wijkCode: wijk, lat: null });
  });

  test("without JavaScript and with nothing filled in, the map option asks for an address or a wijk", async () => {
    const cookie = cookieFrom((await post("idee", steps.idee!)).headers)!;
    await post("waar", { locationKind: "point" }, cookie);
    const res = await post("plek", { address: "", wijkCode: "" }, cookie);
    expect(res.status).toBe(400);
    expect(res.data.errors).toEqual({ address: "Vul een adres of straat in, of kies hieronder een wijk." });
  });

  test("a filled honeypot and an unknown step are refused", async () => {
    expect((await post("idee", { ...steps.idee!, website: "http://spam.example" })).status).toBe(400);
    expect((await post("7", steps.idee!)).status).toBe(400);
  });
});

describe("the private page", () => {
  async function submitted() {
    const cookie = await answered();
    const done = await post("controleren", {}, cookie);
    return done.location!.split("/")[3]!.split("?")[0]!;
  }

  test("unknown and tampered tokens get a neutral 404", async () => {
    const token = await submitted();
    for (const t of [`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`, "x", "../../etc/passwd"]) {
      const res = await run(followRoute.loader, makeRequest(`/idee/volgen/${t}`), { token: t });
      expect(res.status).toBe(404);
      const post = await run(
        followRoute.action,
        makeRequest(`/idee/volgen/${t}`, { form: { intent: "message", bericht: "hallo" } }),
        { token: t },
      );
      expect(post.status).toBe(404);
    }
  });

  test("a message is stored as typed and an empty one gets a message at the field", async () => {
    const token = await submitted();
    const empty = await run<{ errors: Record<string, string> }>(
      followRoute.action,
      makeRequest(`/idee/volgen/${token}`, { form: { intent: "message", bericht: "  " } }),
      { token },
    );
    expect(empty.status).toBe(400);
    expect(empty.data.errors.bericht).toBe("Schrijf uw bericht.");
    const ok = await run(
      followRoute.action,
      makeRequest(`/idee/volgen/${token}`, { form: { intent: "message", bericht: "<script>x</script>" } }),
      { token },
    );
    expect(ok.status).toBe(302);
    const [m] = await getDb().select().from(initiativeMessages);
    expect(m!.body).toBe("<script>x</script>");
  });

  test("the page is the initiator's home: steps, contact, newest message first, staff changes in words", async () => {
    const token = await submitted();
    const staff = await createStaff(["ambtenaar"], { name: "Anna de Vries" });
    const [idea] = await getDb().select().from(initiatives);
    await assignAccountManager(idea!.id, staff.id, staff);
    for (const bericht of ["Eerste vraag", "Tweede vraag"])
      await run(
        followRoute.action,
        makeRequest(`/idee/volgen/${token}`, { form: { intent: "message", bericht } }),
        {
          token,
        },
      );
    await messageToInitiator(idea!.id, "Ik bel u morgen.", staff);
    await setDecider(idea!.id, { decider: "executive", complex: true, reason: "Grote verandering" }, staff);
    await saveDocument(idea!.id, "plan_description", { wat: "Drie bankjes langs de vaart." }, staff);

    const page = await run<{
      steps: { label: string; state: string }[];
      contact: { name: string; mailbox: string; phone: { display: string } };
      messages: { body: string }[];
      changes: { field: string; from: string; to: string }[];
      documents: { plan: boolean; participation: boolean };
      timeline: { text: string }[];
    }>(followRoute.loader, makeRequest(`/idee/volgen/${token}`), { token });
    expect(page.data.contact).toEqual({
      name: "Anna de Vries",
      mailbox: "initiatieven@heemstede.nl",
      phone: { display: "14 023", tel: "14023" },
    });
    expect(page.data.messages.map((m) => m.body)).toEqual([
      "Ik bel u morgen.",
      "Tweede vraag",
      "Eerste vraag",
    ]);
    expect(page.data.changes).toEqual([
      {
        field: "Wie beslist",
        from: "Medewerkers van de gemeente",
        to: "Het college van burgemeester en wethouders",
      },
      { field: "Ingewikkeld idee (complexe opgave)", from: "Nee", to: "Ja" },
    ]);
    expect(page.data.steps.filter((s) => s.state === "current").map((s) => s.label)).toEqual([
      "Basisstap 2: Participatieplan maken",
    ]);
    expect(page.data.documents).toEqual({ plan: true, participation: false });
    // The internal reason for the change stays internal.
    expect(JSON.stringify(page.data)).not.toContain("Grote verandering");

    const plan = await run<{ content: { wat: string } }>(
      followRoute.loader,
      makeRequest(`/idee/volgen/${token}?stuk=planomschrijving`),
      { token },
    );
    expect(plan.status).toBe(200);
    expect(plan.data.content.wat).toBe("Drie bankjes langs de vaart.");
    const missing: [string, string][] = [
      [token, "participatieplan"],
      [token, "notities"],
      [token, "plan_description"],
      ["x".repeat(43), "planomschrijving"],
    ];
    for (const [t, document] of missing)
      expect(
        (
          await run(followRoute.loader, makeRequest(`/idee/volgen/${t}?stuk=${document}`), {
            token: t,
          })
        ).status,
      ).toBe(404);
  });

  test("withdrawing needs the confirmation box", async () => {
    const token = await submitted();
    const no = await run<{ errors: Record<string, string> }>(
      followRoute.action,
      makeRequest(`/idee/volgen/${token}`, { form: { intent: "withdraw" } }),
      { token },
    );
    expect(no.data.errors.bevestig).toMatch(/Vink aan/);
    await run(
      followRoute.action,
      makeRequest(`/idee/volgen/${token}`, { form: { intent: "withdraw", bevestig: "ja" } }),
      { token },
    );
    expect((await getDb().select().from(initiatives))[0]!.status).toBe("withdrawn");
  });

  test("asking for the link again gives the same answer for known and unknown addresses", async () => {
    await submitted();
    const known = await run<{ done: boolean }>(
      resendRoute.action,
      makeRequest("/idee/volgen", { form: { email: "piet@example.nl" } }),
    );
    const unknown = await run<{ done: boolean }>(
      resendRoute.action,
      makeRequest("/idee/volgen", { form: { email: "niemand@example.nl" } }),
    );
    expect(known.status).toBe(unknown.status);
    expect(known.data.done).toBe(true);
    expect(unknown.data.done).toBe(true);
    const mails = await getDb().select().from(outbox).where(eq(outbox.kind, "initiative.link"));
    expect(mails.map((m) => m.to)).toEqual(["piet@example.nl"]);
  });
});

describe("double submits", () => {
  test("two parallel submits of one draft make one idea; the other gets a clear message", async () => {
    const cookie = await answered();
    const [a, b] = await Promise.all([post("controleren", {}, cookie), post("controleren", {}, cookie)]);
    expect([a.status, b.status].sort()).toEqual([302, 409]);
    expect(await getDb().select().from(initiatives)).toHaveLength(1);
  });
});
