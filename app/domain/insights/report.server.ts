// The Woonvisie input report per project and the input items of the other participation tracks.
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { inputItems, projects, staffUsers, surveys } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { type Actor, audit } from "../audit/audit.server";
import { codedAnswersByTheme } from "./coding-lists.server";
import type { InputItemInput } from "./input-items";
import { getSurveyResults, type SurveyResults } from "./results.server";

export async function listProjectsWithSurveys(db: Executor = getDb()) {
  return db
    .select({
      id: projects.id,
      title: projects.title,
      isDemo: projects.isDemo,
      // Qualified by hand: in a query on one table drizzle writes ${projects.id} as a bare "id", which
      // inside the subquery would mean the subquery's own id.
      surveys: sql<number>`(select count(*)::int from surveys s where s.project_id = projects.id)`,
      inputItems: sql<number>`(select count(*)::int from input_items i where i.project_id = projects.id)`,
    })
    .from(projects)
    .orderBy(asc(projects.sortOrder), asc(projects.title));
}

export async function listSurveysWithResponses(db: Executor = getDb()) {
  return db
    .select({
      id: surveys.id,
      title: surveys.title,
      status: surveys.status,
      isDemo: surveys.isDemo,
      projectTitle: projects.title,
      submitted: sql<number>`(select count(*)::int from responses r where r.survey_id = ${surveys.id} and r.status = 'submitted')`,
    })
    .from(surveys)
    .leftJoin(projects, eq(projects.id, surveys.projectId))
    .orderBy(desc(surveys.createdAt));
}

export async function getProject(projectId: number, db: Executor = getDb()) {
  const [project] = await db.select().from(projects).where(eq(projects.id, projectId));
  return project ?? null;
}

export async function listInputItems(projectId: number, db: Executor = getDb()) {
  return db
    .select({
      id: inputItems.id,
      theme: inputItems.theme,
      source: inputItems.source,
      title: inputItems.title,
      text: inputItems.text,
      itemDate: inputItems.itemDate,
      isDemo: inputItems.isDemo,
      authorName: staffUsers.name,
    })
    .from(inputItems)
    .leftJoin(staffUsers, eq(staffUsers.id, inputItems.authorId))
    .where(eq(inputItems.projectId, projectId))
    .orderBy(asc(inputItems.theme), asc(inputItems.itemDate), asc(inputItems.id));
}

export async function addInputItem(actor: Actor, projectId: number, input: InputItemInput) {
  return getDb().transaction(async (tx) => {
    const [item] = await tx
      .insert(inputItems)
      .values({ projectId, ...input, authorId: actor.id })
      .returning({ id: inputItems.id });
    await audit(
      actor,
      {
        action: "insights.input_item_created",
        entityType: "input_item",
        entityId: item!.id,
        details: { projectId, theme: input.theme, source: input.source, title: input.title },
      },
      tx,
    );
    return item!;
  });
}

export async function deleteInputItem(actor: Actor, projectId: number, itemId: number) {
  return getDb().transaction(async (tx) => {
    const deleted = await tx
      .delete(inputItems)
      .where(and(eq(inputItems.id, itemId), eq(inputItems.projectId, projectId)))
      .returning({ title: inputItems.title });
    if (deleted.length === 0) return false;
    await audit(
      actor,
      {
        action: "insights.input_item_deleted",
        entityType: "input_item",
        entityId: itemId,
        details: { projectId, title: deleted[0]!.title },
      },
      tx,
    );
    return true;
  });
}

export interface ProjectReport {
  project: { id: number; title: string; isDemo: boolean };
  surveys: SurveyResults[];
  coded: Awaited<ReturnType<typeof codedAnswersByTheme>>;
  inputItems: Awaited<ReturnType<typeof listInputItems>>;
}

/** Everything the report of one project shows: per survey its results, the coded open answers, and the input items. */
export async function buildProjectReport(
  projectId: number,
  db: Executor = getDb(),
): Promise<ProjectReport | null> {
  const project = await getProject(projectId, db);
  if (!project) return null;
  const surveyRows = await db
    .select({ id: surveys.id })
    .from(surveys)
    .where(eq(surveys.projectId, projectId))
    .orderBy(asc(surveys.id));
  const results: SurveyResults[] = [];
  for (const s of surveyRows) {
    const r = await getSurveyResults(s.id, db);
    if (r) results.push(r);
  }
  return {
    project: { id: project.id, title: project.title, isDemo: project.isDemo },
    surveys: results,
    coded: await codedAnswersByTheme(
      surveyRows.map((s) => s.id),
      db,
    ),
    inputItems: await listInputItems(projectId, db),
  };
}
