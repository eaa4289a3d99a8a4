// Every limit counts before the work, in one statement: N parallel requests against a limit of L
// let exactly L through (login: auth.test.ts). Fault/race tests: run several times.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { CONTACT_RATE_LIMIT } from "../../app/domain/contact/contact";
import { signUp } from "../../app/domain/panel/members.server";
import { PANEL_FORM_LIMIT } from "../../app/domain/panel/session.server";
import { createPersonalCodes } from "../../app/domain/surveys/codes.server";
import { surveyDefinitionSchema } from "../../app/domain/surveys/definition";
import { CODE_LIMIT, RESUME_MAIL_LIMIT } from "../../app/domain/surveys/rules";
import { woonvisieDefinition } from "../../app/domain/surveys/woonvisie";
import { getDb } from "../../app/lib/db.server";
import { hit } from "../../app/lib/rate-limit.server";
import * as contactRoute from "../../app/routes/contact";
import * as panelRoute from "../../app/routes/digipanel._index";
import * as surveyRoute from "../../app/routes/enquete.$slug._index";
import { outbox, panelMembers, surveys, surveyVersions } from "../../db/schema";
import { seedWijken } from "../../db/seed/wijken";
import { resetDatabase } from "../support/db";
import { makeRequest, run } from "../support/remix";

beforeEach(async () => {
  await resetDatabase();
  await seedWijken(getDb());
});

async function createSurvey(accessMode: "open" | "code") {
  const [survey] = await getDb()
    .insert(surveys)
    .values({ slug: "woonvisie", title: "Woonvisie", status: "published", accessMode })
    .returning();
  await getDb()
    .insert(surveyVersions)
    .values({
      surveyId: survey!.id,
      version: 1,
      definition: surveyDefinitionSchema.parse(woonvisieDefinition),
      publishedAt: new Date(),
    });
  return survey!;
}

const params = { slug: "woonvisie" };
const surveyPost = (form: Record<string, string>, cookie?: string) =>
  run<{ errors: Record<string, string> }>(
    surveyRoute.action,
    makeRequest("/enquete/woonvisie", { form, cookie }),
    params,
  );

function statuses(results: { status: number }[]) {
  const out: Record<number, number> = {};
  for (const r of results) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
}

test("the counter itself: 30 parallel hits against a limit of 10 allow exactly 10", async () => {
  const results = await Promise.all(
    Array.from({ length: 30 }, () => hit("test:parallel", { windowSeconds: 60, max: 10 })),
  );
  expect(results.filter((r) => r.allowed)).toHaveLength(10);
});

describe("survey codes", () => {
  test("30 parallel wrong codes against a limit of 20: exactly 20 are checked, 10 refused", async () => {
    await createSurvey("code");
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => surveyPost({ intent: "start", code: `AAAA-BBBB-CC${i}` })),
    );
    expect(statuses(results)).toEqual({ 400: CODE_LIMIT.max, 429: 30 - CODE_LIMIT.max });
  });

  test("a right code does not use up the limit", async () => {
    const survey = await createSurvey("code");
    const codes = await createPersonalCodes(survey.id, CODE_LIMIT.max + 2, "letter", getDb());
    for (const c of codes) expect((await surveyPost({ intent: "start", code: c.code })).status).toBe(302);
  });
});

test("resume mails: 10 parallel requests against a limit of 5 send exactly 5 mails", async () => {
  await createSurvey("open");
  const start = await surveyPost({ intent: "start" });
  const cookie = start.headers.get("Set-Cookie")!.split(";")[0]!;
  const results = await Promise.all(
    Array.from({ length: 10 }, () => surveyPost({ intent: "mail-link", email: "a@example.nl" }, cookie)),
  );
  expect(statuses(results)).toEqual({ 200: RESUME_MAIL_LIMIT.max, 400: 10 - RESUME_MAIL_LIMIT.max });
  expect(await getDb().select().from(outbox).where(eq(outbox.kind, "survey.resume-link"))).toHaveLength(
    RESUME_MAIL_LIMIT.max,
  );
});

test("contact: 12 parallel messages against a limit of 5 store exactly 5", async () => {
  const form = { name: "Jan", email: "jan@example.nl", subject: "Vraag", message: "Hallo gemeente" };
  const results = await Promise.all(
    Array.from({ length: 12 }, () => run(contactRoute.action, makeRequest("/contact", { form }))),
  );
  expect(statuses(results)).toEqual({ 302: CONTACT_RATE_LIMIT.max, 429: 12 - CONTACT_RATE_LIMIT.max });
});

describe("digipanel sign-ups", () => {
  const form = { birthYear: "1970", postcode: "2101", household: "paar", tenure: "koop", consent: "ja" };

  test("30 parallel sign-ups against a limit of 20 let exactly 20 through", async () => {
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        run(panelRoute.action, makeRequest("/digipanel", { form: { ...form, email: `p${i}@example.nl` } })),
      ),
    );
    expect(statuses(results)).toEqual({ 200: PANEL_FORM_LIMIT.max, 429: 30 - PANEL_FORM_LIMIT.max });
    expect(await getDb().select().from(panelMembers)).toHaveLength(PANEL_FORM_LIMIT.max);
  });

  test("10 parallel sign-ups with one address: the neutral message for all, one member, ONE mail", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        run<{ done: boolean }>(
          panelRoute.action,
          makeRequest("/digipanel", {
            form: { ...form, email: "een@example.nl" },
            headers: { "X-Test": String(i) },
          }),
        ),
      ),
    );
    expect(results.map((r) => [r.status, r.data.done])).toEqual(Array(10).fill([200, true]));
    expect(await getDb().select().from(panelMembers)).toHaveLength(1);
    const mails = await getDb().select().from(outbox).where(eq(outbox.to, "een@example.nl"));
    expect(mails).toHaveLength(1);
  });

  test("the same at the domain level, with the unique constraint in the way", async () => {
    const input = {
      birthYear: 1970,
      postcode: "2101",
      household: "paar",
      tenure: "koop",
      consent: "ja",
    } as const;
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () => signUp({ ...input, email: "twee@example.nl" })),
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(await getDb().select().from(outbox).where(eq(outbox.to, "twee@example.nl"))).toHaveLength(1);
  });
});
