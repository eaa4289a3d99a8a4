import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { getDb } from "../../app/lib/db.server";
import * as listRoute from "../../app/routes/beheer.enquetes._index";
import * as editorLayout from "../../app/routes/beheer.enquetes.$id";
import * as editorRoute from "../../app/routes/beheer.enquetes.$id._index";
import * as blockRoute from "../../app/routes/beheer.enquetes.$id.blok.$pagina.($blok)";
import * as jsonRoute from "../../app/routes/beheer.enquetes.$id.json";
import * as pageRoute from "../../app/routes/beheer.enquetes.$id.pagina.($pagina)";
import * as previewRoute from "../../app/routes/beheer.enquetes.$id.voorbeeld";
import * as questionRoute from "../../app/routes/beheer.enquetes.$id.vraag.$pagina.($vraag)";
import * as surveyRoute from "../../app/routes/enquete.$slug._index";
import { auditLog, responses, surveys, surveyVersions } from "../../db/schema";
import { loginAs, resetDatabase } from "../support/db";
import { makeRequest, run } from "../support/remix";

beforeEach(resetDatabase);

async function createViaRoute(cookie: string, slug = "centrumplan") {
  const res = await run(
    listRoute.action,
    makeRequest("/beheer/enquetes?index", {
      cookie,
      form: { title: "Centrumplan", slug, accessMode: "open", projectId: "" },
    }),
  );
  expect(res.status).toBe(302);
  return Number(res.location!.split("/").pop());
}

/** A POST to the editor route that owns the intent (one route per editor). */
function edit(id: number, cookie: string, form: Record<string, string>) {
  const [route, url, params] =
    form.intent === "question-save"
      ? [questionRoute, `/beheer/enquetes/${id}/vraag/${form.paginaKey}`, { pagina: form.paginaKey }]
      : form.intent === "page-save"
        ? [pageRoute, `/beheer/enquetes/${id}/pagina`, {}]
        : form.intent === "block-save"
          ? [blockRoute, `/beheer/enquetes/${id}/blok/${form.paginaKey}`, { pagina: form.paginaKey }]
          : [editorRoute, `/beheer/enquetes/${id}?index`, {}];
  return run<{ errors: Record<string, string> }>(route.action, makeRequest(url, { cookie, form }), {
    id: String(id),
    ...params,
  });
}

const question = {
  intent: "question-save",
  paginaKey: "vragen",
  type: "single",
  text: "Hoe vaak komt u in het centrum?",
  options: "Elke dag\nElke week\nZelden",
  required: "ja",
};

