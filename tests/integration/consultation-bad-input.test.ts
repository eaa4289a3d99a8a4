// Issue 16, bad input: every field error is Dutch, at the field, with the input kept; hostile numbers in
// URLs and forms (too large for an integer column, fractions, words) are a 400/404/409, never a 500.
import { beforeEach, describe, expect, test } from "vitest";
import { documentPage } from "../../app/domain/consultation/document-page.server";
import { createDocument, handleDocumentPost } from "../../app/domain/consultation/documents.server";
import { loadNota, publishNota } from "../../app/domain/consultation/nota.server";
import { handleReactionsPost } from "../../app/domain/consultation/points.server";
import { publicDocument } from "../../app/domain/consultation/public-document.server";
import { handleOwnReaction, submitReaction } from "../../app/domain/consultation/public-reactions.server";
import { reactionsPage } from "../../app/domain/consultation/reactions-page.server";
import { getDb } from "../../app/lib/db.server";
import * as documentRoute from "../../app/routes/meedenken_.$slug_.document";
import * as notaRoute from "../../app/routes/meedenken_.$slug_.reactienota.$versie";
import * as reactRoute from "../../app/routes/meedenken_.$slug_.reageren";
import * as changesRoute from "../../app/routes/meedenken_.$slug_.wijzigingen";
import { consultationReactions, projects } from "../../db/schema";
import { createStaff, resetDatabase } from "../support/db";
import { makeRequest, run } from "../support/remix";

beforeEach(() => resetDatabase());

const DURING = new Date("2026-12-05T12:00:00Z");
const db = () => getDb();
const HUGE = "99999999999";

function form(values: Record<string, string | string[]>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) for (const item of [v].flat()) f.append(k, item);
  return f;
}

async function setup() {
  const staff = await createStaff(["ambtenaar"]);
  const actor = { id: staff.id, email: staff.email };
  const [project] = await db().insert(projects).values({ slug: "woonvisie", title: "Woonvisie" }).returning();
  const created = await createDocument(actor, form({ project: String(project!.id), titel: "Concept" }), db());
  if (!created.ok) throw new Error("not created");
  const post = (values: Record<string, string>) =>
    handleDocumentPost(actor, created.id, form(values), db(), DURING);
  await post({ intent: "save", tekst: "# Wonen\nMeer sociale huur.\n\nStarters." });
  await post({ intent: "period", start: "2026-12-01T09:00", einde: "2026-12-15T23:59" });
  await post({ intent: "publish" });
  const page = (await publicDocument("woonvisie", db(), undefined, DURING))!;
  return { actor, id: created.id, post, paragraph: page.chapters[0]!.paragraphs[0]!.id };
}

const valid = (paragraph: number) => ({
  soort: "inwoner",
  naam: "Jan Jansen",
  email: "jan@example.nl",
  reactie: "Meer huurwoningen graag.",
  alinea: String(paragraph),
});

