import { and, asc, count, desc, eq, inArray, isNull, like } from "drizzle-orm";
import {
  type AccessMode,
  projects,
  responses,
  type SurveyStatus,
  surveys,
  surveyVersions,
} from "../../../db/schema";
import type { Executor } from "../../lib/db.server";
import type { AuditAction } from "../audit/actions";
import { type Actor, audit } from "../audit/audit.server";
import { emptyDefinition, listQuestions, parseDefinition, type SurveyDefinition } from "./definition";
import { planDefinitionSave } from "./rules";

export type SurveyRow = typeof surveys.$inferSelect;
export type VersionRow = typeof surveyVersions.$inferSelect;

// Published versions never change, so a parsed definition can be kept per version id in memory:
// it can never go stale, on any number of app servers.
// The key includes the publication moment, so a reused id (a restored database) never hits.
const publishedCache = new Map<string, SurveyDefinition>();

const cacheKey = (version: Pick<VersionRow, "id" | "publishedAt">) =>
  version.publishedAt ? `${version.id}:${version.publishedAt.getTime()}` : null;

/** The definition of a version (parsed, defaults applied). Published versions are cached. */
export function definitionOf(
  version: Pick<VersionRow, "id" | "definition" | "publishedAt">,
): SurveyDefinition {
  const key = cacheKey(version);
  const cached = key ? publishedCache.get(key) : undefined;
  if (cached) return cached;
  const parsed = parseDefinition(version.definition);
  if (!parsed.ok) throw new Error(`survey version ${version.id} holds an invalid definition`);
  if (key) {
    if (publishedCache.size > 500) publishedCache.clear();
    publishedCache.set(key, parsed.definition);
  }
  return parsed.definition;
}

/** A version without its definition, which is large: hot paths read it from the cache instead. */
export type VersionMeta = Omit<VersionRow, "definition">;

/** Columns for selecting a VersionMeta. */
export function versionMetaColumns(table: typeof surveyVersions) {
  return {
    id: table.id,
    surveyId: table.surveyId,
    version: table.version,
    publishedAt: table.publishedAt,
    createdAt: table.createdAt,
    createdBy: table.createdBy,
  };
}

/**
 * The definitions of these versions by id: published ones from the cache, the others (and published
 * ones this process has not seen yet) read in one query.
 */
export async function definitionsOf(
  versions: Pick<VersionRow, "id" | "publishedAt">[],
  db: Executor,
): Promise<Map<number, SurveyDefinition>> {
  const out = new Map<number, SurveyDefinition>();
  const missing: number[] = [];
  for (const v of versions) {
    const key = cacheKey(v);
    const cached = key ? publishedCache.get(key) : undefined;
    if (cached) out.set(v.id, cached);
    else if (!missing.includes(v.id)) missing.push(v.id);
  }
  if (missing.length > 0) {
    const rows = await db
      .select({
        id: surveyVersions.id,
        definition: surveyVersions.definition,
        publishedAt: surveyVersions.publishedAt,
      })
      .from(surveyVersions)
      .where(inArray(surveyVersions.id, missing));
    for (const row of rows) out.set(row.id, definitionOf(row));
  }
  for (const v of versions) if (!out.has(v.id)) throw new Error(`survey version ${v.id} not found`);
  return out;
}

// ---------------------------------------------------------------- staff

export async function listSurveysForStaff(db: Executor) {
  const rows = await db
    .select({
      id: surveys.id,
      slug: surveys.slug,
      title: surveys.title,
      status: surveys.status,
      accessMode: surveys.accessMode,
      opensAt: surveys.opensAt,
      closesAt: surveys.closesAt,
      isDemo: surveys.isDemo,
      projectTitle: projects.title,
    })
    .from(surveys)
    .leftJoin(projects, eq(projects.id, surveys.projectId))
    .orderBy(desc(surveys.updatedAt));
  const counts = rows.length
    ? await db
        .select({ surveyId: responses.surveyId, status: responses.status, n: count() })
        .from(responses)
        .where(
          inArray(
            responses.surveyId,
            rows.map((r) => r.id),
          ),
        )
        .groupBy(responses.surveyId, responses.status)
    : [];
  return rows.map((r) => ({
    ...r,
    submitted: counts.find((c) => c.surveyId === r.id && c.status === "submitted")?.n ?? 0,
    inProgress: counts.find((c) => c.surveyId === r.id && c.status === "in_progress")?.n ?? 0,
  }));
}

