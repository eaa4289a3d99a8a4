import { and, asc, desc, eq, isNotNull } from "drizzle-orm";
import { projects, surveys, surveyVersions } from "../../../db/schema";
import type { Executor } from "../../lib/db.server";
import type { SurveyDefinition } from "./definition";
import { surveyAvailability } from "./rules";
import { definitionsOf, type SurveyRow, type VersionMeta, versionMetaColumns } from "./surveys.server";

// Surveys as residents see them: the newest published version of one survey, and the open surveys per project.

export interface PublicSurvey {
  survey: SurveyRow;
  /** The newest published version, the one new responses use. */
  version: VersionMeta;
  definition: SurveyDefinition;
}

/**
 * A survey with its newest published version, the one new responses use (drafts have none), in one round
 * trip; its definition comes from the cache. Online responses find it by slug, paper answers by id.
 */
export async function surveyWithNewestVersion(
  survey: { slug: string } | { id: number },
  db: Executor,
): Promise<PublicSurvey | null> {
  const [row] = await db
    .select({ survey: surveys, version: versionMetaColumns(surveyVersions) })
    .from(surveys)
    .innerJoin(
      surveyVersions,
      and(eq(surveyVersions.surveyId, surveys.id), isNotNull(surveyVersions.publishedAt)),
    )
    .where("slug" in survey ? eq(surveys.slug, survey.slug) : eq(surveys.id, survey.id))
    .orderBy(desc(surveyVersions.version))
    .limit(1);
  if (!row) return null;
  const definitions = await definitionsOf([row.version], db);
  return { survey: row.survey, version: row.version, definition: definitions.get(row.version.id)! };
}

/** A survey by slug as residents may see it: never a draft. */
export async function findPublicSurvey(slug: string, db: Executor): Promise<PublicSurvey | null> {
  const found = await surveyWithNewestVersion({ slug }, db);
  return found && found.survey.status !== "draft" ? found : null;
}

/** Projects with their open surveys, for /meedenken. */
export async function listProjectsWithOpenSurveys(db: Executor, now = new Date()) {
  const [projectRows, surveyRows] = await Promise.all([
    db.select().from(projects).orderBy(asc(projects.sortOrder), asc(projects.title)),
    db
      .select()
      .from(surveys)
      .where(eq(surveys.status, "published"))
      .orderBy(asc(surveys.closesAt), asc(surveys.title)),
  ]);
  const open = surveyRows.filter((s) => surveyAvailability(s, now) === "open");
  return {
    projects: projectRows.map((p) => ({ ...p, surveys: open.filter((s) => s.projectId === p.id) })),
    surveysWithoutProject: open.filter((s) => s.projectId === null),
  };
}
