import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { templateFile } from "../../app/domain/surveys/bureau-files.server";
import { createPersonalCodes } from "../../app/domain/surveys/codes.server";
import { surveyDefinitionSchema } from "../../app/domain/surveys/definition";
import { checkWholeForm } from "../../app/domain/surveys/paper";
import {
  copySubmittedResponses,
  insertSubmittedResponses,
  paperSurvey,
} from "../../app/domain/surveys/paper-responses.server";
import { getDb } from "../../app/lib/db.server";
import * as printRoute from "../../app/routes/beheer.enquetes_.$id_.afdrukken";
import * as bureauRoute from "../../app/routes/beheer.enquetes_.$id_.bureau";
import * as paperRoute from "../../app/routes/beheer.enquetes_.$id_.papier";
import * as templateRoute from "../../app/routes/beheer.enquetes_.$id_.sjabloon.$formaat";
import {
  answers,
  auditLog,
  paperEntries,
  responses,
  surveyCodes,
  surveys,
  surveyVersions,
} from "../../db/schema";
import { seedWijken } from "../../db/seed/wijken";
import { loginAs, resetDatabase } from "../support/db";
import { makeRequest, run } from "../support/remix";

beforeEach(resetDatabase);

const def = surveyDefinitionSchema.parse({
  title: "Wonen op papier",
  pages: [
    {
      key: "een",
      title: "Een",
      questions: [
        {
          key: "woon",
          type: "single",
          text: "Hoe woont u?",
          required: true,
          options: [
            { value: "koop", label: "Koop" },
            { value: "huur", label: "Huur" },
          ],
        },
        { key: "kamers", type: "number", text: "Hoeveel kamers?", min: 1, max: 10 },
        { key: "pc", type: "postcode", text: "Postcode" },
      ],
    },
  ],
});

async function setup(definition: unknown = def) {
  const db = getDb();
  await seedWijken(db);
  const [survey] = await db
    .insert(surveys)
    .values({ slug: "papier", title: "Wonen op papier", status: "published", accessMode: "code" })
    .returning();
  await db.insert(surveyVersions).values({
    surveyId: survey!.id,
    version: 1,
    definition: surveyDefinitionSchema.parse(definition),
    publishedAt: new Date(),
  });
  const codes = await createPersonalCodes(survey!.id, 4, "letter", db, ["r1", "r2", "r3", "r4"]);
  return { id: survey!.id, codes: codes.map((c) => c.code) };
}

type Result = { kind: string; message?: string; errors?: Record<string, string>; code?: string };

function post(id: number, cookie: string, form: Record<string, string | string[]>) {
  return run<Result>(paperRoute.action, makeRequest(`/beheer/enquetes/${id}/papier`, { form, cookie }), {
    id: String(id),
  });
}