export async function listProjects(db: Executor) {
  return db.select().from(projects).orderBy(asc(projects.sortOrder), asc(projects.title));
}

export interface StaffSurvey {
  survey: SurveyRow;
  /** The version staff edit: the unpublished draft, or else the newest published version. */
  current: VersionRow;
  definition: SurveyDefinition;
  /** True when `current` is published (editing it will start a new version). */
  currentIsPublished: boolean;
  versions: { id: number; version: number; publishedAt: Date | null; createdAt: Date }[];
  responseCount: number;
}

export async function getSurveyForStaff(id: number, db: Executor): Promise<StaffSurvey | null> {
  const [survey] = await db.select().from(surveys).where(eq(surveys.id, id));
  if (!survey) return null;
  const versions = await db
    .select()
    .from(surveyVersions)
    .where(eq(surveyVersions.surveyId, id))
    .orderBy(desc(surveyVersions.version));
  const current = versions[0];
  if (!current) return null;
  const [{ n } = { n: 0 }] = await db
    .select({ n: count() })
    .from(responses)
    .where(eq(responses.surveyId, id));
  return {
    survey,
    current,
    definition: definitionOf(current),
    currentIsPublished: current.publishedAt !== null,
    versions: versions.map((v) => ({
      id: v.id,
      version: v.version,
      publishedAt: v.publishedAt,
      createdAt: v.createdAt,
    })),
    responseCount: n,
  };
}

export async function isSlugTaken(slug: string, db: Executor, exceptId?: number): Promise<boolean> {
  const [row] = await db.select({ id: surveys.id }).from(surveys).where(eq(surveys.slug, slug));
  return !!row && row.id !== exceptId;
}

export async function createSurvey(
  actor: Actor,
  input: { title: string; slug: string; accessMode: AccessMode; projectId: number | null },
  db: Executor,
  definition: SurveyDefinition = emptyDefinition(input.title),
): Promise<number> {
  return db.transaction(async (tx) => {
    const [survey] = await tx
      .insert(surveys)
      .values({
        title: input.title,
        slug: input.slug,
        accessMode: input.accessMode,
        projectId: input.projectId,
      })
      .returning({ id: surveys.id });
    await tx.insert(surveyVersions).values({
      surveyId: survey!.id,
      version: 1,
      definition: { ...definition, title: input.title },
      createdBy: actor.id,
    });
    await audit(
      actor,
      {
        action: "survey.created",
        entityType: "survey",
        entityId: survey!.id,
        details: { slug: input.slug },
      },
      tx,
    );
    return survey!.id;
  });
}

/** The newest version of a survey, locked until the transaction ends; undefined when it has none. */
async function latestVersionForUpdate(surveyId: number, tx: Executor) {
  const [latest] = await tx
    .select()
    .from(surveyVersions)
    .where(eq(surveyVersions.surveyId, surveyId))
    .orderBy(desc(surveyVersions.version))
    .limit(1)
    .for("update");
  return latest;
}

/**
 * Store an edited definition. A published version never changes: if the newest version is
 * published, a new draft version is started; otherwise the draft is updated in place.
 */
export async function saveDefinition(
  actor: Actor,
  surveyId: number,
  definition: SurveyDefinition,
  db: Executor,
  action: AuditAction = "survey.edited",
): Promise<{ version: number; newVersion: boolean }> {
  return db.transaction(async (tx) => {
    const latest = await latestVersionForUpdate(surveyId, tx);
    if (!latest) throw new Error(`survey ${surveyId} has no version`);
    const plan = planDefinitionSave(latest);
    const { version } = plan;
    const newVersion = plan.mode === "insert";
    if (newVersion) {
      await tx.insert(surveyVersions).values({ surveyId, version, definition, createdBy: actor.id });
    } else {
      await tx
        .update(surveyVersions)
        .set({ definition })
        .where(and(eq(surveyVersions.id, latest.id), isNull(surveyVersions.publishedAt)));
    }
    await tx
      .update(surveys)
      .set({ title: definition.title, updatedAt: new Date() })
      .where(eq(surveys.id, surveyId));
    await audit(
      actor,
      {
        action,
        entityType: "survey",
        entityId: surveyId,
        details: { version, newVersion },
      },
      tx,
    );
    return { version, newVersion };
  });
}