describe("the reaction form", () => {
  test.each([
    [
      "no choice of who reacts",
      { soort: "" },
      "soort",
      "Kies of u reageert als inwoner of namens een organisatie.",
    ],
    [
      "an unknown choice",
      { soort: "beide" },
      "soort",
      "Kies of u reageert als inwoner of namens een organisatie.",
    ],
    ["no name", { naam: " " }, "naam", "Vul uw naam in."],
    ["a name of 201 characters", { naam: "a".repeat(201) }, "naam", "Gebruik hoogstens 200 tekens."],
    ["no e-mail address", { email: "" }, "email", "Vul uw e-mailadres in."],
    [
      "a wrong e-mail address",
      { email: "jan@" },
      "email",
      "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.",
    ],
    ["no reaction", { reactie: "" }, "reactie", "Schrijf uw reactie in minstens 5 tekens."],
    [
      "a reaction of 10,001 characters",
      { reactie: "a".repeat(10_001) },
      "reactie",
      "Uw reactie is te lang: gebruik hoogstens 10.000 tekens.",
    ],
    [
      "an organisation without a name",
      { soort: "organisatie", rol: "adviseur" },
      "organisatie",
      "Vul de naam van de organisatie in.",
    ],
    [
      "an organisation with an unknown role",
      { soort: "organisatie", organisatie: "Elan", rol: "baas" },
      "rol",
      "Kies de rol van uw organisatie.",
    ],
  ])("%s: a Dutch message at the field, the input kept", async (_name, change, field, message) => {
    const { paragraph } = await setup();
    const values = { ...valid(paragraph), ...change };
    const outcome = await submitReaction("woonvisie", form(values), db(), DURING);
    expect(outcome).toMatchObject({ ok: false, status: 400, errors: { [field]: message } });
    if (!outcome.ok) expect(outcome.values.reactie).toBe(values.reactie);
    expect(await db().select().from(consultationReactions)).toHaveLength(0);
  });

  test.each([
    ["a word", "abc"],
    ["a fraction", "1.5"],
    ["a negative number", "-3"],
    ["a number too large for the database", HUGE],
  ])("a paragraph given as %s is refused politely, not a 500", async (_name, alinea) => {
    const { paragraph } = await setup();
    const outcome = await submitReaction("woonvisie", form({ ...valid(paragraph), alinea }), db(), DURING);
    expect(outcome).toMatchObject({ ok: false, status: 409, values: { naam: "Jan Jansen" } });
    if (!outcome.ok) expect(outcome.errors._form).toContain("Deze alinea staat niet (meer) in het document");
  });

  test("a repeated field (a crafted form) is a Dutch message, not a 500", async () => {
    const { paragraph } = await setup();
    const outcome = await submitReaction(
      "woonvisie",
      form({ ...valid(paragraph), naam: ["Jan", "Piet"], soort: ["inwoner", "organisatie"] }),
      db(),
      DURING,
    );
    expect(outcome).toMatchObject({ ok: false, status: 400 });
    if (!outcome.ok) expect(Object.values(outcome.errors).every((m) => /^[A-Z]/.test(m ?? ""))).toBe(true);
  });

  test("an unknown intent on the reaction link is refused", async () => {
    await setup();
    expect(await handleOwnReaction("woonvisie", "x".repeat(43), "confirm", db(), DURING)).toMatchObject({
      ok: false,
      status: 404,
    });
  });
});

describe("URLs with hostile numbers are a Dutch 404", () => {
  test.each([
    ["the reaction form", reactRoute.loader, `/meedenken/woonvisie/reageren?alinea=${HUGE}`, {}],
    ["the reaction form (fraction)", reactRoute.loader, "/meedenken/woonvisie/reageren?alinea=1.5", {}],
    ["the document", documentRoute.loader, `/meedenken/woonvisie/document?versie=${HUGE}`, {}],
    ["the document (fraction)", documentRoute.loader, "/meedenken/woonvisie/document?versie=1.5", {}],
    ["the reactienota", notaRoute.loader, `/meedenken/woonvisie/reactienota/${HUGE}`, { versie: HUGE }],
    ["the change overview", changesRoute.loader, `/meedenken/woonvisie/wijzigingen?van=1&naar=${HUGE}`, {}],
  ] as const)("%s", async (_name, loader, path, params) => {
    await setup();
    const outcome = await run(loader, makeRequest(path), { slug: "woonvisie", ...params });
    expect(outcome.status).toBe(404);
  });
});