describe("paper entry", () => {
  test("the code comes first: unknown and used codes are refused at once in Dutch", async () => {
    const { id, codes } = await setup();
    const { cookie } = await loginAs(["ambtenaar"]);
    const unknown = await post(id, cookie, { intent: "code", code: "AAAA-BBBB-CCCC" });
    expect(unknown.status).toBe(400);
    expect(unknown.data).toMatchObject({ kind: "codeRefused", code: "AAAA-BBBB-CCCC" });
    expect(unknown.data.message).toContain("hoort niet bij deze enquête");
    const ok = await post(id, cookie, { intent: "code", code: codes[0]!.toLowerCase().replace(/-/g, " ") });
    expect(ok.data).toMatchObject({ kind: "codeAccepted", code: codes[0] });
    const saved = await post(id, cookie, {
      intent: "save",
      code: codes[0]!,
      v_woon: "huur",
      v_kamers: "3",
      v_pc: "2101 AB",
    });
    expect(saved.data.kind).toBe("done");
    const used = await post(id, cookie, { intent: "code", code: codes[0]! });
    expect(used.status).toBe(400);
    expect(used.data.message).toContain("al ingestuurd");

    const [response] = await getDb().select().from(responses);
    expect(response).toMatchObject({ channel: "papier", status: "submitted", respondentId: "r1" });
    const rows = await getDb().select().from(answers).where(eq(answers.responseId, response!.id));
    expect(rows.find((r) => r.questionKey === "pc")).toMatchObject({ valueText: "2101" });
    expect(rows.find((r) => r.questionKey === "pc")!.valueOption).toBeTruthy();
    const [code] = await getDb().select().from(surveyCodes).where(eq(surveyCodes.responseId, response!.id));
    expect(code!.usedAt).not.toBeNull();
    const audits = await getDb().select().from(auditLog).where(eq(auditLog.action, "survey.paper_entered"));
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0]!.details)).not.toContain(codes[0]!);
  });

  test("answers are checked like the online form; the input is kept", async () => {
    const { id, codes } = await setup();
    const { cookie } = await loginAs(["onderzoeker"]);
    const res = await post(id, cookie, { intent: "save", code: codes[0]!, v_kamers: "12" });
    expect(res.status).toBe(400);
    expect(res.data).toMatchObject({
      kind: "invalid",
      errors: { woon: "Kies een antwoord.", kamers: "Vul een getal in van 10 of minder." },
      values: { v_kamers: "12" },
    });
    expect(await getDb().select().from(responses)).toHaveLength(0);
  });

  test("double entry: a second person, then the differences are resolved before it counts", async () => {
    const { id, codes } = await setup();
    const a = await loginAs(["ambtenaar"]);
    const b = await loginAs(["onderzoeker"]);
    const first = await post(id, a.cookie, {
      intent: "save",
      code: codes[1]!,
      dubbel: "ja",
      v_woon: "huur",
      v_kamers: "3",
    });
    expect(first.data.kind).toBe("done");
    expect(await getDb().select().from(responses)).toHaveLength(0);
    // The same person cannot do the second entry.
    const same = await post(id, a.cookie, { intent: "code", code: codes[1]! });
    expect(same.data.message).toContain("andere medewerker");
    const second = await post(id, b.cookie, { intent: "code", code: codes[1]! });
    expect(second.data).toMatchObject({ kind: "codeAccepted", second: true });
    const differing = await post(id, b.cookie, {
      intent: "save",
      code: codes[1]!,
      v_woon: "koop",
      v_kamers: "3",
    });
    expect(differing.data.kind).toBe("disagreement");
    expect(await getDb().select().from(responses)).toHaveLength(0);
    // A third entry is refused until the differences are resolved.
    const third = await post(id, (await loginAs(["ambtenaar"])).cookie, { intent: "code", code: codes[1]! });
    expect(third.data.message).toContain("verschillen");

    const page = await run<{
      open: { id: number; disagreements: { questionKey: string; first: string; second: string }[] }[];
    }>(paperRoute.loader, makeRequest(`/beheer/enquetes/${id}/papier`, { cookie: a.cookie }), {
      id: String(id),
    });
    const entry = page.data.open[0]!;
    expect(entry.disagreements).toEqual([
      { questionKey: "woon", question: "Hoe woont u?", first: "Huur", second: "Koop" },
    ]);
    const missing = await post(id, a.cookie, { intent: "resolve", invoer: String(entry.id) });
    expect(missing.status).toBe(400);
    const resolved = await post(id, a.cookie, {
      intent: "resolve",
      invoer: String(entry.id),
      keuze_woon: "tweede",
    });
    expect(resolved.data.kind).toBe("done");
    const [response] = await getDb().select().from(responses);
    expect(response!.channel).toBe("papier");
    const [woon] = await getDb().select().from(answers).where(eq(answers.questionKey, "woon"));
    expect(woon!.valueOption).toBe("koop");
    const again = await post(id, a.cookie, {
      intent: "resolve",
      invoer: String(entry.id),
      keuze_woon: "tweede",
    });
    expect(again.status).toBe(409);
    expect(await getDb().select().from(responses)).toHaveLength(1);
  });

  test("two equal entries count at once", async () => {
    const { id, codes } = await setup();
    const a = await loginAs(["ambtenaar"]);
    const b = await loginAs(["ambtenaar"]);
    await post(id, a.cookie, { intent: "save", code: codes[2]!, dubbel: "ja", v_woon: "koop" });
    const res = await post(id, b.cookie, { intent: "save", code: codes[2]!, v_woon: "koop" });
    expect(res.data.message).toContain("Beide invoeren zijn gelijk");
    const [entry] = await getDb().select().from(paperEntries);
    expect(entry!.status).toBe("counted");
    expect(await getDb().select().from(responses)).toHaveLength(1);
  });

  test("a paper form replaces an online response that was started with the code and never sent", async () => {
    const { id, codes } = await setup();
    const db = getDb();
    const [version] = await db.select().from(surveyVersions);
    const [online] = await db
      .insert(responses)
      .values({ surveyId: id, surveyVersionId: version!.id, channel: "letter" })
      .returning();
    const [code] = await db.select().from(surveyCodes).where(eq(surveyCodes.respondentId, "r4"));
    await db.update(surveyCodes).set({ responseId: online!.id }).where(eq(surveyCodes.id, code!.id));
    const { cookie } = await loginAs(["ambtenaar"]);
    await post(id, cookie, { intent: "save", code: codes[3]!, v_woon: "koop" });
    const all = await db.select().from(responses);
    expect(all.map((r) => [r.channel, r.status])).toEqual([["papier", "submitted"]]);
  });
});

