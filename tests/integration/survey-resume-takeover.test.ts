// Issue: a resume link (?verder=) installed any token as the visitor's cookie, so someone who
// started a response and sent the link to another person could later read what that person typed.
import { beforeEach, expect, test } from "vitest";
import { surveyDefinitionSchema } from "../../app/domain/surveys/definition";
import { woonvisieDefinition } from "../../app/domain/surveys/woonvisie";
import { getDb } from "../../app/lib/db.server";
import * as surveyRoute from "../../app/routes/enquete.$slug._index";
import { surveys, surveyVersions } from "../../db/schema";
import { seedWijken } from "../../db/seed/wijken";
import { resetDatabase } from "../support/db";
import { makeRequest, run } from "../support/remix";

beforeEach(async () => {
  await resetDatabase();
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
});

const params = { slug: "woonvisie" };
const post = (form: Record<string, string>, cookie?: string) =>
  run(surveyRoute.action, makeRequest("/enquete/woonvisie", { form, cookie }), params);
const view = async (cookie: string) =>
  (
    await run<{ view: { state: string; values?: Record<string, string> } }>(
      surveyRoute.loader,
      makeRequest("/enquete/woonvisie", { cookie }),
      params,
    )
  ).data.view;
const cookieOf = (res: { headers: Headers }) => res.headers.get("Set-Cookie")!.split(";")[0]!;

test("a planted resume link gives its sender nothing: using the link ends every other holder's access", async () => {
  // The attacker starts a response and builds the resume link from their own cookie.
  const attacker = cookieOf(await post({ intent: "start" }));
  const token = decodeURIComponent(attacker.split("=")[1]!);
  const link = `/enquete/woonvisie?verder=${encodeURIComponent(token)}`;

  // The victim opens the link and types answers.
  const opened = await run(surveyRoute.loader, makeRequest(link), params);
  expect(opened.status).toBe(302);
  const victim = cookieOf(opened);
  expect(victim).not.toBe(attacker);
  await post({ intent: "next", pagina: "0" }, victim);
  await post({ intent: "next", pagina: "1" }, victim);
  await post(
    {
      intent: "later",
      pagina: "2",
      v_geboortejaar: "1958",
      v_postcode: "2103 CD",
      v_woonsituatie: "sociale-huur",
      v_huishouden: "paar",
    },
    victim,
  );
  expect((await view(victim)).values).toMatchObject({ v_geboortejaar: "1958" });

  // The attacker's cookie no longer reaches the response, and the old link does nothing.
  expect((await view(attacker)).state).toBe("intro");
  const again = await run(surveyRoute.loader, makeRequest(link), params);
  expect(again.status).toBe(302);
  expect(again.headers.get("Set-Cookie")).toBeNull();
  expect((await post({ intent: "mail-link", email: "aanvaller@example.nl" }, attacker)).status).toBe(302);
});
