import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { publishedSurveys } from "../../app/domain/panel/campaign-planning.server";
import { createCampaign, queueCampaign } from "../../app/domain/panel/campaign-queue.server";
import { surveyDefinitionSchema } from "../../app/domain/surveys/definition";
import { linkMessages } from "../../app/domain/surveys/flow.server";
import { woonvisieDefinition } from "../../app/domain/surveys/woonvisie";
import { getDb } from "../../app/lib/db.server";
import * as signup from "../../app/routes/digipanel._index";
import * as surveyRoute from "../../app/routes/enquete.$slug._index";
import * as thanksRoute from "../../app/routes/enquete.$slug.bedankt";
import {
  answers,
  panelInvitations,
  panelMembers,
  responses,
  surveyCodes,
  surveys,
  surveyVersions,
} from "../../db/schema";
import { seedWijken } from "../../db/seed/wijken";
import { createStaff, resetDatabase } from "../support/db";
import { makeRequest, run } from "../support/remix";

// Point 7 of issue 17: digipanel campaigns for an open survey (personal link → channel "panel", once
// per member) and the sign-up after a survey that reuses the background answers (only when chosen).

beforeEach(async () => {
  await resetDatabase();
  await seedWijken(getDb());
});

// The Woonvisie's "Over u" page alone: birth year, postcode, tenure, household (all background).
const overUPage = woonvisieDefinition.pages.find((p) =>
  (p.questions ?? []).some((q) => q.background === "age"),
)!;
const overU = {
  pagina: "0",
  v_geboortejaar: "1958",
  v_postcode: "2103 CD",
  v_woonsituatie: "sociale-huur",
  v_huishouden: "paar",
};

async function createSurvey(accessMode: "open" | "code" | "anonymous" = "open") {
  const db = getDb();
  const [survey] = await db
    .insert(surveys)
    .values({ slug: "woonvisie", title: "Woonvisie", status: "published", accessMode })
    .returning();
  await db.insert(surveyVersions).values({
    surveyId: survey!.id,
    version: 1,
    definition: surveyDefinitionSchema.parse({ ...woonvisieDefinition, pages: [overUPage] }),
    publishedAt: new Date(),
  });
  return survey!;
}

async function activeMembers(n: number) {
  const rows = await getDb()
    .insert(panelMembers)
    .values(
      Array.from({ length: n }, (_, i) => ({
        email: `lid${i}@example.nl`,
        status: "active" as const,
        birthYear: 1960 + i,
        postcode: "2101",
        wijkCode: "DEMO01",
        household: "paar" as const,
        tenure: "koop" as const,
        consentAt: new Date(),
        confirmedAt: new Date(),
      })),
    )
    .returning();
  return rows;
}

const campaign = (surveyId: number) => ({
  name: "Woonvisie via het digipanel",
  surveyId,
  mode: "all" as const,
  targetCompletes: null,
  expectedResponseRate: null,
  subject: "Denk mee over wonen",
  message: "Wij horen graag uw mening.",
  scheduledAt: null,
  reminderAfterDays: 7,
  maxReminders: 2,
});

const path = "/enquete/woonvisie";
const params = { slug: "woonvisie" };

function post(form: Record<string, string>, cookie?: string) {
  return run<{ errors: Record<string, string> }>(
    surveyRoute.action,
    makeRequest(path, { form, cookie }),
    params,
  );
}

function cookiesOf(res: { headers: Headers }): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .filter((c) => !c.endsWith("="))
    .join("; ");
}

async function invitationCodes(surveyId: number) {
  const staff = await createStaff(["onderzoeker"]);
  const id = await createCampaign(staff, campaign(surveyId));
  await queueCampaign(id);
  return getDb().select().from(panelInvitations).where(eq(panelInvitations.campaignId, id));
}