describe("printing", () => {
  test("printing for a code list makes one new letter code per copy, audited", async () => {
    const { id } = await setup();
    const { cookie } = await loginAs(["ambtenaar"]);
    const bad = await run<{ errors: Record<string, string> }>(
      printRoute.action,
      makeRequest(`/beheer/enquetes/${id}/afdrukken`, { form: { aantal: "duizend" }, cookie }),
      { id: String(id) },
    );
    expect(bad.status).toBe(400);
    expect(bad.data.errors.aantal).toContain("1 tot en met 500");
    const res = await run<{ codes: string[] }>(
      printRoute.action,
      makeRequest(`/beheer/enquetes/${id}/afdrukken`, { form: { aantal: "3" }, cookie }),
      { id: String(id) },
    );
    expect(res.data.codes).toHaveLength(3);
    expect(await getDb().select().from(surveyCodes)).toHaveLength(7);
    expect(
      await getDb().select().from(auditLog).where(eq(auditLog.action, "survey.codes_printed")),
    ).toHaveLength(1);
  });
});

function upload(id: number, cookie: string, file: File | string, fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set("bestand", file);
  const request = new Request(`http://localhost/beheer/enquetes/${id}/bureau`, {
    method: "POST",
    headers: { Cookie: cookie },
    body: form,
  });
  return run<{
    kind: string;
    status?: string;
    imported?: number;
    errors?: Record<string, string>;
    check?: { errors: { line: number; column: string; message: string }[] };
  }>(bureauRoute.action, request, { id: String(id) });
}

const csv = (lines: string[][]) =>
  new File([`\uFEFF${lines.map((l) => l.join(";")).join("\r\n")}\r\n`], "bureau.csv", { type: "text/csv" });

