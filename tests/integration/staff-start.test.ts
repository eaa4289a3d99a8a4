// The /beheer start page counts and the overdue flag of the initiatives list.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import type { QuickscanAnswers } from "../../app/domain/initiatives/quickscan-form";
import { submitIdea } from "../../app/domain/initiatives/submission.server";
import { getDb } from "../../app/lib/db.server";
import * as startRoute from "../../app/routes/beheer._index";
import * as listRoute from "../../app/routes/beheer.initiatieven._index";
import * as detailRoute from "../../app/routes/beheer.initiatieven.$id";
import { contactMessages, initiatives } from "../../db/schema";
import { loginAs, resetDatabase } from "../support/db";
import { makeRequest, run } from "../support/remix";

beforeEach(resetDatabase);

const answers = {
  title: "Een bankje",
  description: "Bij de speeltuin.",
  theme: "groen",
  locationKind: "whole_town",
  parties: ["business"],
  partyCount: "many",
  impact: "large",
  interests: "many",
  otherPlans: "yes",
  publicSpace: "yes",
  permit: "yes",
  policy: "plan_change",
  contribution: ["money"],
  timing: "later",
  name: "Anna",
  email: "anna@example.nl",
  consentContact: "ja",
  showName: false,
  allowExactLocation: false,
} as unknown as QuickscanAnswers;

type Attention = { attention: { key: string; count: number; to: string }[] };

async function idea(set: Partial<typeof initiatives.$inferInsert>) {
  const { id } = await submitIdea({ answers });
  if (Object.keys(set).length) await getDb().update(initiatives).set(set).where(eq(initiatives.id, id));
  return id;
}

describe("the start page", () => {
  test("counts what needs attention, each linking to the list that shows those items", async () => {
    await idea({ accountManagerId: null, respondBy: "2000-01-01" });
    await idea({ accountManagerId: null, respondBy: "2999-01-01" });
    await idea({ status: "in_review", accountManagerId: null, respondBy: "2000-01-01" });
    await getDb()
      .insert(contactMessages)
      .values([
        { name: "A", email: "a@example.nl", subject: "Vraag", message: "Hoi" },
        { name: "B", email: "b@example.nl", subject: "Vraag", message: "Hoi", handled: true },
      ]);
    const { cookie } = await loginAs(["ambtenaar"]);
    const res = await run<Attention>(startRoute.loader, makeRequest("/beheer", { cookie }));
    const byKey = Object.fromEntries(res.data.attention.map((a) => [a.key, a]));
    expect(byKey.unassigned?.count).toBe(2);
    expect(byKey.overdue?.count).toBe(1);
    expect(byKey.contact?.count).toBe(1);
    expect(byKey.openSurveys).toBeUndefined();

    // The overdue link gives exactly the overdue idea, flagged as such.
    const list = await run<{ total: number; rows: { overdue: boolean }[] }>(
      listRoute.loader,
      makeRequest(byKey.overdue!.to, { cookie }),
    );
    expect(list.data.total).toBe(1);
    expect(list.data.rows[0]!.overdue).toBe(true);
    const unassigned = await run<{ total: number }>(
      listRoute.loader,
      makeRequest(byKey.unassigned!.to, { cookie }),
    );
    expect(unassigned.data.total).toBe(2);
  });

  test("an onderzoeker sees open surveys, not initiatives or contact", async () => {
    const { cookie } = await loginAs(["onderzoeker"]);
    const res = await run<Attention>(startRoute.loader, makeRequest("/beheer", { cookie }));
    expect(res.data.attention.map((a) => a.key)).toEqual(["openSurveys"]);
  });
});

describe("the triage page after saving", () => {
  test("goes back to the saved section", async () => {
    const id = await idea({});
    const { cookie } = await loginAs(["ambtenaar"]);
    const res = await run(
      detailRoute.action,
      makeRequest(`/beheer/initiatieven/${id}`, { cookie, form: { intent: "note", note: "Bellen." } }),
      { id },
    );
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/beheer/initiatieven/${id}?opgeslagen=note#notitie-titel`);
  });
});