describe("campaigns for an open survey", () => {
  test("open and code surveys can be chosen; anonymous ones cannot", async () => {
    const open = await createSurvey("open");
    const [anon] = await getDb()
      .insert(surveys)
      .values({ slug: "anoniem", title: "Anoniem", status: "published", accessMode: "anonymous" })
      .returning();
    expect((await publishedSurveys()).map((s) => s.id)).toEqual([open.id]);
    const staff = await createStaff(["onderzoeker"]);
    await expect(createCampaign(staff, campaign(anon!.id))).rejects.toMatchObject({ status: 400 });
  });

  test("the personal link marks the response as panel, with the member's pseudonymous id", async () => {
    const survey = await createSurvey("open");
    await activeMembers(1);
    const [invitation] = await invitationCodes(survey.id);
    expect(invitation!.surveyCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);

    // The link shows the open survey's intro with the code carried along.
    const intro = await run<{ view: { state: string; code: string } }>(
      surveyRoute.loader,
      makeRequest(`${path}?code=${invitation!.surveyCode}`),
      params,
    );
    expect(intro.data.view).toMatchObject({ state: "intro", code: invitation!.surveyCode });

    const started = await post({ intent: "start", code: invitation!.surveyCode! });
    expect(started.status).toBe(302);
    const cookie = cookiesOf(started);
    const done = await post({ intent: "submit", ...overU }, cookie);
    expect(done.location).toBe(`${path}/bedankt`);

    const [response] = await getDb().select().from(responses);
    expect(response).toMatchObject({
      status: "submitted",
      channel: "panel",
      respondentId: invitation!.respondentId,
    });
    const [code] = await getDb().select().from(surveyCodes);
    expect(code!.usedAt).not.toBeNull();

    // The link cannot be used a second time.
    const again = await post({ intent: "start", code: invitation!.surveyCode! });
    expect(again.status).toBe(409);
    expect(again.data.errors.code).toBe(linkMessages.linkUsed);
    expect(await getDb().select().from(responses)).toHaveLength(1);
  });

  test("the survey stays open: without a code (or with a wrong one) a resident answers as before", async () => {
    const survey = await createSurvey("open");
    await activeMembers(1);
    await invitationCodes(survey.id);
    const wrong = await post({ intent: "start", code: "AAAA-BBBB-CCCC" });
    expect(wrong.status).toBe(400);
    expect(wrong.data.errors.code).toBe(linkMessages.linkUnknown);
    const plain = await post({ intent: "start" });
    expect(plain.status).toBe(302);
    const rows = await getDb().select().from(responses);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: "open", respondentId: null });
  });

  test("parallel starts and a parallel double submit with one link give one panel response", async () => {
    const survey = await createSurvey("open");
    await activeMembers(1);
    const [invitation] = await invitationCodes(survey.id);
    const code = invitation!.surveyCode!;
    // Two browsers open the same link at the same moment.
    const starts = await Promise.all([post({ intent: "start", code }), post({ intent: "start", code })]);
    expect(starts.map((s) => s.status)).toEqual([302, 302]);
    expect(await getDb().select().from(responses)).toHaveLength(1);
    // The same browser sends the last page twice at once (double click).
    const cookie = cookiesOf(starts[1]!);
    const submits = await Promise.all([
      post({ intent: "submit", ...overU }, cookie),
      post({ intent: "submit", ...overU }, cookie),
    ]);
    expect(submits.map((s) => s.location)).toEqual([`${path}/bedankt`, `${path}/bedankt`]);
    const rows = await getDb().select().from(responses);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "submitted", channel: "panel" });
    const stored = await getDb().select().from(answers).where(eq(answers.responseId, rows[0]!.id));
    expect(stored.filter((a) => a.questionKey === "geboortejaar")).toHaveLength(1);
  });

  test("a member gets one personal link per survey, also over several campaigns", async () => {
    const survey = await createSurvey("open");
    await activeMembers(3);
    expect(await invitationCodes(survey.id)).toHaveLength(3);
    // A second campaign for the same survey invites nobody who already has a link.
    await getDb().insert(panelMembers).values({
      email: "nieuw@example.nl",
      status: "active",
      birthYear: 1990,
      postcode: "2102",
      wijkCode: "DEMO02",
      household: "gezin",
      tenure: "koop",
      consentAt: new Date(),
      confirmedAt: new Date(),
    });
    const second = await invitationCodes(survey.id);
    expect(second).toHaveLength(1);
    const all = await getDb().select().from(panelInvitations);
    expect(new Set(all.map((i) => i.memberId)).size).toBe(all.length);
  });

  test("two campaigns of one survey queued at the same time still give each member one link", async () => {
    const survey = await createSurvey("open");
    await activeMembers(5);
    const staff = await createStaff(["onderzoeker"]);
    const a = await createCampaign(staff, campaign(survey.id));
    const b = await createCampaign(staff, campaign(survey.id));
    const queued = await Promise.all([queueCampaign(a), queueCampaign(b)]);
    expect(queued.sort()).toEqual([0, 5]);
    expect(await getDb().select().from(surveyCodes)).toHaveLength(5);
  });
});

