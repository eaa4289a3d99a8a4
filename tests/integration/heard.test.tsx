// "Wat we hebben gehoord" (issue 14, point 5): publishing, withdrawing and the public pages.
import { eq } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, expect, test } from "vitest";
import { publicCounts, type PublicResults as Snapshot } from "../../app/domain/heard/rules";
import { CLOSED_QUESTION_TYPES } from "../../app/domain/insights/results";
import { getDb } from "../../app/lib/db.server";
import * as staffPage from "../../app/routes/beheer.openbare-resultaten.$id";
import * as surveyResults from "../../app/routes/enquete.$slug.wat-we-hebben-gehoord";
import * as projectPage from "../../app/routes/meedenken_.$slug";
import * as projectResults from "../../app/routes/meedenken_.$slug_.wat-we-hebben-gehoord";
import { PublicResults } from "../../app/ui/insights/public-results";
import { auditLog, publishedResults } from "../../db/schema";
import { loginAs } from "../support/db";
import { resetWithPopulation, seedSurveyWithResponses } from "../support/insights";
import { makeRequest, run } from "../support/remix";

beforeEach(resetWithPopulation);

const closedKeys = (s: { definition: { pages: { questions: { key: string; type: string }[] }[] } }) =>
  s.definition.pages
    .flatMap((p) => p.questions)
    .filter((q) => CLOSED_QUESTION_TYPES.has(q.type as never))
    .map((q) => q.key);

async function publish(surveyId: number, cookie: string, form: Record<string, string | string[]>) {
  return run<{ ok: boolean; errors: Record<string, string>; formError?: string }>(
    staffPage.action,
    makeRequest(`/beheer/openbare-resultaten/${surveyId}`, {
      cookie,
      form: { intent: "publish", ...form },
    }),
    { id: String(surveyId) },
  );
}