export async function updateSurveySettings(
  actor: Actor,
  surveyId: number,
  input: { slug: string; accessMode: AccessMode; projectId: number | null },
  db: Executor,
) {
  await db.transaction(async (tx) => {
    await tx
      .update(surveys)
      .set({
        slug: input.slug,
        accessMode: input.accessMode,
        projectId: input.projectId,
        updatedAt: new Date(),
      })
      .where(eq(surveys.id, surveyId));
    await audit(
      actor,
      {
        action: "survey.settings_changed",
        entityType: "survey",
        entityId: surveyId,
        details: input,
      },
      tx,
    );
  });
}

export type PublishResult = { ok: true; version: number } | { ok: false; message: string };

/** Publish the draft (if any) and set the dates. The published version is frozen from now on. */
export async function publishSurvey(
  actor: Actor,
  surveyId: number,
  dates: { opensAt: Date | null; closesAt: Date | null },
  db: Executor,
): Promise<PublishResult> {
  return db.transaction(async (tx) => {
    const latest = await latestVersionForUpdate(surveyId, tx);
    if (!latest) return { ok: false, message: "Deze enquête heeft geen inhoud." };
    const definition = definitionOf(latest);
    if (listQuestions(definition).length === 0)
      return {
        ok: false,
        message: "Voeg eerst minstens één vraag toe. Een enquête zonder vragen kan niet worden gepubliceerd.",
      };
    if (!latest.publishedAt)
      await tx
        .update(surveyVersions)
        .set({ publishedAt: new Date() })
        .where(eq(surveyVersions.id, latest.id));
    await tx
      .update(surveys)
      .set({ status: "published", opensAt: dates.opensAt, closesAt: dates.closesAt, updatedAt: new Date() })
      .where(eq(surveys.id, surveyId));
    await audit(
      actor,
      {
        action: "survey.published",
        entityType: "survey",
        entityId: surveyId,
        details: { version: latest.version, opensAt: dates.opensAt, closesAt: dates.closesAt },
      },
      tx,
    );
    return { ok: true, version: latest.version };
  });
}

const surveyStatusAction = {
  draft: "survey.draft",
  published: "survey.reopened",
  closed: "survey.closed",
} as const satisfies Record<SurveyStatus, AuditAction>;

export async function setSurveyStatus(actor: Actor, surveyId: number, status: SurveyStatus, db: Executor) {
  await db.transaction(async (tx) => {
    await tx.update(surveys).set({ status, updatedAt: new Date() }).where(eq(surveys.id, surveyId));
    await audit(actor, { action: surveyStatusAction[status], entityType: "survey", entityId: surveyId }, tx);
  });
}

/** A free slug like "woonvisie-kopie", "woonvisie-kopie-2", … */
async function freeSlug(base: string, db: Executor): Promise<string> {
  const rows = await db
    .select({ slug: surveys.slug })
    .from(surveys)
    .where(like(surveys.slug, `${base}%`));
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** A new draft survey with a copy of the newest definition; answers are not copied. */
export async function duplicateSurvey(actor: Actor, surveyId: number, db: Executor): Promise<number | null> {
  const source = await getSurveyForStaff(surveyId, db);
  if (!source) return null;
  const slug = await freeSlug(`${source.survey.slug.slice(0, 50)}-kopie`, db);
  const title = `${source.definition.title} (kopie)`.slice(0, 200);
  return createSurvey(
    actor,
    { title, slug, accessMode: source.survey.accessMode, projectId: source.survey.projectId },
    db,
    { ...source.definition, title },
  );
}
