import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { getDb } from "../../app/lib/db.server";
import * as quickscanRoute from "../../app/routes/idee.nieuw";
import * as resendRoute from "../../app/routes/idee.volgen._index";
import * as followRoute from "../../app/routes/idee.volgen.$token";
import { initiativeMessages, initiatives, outbox, wijken } from "../../db/schema";
import { seedWijken } from "../../db/seed/wijken";
import { resetDatabase } from "../support/db";
import { makeRequest, run } from "../support/remix";

beforeEach(async () => {
  await resetDatabase();
  await getDb()
    .insert(wijken)
    .values({ code: "W1", name: "Centrum", postcodes: ["2101"] });
});

const steps: Record<number, Record<string, string | string[]>> = {
  1: {
    title: "Bankjes <b>langs</b> de vaart",
    description: "Drie bankjes om uit te rusten.",
    theme: "groen",
  },
  2: { locationKind: "adres", address: "Binnenweg 12, 2101 JA Heemstede" },
  3: {
    parties: ["buren", "vereniging"],
    partyCount: "enkele",
    impact: "klein",
    interests: "enkele",
    otherPlans: "nee",
    publicSpace: "ja",
    permit: "weet_niet",
    policy: "past",
  },
  4: { contribution: ["tijd"], budget: "1500", timing: "dit_jaar" },
  5: { name: "Piet Jansen", email: "piet@example.nl", consentContact: "ja", showName: "ja" },
};

function cookieFrom(headers: Headers): string | null {
  const set = headers.get("Set-Cookie");
  return set?.match(/wmh_quickscan=[^;]+/)?.[0] ?? null;
}

async function post(
  step: number,
  form: Record<string, string | string[]>,
  cookie?: string,
  richting = "volgende",
) {
  return run<{ errors: Record<string, string>; values: Record<string, unknown>; step: number }>(
    quickscanRoute.action,
    makeRequest("/idee/nieuw", { form: { stap: String(step), richting, ...form }, cookie }),
  );
}

