import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import type { ThemeSummaryView } from "../../app/domain/insights/summary.server";
import { getDb } from "../../app/lib/db.server";
import * as reportRoute from "../../app/routes/beheer.woonvisie-input_.$projectId";
import * as summaryRoute from "../../app/routes/beheer.woonvisie-input_.$projectId_.samenvatting";
import { auditLog, reportSummaries, surveys } from "../../db/schema";
import { seedDemoOnce } from "../../db/seed";
import { loginAs, resetDatabase } from "../support/db";
import { makeRequest, run } from "../support/remix";

// The summary at the front of the Woonvisie input report (issue 17, point 6), on the demo data
// (300 responses): generated from the data, edited per theme, reset to generated; all audited.

let projectId: number;
let researcher: string;
let civilServant: string;

beforeAll(async () => {
  await resetDatabase();
  await seedDemoOnce(getDb());
  const [survey] = await getDb().select().from(surveys).where(eq(surveys.status, "published")).limit(1);
  projectId = survey!.projectId!;
  researcher = (await loginAs(["onderzoeker"])).cookie;
  civilServant = (await loginAs(["ambtenaar"])).cookie;
}, 120_000);

async function report(cookie = civilServant) {
  const res = await run<{ summary: ThemeSummaryView[]; canEditSummary: boolean }>(
    reportRoute.loader,
    makeRequest(`/beheer/woonvisie-input/${projectId}`, { cookie }),
    { projectId: String(projectId) },
  );
  expect(res.status).toBe(200);
  return res.data;
}

function postSummary(form: Record<string, string>, cookie = researcher) {
  return run<{ errors: Record<string, string>; values: Record<string, string> }>(
    summaryRoute.action,
    makeRequest(`/beheer/woonvisie-input/${projectId}/samenvatting`, { form, cookie }),
    { projectId: String(projectId) },
  );
}

async function auditActions() {
  const rows = await getDb().select().from(auditLog).where(eq(auditLog.entityType, "project"));
  return rows.map((r) => r.action);
}

describe("the summary of the Woonvisie input report", () => {
  test("is generated from the data: findings per theme, at most three, no figure under 10", async () => {
    const { summary, canEditSummary } = await report();
    expect(canEditSummary).toBe(false);
    expect(summary.map((t) => t.theme)).toEqual([1, 2, 3, 4, 5]);
    const findings = summary.flatMap((t) => t.generated);
    expect(findings.length).toBeGreaterThanOrEqual(5);
    for (const t of summary) expect(t.generated.length).toBeLessThanOrEqual(3);
    for (const f of findings) {
      expect(f.text.length).toBeGreaterThan(10);
      for (const n of f.figures.match(/n = [\d.]+/g) ?? [])
        expect(Number(n.slice(4).replace(".", ""))).toBeGreaterThanOrEqual(10);
      expect(f.figures).not.toMatch(/minder dan 10/);
    }
    // Deterministic: the same data give the same summary.
    expect((await report()).summary).toEqual(summary);
  });

  test("the researcher edits a theme's text; the report shows it; reset brings the generated text back", async () => {
    expect((await report(researcher)).canEditSummary).toBe(true);
    const page = await run<{ themes: ThemeSummaryView[] }>(
      summaryRoute.loader,
      makeRequest(`/beheer/woonvisie-input/${projectId}/samenvatting`, { cookie: researcher }),
      { projectId: String(projectId) },
    );
    expect(page.status).toBe(200);
    // The form starts with the generated text, one finding per line.
    const theme1 = page.data.themes[0]!;
    expect(theme1.formText.split("\n")).toHaveLength(theme1.generated.length);

    const empty = await postSummary({ intent: "save", theme: "1", text: "   " });
    expect(empty.status).toBe(400);
    expect(empty.data.errors.text).toMatch(/Schrijf de samenvatting/);

    const text =
      "Betaalbaar wonen staat bovenaan. Cijfers: 61% (n = 300).\nStarters willen kleinere woningen.";
    const saved = await postSummary({ intent: "save", theme: "1", text });
    expect(saved.status).toBe(302);
    expect(saved.location).toMatch(/samenvatting\?klaar=opgeslagen&thema=1#thema-1$/);
    let shown = (await report()).summary[0]!;
    expect(shown.edited!.lines).toEqual([
      "Betaalbaar wonen staat bovenaan. Cijfers: 61% (n = 300).",
      "Starters willen kleinere woningen.",
    ]);
    // The generated findings stay available (they are the figures the summary rests on).
    expect(shown.generated.length).toBeGreaterThan(0);
    // Saving again replaces the text (one row per project and theme).
    await postSummary({ intent: "save", theme: "1", text: "Alleen deze regel." });
    expect(await getDb().select().from(reportSummaries)).toHaveLength(1);

    const reset = await postSummary({ intent: "reset", theme: "1" });
    expect(reset.status).toBe(302);
    shown = (await report()).summary[0]!;
    expect(shown.edited).toBeNull();
    expect(await getDb().select().from(reportSummaries)).toHaveLength(0);
    expect(await auditActions()).toEqual(
      expect.arrayContaining(["insights.summary_edited", "insights.summary_reset"]),
    );
    expect((await auditActions()).filter((a) => a === "insights.summary_edited")).toHaveLength(2);
  });

  test("bad input is a 400, an unknown project a 404, a civil servant may read but not edit", async () => {
    expect((await postSummary({ intent: "save", theme: "9", text: "x" })).status).toBe(400);
    expect((await postSummary({ intent: "wissen", theme: "1" })).status).toBe(400);
    const unknown = await run(
      summaryRoute.action,
      makeRequest("/beheer/woonvisie-input/999999/samenvatting", {
        form: { intent: "save", theme: "1", text: "x" },
        cookie: researcher,
      }),
      { projectId: "999999" },
    );
    expect(unknown.status).toBe(404);
    const forbidden = await postSummary({ intent: "save", theme: "1", text: "x" }, civilServant);
    expect(forbidden.status).toBe(403);
    expect(await getDb().select().from(reportSummaries)).toHaveLength(0);
  });
});