describe("staff forms", () => {
  test.each([
    ["no start", { start: "", einde: "2026-12-15T23:59" }, "start", "Vul in wanneer reageren kan beginnen."],
    ["no end", { start: "2026-12-01T09:00", einde: "" }, "einde", "Vul in tot wanneer reageren kan."],
    [
      "a date that does not exist",
      { start: "2026-02-30T09:00", einde: "2026-12-15T23:59" },
      "start",
      "Vul een geldige datum en tijd in.",
    ],
    [
      "text instead of a date",
      { start: "morgen", einde: "2026-12-15T23:59" },
      "start",
      "Vul een geldige datum en tijd in.",
    ],
    [
      "an end before the start",
      { start: "2026-12-15T09:00", einde: "2026-12-01T09:00" },
      "einde",
      "Het einde moet na het begin liggen.",
    ],
  ])("the period: %s", async (_name, values, field, message) => {
    const { post } = await setup();
    const outcome = await post({ intent: "period", ...values });
    expect(outcome).toMatchObject({ ok: false, status: 400, errors: { [field]: message } });
    if (!outcome.ok) expect(outcome.values).toMatchObject(values);
  });

  test("editor text without paragraphs, a missing or empty Word file, a ZIP that is not Word", async () => {
    const { post, actor, id } = await setup();
    await post({ intent: "new_version" });
    expect(await post({ intent: "save", tekst: "# Alleen een kop" })).toMatchObject({
      ok: false,
      status: 400,
      errors: { tekst: "Typ minstens één alinea tekst." },
      values: { tekst: "# Alleen een kop" },
    });
    const upload = (file?: File) => {
      const f = form({ intent: "import" });
      if (file) f.set("bestand", file);
      return handleDocumentPost(actor, id, f, db(), DURING);
    };
    expect(await upload()).toMatchObject({
      ok: false,
      status: 400,
      errors: { bestand: "Kies een Word-bestand (.docx)." },
    });
    expect(await upload(new File([], "leeg.docx"))).toMatchObject({
      ok: false,
      errors: { bestand: expect.any(String) },
    });
    const { readFileSync } = await import("node:fs");
    const zip = readFileSync(new URL("../fixtures/consultation/zip-geen-word.docx", import.meta.url));
    expect(await upload(new File([zip], "zip-geen-word.docx"))).toMatchObject({
      ok: false,
      status: 400,
      errors: { bestand: expect.stringContaining("geen Word-bestand") },
    });
  });

  test("creating a document: no project, an unknown project, a project that has one, a short title", async () => {
    const { actor } = await setup();
    const [other] = await db().insert(projects).values({ slug: "ander", title: "Ander" }).returning();
    for (const [values, field] of [
      [{ project: "", titel: "Concept" }, "project"],
      [{ project: HUGE, titel: "Concept" }, "project"],
      [{ project: "abc", titel: "Concept" }, "project"],
      [{ project: String(other!.id), titel: "a" }, "titel"],
    ] as const) {
      const outcome = await createDocument(actor, form(values), db());
      expect(outcome, JSON.stringify(values)).toMatchObject({
        ok: false,
        status: 400,
        errors: { [field]: expect.any(String) },
      });
    }
    const [project] = await db().select().from(projects);
    const twice = await createDocument(actor, form({ project: String(project!.id), titel: "Nog een" }), db());
    expect(twice).toMatchObject({
      ok: false,
      errors: { project: "Dit project heeft al een inspraakdocument." },
    });
  });

  test("reactions page and its forms: hostile ids are refused, never a 500", async () => {
    const { actor, id } = await setup();
    expect(await documentPage(Number(HUGE), db())).toBeNull();
    expect(await reactionsPage(Number(HUGE), db())).toBeNull();
    expect(await loadNota({ documentId: id }, Number(HUGE), db())).toBeNull();
    expect(
      await handleDocumentPost(actor, Number(HUGE), form({ intent: "publish" }), db(), DURING),
    ).toMatchObject({
      ok: false,
      status: 404,
    });
    const post = (values: Record<string, string | string[]>, version = 1) =>
      handleReactionsPost(actor, id, version, form(values), db(), DURING);
    expect(await post({ intent: "merge", reacties: [] }, Number(HUGE))).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(await post({ intent: "merge", reacties: [HUGE], samenvatting: "Punt" })).toMatchObject({
      ok: false,
    });
    expect(await post({ intent: "merge", reacties: ["abc"], samenvatting: "Punt" })).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(await post({ intent: "dissolve", punt: HUGE })).toMatchObject({ ok: false, status: 404 });
    expect(await post({ intent: "dissolve", punt: "abc" })).toMatchObject({ ok: false, status: 404 });
    expect(await post({ intent: "clear", reactie: HUGE, openbaar: "Tekst" })).toMatchObject({ ok: false });
    expect(await post({ intent: "theme", reactie: HUGE, thema: "1" })).toMatchObject({ ok: false });
    expect(
      await post({ intent: "answer", punt: HUGE, antwoord: "A", besluit: "not_adopted", reden: "R" }),
    ).toMatchObject({ ok: false });
    expect(
      await post({ intent: "answer", punt: "1", antwoord: "A", besluit: "misschien", reden: "R" }),
    ).toMatchObject({ ok: false, status: 400, errors: { besluit: "Kies wat u met dit punt doet." } });
    expect(await publishNota(actor, id, Number.NaN, db(), DURING)).toMatchObject({ ok: false });
    expect(await publishNota(actor, id, Number(HUGE), db(), DURING)).toMatchObject({ ok: false });
  });
});
