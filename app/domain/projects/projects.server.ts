import { and, asc, eq, inArray, isNotNull, isNull, lte, ne, sql } from "drizzle-orm";
import {
  newsItems,
  phaseSurveys,
  projectPhases,
  projects,
  publishedResults,
  surveys,
} from "../../../db/schema";
import { amsterdamDay } from "../../lib/amsterdam-time";
import { type Executor, getDb } from "../../lib/db.server";
import { projectConsultation } from "../consultation/public-document.server";
import { surveyAvailability } from "../surveys/rules";
import { upcomingBijeenkomsten } from "./hooks.server";
import { currentPhase, nextPhase, phaseStates } from "./phases";
export type ProjectRow = typeof projects.$inferSelect;
export type PhaseRow = typeof projectPhases.$inferSelect;

/** Phases of these projects, in order. */
export async function phasesOf(projectIds: number[], db: Executor): Promise<PhaseRow[]> {
  if (!projectIds.length) return [];
  return db
    .select()
    .from(projectPhases)
    .where(inArray(projectPhases.projectId, projectIds))
    .orderBy(asc(projectPhases.projectId), asc(projectPhases.position), asc(projectPhases.id));
}

/** A public project (not a draft) by slug, or null. */
export async function findPublicProject(slug: string, db: Executor): Promise<ProjectRow | null> {
  const [row] = await db
    .select()
    .from(projects)
    .where(and(eq(projects.slug, slug), ne(projects.status, "draft")));
  return row ?? null;
}

const publishedNews = (now: Date) =>
  and(isNotNull(newsItems.publishAt), lte(newsItems.publishAt, now), isNull(newsItems.withdrawnAt));

/**
 * Everything the public project page shows: the phases with their state ("u bent hier"), what is
 * open now (surveys, bijeenkomsten), what comes next and when, and the news of the project.
 */
export async function loadProjectPage(slug: string, db: Executor, now = new Date()) {
  const project = await findPublicProject(slug, db);
  if (!project) return null;
  const today = amsterdamDay(now);
  const [phases, surveyRows, links, news, bijeenkomsten, published, consultation] = await Promise.all([
    phasesOf([project.id], db),
    db
      .select()
      .from(surveys)
      .where(and(eq(surveys.projectId, project.id), ne(surveys.status, "draft")))
      .orderBy(asc(surveys.closesAt), asc(surveys.title)),
    db
      .select({ phaseId: phaseSurveys.phaseId, surveyId: phaseSurveys.surveyId })
      .from(phaseSurveys)
      .innerJoin(projectPhases, eq(projectPhases.id, phaseSurveys.phaseId))
      .where(eq(projectPhases.projectId, project.id)),
    db
      .select({
        slug: newsItems.slug,
        title: newsItems.title,
        summary: newsItems.summary,
        publishAt: newsItems.publishAt,
        phaseId: newsItems.phaseId,
      })
      .from(newsItems)
      .where(and(eq(newsItems.projectId, project.id), publishedNews(now)))
      // "nulls last" (publish_at is never null here) lets news_items_project_idx give the order.
      .orderBy(sql`${newsItems.publishAt} desc nulls last`)
      .limit(20),
    upcomingBijeenkomsten({ projectId: project.id, now, limit: 20 }, db),
    // "Wat we hebben gehoord": surveys of this project with published results.
    db
      .select({ surveyId: publishedResults.surveyId })
      .from(publishedResults)
      .innerJoin(surveys, eq(surveys.id, publishedResults.surveyId))
      .where(and(eq(surveys.projectId, project.id), isNotNull(publishedResults.publishedAt))),
    projectConsultation(project.id, db, now),
  ]);
  const publishedIds = new Set(published.map((p) => p.surveyId));
  const states = phaseStates(phases, today);
  const surveyView = surveyRows.map((s) => ({
    slug: s.slug,
    title: s.title,
    closesAt: s.closesAt,
    open: surveyAvailability(s, now) === "open",
    resultsPublished: publishedIds.has(s.id),
    phaseId: links.find((l) => l.surveyId === s.id)?.phaseId ?? null,
  }));
  return {
    project,
    today,
    phases: states.map((p) => ({
      ...p,
      surveys: surveyView.filter((s) => s.phaseId === p.id),
      news: news.filter((n) => n.phaseId === p.id),
      bijeenkomsten: bijeenkomsten.filter((b) => b.phaseId === p.id),
    })),
    current: currentPhase(phases, today),
    next: nextPhase(phases, today),
    openSurveys: surveyView.filter((s) => s.open),
    resultsPublished: surveyView.filter((s) => s.resultsPublished),
    bijeenkomsten,
    news,
    consultation,
  };
}

/** /meedenken: public projects grouped by the state of their current phase. */
export async function listPublicProjects(db: Executor, now = new Date()) {
  const today = amsterdamDay(now);
  const rows = await db
    .select()
    .from(projects)
    .where(ne(projects.status, "draft"))
    .orderBy(asc(projects.sortOrder), asc(projects.title));
  const [phases, bijeenkomsten] = await Promise.all([
    phasesOf(
      rows.map((r) => r.id),
      db,
    ),
    upcomingBijeenkomsten({ now, limit: 50 }, db),
  ]);
  return rows.map((project) => {
    const own = phases.filter((p) => p.projectId === project.id);
    return {
      project,
      current: currentPhase(own, today),
      next: nextPhase(own, today),
      phaseCount: own.length,
      bijeenkomsten: bijeenkomsten.filter((b) => b.projectSlug === project.slug),
    };
  });
}

/**
 * For a survey's thank-you page: its project, and when results are expected (the end of the phase the
 * survey belongs to, or else the end of the current phase).
 */
export async function surveyProjectInfo(surveySlug: string, db: Executor, now = new Date()) {
  const [row] = await db
    .select({
      surveyId: surveys.id,
      project: projects,
      resultsPublished: sql<boolean>`exists (select 1 from ${publishedResults} pr where pr.survey_id = ${surveys.id} and pr.published_at is not null)`,
    })
    .from(surveys)
    .innerJoin(projects, eq(projects.id, surveys.projectId))
    .where(and(eq(surveys.slug, surveySlug), ne(projects.status, "draft")));
  if (!row) return null;
  const phases = await phasesOf([row.project.id], db);
  const [link] = await db.select().from(phaseSurveys).where(eq(phaseSurveys.surveyId, row.surveyId));
  const phase = phases.find((p) => p.id === link?.phaseId) ?? currentPhase(phases, amsterdamDay(now));
  return {
    slug: row.project.slug,
    title: row.project.title,
    resultsExpectedOn: phase?.endsOn ?? null,
    datesAreDemo: phase?.datesAreDemo ?? false,
    resultsPublished: row.resultsPublished,
  };
}

// Route entry points (the routes never see the database).
export const projectPage = (slug: string) => loadProjectPage(slug, getDb());
export const publicProjects = () => listPublicProjects(getDb());
export const thanksProject = (surveySlug: string) => surveyProjectInfo(surveySlug, getDb());
