import ExcelJS from "exceljs";
import { beforeAll, describe, expect, test } from "vitest";
import { listCodes, listOpenAnswers } from "../../app/domain/insights/coding-lists.server";
import { getDb } from "../../app/lib/db.server";
import * as codingRoute from "../../app/routes/beheer.enquetes_.$id_.coderen.$vraag";
import * as exportRoute from "../../app/routes/beheer.enquetes_.$id_.export.$formaat";
import * as resultsRoute from "../../app/routes/beheer.enquetes_.$id_.resultaten";
import * as reportRoute from "../../app/routes/beheer.woonvisie-input_.$projectId";
import * as inputRoute from "../../app/routes/beheer.woonvisie-input_.$projectId_.inbreng";
import { loginAs } from "../support/db";
import { resetWithPopulation, seedSurveyWithResponses } from "../support/insights";
import { makeRequest, run, testContext } from "../support/remix";

let surveyId: number;
let projectId: number;
let researcher: string;
let civilServant: string;
const base = () => `/beheer/enquetes/${surveyId}`;

beforeAll(async () => {
  await resetWithPopulation();
  const created = await seedSurveyWithResponses({
    slug: "coderen-test",
    responses: 250,
    seed: 11,
    adjust: (generated) => {
      // One answer with personal data and one with a formula, to check flags and neutralisation.
      generated[0]!.answers.push({
        questionKey: "toelichting",
        subKey: "",
        valueText: '=HYPERLINK("http://x") bel 06-12345678',
        valueNumber: null,
        valueOption: null,
        valueOptions: null,
        valueLat: null,
        valueLng: null,
        dontKnow: false,
      });
      generated[0]!.answers = generated[0]!.answers.filter(
        (a, i, all) =>
          a.questionKey !== "toelichting" || i === all.findLastIndex((b) => b.questionKey === "toelichting"),
      );
    },
  });
  surveyId = created.surveyId;
  projectId = created.projectId;
  researcher = (await loginAs(["onderzoeker"])).cookie;
  civilServant = (await loginAs(["ambtenaar"])).cookie;
});

async function post(form: Record<string, string | string[]>, cookie = researcher) {
  return run(codingRoute.action, makeRequest(`${base()}/coderen/toelichting`, { form, cookie }), {
    id: String(surveyId),
    vraag: "toelichting",
  });
}

async function auditActions() {
  const rows = await getDb().execute<{ action: string }>(
    // biome-ignore lint/suspicious/noExplicitAny: raw query in a test
    (await import("drizzle-orm")).sql`select action from audit_log order by id` as any,
  );
  return rows.map((r) => r.action);
}

describe("coding open answers", () => {
  test("suggestions put answers under theme codes and clusters, and are audited", async () => {
    const outcome = await post({ intent: "suggest" });
    expect(outcome.status).toBe(302);
    const codes = await listCodes(surveyId, "toelichting");
    expect(codes.some((c) => c.kind === "theme" && c.theme === 1)).toBe(true);
    expect(codes.every((c) => c.status === "suggested")).toBe(true);
    expect(codes.reduce((a, c) => a + c.count, 0)).toBeGreaterThan(100);
    expect(await auditActions()).toContain("insights.codes_suggested");
  });

  test("accept, rename, merge and split update the counts", async () => {
    let codes = await listCodes(surveyId, "toelichting");
    const [a, b] = codes.filter((c) => c.kind === "theme").sort((x, y) => y.count - x.count);
    expect((await post({ intent: "accept", codeId: String(a!.id) })).status).toBe(302);
    expect(
      (await post({ intent: "rename", codeId: String(a!.id), label: "Betaalbaar wonen", theme: "1" })).status,
    ).toBe(302);
    expect((await post({ intent: "merge", codeId: String(b!.id), into: String(a!.id) })).status).toBe(302);
    codes = await listCodes(surveyId, "toelichting");
    const merged = codes.find((c) => c.id === a!.id)!;
    expect(merged.label).toBe("Betaalbaar wonen");
    expect(merged.status).toBe("accepted");
    expect(merged.count).toBe(a!.count + b!.count);
    expect(codes.some((c) => c.id === b!.id)).toBe(false);

    const { rows } = await listOpenAnswers(surveyId, "toelichting", { page: 1, pageSize: 3, codeId: a!.id });
    const split = await post({
      intent: "split",
      codeId: String(a!.id),
      label: "Starters",
      theme: "1",
      answerId: rows.map((r) => String(r.id)),
    });
    expect(split.status).toBe(302);
    codes = await listCodes(surveyId, "toelichting");
    expect(codes.find((c) => c.label === "Starters")!.count).toBe(3);
    expect(codes.find((c) => c.id === a!.id)!.count).toBe(merged.count - 3);
  });

  test("re-coding an answer replaces its codes", async () => {
    const codes = await listCodes(surveyId, "toelichting");
    const { rows } = await listOpenAnswers(surveyId, "toelichting", { page: 1, pageSize: 1 });
    const target = codes.find((c) => c.label === "Starters")!;
    expect(
      (await post({ intent: "recode", answerId: String(rows[0]!.id), codeId: [String(target.id)] })).status,
    ).toBe(302);
    const after = await listOpenAnswers(surveyId, "toelichting", { page: 1, pageSize: 1 });
    expect(after.rows[0]!.codeIds).toEqual([target.id]);
  });

  test("an answer with personal data is flagged, and cannot become a quote until it is removed", async () => {
    const all = await listOpenAnswers(surveyId, "toelichting", { page: 1, pageSize: 1000 });
    const flagged = all.rows.find((r) => r.text.includes("06-12345678"))!;
    expect(flagged.personalData.map((p) => p.kind)).toContain("phone");
    const refused = await post({ intent: "quote", answerId: String(flagged.id), text: flagged.text });
    expect(refused.status).toBe(400);
    const ok = await post({
      intent: "quote",
      answerId: String(flagged.id),
      text: "Bel mij gerust, zegt een inwoner.",
    });
    expect(ok.status).toBe(302);
  });

  test("an ambtenaar may read results but not code", async () => {
    const read = await run(
      resultsRoute.loader,
      makeRequest(`${base()}/resultaten`, { cookie: civilServant }),
      {
        id: String(surveyId),
      },
    );
    expect(read.status).toBe(200);
    const write = await post({ intent: "suggest" }, civilServant);
    expect(write.status).toBe(403);
  });

  test("an unknown action gives a message, not an error", async () => {
    const outcome = await post({ intent: "bestaat-niet" });
    expect(outcome.status).toBe(400);
  });
});