describe("bureau import", () => {
  test("a dry run lists every error per row; nothing is saved while one row is wrong", async () => {
    const { id, codes } = await setup();
    const { cookie } = await loginAs(["onderzoeker"]);
    const db = getDb();
    // One code already used on paper.
    await post(id, (await loginAs(["ambtenaar"])).cookie, {
      intent: "save",
      code: codes[0]!,
      v_woon: "koop",
    });
    const file = csv([
      ["code", "woon", "kamers", "pc"],
      [codes[1]!, "huur", "4", "2101"],
      [codes[0]!, "koop", "2", ""],
      ["AAAA-BBBB-CCCC", "koop", "", ""],
      [codes[2]!, "huur", "11", ""],
      [codes[1]!, "villa", "", ""],
    ]);
    const res = await upload(id, cookie, file, { kanaal: "bureau", intent: "import" });
    expect(res.status).toBe(400);
    expect(res.data.status).toBe("checked");
    expect(res.data.check!.errors.map((e) => [e.line, e.column])).toEqual([
      [3, "code"],
      [4, "code"],
      [5, "kamers"],
      [6, "woon"],
      [6, "code"],
    ]);
    const messages = res.data.check!.errors.map((e) => e.message);
    expect(messages).toContain("Met deze code is al een vragenlijst ingestuurd.");
    expect(messages).toContain("Deze code hoort niet bij deze enquête.");
    expect(messages).toContain("Vul een getal in van 10 of minder.");
    expect(messages).toContain("Deze code staat ook op regel 2. Een vragenlijst telt maar één keer.");
    expect(await db.select().from(responses)).toHaveLength(1);
  });

  test("a valid file: the dry run saves nothing, the import saves every row in one go, audited", async () => {
    const { id, codes } = await setup();
    const { cookie } = await loginAs(["onderzoeker"]);
    const db = getDb();
    const file = () =>
      csv([
        ["code", "woon", "kamers", "pc"],
        [codes[0]!, "huur", "4", "2101 AB"],
        [codes[1]!.toLowerCase(), "koop", "", ""],
      ]);
    const dry = await upload(id, cookie, file(), { kanaal: "papier", intent: "check" });
    expect(dry.status).toBe(200);
    expect(dry.data).toMatchObject({ status: "checked", check: { errors: [] } });
    expect(await db.select().from(responses)).toHaveLength(0);
    const done = await upload(id, cookie, file(), { kanaal: "papier", intent: "import" });
    expect(done.data).toMatchObject({ status: "imported", imported: 2 });
    const rows = await db.select().from(responses);
    expect(rows.map((r) => r.channel)).toEqual(["papier", "papier"]);
    expect(
      await db.select().from(auditLog).where(eq(auditLog.action, "survey.bureau_imported")),
    ).toHaveLength(1);
    // The same file again: every code is now used, nothing is added.
    const again = await upload(id, cookie, file(), { kanaal: "papier", intent: "import" });
    expect(again.data.check!.errors).toHaveLength(2);
    expect(await db.select().from(responses)).toHaveLength(2);
  });

  test("the XLSX template round-trips: filled in and imported with channel bureau", async () => {
    const { id, codes } = await setup();
    const { cookie } = await loginAs(["beheerder"]);
    const tpl = await run<string>(
      templateRoute.loader,
      makeRequest(`/beheer/enquetes/${id}/sjabloon/csv`, { cookie }),
      { id: String(id), formaat: "csv" },
    );
    expect(tpl.status).toBe(200);
    expect(tpl.headers.get("Cache-Control")).toBe("no-store");
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await templateFile(def, "xlsx")).body.buffer as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Antwoorden", "Codeboek"]);
    const sheet = wb.getWorksheet("Antwoorden")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "code", "woon", "kamers", "pc"]);
    sheet.addRow([codes[0], "koop", 2, "2102"]);
    const buffer = await wb.xlsx.writeBuffer();
    const file = new File([buffer as ArrayBuffer], "bureau.xlsx");
    const res = await upload(id, cookie, file, { kanaal: "bureau", intent: "import" });
    expect(res.data).toMatchObject({ status: "imported", imported: 1 });
    expect((await getDb().select().from(responses))[0]!.channel).toBe("bureau");
  });

  test("a bad file, wrong columns or a missing choice get a Dutch message at the field, never a 500", async () => {
    const { id } = await setup();
    const { cookie } = await loginAs(["onderzoeker"]);
    const noise = new File([new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 1, 2, 3])], "kapot.xlsx");
    const broken = await upload(id, cookie, noise, { kanaal: "bureau", intent: "import" });
    expect(broken.status).toBe(400);
    expect(broken.data.errors!.bestand).toContain("kunnen dit bestand niet lezen");
    const binary = await upload(id, cookie, new File([new Uint8Array([0, 1, 2, 0])], "x.csv"), {
      kanaal: "bureau",
    });
    expect(binary.data.errors!.bestand).toContain("kunnen dit bestand niet lezen");
    const columns = await upload(id, cookie, csv([["code", "woon", "oud"]]), { kanaal: "bureau" });
    expect(columns.data.errors!.bestand).toContain("Ontbreekt: kamers, pc");
    const empty = await upload(id, cookie, csv([["code", "woon", "kamers", "pc"]]), { kanaal: "bureau" });
    expect(empty.data.errors!.bestand).toContain("geen regels");
    const nothing = await upload(id, cookie, "", {});
    expect(nothing.status).toBe(400);
    expect(nothing.data.errors).toMatchObject({
      kanaal: "Kies hoe de antwoorden zijn binnengekomen.",
      bestand: "Kies een ingevuld sjabloon (CSV of Excel).",
    });
    expect(await getDb().select().from(responses)).toHaveLength(0);
  });
});

