// "Wat we hebben gehoord": staff choose what of a survey's results the public sees; publishing stores
// the public content (the cache the public pages read), withdrawing removes it. Both are audited.
import { and, asc, eq, isNotNull, ne, sql } from "drizzle-orm";
import { projects, publishedResults, responses, surveys } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { type Actor, audit } from "../audit/audit.server";
import { codedAnswersByTheme } from "../insights/coding-lists.server";
import { cleanSideText } from "../insights/personal-data";
import { CLOSED_QUESTION_TYPES } from "../insights/results";
import { getSurveyResults } from "../insights/results.server";
import { MIN_CELL } from "../insights/statistics";
import { findPublicProject, surveyProjectInfo } from "../projects/projects.server";
import {
  buildPublicResults,
  NOT_ENOUGH_RESPONSES,
  NOTHING_CHOSEN,
  type PublicResults,
  readPublishForm,
} from "./rules";

type FieldErrors = Record<string, string>;
export type PublishOutcome =
  | { ok: true }
  | { ok: false; status: 400 | 404 | 409; errors: FieldErrors; formError?: string };

/** /beheer/openbare-resultaten: every survey that is or was open, with its answers and publication state. */
export async function listPublications(db: Executor) {
  return db
    .select({
      id: surveys.id,
      title: surveys.title,
      status: surveys.status,
      projectTitle: projects.title,
      submitted: sql<number>`(select count(*)::int from ${responses} r where r.survey_id = ${surveys.id} and r.status = 'submitted')`,
      publishedAt: publishedResults.publishedAt,
    })
    .from(surveys)
    .leftJoin(projects, eq(projects.id, surveys.projectId))
    .leftJoin(publishedResults, eq(publishedResults.surveyId, surveys.id))
    .where(ne(surveys.status, "draft"))
    .orderBy(asc(surveys.title));
}

/** What the staff page needs: the survey, its closed questions, its marked quotes and the current choice. */
export async function loadPublication(surveyId: number, db: Executor) {
  const results = await getSurveyResults(surveyId, db);
  if (!results || results.survey.status === "draft") return null;
  const [row] = await db.select().from(publishedResults).where(eq(publishedResults.surveyId, surveyId));
  const [survey] = await db.select({ slug: surveys.slug }).from(surveys).where(eq(surveys.id, surveyId));
  const themes = await codedAnswersByTheme([surveyId], db);
  return {
    survey: { id: surveyId, title: results.survey.title, slug: survey!.slug },
    responses: results.overview.total,
    enough: results.overview.total >= MIN_CELL,
    questions: results.questions
      .filter((q) => CLOSED_QUESTION_TYPES.has(q.type))
      .map((q) => ({
        key: q.key,
        text: q.text,
        theme: q.theme,
        showable: q.distributions.some((d) => d.shown),
      })),
    quotes: themes.flatMap((t) =>
      t.quotes.map((q) => ({ answerId: q.answerId, text: q.text, theme: t.theme || null })),
    ),
    choice: {
      questionKeys: row?.questionKeys ?? [],
      weighted: row?.weighted ?? true,
      quoteIds: row?.quoteIds ?? [],
      themeResponses: row?.themeResponses ?? {},
    },
    publishedAt: row?.publishedAt ?? null,
  };
}

async function responsePeriod(surveyId: number, db: Executor) {
  const [row] = await db.execute<{ from: string | null; to: string | null }>(sql`
    select to_char(min(submitted_at) at time zone 'Europe/Amsterdam', 'YYYY-MM-DD') as "from",
           to_char(max(submitted_at) at time zone 'Europe/Amsterdam', 'YYYY-MM-DD') as "to"
      from ${responses} where survey_id = ${surveyId} and status = 'submitted'`);
  return row?.from && row.to ? { from: row.from, to: row.to } : null;
}

/**
 * Save the choice and publish: the public content is computed here, once, and stored; the public pages
 * only read it. Refused (409) while the survey has fewer than 10 responses.
 */