describe("exports", () => {
  async function download(format: "csv" | "xlsx", cookie = researcher) {
    const response = (await exportRoute.loader({
      request: makeRequest(`${base()}/export/${format}`, { cookie }),
      params: { id: String(surveyId), formaat: format },
      context: testContext,
    })) as Response;
    return response;
  }

  test("CSV: semicolons, a BOM, pseudonymous ids, no-store, neutralised formulas, audited", async () => {
    const response = await download("csv");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Content-Disposition")).toMatch(
      /attachment; filename="antwoorden-\d+-.*\.csv"/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // TextDecoder drops the BOM itself.
    const text = new TextDecoder().decode(bytes);
    const lines = text.trimEnd().split("\r\n");
    expect(lines.length).toBe(251);
    expect(lines[0]).toMatch(/^respondent;kanaal;ingevuld_op;geboortejaar_leeftijdsgroep;postcode_wijk;/);
    expect(text).not.toMatch(/;=HYPERLINK/);
    expect(text).toContain("'=HYPERLINK");
    expect(text).toContain("[telefoonnummer verwijderd]");
    expect(text).not.toContain("06-12345678");
    // Birth years and postcodes are not exported, only age groups and wijken.
    expect(lines[0]).not.toMatch(/;geboortejaar;/);
    expect(lines[1]).toMatch(/^(P-|R-)[0-9A-Z]+;/);
    expect(await auditActions()).toContain("insights.exported_csv");
  });

  test("XLSX: answers per response, a codebook and the coded open answers", async () => {
    const response = await download("xlsx");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const answersSheet = workbook.getWorksheet("Antwoorden")!;
    expect(answersSheet.rowCount).toBe(251);
    expect(workbook.getWorksheet("Codeboek")!.rowCount).toBeGreaterThan(20);
    const coded = workbook.getWorksheet("Open antwoorden gecodeerd")!;
    expect(coded.rowCount).toBeGreaterThan(50);
    const values = coded.getColumn(4).values.map(String);
    expect(values).toContain("Betaalbaar wonen");
    expect(await auditActions()).toContain("insights.exported_xlsx");
  });

  test("an ambtenaar cannot export", async () => {
    const outcome = await run(
      exportRoute.loader,
      makeRequest(`${base()}/export/csv`, { cookie: civilServant }),
      {
        id: String(surveyId),
        formaat: "csv",
      },
    );
    expect(outcome.status).toBe(403);
  });
});

describe("the Woonvisie input report", () => {
  test("an input item from the bewonersavond appears under its theme, audited", async () => {
    const bad = await run(
      inputRoute.action,
      makeRequest(`/beheer/woonvisie-input/${projectId}/inbreng`, {
        form: { source: "residents_evening" },
        cookie: researcher,
      }),
      { projectId: String(projectId) },
    );
    expect(bad.status).toBe(400);
    expect((bad.data as { errors: Record<string, string> }).errors.title).toBe(
      "Geef de inbreng een korte titel.",
    );
    const ok = await run(
      inputRoute.action,
      makeRequest(`/beheer/woonvisie-input/${projectId}/inbreng`, {
        form: {
          source: "residents_evening",
          theme: "3",
          title: "Meer groen in de wijk",
          text: "Tafel 2 wil geen bomen kappen voor nieuwbouw.",
          itemDate: "2026-10-14",
        },
        cookie: researcher,
      }),
      { projectId: String(projectId) },
    );
    expect(ok.status).toBe(302);
    const report = await run<{
      report: {
        inputItems: { title: string; theme: number }[];
        coded: { theme: number; quotes: unknown[] }[];
      };
    }>(reportRoute.loader, makeRequest(`/beheer/woonvisie-input/${projectId}`, { cookie: civilServant }), {
      projectId: String(projectId),
    });
    expect(report.status).toBe(200);
    expect(report.data.report.inputItems).toContainEqual(
      expect.objectContaining({ title: "Meer groen in de wijk", theme: 3 }),
    );
    expect(report.data.report.coded.flatMap((c) => c.quotes).length).toBe(1);
    expect(await auditActions()).toContain("insights.input_item_created");
  });
});