describe("bureau import of a large file", () => {
  const wide = {
    title: "Wonen, breed",
    pages: [
      {
        key: "een",
        title: "Een",
        questions: [
          ...def.pages[0]!.questions,
          { key: "tekst", type: "open", text: "Toelichting" },
          {
            key: "wens",
            type: "multiple",
            text: "Wensen",
            other: true,
            options: [
              { value: "a", label: "A" },
              { value: "b", label: "B" },
            ],
          },
        ],
      },
    ],
  };

  test("COPY stores the same answer rows as the row-by-row insert (escapes, arrays, postcode wijk)", async () => {
    const { id } = await setup(wide);
    const db = getDb();
    const target = (await paperSurvey(id, db))!;
    const [c1, c2] = await createPersonalCodes(id, 2, "letter", db);
    const checked = checkWholeForm(target.definition, {
      v_woon: "huur",
      v_kamers: "3",
      v_pc: "2101 AB",
      v_tekst: 'Tab\there, backslash \\N and \\t, "quotes", {braces}\nnext line\r\nand é€',
      v_wens: ["a", "anders"],
      v_wens__anders: 'iets, met {accolade}, "quote" en \\',
    });
    expect(checked.errors).toEqual({});
    await db.transaction(async (tx) => {
      await copySubmittedResponses(
        target,
        "bureau",
        [{ codeId: c1!.codeId, respondentId: null, answers: checked.answers }],
        tx,
      );
      await insertSubmittedResponses(
        target,
        "bureau",
        [{ codeId: c2!.codeId, respondentId: null, answers: checked.answers }],
        tx,
      );
    });
    const stored = await db.select().from(answers).orderBy(answers.questionKey, answers.subKey, answers.id);
    const byResponse = new Map<string, unknown[]>();
    for (const { id: _id, responseId, updatedAt: _u, ...rest } of stored)
      byResponse.set(responseId, [...(byResponse.get(responseId) ?? []), rest]);
    const [copied, inserted] = [...byResponse.values()];
    expect(copied).toHaveLength(5);
    expect(copied).toEqual(inserted);
    const codes = await db.select().from(surveyCodes).where(eq(surveyCodes.surveyId, id));
    expect(codes.filter((c) => c.usedAt && c.responseId)).toHaveLength(2);
  });

  test("2,100 rows: an error in the last row keeps every row out; the corrected file imports all", async () => {
    const { id } = await setup(wide);
    const { cookie } = await loginAs(["onderzoeker"]);
    const db = getDb();
    const codes = (await createPersonalCodes(id, 2100, "letter", db)).map((c) => c.code);
    const header = ["code", "woon", "kamers", "pc", "tekst", "wens_a", "wens_b", "wens_anders"];
    const rows = codes.map((code, i) => [
      code,
      i % 2 ? "koop" : "huur",
      String(1 + (i % 10)),
      i % 3 ? "" : "2101",
      i % 5 ? "" : `"Regel ${i}; met ""aanhalingstekens"""`,
      i % 2 ? "1" : "0",
      "0",
      "",
    ]);
    const bad = rows.map((r) => [...r]);
    bad[2099]![2] = "99";
    const refused = await upload(id, cookie, csv([header, ...bad]), { kanaal: "bureau", intent: "import" });
    expect(refused.status).toBe(400);
    expect(refused.data.check!.errors.map((e) => [e.line, e.column])).toEqual([[2101, "kamers"]]);
    expect(await db.select().from(responses)).toHaveLength(0);
    expect(await db.select().from(answers)).toHaveLength(0);
    const done = await upload(id, cookie, csv([header, ...rows]), { kanaal: "bureau", intent: "import" });
    expect(done.data).toMatchObject({ status: "imported", imported: 2100 });
    expect(await db.select().from(responses)).toHaveLength(2100);
    const texts = await db.select().from(answers).where(eq(answers.questionKey, "tekst"));
    expect(texts).toHaveLength(420);
    expect(texts.map((t) => t.valueText)).toContain('Regel 5; met "aanhalingstekens"');
    expect(
      await db.select().from(auditLog).where(eq(auditLog.action, "survey.bureau_imported")),
    ).toHaveLength(1);
  });
});

describe("results per channel", () => {
  test("paper and bureau responses are counted per channel", async () => {
    const { computeSurveyResults } = await import("../../app/domain/insights/results.server");
    const { id } = await setup();
    const more = await createPersonalCodes(id, 10, "letter", getDb());
    const { cookie } = await loginAs(["onderzoeker"]);
    const file = csv([["code", "woon", "kamers", "pc"], ...more.map((c) => [c.code, "huur", "2", ""])]);
    const res = await upload(id, cookie, file, { kanaal: "bureau", intent: "import" });
    expect(res.data).toMatchObject({ status: "imported", imported: 10 });
    const results = await computeSurveyResults(id);
    expect(results!.overview.total).toBe(10);
    expect(results!.overview.perChannel).toEqual([
      { channel: "open", count: 0 },
      { channel: "panel", count: 0 },
      { channel: "letter", count: 0 },
      { channel: "papier", count: 0 },
      { channel: "bureau", count: 10 },
    ]);
  });
});