export async function publishResults(
  actor: Actor,
  surveyId: number,
  form: FormData,
  db: Executor,
): Promise<PublishOutcome> {
  const parsed = readPublishForm(form);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const [field, key] = issue.path;
      const name = field === "themes" ? `thema-${String(key)}` : field === "weighted" ? "weging" : "vraag";
      errors[name] ??= issue.message;
    }
    return { ok: false, status: 400, errors };
  }
  const input = parsed.data;
  const page = await loadPublication(surveyId, db);
  if (!page) return { ok: false, status: 404, errors: {} };
  if (!page.enough) return { ok: false, status: 409, errors: {}, formError: NOT_ENOUGH_RESPONSES };
  const known = new Set(page.questions.map((q) => q.key));
  const questionKeys = input.questionKeys.filter((k) => known.has(k));
  const quoteIds = input.quoteIds.filter((id) => page.quotes.some((q) => q.answerId === id));
  const themeResponses = Object.fromEntries(
    Object.entries(input.themes).filter(([, text]) => text.length > 0),
  );
  if (questionKeys.length === 0 && quoteIds.length === 0 && Object.keys(themeResponses).length === 0)
    return { ok: false, status: 400, errors: { vraag: NOTHING_CHOSEN } };

  const results = (await getSurveyResults(surveyId, db))!;
  const project = await surveyProjectInfo(page.survey.slug, db);
  const publishedAt = new Date();
  const snapshot = buildPublicResults({
    results,
    choice: {
      questionKeys,
      weighted: input.weighted === "gewogen",
      // Quotes pass the personal-data check again on the way out (insights: cleanSideText).
      quotes: page.quotes
        .filter((q) => quoteIds.includes(q.answerId))
        .map((q) => ({ text: cleanSideText(q.text), theme: q.theme })),
      themeResponses,
    },
    survey: { title: page.survey.title, slug: page.survey.slug },
    project: project ? { slug: project.slug, title: project.title } : null,
    period: await responsePeriod(surveyId, db),
    publishedAt,
  });
  const values = {
    questionKeys,
    weighted: input.weighted === "gewogen",
    quoteIds,
    themeResponses,
    snapshot,
    publishedAt,
    updatedBy: actor.id,
    updatedAt: publishedAt,
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(publishedResults)
      .values({ surveyId, ...values })
      .onConflictDoUpdate({ target: publishedResults.surveyId, set: values });
    await audit(
      actor,
      {
        action: "results.published",
        entityType: "survey",
        entityId: surveyId,
        details: { vragen: questionKeys.length, citaten: quoteIds.length, weging: input.weighted },
      },
      tx,
    );
  });
  return { ok: true };
}

/** Take the public page down; the choice stays for a next publication. */
export async function withdrawResults(actor: Actor, surveyId: number, db: Executor): Promise<PublishOutcome> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(publishedResults)
      .set({ snapshot: null, publishedAt: null, updatedBy: actor.id, updatedAt: new Date() })
      .where(and(eq(publishedResults.surveyId, surveyId), isNotNull(publishedResults.publishedAt)))
      .returning({ surveyId: publishedResults.surveyId });
    if (!row) return { ok: false, status: 409, errors: {}, formError: "Deze resultaten staan niet online." };
    await audit(actor, { action: "results.withdrawn", entityType: "survey", entityId: surveyId }, tx);
    return { ok: true };
  });
}

/** The published content of one survey (by its slug), with its publication time for the ETag; or null. */
export async function publicSurveyResults(slug: string, db: Executor) {
  const [row] = await db
    .select({ snapshot: publishedResults.snapshot, publishedAt: publishedResults.publishedAt })
    .from(publishedResults)
    .innerJoin(surveys, eq(surveys.id, publishedResults.surveyId))
    .where(and(eq(surveys.slug, slug), isNotNull(publishedResults.publishedAt)));
  if (!row?.snapshot || !row.publishedAt) return null;
  return { results: row.snapshot as PublicResults, publishedAt: row.publishedAt };
}

/** The published results of every survey of a public project, newest publication first. */
export async function publishedOfProject(projectId: number, db: Executor) {
  const rows = await db
    .select({ snapshot: publishedResults.snapshot, publishedAt: publishedResults.publishedAt })
    .from(publishedResults)
    .innerJoin(surveys, eq(surveys.id, publishedResults.surveyId))
    .where(and(eq(surveys.projectId, projectId), isNotNull(publishedResults.publishedAt)))
    .orderBy(sql`${publishedResults.publishedAt} desc`);
  return rows.filter((r) => r.snapshot).map((r) => r.snapshot as PublicResults);
}

// Route entry points (routes never see the database).
export const publications = () => listPublications(getDb());
export const publication = (surveyId: number) => loadPublication(surveyId, getDb());
export const publish = (actor: Actor, surveyId: number, form: FormData) =>
  publishResults(actor, surveyId, form, getDb());
export const withdraw = (actor: Actor, surveyId: number) => withdrawResults(actor, surveyId, getDb());
export const surveyResultsPage = (slug: string) => publicSurveyResults(slug, getDb());

/** /meedenken/<slug>/wat-we-hebben-gehoord: the project and the published results of its surveys. */
export async function projectResultsPage(slug: string, db: Executor) {
  const project = await findPublicProject(slug, db);
  if (!project) return null;
  return {
    project: { slug: project.slug, title: project.title },
    results: await publishedOfProject(project.id, db),
  };
}
export const projectResults = (slug: string) => projectResultsPage(slug, getDb());
