// The survey's woon-DNA pages show the live stoplicht summary of the prestatieafspraken of their theme as an
// ordinary text block built on the server (no new JavaScript on the survey page, docs/monitor.md).
import { and, eq } from "drizzle-orm";
import { beforeEach, expect, test } from "vitest";
import { surveyDefinitionSchema } from "../../app/domain/surveys/definition";
import { woonvisieDefinition } from "../../app/domain/surveys/woonvisie";
import { getDb } from "../../app/lib/db.server";
import * as staffAgreement from "../../app/routes/beheer.prestatieafspraken.$id";
import * as surveyRoute from "../../app/routes/enquete.$slug._index";
import { monitorAgreements, monitorRounds, monitorUpdates, surveys, surveyVersions } from "../../db/schema";
import { loadMonitorData } from "../../db/seed/monitor";
import { seedWijken } from "../../db/seed/wijken";
import { loginAs, resetDatabase } from "../support/db";
import { makeRequest, run } from "../support/remix";

beforeEach(resetDatabase);

type Block = { kind: string; title?: string; text?: string };
const params = { slug: "woonvisie" };

async function createSurvey() {
  await seedWijken(getDb());
  const [survey] = await getDb()
    .insert(surveys)
    .values({ slug: "woonvisie", title: "Woonvisie", status: "published", accessMode: "open" })
    .returning();
  await getDb()
    .insert(surveyVersions)
    .values({
      surveyId: survey!.id,
      version: 1,
      definition: surveyDefinitionSchema.parse(woonvisieDefinition),
      publishedAt: new Date(),
    });
}

async function firstPageBlocks() {
  const started = await run(
    surveyRoute.action,
    makeRequest("/enquete/woonvisie", { form: { intent: "start" } }),
    params,
  );
  const cookie = started.headers.get("Set-Cookie")!.split(";")[0]!;
  const res = await run<{ view: { isInfo: boolean; page: { blocks: Block[] } } }>(
    surveyRoute.loader,
    makeRequest("/enquete/woonvisie", { cookie }),
    params,
  );
  expect(res.data.view.isInfo).toBe(true);
  return res.data.view.page.blocks;
}

test("a woon-DNA page without monitor data shows only its own blocks", async () => {
  await createSurvey();
  const blocks = await firstPageBlocks();
  expect(blocks.map((b) => b.title)).not.toContain("Hoe staan de prestatieafspraken ervoor?");
});

test("a woon-DNA page shows the live stoplicht summary of its theme, and follows a confirmation", async () => {
  await createSurvey();
  await loadMonitorData(getDb());
  const before = (await firstPageBlocks()).at(-1)!;
  expect(before).toMatchObject({ kind: "text", title: "Hoe staan de prestatieafspraken ervoor?" });
  expect(before.text).toContain("tertiaal 3 van 2024");
  expect(before.text).toMatch(
    /Thema 1, [^:]+: \d+ afspraken\. Nog niet beoordeeld \(er is nog geen bevestigde stand\): \d+\./,
  );
  // Only the page's theme (the first woon-DNA page is about theme 1).
  expect(before.text).not.toContain("Thema 2,");

  // The gemeente confirms a green update of a theme-1 agreement in 2024 T3: the block shows it at once.
  const ambtenaar = await loginAs(["ambtenaar"]);
  await getDb().update(monitorRounds).set({ status: "open" }).where(eq(monitorRounds.year, 2024));
  const [round] = await getDb().select().from(monitorRounds).where(eq(monitorRounds.year, 2024));
  const [agreement] = await getDb()
    .select()
    .from(monitorAgreements)
    .where(and(eq(monitorAgreements.theme, 1), eq(monitorAgreements.kind, "jaar")));
  const post = (form: Record<string, string>) =>
    run(
      staffAgreement.action,
      makeRequest(`/beheer/prestatieafspraken/${agreement!.id}`, { form, cookie: ambtenaar.cookie }),
      { id: String(agreement!.id) },
    );
  expect(
    (await post({ intent: "update", ronde: String(round!.id), stoplicht: "green", toelichting: "Gedaan." }))
      .status,
  ).toBe(200);
  const [pending] = await getDb().select().from(monitorUpdates).where(eq(monitorUpdates.status, "submitted"));
  expect((await post({ intent: "confirm", update: String(pending!.id) })).status).toBe(200);
  const after = (await firstPageBlocks()).at(-1)!;
  expect(after.text).toContain("Groen (op schema of gedaan): 1");
});
