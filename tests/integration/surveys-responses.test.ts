import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { createPersonalCodes, listCodeUse } from "../../app/domain/surveys/codes.server";
import { surveyDefinitionSchema } from "../../app/domain/surveys/definition";
import { flowMessages } from "../../app/domain/surveys/flow.server";
import { woonvisieDefinition } from "../../app/domain/surveys/woonvisie";
import { getDb } from "../../app/lib/db.server";
import * as surveyRoute from "../../app/routes/enquete.$slug._index";
import { answers, outbox, responses, surveys, surveyVersions } from "../../db/schema";
import { seedWijken } from "../../db/seed/wijken";
import { resetDatabase } from "../support/db";
import { makeRequest, run } from "../support/remix";

beforeEach(resetDatabase);

async function createSurvey(accessMode: "open" | "code" | "anonymous" = "open", slug = "woonvisie") {
  const db = getDb();
  await seedWijken(db);
  const [survey] = await db
    .insert(surveys)
    .values({ slug, title: "Woonvisie", status: "published", accessMode })
    .returning();
  const [version] = await db
    .insert(surveyVersions)
    .values({
      surveyId: survey!.id,
      version: 1,
      definition: surveyDefinitionSchema.parse(woonvisieDefinition),
      publishedAt: new Date(),
    })
    .returning();
  return { survey: survey!, version: version! };
}

const path = "/enquete/woonvisie";
const params = { slug: "woonvisie" };

async function post(form: Record<string, string | string[]>, cookie?: string) {
  return run<{ errors: Record<string, string>; values: Record<string, string> }>(
    surveyRoute.action,
    makeRequest(path, { form, cookie }),
    params,
  );
}

async function start(form: Record<string, string> = {}) {
  const res = await post({ intent: "start", ...form });
  expect(res.status).toBe(302);
  return res.headers.get("Set-Cookie")!.split(";")[0]!;
}

const overU = {
  pagina: "2",
  v_geboortejaar: "1958",
  v_postcode: "2103 CD",
  v_woonsituatie: "sociale-huur",
  v_huishouden: "paar",
};

async function view(cookie?: string) {
  const res = await run<{ view: { state: string; index?: number; values?: Record<string, string> } }>(
    surveyRoute.loader,
    makeRequest(path, { cookie }),
    params,
  );
  return res.data.view;
}