describe("signing up after the survey", () => {
  async function submitOpen(accessMode: "open" | "anonymous" = "open") {
    await createSurvey(accessMode);
    const started = await post({ intent: "start" });
    const done = await post({ intent: "submit", ...overU }, cookiesOf(started));
    expect(done.location).toBe(`${path}/bedankt`);
    return done;
  }

  function signupPage(query: string, cookie?: string) {
    return run<{
      reused: { values: Record<string, string>; shown: { label: string; value: string }[] } | null;
    }>(signup.loader, makeRequest(`/digipanel${query}`, { cookie }));
  }

  test("the answers are offered, and filled in only when the resident chooses to reuse them", async () => {
    const done = await submitOpen();
    const cookie = cookiesOf(done);
    expect(cookie).toMatch(/^wmh_na_enquete=/);

    const thanks = await run<{ canReuse: boolean }>(
      thanksRoute.loader,
      makeRequest(`${path}/bedankt`, { cookie }),
      params,
    );
    expect(thanks.data.canReuse).toBe(true);

    // Without the choice nothing is read; without the cookie there is nothing to read.
    expect((await signupPage("", cookie)).data.reused).toBeNull();
    expect((await signupPage("?hergebruik=ja")).data.reused).toBeNull();

    const chosen = await signupPage("?hergebruik=ja", cookie);
    expect(chosen.data.reused!.values).toEqual({
      birthYear: "1958",
      postcode: "2103",
      household: "paar",
      tenure: "sociale-huur",
    });
    expect(chosen.data.reused!.shown.map((s) => s.label)).toEqual([
      "Geboortejaar",
      "Postcode (de 4 cijfers)",
      "Hoe woont u?",
      "Wat voor woning heeft u?",
    ]);
    // Showing them saved nothing.
    expect(await getDb().select().from(panelMembers)).toHaveLength(0);

    // The form is sent without consent: refused, nothing stored.
    const form = { email: "bewoner@example.nl", ...chosen.data.reused!.values };
    const refused = await run(signup.action, makeRequest("/digipanel", { form, cookie }));
    expect(refused.status).toBe(400);
    expect(await getDb().select().from(panelMembers)).toHaveLength(0);

    // With consent the reused answers become the (pending) profile, and the offer ends.
    const ok = await run(
      signup.action,
      makeRequest("/digipanel", { form: { ...form, consent: "ja" }, cookie }),
    );
    expect(ok.status).toBe(200);
    expect(ok.headers.getSetCookie().join()).toMatch(/wmh_na_enquete=;.*Max-Age=0/);
    const [member] = await getDb().select().from(panelMembers);
    expect(member).toMatchObject({
      status: "pending",
      birthYear: 1958,
      postcode: "2103",
      wijkCode: "DEMO03",
      household: "paar",
      tenure: "sociale-huur",
    });
  });

  test("an anonymous survey sets no cookie and offers nothing", async () => {
    const done = await submitOpen("anonymous");
    expect(cookiesOf(done)).not.toMatch(/wmh_na_enquete/);
  });

  test("an old or forged cookie offers nothing", async () => {
    const done = await submitOpen();
    const cookie = cookiesOf(done);
    const forged = cookie.replace(/=(\d+)\.[^;]+/, "=$1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    expect((await signupPage("?hergebruik=ja", forged)).data.reused).toBeNull();
    await getDb()
      .update(responses)
      .set({ submittedAt: new Date(Date.now() - 31 * 60 * 1000) });
    expect((await signupPage("?hergebruik=ja", cookie)).data.reused).toBeNull();
  });
});
