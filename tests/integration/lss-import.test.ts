import { readFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { surveyDefinitionSchema } from "../../app/domain/surveys/definition";
import { woonvisieDefinition } from "../../app/domain/surveys/woonvisie";
import { getDb } from "../../app/lib/db.server";
import * as exportPage from "../../app/routes/beheer.enquetes.$id.limesurvey";
import * as exportFile from "../../app/routes/beheer.enquetes.$id.lss";
import * as importRoute from "../../app/routes/beheer.enquetes.importeren";
import { auditLog, surveys, surveyVersions } from "../../db/schema";
import { loginAs, resetDatabase } from "../support/db";
import { makeRequest, run } from "../support/remix";

beforeEach(resetDatabase);

const fixture = (name: string) => readFileSync(join(__dirname, "../fixtures/limesurvey", name), "utf8");

/** A multipart POST as the browser sends it: the file, or the fields of the save step. */
function upload(cookie: string, fields: Record<string, string>, file?: { name: string; content: string }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append("bestand", new File([file.content], file.name, { type: "application/xml" }));
  return new Request("http://localhost/beheer/enquetes/importeren", {
    method: "POST",
    headers: { Cookie: cookie },
    body: form,
  });
}

type Preview = {
  kind: "preview";
  source: string;
  fileName: string;
  suggestedSlug: string;
  report: { counts: Record<string, number> };
};

describe("importing a LimeSurvey file from the staff page", () => {
  test("the report comes first and nothing is stored; then it is saved as a draft, audited", async () => {
    const { cookie } = await loginAs(["onderzoeker"]);
    const res = await run<Preview>(
      importRoute.action,
      upload(cookie, { intent: "check" }, { name: "wonen.lss", content: fixture("survey-new-layout.lss") }),
    );
    expect(res.status).toBe(200);
    const preview = res.data as Preview;
    expect(preview.kind).toBe("preview");
    expect(preview.report.counts).toEqual({ asIs: 10, changed: 16, leftOut: 4 });
    expect(preview.suggestedSlug).toBe("wonen-in-de-wijk");
    expect(await getDb().select().from(surveys)).toHaveLength(0);

    const saved = await run(
      importRoute.action,
      upload(cookie, {
        intent: "save",
        bron: preview.source,
        bestandsnaam: preview.fileName,
        slug: "wonen-in-de-wijk",
      }),
    );
    expect(saved.status).toBe(302);
    const id = Number(saved.location!.split("/").pop()!.split("?")[0]);
    const [survey] = await getDb().select().from(surveys).where(eq(surveys.id, id));
    expect(survey).toMatchObject({
      title: "Wonen in de wijk",
      status: "draft",
      slug: "wonen-in-de-wijk",
      accessMode: "open",
    });
    const [version] = await getDb().select().from(surveyVersions).where(eq(surveyVersions.surveyId, id));
    const definition = surveyDefinitionSchema.parse(version!.definition);
    expect(definition.pages.flatMap((p) => p.questions).find((q) => q.key === "woonvorm")).toMatchObject({
      type: "single",
      other: true,
    });
    const actions = (
      await getDb()
        .select()
        .from(auditLog)
        .where(eq(auditLog.entityId, String(id)))
    )
      .map((a) => a.action)
      .sort();
    expect(actions).toEqual(["survey.created", "survey.imported_limesurvey"]);
  });

  test("a refused file gets its Dutch message at the field, status 400, nothing stored", async () => {
    const { cookie } = await loginAs(["beheerder"]);
    for (const [name, message] of [
      ["entity-declaration.lss", /DOCTYPE- of ENTITY/],
      ["broken-truncated.lss", /beschadigd of niet compleet/],
    ] as const) {
      const res = await run<{ errors: Record<string, string> }>(
        importRoute.action,
        upload(cookie, { intent: "check" }, { name, content: fixture(name) }),
      );
      expect(res.status).toBe(400);
      expect(res.data!.errors.bestand).toMatch(message);
    }
    const none = await run<{ errors: Record<string, string> }>(
      importRoute.action,
      upload(cookie, { intent: "check" }),
    );
    expect(none.status).toBe(400);
    expect(none.data!.errors.bestand).toMatch(/Kies een .lss-bestand/);
    expect(await getDb().select().from(surveys)).toHaveLength(0);
  });

  test("a taken web address is refused at the field and the report stays", async () => {
    const { cookie } = await loginAs(["onderzoeker"]);
    const source = fixture("survey-old-layout.lss");
    const first = await run(
      importRoute.action,
      upload(cookie, { intent: "save", bron: source, slug: "wonen" }),
    );
    expect(first.status).toBe(302);
    const again = await run<Preview & { errors: Record<string, string> }>(
      importRoute.action,
      upload(cookie, { intent: "save", bron: source, slug: "wonen" }),
    );
    expect(again.status).toBe(400);
    expect(again.data!.errors.slug).toMatch(/al in gebruik/);
    expect(again.data!.kind).toBe("preview");
    expect(await getDb().select().from(surveys)).toHaveLength(1);
  });

  test("ambtenaar and partner may not import", async () => {
    for (const role of ["ambtenaar", "partner"] as const) {
      const { cookie } = await loginAs([role]);
      const res = await run(
        importRoute.action,
        upload(cookie, { intent: "check" }, { name: "x.lss", content: fixture("survey-new-layout.lss") }),
      );
      expect(res.status).toBe(403);
    }
  });
});

describe("exporting to LimeSurvey and back", () => {
  test("the Woonvisie survey, saved as a draft, downloads as .lss (audited) and imports back the same", async () => {
    const { cookie } = await loginAs(["onderzoeker"]);
    const woonvisie = surveyDefinitionSchema.parse(woonvisieDefinition);
    const [survey] = await getDb()
      .insert(surveys)
      .values({ title: woonvisie.title, slug: "woonvisie-rt", accessMode: "open" })
      .returning();
    await getDb().insert(surveyVersions).values({ surveyId: survey!.id, version: 1, definition: woonvisie });

    const page = await run<{ report: { items: { notes: string[] }[] } }>(
      exportPage.loader,
      makeRequest(`/beheer/enquetes/${survey!.id}/limesurvey`, { cookie }),
      { id: String(survey!.id) },
    );
    expect(page.status).toBe(200);
    expect(page.data!.report.items.some((i) => i.notes.length > 0)).toBe(true);

    const file = await run<string>(
      exportFile.loader,
      makeRequest(`/beheer/enquetes/${survey!.id}/lss`, { cookie }),
      { id: String(survey!.id) },
    );
    expect(file.status).toBe(200);
    expect(file.headers?.get("Content-Disposition")).toContain("woonvisie-rt.lss");
    const audit = await getDb()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "survey.exported_limesurvey"));
    expect(audit).toHaveLength(1);

    const saved = await run(
      importRoute.action,
      upload(cookie, { intent: "save", bron: String(file.data), slug: "woonvisie-terug" }),
    );
    expect(saved.status).toBe(302);
    const [copy] = await getDb().select().from(surveys).where(eq(surveys.slug, "woonvisie-terug"));
    const [version] = await getDb()
      .select()
      .from(surveyVersions)
      .where(eq(surveyVersions.surveyId, copy!.id));
    expect(version!.definition).toEqual(JSON.parse(JSON.stringify(woonvisie)));
  });

  test("an unknown survey is 404", async () => {
    const { cookie } = await loginAs(["beheerder"]);
    const res = await run(exportFile.loader, makeRequest("/beheer/enquetes/999999/lss", { cookie }), {
      id: "999999",
    });
    expect(res.status).toBe(404);
  });
});