test("public results never show a count under 10: not in the data, not in a table cell", async () => {
  // 45 responses: enough to publish, few enough that many answers have fewer than 10.
  const survey = await seedSurveyWithResponses({ slug: "klein", responses: 45, seed: 3 });
  const { cookie } = await loginAs(["onderzoeker"]);
  const keys = closedKeys(survey);
  const outcome = await publish(survey.surveyId, cookie, {
    vraag: keys,
    weging: "gewogen",
    "thema-1": "Wij nemen dit mee in het hoofdstuk over betaalbare woningen.",
  });
  expect(outcome.status).toBe(200);
  expect(outcome.data.ok).toBe(true);

  const page = await run<{ results: Snapshot }>(
    surveyResults.loader,
    makeRequest("/enquete/klein/wat-we-hebben-gehoord"),
    { slug: "klein" },
  );
  expect(page.status).toBe(200);
  expect(page.headers.get("Cache-Control")).toContain("max-age");
  const results = page.data.results;
  expect(results.weighted).toBe(true);
  expect(results.responses).toBe(45);
  expect(results.questions.length).toBeGreaterThan(0);
  for (const n of publicCounts(results)) expect(n).toBeGreaterThanOrEqual(10);
  // The test can fail: some answers were hidden because fewer than 10 people gave them.
  const hidden = results.questions
    .flatMap((q) => q.parts.flatMap((p) => p.cells))
    .filter((c) => c.count === null);
  expect(hidden.length).toBeGreaterThan(0);
  for (const c of hidden) expect(c.share).toBeNull();
  expect(results.themes).toEqual([
    expect.objectContaining({ theme: 1, response: expect.stringContaining("betaalbare") }),
  ]);
  expect(results.limits.map((l) => [l.text, ...(l.items ?? [])].join(" ")).join(" ")).toContain("gewogen");

  // What a resident reads: every number in a count cell is at least 10.
  const html = renderToStaticMarkup(<PublicResults r={results} />);
  const numericCells = [...html.matchAll(/utrecht-table__cell--numeric">([^<]*)</g)].map((m) => m[1]!);
  const counts = numericCells.filter((t) => !t.includes("%")).map((t) => Number(t.replace(/\./g, "")));
  expect(counts.length).toBeGreaterThan(0);
  for (const n of counts) expect(n).toBeGreaterThanOrEqual(10);
  expect(html).toContain("minder dan 10");
  expect(html).toContain("Percentages gewogen");

  const [audit] = await getDb().select().from(auditLog).where(eq(auditLog.action, "results.published"));
  expect(audit?.entityId).toBe(String(survey.surveyId));
});

test("under 10 responses nothing can be published; bad input is a Dutch 400 with the input kept", async () => {
  const survey = await seedSurveyWithResponses({ slug: "te-klein", responses: 7, seed: 5 });
  const { cookie } = await loginAs(["beheerder"]);
  const refused = await publish(survey.surveyId, cookie, { vraag: closedKeys(survey), weging: "gewogen" });
  expect(refused.status).toBe(409);
  expect(refused.data.formError).toContain("minder dan 10");
  expect(await getDb().select().from(publishedResults)).toHaveLength(0);
  expect(
    (
      await run(surveyResults.loader, makeRequest("/enquete/te-klein/wat-we-hebben-gehoord"), {
        slug: "te-klein",
      })
    ).status,
  ).toBe(404);

  const big = await seedSurveyWithResponses({ slug: "groot", responses: 30, seed: 9 });
  const noChoice = await publish(big.surveyId, cookie, { weging: "gewogen" });
  expect(noChoice.status).toBe(400);
  expect(noChoice.data.errors.vraag).toMatch(/Kies ten minste/);
  const noWeighting = await publish(big.surveyId, cookie, {
    vraag: closedKeys(big).slice(0, 1),
    weging: "raar",
  });
  expect(noWeighting.status).toBe(400);
  expect(noWeighting.data.errors.weging).toBe("Kies gewogen of ongewogen.");
  const unknown = await run(staffPage.loader, makeRequest("/beheer/openbare-resultaten/abc", { cookie }), {
    id: "abc",
  });
  expect(unknown.status).toBe(404);
});

test("withdrawing takes the page down at once and is audited; the project page links the results", async () => {
  const survey = await seedSurveyWithResponses({ slug: "woon", responses: 60, seed: 11 });
  const { cookie } = await loginAs(["onderzoeker"]);
  await publish(survey.surveyId, cookie, { vraag: closedKeys(survey).slice(0, 2), weging: "ongewogen" });
  const projectSlug = "woon-project";
  const project = await run<{ resultsPublished: { slug: string }[] }>(
    projectPage.loader,
    makeRequest(`/meedenken/${projectSlug}`),
    { slug: projectSlug },
  );
  expect(project.data.resultsPublished.map((s) => s.slug)).toEqual(["woon"]);
  const list = await run<{ results: Snapshot[] }>(
    projectResults.loader,
    makeRequest(`/meedenken/${projectSlug}/wat-we-hebben-gehoord`),
    { slug: projectSlug },
  );
  expect(list.data.results).toHaveLength(1);
  expect(list.data.results[0]!.weighted).toBe(false);

  const withdrawn = await run<{ ok: boolean }>(
    staffPage.action,
    makeRequest(`/beheer/openbare-resultaten/${survey.surveyId}`, {
      cookie,
      form: { intent: "withdraw" },
    }),
    { id: String(survey.surveyId) },
  );
  expect(withdrawn.data.ok).toBe(true);
  expect(
    (await run(surveyResults.loader, makeRequest("/enquete/woon/wat-we-hebben-gehoord"), { slug: "woon" }))
      .status,
  ).toBe(404);
  const after = await run<{ results: Snapshot[] }>(
    projectResults.loader,
    makeRequest(`/meedenken/${projectSlug}/wat-we-hebben-gehoord`),
    { slug: projectSlug },
  );
  expect(after.data.results).toHaveLength(0);
  // Withdrawing twice is a 409, not a second audit line.
  const again = await run(
    staffPage.action,
    makeRequest(`/beheer/openbare-resultaten/${survey.surveyId}`, {
      cookie,
      form: { intent: "withdraw" },
    }),
    { id: String(survey.surveyId) },
  );
  expect(again.status).toBe(409);
  const codes = (await getDb().select().from(auditLog)).map((a) => a.action);
  expect(codes.filter((c) => c === "results.withdrawn")).toHaveLength(1);
  // The choice is kept for a next publication.
  const [row] = await getDb().select().from(publishedResults);
  expect(row?.questionKeys).toHaveLength(2);
  expect(row?.snapshot).toBeNull();
});