describe("the survey builder", () => {
  test("only onderzoeker and beheerder may open it", async () => {
    const { cookie: ambtenaar } = await loginAs(["ambtenaar"]);
    const res = await run(listRoute.loader, makeRequest("/beheer/enquetes", { cookie: ambtenaar }));
    expect(res.status).toBe(403);
    const anonymous = await run(
      listRoute.action,
      makeRequest("/beheer/enquetes?index", { form: { title: "x" } }),
    );
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/beheer\/inloggen/);
    const { cookie: beheerder } = await loginAs(["beheerder"]);
    expect((await run(listRoute.loader, makeRequest("/beheer/enquetes", { cookie: beheerder }))).status).toBe(
      200,
    );
  });

  test("creates, edits, previews, publishes; a published version never changes", async () => {
    const { cookie, user } = await loginAs(["onderzoeker"]);
    const id = await createViaRoute(cookie);
    const dup = await run<{ errors: Record<string, string> }>(
      listRoute.action,
      makeRequest("/beheer/enquetes?index", {
        cookie,
        form: { title: "Nog een", slug: "centrumplan", accessMode: "open", projectId: "" },
      }),
    );
    expect(dup.status).toBe(400);
    expect(dup.data.errors.slug).toMatch(/al in gebruik/);

    const noQuestions = await edit(id, cookie, { intent: "publish" });
    expect(noQuestions.status).toBe(400);
    expect((await edit(id, cookie, question)).status).toBe(302);
    const bad = await edit(id, cookie, { ...question, text: "" });
    expect(bad.status).toBe(400);
    expect(bad.data.errors.text).toBe("Vul de vraag in.");

    const preview = await run<{ page: { questions: { text: string }[] } }>(
      previewRoute.loader,
      makeRequest(`/beheer/enquetes/${id}/voorbeeld?pagina=0`, { cookie }),
      { id: String(id) },
    );
    expect(preview.data.page.questions[0]!.text).toBe(question.text);

    expect(
      (await edit(id, cookie, { intent: "publish", opensAt: "", closesAt: "2030-01-01T12:00" })).status,
    ).toBe(302);
    const [published] = await getDb().select().from(surveyVersions).where(eq(surveyVersions.surveyId, id));
    expect(published!.publishedAt).not.toBeNull();
    const [survey] = await getDb().select().from(surveys).where(eq(surveys.id, id));
    expect(survey!.status).toBe("published");
    expect(survey!.closesAt?.toISOString()).toBe("2030-01-01T11:00:00.000Z");

    // A resident starts on version 1.
    const started = await run(
      surveyRoute.action,
      makeRequest("/enquete/centrumplan", { form: { intent: "start" } }),
      {
        slug: "centrumplan",
      },
    );
    const residentCookie = started.headers.get("Set-Cookie")!.split(";")[0]!;

    // Editing now makes version 2 and leaves version 1 as it was.
    await edit(id, cookie, {
      ...question,
      originalKey: "hoe-vaak-komt-u-in-het-centrum",
      key: "hoe-vaak-komt-u-in-het-centrum",
      text: "Hoe vaak bent u in het centrum?",
    });
    const versions = await getDb()
      .select()
      .from(surveyVersions)
      .where(eq(surveyVersions.surveyId, id))
      .orderBy(surveyVersions.version);
    expect(versions.map((v) => [v.version, v.publishedAt !== null])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(JSON.stringify(versions[0]!.definition)).toContain("Hoe vaak komt u in het centrum?");
    expect(JSON.stringify(versions[1]!.definition)).toContain("Hoe vaak bent u in het centrum?");
    // Publishing version 2: new residents get it, the one who started keeps version 1.
    await edit(id, cookie, { intent: "publish", opensAt: "", closesAt: "" });
    const page = await run<{ view: { page: { questions: { text: string }[] } } }>(
      surveyRoute.loader,
      makeRequest("/enquete/centrumplan", { cookie: residentCookie }),
      { slug: "centrumplan" },
    );
    expect(page.data.view.page.questions[0]!.text).toBe("Hoe vaak komt u in het centrum?");
    const [response] = await getDb().select().from(responses);
    expect(response!.surveyVersionId).toBe(versions[0]!.id);

    const actions = (await getDb().select().from(auditLog).where(eq(auditLog.actorId, user.id))).map(
      (a) => a.action,
    );
    expect(actions).toEqual([
      "survey.created",
      "survey.edited",
      "survey.published",
      "survey.edited",
      "survey.published",
    ]);
  });

  test("exports and imports JSON, and refuses broken JSON with a message", async () => {
    const { cookie } = await loginAs(["onderzoeker"]);
    const id = await createViaRoute(cookie);
    await edit(id, cookie, question);
    const exported = await run<Record<string, unknown>>(
      jsonRoute.loader,
      makeRequest(`/beheer/enquetes/${id}/json`, { cookie }),
      {
        id: String(id),
      },
    );
    expect(exported.headers.get("Content-Disposition")).toMatch(/attachment/);
    const json = { ...exported.data };
    json.title = "Geïmporteerd";
    const broken = await edit(id, cookie, { intent: "import", json: "{ niet goed" });
    expect(broken.status).toBe(400);
    expect(broken.data.errors.json).toMatch(/geen geldige JSON/);
    const invalid = await edit(id, cookie, {
      intent: "import",
      json: JSON.stringify({ ...json, pages: [] }),
    });
    expect(invalid.data.errors.json).toMatch(/minstens één pagina/);
    expect((await edit(id, cookie, { intent: "import", json: JSON.stringify(json) })).status).toBe(302);
    const [survey] = await getDb().select().from(surveys).where(eq(surveys.id, id));
    expect(survey!.title).toBe("Geïmporteerd");
  });

  test("duplicates a survey as a new draft and closes a published one", async () => {
    const { cookie } = await loginAs(["beheerder"]);
    const id = await createViaRoute(cookie);
    await edit(id, cookie, question);
    await edit(id, cookie, { intent: "publish" });
    const dup = await edit(id, cookie, { intent: "duplicate" });
    const copyId = Number(dup.location!.split("?")[0]!.split("/").pop());
    const [copy] = await getDb().select().from(surveys).where(eq(surveys.id, copyId));
    expect(copy).toMatchObject({ slug: "centrumplan-kopie", status: "draft" });
    await edit(id, cookie, { intent: "close" });
    const [closed] = await getDb().select().from(surveys).where(eq(surveys.id, id));
    expect(closed!.status).toBe("closed");
    // The slug of a published survey is fixed: links in letters depend on it.
    const slug = await edit(id, cookie, {
      intent: "settings",
      slug: "ander-adres",
      accessMode: "open",
      projectId: "",
    });
    expect(slug.data.errors.slug).toMatch(/kan niet meer veranderen/);
  });

  test("an unknown survey id is a 404", async () => {
    const { cookie } = await loginAs(["onderzoeker"]);
    for (const id of ["999", "abc"]) {
      const res = await run(editorLayout.loader, makeRequest(`/beheer/enquetes/${id}`, { cookie }), { id });
      expect(res.status).toBe(404);
    }
  });

  test("each editor is a route of its own; old links with a query parameter are sent there", async () => {
    const { cookie } = await loginAs(["onderzoeker"]);
    const id = await createViaRoute(cookie);
    expect((await edit(id, cookie, question)).status).toBe(302);
    const base = `/beheer/enquetes/${id}`;
    const cases: [string, string][] = [
      ["?vraag=hoe-vaak-komt-u-in-het-centrum", `${base}/vraag/vragen/hoe-vaak-komt-u-in-het-centrum`],
      ["?nieuw=vragen&soort=single", `${base}/vraag/vragen?soort=single`],
      ["?pagina=vragen", `${base}/pagina/vragen`],
      ["?nieuwe-pagina=1", `${base}/pagina`],
      ["?blok=vragen:0", `${base}/blok/vragen/0`],
      ["?nieuw-blok=vragen", `${base}/blok/vragen`],
    ];
    for (const [query, to] of cases) {
      const res = await run(editorRoute.loader, makeRequest(`${base}${query}`, { cookie }), {
        id: String(id),
      });
      expect(res.status, query).toBe(302);
      expect(res.location, query).toBe(to);
    }
    expect((await run(editorRoute.loader, makeRequest(base, { cookie }), { id: String(id) })).status).toBe(
      200,
    );

    // A route only takes its own intents: the question editor cannot delete a page.
    const wrong = await run<{ errors: Record<string, string> }>(
      questionRoute.action,
      makeRequest(`${base}/vraag/vragen`, { cookie, form: { intent: "page-delete", paginaKey: "vragen" } }),
      { id: String(id), pagina: "vragen" },
    );
    expect(wrong.status).toBe(400);
    expect(wrong.data.errors._form).toBe("Onbekende actie.");
    const page = await edit(id, cookie, {
      intent: "page-save",
      paginaKey: "",
      title: "Tweede pagina",
      intro: "",
      kind: "questions",
    });
    expect(page.status).toBe(302);
    // The redirect carries a code; the overview maps it to its Dutch text, and ignores any other text.
    expect(page.location).toBe(`${base}?opgeslagen=page-save`);
    const savedOn = async (query: string) =>
      (
        await run<{ saved: string | null }>(editorRoute.loader, makeRequest(`${base}${query}`, { cookie }), {
          id: String(id),
        })
      ).data.saved;
    expect(await savedOn("?opgeslagen=page-save")).toBe("De pagina is opgeslagen.");
    expect(await savedOn("?opgeslagen=publish")).toMatch(/^Versie \d+ is gepubliceerd\.$/);
    expect(await savedOn("?opgeslagen=question-save&nieuweversie=1")).toMatch(
      /^De vraag is opgeslagen\. Er is een nieuwe conceptversie \d+ gemaakt;/,
    );
    expect(await savedOn("?melding=Uw%20account%20is%20geblokkeerd.%20Bel%20020-1234567")).toBeNull();
    expect(await savedOn("?opgeslagen=Uw%20account%20is%20geblokkeerd")).toBeNull();
    expect(await savedOn("?opgeslagen=constructor")).toBeNull();
  });
});