describe("the quickscan form", () => {
  test("five steps, back and forth without losing input, then the private page and the mail", async () => {
    const first = await post(1, steps[1]!);
    expect(first.status).toBe(302);
    expect(first.location).toBe("/idee/nieuw?stap=2");
    const cookie = cookieFrom(first.headers)!;
    expect(cookie).toMatch(/^wmh_quickscan=[A-Za-z0-9_-]{43}$/);
    expect(first.headers.get("Set-Cookie")).toMatch(/HttpOnly/);

    // Step 2 typed, then back: step 1 still has its answers, and so does step 2.
    const back = await post(2, steps[2]!, cookie, "terug");
    expect(back.location).toBe("/idee/nieuw?stap=1");
    const step1 = await run<{ values: Record<string, string> }>(
      quickscanRoute.loader,
      makeRequest("/idee/nieuw?stap=1", { cookie }),
    );
    expect(step1.data.values.title).toBe(steps[1]!.title);
    expect(step1.data.values.address).toBe(steps[2]!.address);

    for (const n of [2, 3, 4])
      expect((await post(n, steps[n]!, cookie)).location).toBe(`/idee/nieuw?stap=${n + 1}`);
    const done = await post(5, steps[5]!, cookie);
    expect(done.status).toBe(302);
    expect(done.location).toMatch(/^\/idee\/volgen\/[A-Za-z0-9_-]{43}\?nieuw=1$/);
    expect(done.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);

    const [idea] = await getDb().select().from(initiatives);
    expect(idea).toMatchObject({
      title: "Bankjes <b>langs</b> de vaart",
      wijkCode: "W1",
      decider: "ambtenaren",
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

  test("a step with bad input gets 400, Dutch messages at the fields, and keeps the input", async () => {
    const res = await post(1, { title: "", description: "Iets moois", theme: "bestaat-niet" });
    expect(res.status).toBe(400);
    expect(res.data.errors).toEqual({
      title: "Geef uw idee een korte titel.",
      theme: "Kies het onderwerp dat het best past.",
    });
    expect(res.data.values.description).toBe("Iets moois");
  });

  test("skipping steps is caught at the end: the first incomplete step is shown", async () => {
    const first = await post(1, steps[1]!);
    const cookie = cookieFrom(first.headers)!;
    const res = await post(5, steps[5]!, cookie);
    expect(res.status).toBe(400);
    expect(res.data.step).toBe(2);
    expect(res.data.errors.locationKind).toBe("Kies waar uw idee is.");
    expect(await getDb().select().from(initiatives)).toHaveLength(0);
  });

  test("a point on the map: kept back and forth, stored with the idea, wijk derived from the demo boundaries", async () => {
    await seedWijken(getDb());
    const cookie = cookieFrom((await post(1, steps[1]!)).headers)!;
    // Outside Heemstede: a Dutch message at the field, the typed values kept.
    const outside = await post(2, { locationKind: "punt", lat: "52,09", lng: "5,12" }, cookie);
    expect(outside.status).toBe(400);
    expect(outside.data.errors.lat).toMatch(/niet in Heemstede/);
    expect(outside.data.errors.lng).toMatch(/niet in Heemstede/);
    expect(outside.data.values.lat).toBe("52,09");

    // In DEMO01 "Centrum" (lng 4.59–4.625, lat 52.3565–52.36); typed with a comma, as on the map.
    const point = { locationKind: "punt", lat: "52,35800", lng: "4,60000" };
    expect((await post(2, point, cookie, "terug")).location).toBe("/idee/nieuw?stap=1");
    const again = await run<{ values: Record<string, string> }>(
      quickscanRoute.loader,
      makeRequest("/idee/nieuw?stap=2", { cookie }),
    );
    expect(again.data.values).toMatchObject(point);
    for (const n of [2, 3, 4])
      expect((await post(n, n === 2 ? point : steps[n]!, cookie)).location).toBe(`/idee/nieuw?stap=${n + 1}`);
    expect((await post(5, steps[5]!, cookie)).status).toBe(302);

    const [idea] = await getDb().select().from(initiatives);
    expect(idea).toMatchObject({
      locationKind: "punt",
      lat: 52.358,
      lng: 4.6,
      wijkCode: "DEMO01",
      address: null,
    });
  });

  test("a filled honeypot is refused", async () => {
    const res = await post(1, { ...steps[1]!, website: "http://spam.example" });
    expect(res.status).toBe(400);
  });
});

describe("the private page", () => {
  async function submitted() {
    const first = await post(1, steps[1]!);
    const cookie = cookieFrom(first.headers)!;
    for (const n of [2, 3, 4]) await post(n, steps[n]!, cookie);
    const done = await post(5, steps[5]!, cookie);
    return done.location!.split("/")[3]!.split("?")[0]!;
  }

  test("unknown and tampered tokens get a neutral 404", async () => {
    const token = await submitted();
    for (const t of [`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`, "x", "../../etc/passwd"]) {
      const res = await run(followRoute.loader, makeRequest(`/idee/volgen/${t}`), { token: t });
      expect(res.status).toBe(404);
      const post = await run(
        followRoute.action,
        makeRequest(`/idee/volgen/${t}`, { form: { intent: "bericht", bericht: "hallo" } }),
        { token: t },
      );
      expect(post.status).toBe(404);
    }
  });

  test("a message is stored as typed and an empty one gets a message at the field", async () => {
    const token = await submitted();
    const empty = await run<{ errors: Record<string, string> }>(
      followRoute.action,
      makeRequest(`/idee/volgen/${token}`, { form: { intent: "bericht", bericht: "  " } }),
      { token },
    );
    expect(empty.status).toBe(400);
    expect(empty.data.errors.bericht).toBe("Schrijf uw bericht.");
    const ok = await run(
      followRoute.action,
      makeRequest(`/idee/volgen/${token}`, { form: { intent: "bericht", bericht: "<script>x</script>" } }),
      { token },
    );
    expect(ok.status).toBe(302);
    const [m] = await getDb().select().from(initiativeMessages);
    expect(m!.body).toBe("<script>x</script>");
  });

  test("withdrawing needs the confirmation box", async () => {
    const token = await submitted();
    const no = await run<{ errors: Record<string, string> }>(
      followRoute.action,
      makeRequest(`/idee/volgen/${token}`, { form: { intent: "intrekken" } }),
      { token },
    );
    expect(no.data.errors.bevestig).toMatch(/Vink aan/);
    await run(
      followRoute.action,
      makeRequest(`/idee/volgen/${token}`, { form: { intent: "intrekken", bevestig: "ja" } }),
      { token },
    );
    expect((await getDb().select().from(initiatives))[0]!.status).toBe("ingetrokken");
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
    const first = await post(1, steps[1]!);
    const cookie = cookieFrom(first.headers)!;
    for (const n of [2, 3, 4]) await post(n, steps[n]!, cookie);
    const [a, b] = await Promise.all([post(5, steps[5]!, cookie), post(5, steps[5]!, cookie)]);
    expect([a.status, b.status].sort()).toEqual([302, 409]);
    expect(await getDb().select().from(initiatives)).toHaveLength(1);
  });
});