describe("answering a survey", () => {
  test("every page is saved on the server and the survey resumes where it was left", async () => {
    await createSurvey();
    const cookie = await start();
    expect((await view(cookie)).index).toBe(0);
    expect((await post({ intent: "next", pagina: "0" }, cookie)).status).toBe(302);
    expect((await post({ intent: "next", pagina: "1" }, cookie)).status).toBe(302);
    expect((await post({ intent: "next", ...overU }, cookie)).status).toBe(302);

    // Another visit with the same cookie (the browser was closed) continues on page 3.
    const resumed = await view(cookie);
    expect(resumed).toMatchObject({ state: "page", index: 3 });
    // Going back shows the stored answers again.
    await post({ intent: "back", pagina: "3" }, cookie);
    const back = await view(cookie);
    expect(back.index).toBe(2);
    expect(back.values).toMatchObject({
      v_geboortejaar: "1958",
      v_postcode: "2103",
      v_woonsituatie: "sociale-huur",
    });

    const rows = await getDb().select().from(answers);
    expect(rows.find((r) => r.questionKey === "postcode")).toMatchObject({
      valueText: "2103",
      valueOption: "DEMO03",
    });
    expect(rows.find((r) => r.questionKey === "geboortejaar")?.valueNumber).toBe(1958);
  });

  test("an invalid answer gets a message at the question and keeps the input", async () => {
    await createSurvey();
    const cookie = await start();
    const res = await post({ intent: "next", ...overU, v_geboortejaar: "vijftig" }, cookie);
    expect(res.status).toBe(400);
    expect(res.data.errors.geboortejaar).toMatch(/geboortejaar/);
    expect(res.data.values.v_geboortejaar).toBe("vijftig");
    expect(await getDb().select().from(answers)).toHaveLength(0);
  });

  test("a link mailed on request resumes the survey in another browser", async () => {
    await createSurvey();
    const cookie = await start();
    await post({ intent: "next", pagina: "0" }, cookie);
    const later = await post({ intent: "later", pagina: "1" }, cookie);
    expect(later.location).toBe(`${path}?later=1`);
    const mailed = await post({ intent: "mail-link", email: "bewoner@example.nl" }, cookie);
    expect(mailed.status).toBe(200);
    const [mail] = await getDb().select().from(outbox);
    expect(mail!.to).toBe("bewoner@example.nl");
    const link = mail!.text.match(/https?:\/\/\S+/)![0];
    const url = new URL(link);
    // The other browser has no cookie: the link sets it and redirects.
    const follow = await run(surveyRoute.loader, makeRequest(`${url.pathname}${url.search}`), params);
    expect(follow.status).toBe(302);
    const newCookie = follow.headers.get("Set-Cookie")!.split(";")[0]!;
    // The link gives this browser a new token; the first browser's cookie stops working.
    expect(newCookie).not.toBe(cookie);
    expect((await view(newCookie)).index).toBe(1);
    expect((await view(cookie)).state).toBe("intro");
    // The e-mail address is not stored with the response.
    const [response] = await getDb().select().from(responses);
    expect(JSON.stringify(response)).not.toContain("bewoner@example.nl");
  });

  test("submitting twice stores the response once", async () => {
    const { survey } = await createSurvey();
    const cookie = await start();
    // Walk to the last page.
    const def = surveyDefinitionSchema.parse(woonvisieDefinition);
    await post({ intent: "next", pagina: "0" }, cookie);
    await post({ intent: "next", pagina: "1" }, cookie);
    await post({ intent: "next", ...overU }, cookie);
    await post(
      {
        intent: "next",
        pagina: "3",
        v_prioriteiten__groen: "1",
        v_prioriteiten__zorg: "2",
        v_prioriteiten__starters: "3",
      },
      cookie,
    );
    for (let p = 4; p < def.pages.length - 1; p++) {
      const extra: Record<string, string> =
        p === def.pages.findIndex((x) => x.key === "uw-buurt")
          ? {
              "v_cijfer-buurt": "7",
              "v_tevredenheid-buurt__groen": "tevreden",
              "v_tevredenheid-buurt__voorzieningen": "neutraal",
              "v_tevredenheid-buurt__veiligheid": "tevreden",
              "v_tevredenheid-buurt__contact": "weetniet",
            }
          : {};
      expect((await post({ intent: "next", pagina: String(p), ...extra }, cookie)).status).toBe(302);
    }
    const last = String(def.pages.length - 1);
    const form = { intent: "submit", pagina: last, "v_open-samenwerking": "Meer bewonersavonden" };
    const [a, b] = await Promise.all([post(form, cookie), post(form, cookie)]);
    expect(a.location).toBe(`${path}/bedankt`);
    expect(b.location).toBe(`${path}/bedankt`);
    const rows = await getDb().select().from(responses).where(eq(responses.surveyId, survey.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe("submitted");
    const stored = await getDb().select().from(answers).where(eq(answers.questionKey, "open-samenwerking"));
    expect(stored).toHaveLength(1);
    // After submit the browser starts fresh.
    expect((await view()).state).toBe("intro");
  });

  test("a closed survey gets a friendly page and accepts no answers", async () => {
    const { survey } = await createSurvey();
    const cookie = await start();
    await getDb().update(surveys).set({ status: "closed" }).where(eq(surveys.id, survey.id));
    const res = await run<{ view: { state: string } }>(
      surveyRoute.loader,
      makeRequest(path, { cookie }),
      params,
    );
    expect(res.status).toBe(410);
    expect(res.data.view.state).toBe("closed");
    expect((await post({ intent: "next", pagina: "0" }, cookie)).location).toBe(path);
  });

  test("an unknown survey is a 404", async () => {
    const res = await run(surveyRoute.loader, makeRequest("/enquete/bestaat-niet"), { slug: "bestaat-niet" });
    expect(res.status).toBe(404);
  });
});

describe("personal codes", () => {
  test("one response per code; the code is used up at submit and then refused politely", async () => {
    const { survey } = await createSurvey("code");
    const [code] = await createPersonalCodes(survey.id, 1, "letter", getDb());
    const noCode = await post({ intent: "start", code: "" });
    expect(noCode.status).toBe(400);
    const wrong = await post({ intent: "start", code: "AAAA-BBBB-CCCC" });
    expect(wrong.status).toBe(400);
    expect(wrong.data.errors.code).toBe(flowMessages.codeUnknown);

    const first = await start({ code: code!.code });
    // The same code typed again (another browser) continues the same response.
    const second = await start({ code: code!.code.toLowerCase().replaceAll("-", " ") });
    expect(second).not.toBe(first);
    expect(await getDb().select().from(responses)).toHaveLength(1);
    await post({ intent: "next", pagina: "0" }, second);
    expect((await view(first)).state).toBe("intro"); // the old token was replaced

    // Submit directly via the domain's last step: fill required pages quickly.
    const [response] = await getDb().select().from(responses);
    expect(response!.channel).toBe("letter");
    await getDb().update(responses).set({ currentPage: 9 }).where(eq(responses.id, response!.id));
    const def = surveyDefinitionSchema.parse(woonvisieDefinition);
    for (const [p, form] of [
      [2, overU],
      [3, { v_prioriteiten__groen: "1", v_prioriteiten__zorg: "2", v_prioriteiten__starters: "3" }],
      [def.pages.findIndex((x) => x.key === "uw-buurt"), { "v_cijfer-buurt": "6" }],
    ] as const)
      await post({ intent: "next", ...form, pagina: String(p) }, second);
    const submit = await post({ intent: "submit", pagina: String(def.pages.length - 1) }, second);
    expect(submit.location).toBe(`${path}/bedankt`);

    const use = await listCodeUse(survey.id, getDb(), { onlyUsed: true });
    expect(use).toHaveLength(1);
    expect(use[0]!.usedAt).toBeInstanceOf(Date);
    const again = await post({ intent: "start", code: code!.code });
    expect(again.status).toBe(409);
    expect(again.data.errors.code).toBe(flowMessages.codeUsed);
    expect(await getDb().select().from(responses)).toHaveLength(1);
  });

  test("two starts with one code at the same moment create one response", async () => {
    const { survey } = await createSurvey("code");
    const [code] = await createPersonalCodes(survey.id, 1, "panel", getDb(), ["panel-123"]);
    await Promise.all([start({ code: code!.code }), start({ code: code!.code })]);
    const rows = await getDb().select().from(responses);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.respondentId).toBe("panel-123");
    expect(rows[0]!.channel).toBe("panel");
  });
});

describe("open surveys are rate-limited", () => {
  test("after 30 starts from one address in an hour, the next is refused", async () => {
    await createSurvey();
    for (let i = 0; i < 30; i++) await start();
    const res = await post({ intent: "start" });
    expect(res.status).toBe(429);
  });
});

describe("submit on a one-page survey", () => {
  async function onePage() {
    const db = getDb();
    await seedWijken(db);
    const [survey] = await db
      .insert(surveys)
      .values({ slug: "kort", title: "Kort", status: "published", accessMode: "anonymous" })
      .returning();
    await db.insert(surveyVersions).values({
      surveyId: survey!.id,
      version: 1,
      publishedAt: new Date(),
      definition: surveyDefinitionSchema.parse({
        title: "Kort",
        pages: [
          {
            key: "p",
            title: "Vragen",
            questions: [
              { key: "pc", type: "postcode", text: "Postcode", required: true },
              { key: "tip", type: "open", text: "Tip" },
            ],
          },
        ],
      }),
    });
    return survey!;
  }
  const kort = (form: Record<string, string>, cookie?: string) =>
    run(surveyRoute.action, makeRequest("/enquete/kort", { form, cookie }), { slug: "kort" });

  test("stores the answers with the wijk of the postcode, and anonymous means no respondent id", async () => {
    await onePage();
    const started = await kort({ intent: "start" });
    const cookie = started.headers.get("Set-Cookie")!.split(";")[0]!;
    const res = await kort({ intent: "submit", pagina: "0", v_pc: "2106 XX", v_tip: "Meer bankjes" }, cookie);
    expect(res.location).toBe("/enquete/kort/bedankt");
    const rows = await getDb().select().from(answers).orderBy(answers.questionKey);
    expect(rows.map((r) => [r.questionKey, r.valueText, r.valueOption])).toEqual([
      ["pc", "2106", "DEMO06"],
      ["tip", "Meer bankjes", null],
    ]);
    const [response] = await getDb().select().from(responses);
    expect(response).toMatchObject({ status: "submitted", respondentId: null, channel: "open" });
  });

  test("answers saved earlier on the last page are replaced at submit, not duplicated", async () => {
    await onePage();
    const started = await kort({ intent: "start" });
    const cookie = started.headers.get("Set-Cookie")!.split(";")[0]!;
    await kort({ intent: "later", pagina: "0", v_pc: "9999", v_tip: "Eerste versie" }, cookie);
    const res = await kort({ intent: "submit", pagina: "0", v_pc: "2101", v_tip: "Tweede versie" }, cookie);
    expect(res.location).toBe("/enquete/kort/bedankt");
    const rows = await getDb().select().from(answers).orderBy(answers.questionKey);
    expect(rows.map((r) => [r.questionKey, r.valueText, r.valueOption])).toEqual([
      ["pc", "2101", "DEMO01"],
      ["tip", "Tweede versie", null],
    ]);
  });
});

describe("the resume cookie", () => {
  test("a token counts only in the cookie of its own survey", async () => {
    const { survey } = await createSurvey("open", "woonvisie");
    const { survey: other } = await createSurvey("open", "andere");
    const cookie = await start();
    const token = cookie.split("=")[1]!;
    expect(cookie.startsWith(`wmh_enquete_${survey.id}=`)).toBe(true);
    expect((await view(cookie)).state).toBe("page");
    // The same token under another survey's cookie name finds nothing, on either survey.
    const moved = `wmh_enquete_${other.id}=${token}`;
    expect((await view(moved)).state).toBe("intro");
    const onOther = await run<{ view: { state: string } }>(
      surveyRoute.loader,
      makeRequest("/enquete/andere", { cookie: moved }),
      { slug: "andere" },
    );
    expect(onOther.data.view.state).toBe("intro");
    // Other cookies before it do not get in the way.
    expect((await view(`wmh_enquete_${other.id}=x; ${cookie}`)).state).toBe("page");
  });

  test("a response keeps the version it started on after a newer version is published", async () => {
    const { survey } = await createSurvey();
    const cookie = await start();
    const definition = surveyDefinitionSchema.parse(woonvisieDefinition);
    await getDb()
      .insert(surveyVersions)
      .values({
        surveyId: survey.id,
        version: 2,
        publishedAt: new Date(),
        definition: { ...definition, pages: definition.pages.slice(0, 1) },
      });
    const res = await run<{ view: { state: string; progress: { total: number } } }>(
      surveyRoute.loader,
      makeRequest(path, { cookie }),
      params,
    );
    expect(res.data.view.state).toBe("page");
    expect(res.data.view.progress.total).toBeGreaterThan(1);
  });
});
