import { and, count, desc, eq, isNotNull, isNull, lte, sql } from "drizzle-orm";
import { newsItems, projects } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { type FieldErrors, type FormValues, firstErrors, formToObject } from "../../lib/forms";
import { type Actor, audit } from "../audit/audit.server";
import { altTextProblem, imageProblemMessages } from "../media/images";
import { describeImages, prepareImage, saveImage } from "../media/images.server";
import { atomFeed } from "./atom";
import { NEWS_PAGE_SIZE, newsFormSchema, slugify } from "./news";

export type NewsRow = typeof newsItems.$inferSelect;

const isPublic = (now: Date) =>
  and(isNotNull(newsItems.publishAt), lte(newsItems.publishAt, now), isNull(newsItems.withdrawnAt));

const listColumns = {
  id: newsItems.id,
  slug: newsItems.slug,
  title: newsItems.title,
  summary: newsItems.summary,
  publishAt: newsItems.publishAt,
  imageId: newsItems.imageId,
  imageAlt: newsItems.imageAlt,
  projectSlug: projects.slug,
  projectTitle: projects.title,
};

/** A page of published news, newest first, optionally of one project (by slug). */
export async function listPublicNews(
  db: Executor,
  options: { page: number; projectSlug?: string | null; now?: Date; pageSize?: number; countTotal?: boolean },
) {
  const now = options.now ?? new Date();
  const pageSize = options.pageSize ?? NEWS_PAGE_SIZE;
  const where = and(isPublic(now), options.projectSlug ? eq(projects.slug, options.projectSlug) : undefined);
  const [rows, [total]] = await Promise.all([
    db
      .select(listColumns)
      .from(newsItems)
      .leftJoin(projects, eq(projects.id, newsItems.projectId))
      .where(where)
      .orderBy(desc(newsItems.publishAt), desc(newsItems.id))
      .limit(pageSize)
      .offset((options.page - 1) * pageSize),
    // The home page shows the newest items without paging: no count needed (bench:informed-pages).
    options.countTotal === false
      ? Promise.resolve([{ n: 0 }])
      : options.projectSlug
        ? db
            .select({ n: count() })
            .from(newsItems)
            .innerJoin(projects, eq(projects.id, newsItems.projectId))
            .where(where)
        : db.select({ n: count() }).from(newsItems).where(isPublic(now)),
  ]);
  const images = await describeImages(
    db,
    rows.flatMap((r) => (r.imageId ? [r.imageId] : [])),
  );
  return {
    rows: rows.map((r) => ({ ...r, image: r.imageId ? (images.get(r.imageId) ?? null) : null })),
    total: total?.n ?? 0,
    pageSize,
  };
}

/** One published news item by slug, or null (unknown, scheduled, concept or withdrawn). */
export async function findPublicNews(db: Executor, slug: string, now = new Date()) {
  const [row] = await db
    .select({ item: newsItems, projectSlug: projects.slug, projectTitle: projects.title })
    .from(newsItems)
    .leftJoin(projects, eq(projects.id, newsItems.projectId))
    .where(and(eq(newsItems.slug, slug), isPublic(now)));
  if (!row) return null;
  const image = row.item.imageId
    ? ((await describeImages(db, [row.item.imageId])).get(row.item.imageId) ?? null)
    : null;
  return { ...row, image };
}

/** The Atom feed of the newest 30 published items. */
export async function newsFeed(db: Executor, baseUrl: string, now = new Date()): Promise<string> {
  const rows = await db
    .select({
      slug: newsItems.slug,
      title: newsItems.title,
      summary: newsItems.summary,
      body: newsItems.body,
      publishAt: newsItems.publishAt,
      updatedAt: newsItems.updatedAt,
      projectTitle: projects.title,
    })
    .from(newsItems)
    .leftJoin(projects, eq(projects.id, newsItems.projectId))
    .where(isPublic(now))
    .orderBy(desc(newsItems.publishAt), desc(newsItems.id))
    .limit(30);
  return atomFeed(
    baseUrl,
    rows.map((r) => ({
      ...r,
      publishAt: r.publishAt!,
      updatedAt: r.updatedAt > r.publishAt! ? r.updatedAt : r.publishAt!,
    })),
    now,
  );
}

/** Project choices for the news form and the /actueel filter. */
export async function projectOptions(db: Executor, includeDrafts: boolean) {
  const rows = await db
    .select({ id: projects.id, slug: projects.slug, title: projects.title, status: projects.status })
    .from(projects)
    .orderBy(projects.sortOrder, projects.title);
  return rows.filter((r) => includeDrafts || r.status !== "draft");
}

// ---------------------------------------------------------------- staff

export async function listNewsForStaff(db: Executor, page: number, pageSize = 25) {
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: newsItems.id,
        slug: newsItems.slug,
        title: newsItems.title,
        publishAt: newsItems.publishAt,
        withdrawnAt: newsItems.withdrawnAt,
        isDemo: newsItems.isDemo,
        projectTitle: projects.title,
      })
      .from(newsItems)
      .leftJoin(projects, eq(projects.id, newsItems.projectId))
      .orderBy(sql`${newsItems.publishAt} desc nulls first`, desc(newsItems.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(newsItems),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function getNewsForStaff(db: Executor, id: number) {
  const [item] = await db.select().from(newsItems).where(eq(newsItems.id, id));
  if (!item) return null;
  const image = item.imageId ? ((await describeImages(db, [item.imageId])).get(item.imageId) ?? null) : null;
  return { item, image };
}

async function uniqueSlug(db: Executor, title: string, exceptId?: number) {
  const base = slugify(title);
  const taken = await db
    .select({ slug: newsItems.slug, id: newsItems.id })
    .from(newsItems)
    .where(sql`${newsItems.slug} = ${base} or ${newsItems.slug} like ${`${base}-%`}`);
  const used = new Set(taken.filter((t) => t.id !== exceptId).map((t) => t.slug));
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}

export type NewsOutcome =
  | { ok: true; id: number; message: string }
  | { ok: false; status: 400 | 404; errors: FieldErrors; values: FormValues };

/**
 * Create (id null) or change a news item from the staff form (multipart: it may carry an image).
 * The image is checked and processed before the transaction; item, image and audit line are written
 * together. A repeated submit of the same new-item form (same hidden key) stores nothing new.
 */
export async function saveNewsFromForm(
  db: Executor,
  actor: Actor,
  id: number | null,
  form: FormData,
  now = new Date(),
): Promise<NewsOutcome> {
  const values = formToObject(form);
  delete values.image;
  const existing = id === null ? null : await getNewsForStaff(db, id);
  if (id !== null && !existing) return { ok: false, status: 404, errors: {}, values };
  const parsed = newsFormSchema(now).safeParse(values);
  const errors: FieldErrors = parsed.success ? {} : firstErrors(parsed.error);
  const file = form.get("image");
  const upload = file instanceof File && file.size > 0 ? await prepareImage(file) : null;
  if (upload && !upload.ok) errors.image = imageProblemMessages[upload.problem];
  const keepsImage = !!existing?.item.imageId && !(parsed.success && parsed.data.removeImage);
  if ((upload || keepsImage) && !errors.imageAlt) {
    const altProblem = altTextProblem(String(values.imageAlt ?? ""));
    if (altProblem) errors.imageAlt = altProblem;
  }
  if (parsed.success && parsed.data.projectId !== null) {
    const [project] = await db
      .select({ id: projects.id })
      .from(projects)
      .where(eq(projects.id, parsed.data.projectId));
    if (!project) errors.projectId = "Dit project bestaat niet. Kies een project uit de lijst.";
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, status: 400, errors, values };
  const input = parsed.data;

  return db.transaction(async (tx) => {
    if (id === null && input.submissionKey) {
      const [dup] = await tx
        .select({ id: newsItems.id })
        .from(newsItems)
        .where(eq(newsItems.submissionKey, input.submissionKey));
      if (dup) return { ok: true as const, id: dup.id, message: "Het bericht is opgeslagen." };
    }
    const imageId =
      upload?.ok === true
        ? await saveImage(tx, upload.image, actor.id)
        : input.removeImage
          ? null
          : (existing?.item.imageId ?? null);
    const fields = {
      title: input.title,
      summary: input.summary,
      body: input.body.trim(),
      projectId: input.projectId,
      imageId,
      imageAlt: imageId ? (input.imageAlt ?? null) : null,
      publishAt: input.publishAt,
      withdrawnAt: null,
      updatedAt: now,
    };
    let newsId: number;
    if (id === null) {
      const [row] = await tx
        .insert(newsItems)
        .values({
          ...fields,
          slug: await uniqueSlug(tx, input.title),
          submissionKey: input.submissionKey ?? null,
          createdBy: actor.id,
        })
        .onConflictDoNothing({ target: newsItems.submissionKey })
        .returning({ id: newsItems.id });
      if (!row) {
        const [dup] = await tx
          .select({ id: newsItems.id })
          .from(newsItems)
          .where(eq(newsItems.submissionKey, input.submissionKey!));
        return { ok: true as const, id: dup!.id, message: "Het bericht is opgeslagen." };
      }
      newsId = row.id;
      await audit(tx, actor, {
        action: "news.created",
        entityType: "news",
        entityId: newsId,
        details: { title: input.title },
      });
    } else {
      await tx.update(newsItems).set(fields).where(eq(newsItems.id, id));
      newsId = id;
      await audit(tx, actor, {
        action: "news.updated",
        entityType: "news",
        entityId: newsId,
        details: { title: input.title },
      });
    }
    if (input.publishAt && input.publishAt.getTime() !== existing?.item.publishAt?.getTime()) {
      await audit(tx, actor, {
        action: "news.published",
        entityType: "news",
        entityId: newsId,
        details: { publishAt: input.publishAt.toISOString() },
      });
    }
    const message =
      input.publishMode === "draft"
        ? "Het bericht is opgeslagen als concept."
        : input.publishMode === "now"
          ? "Het bericht is gepubliceerd."
          : "Het bericht is ingepland.";
    return { ok: true as const, id: newsId, message };
  });
}

/** Take a news item off the site (it stays in /beheer). Audited. Repeating it changes nothing. */
export async function withdrawNews(db: Executor, actor: Actor, id: number, now = new Date()) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(newsItems)
      .set({ withdrawnAt: now, updatedAt: now })
      .where(and(eq(newsItems.id, id), isNull(newsItems.withdrawnAt)))
      .returning({ title: newsItems.title });
    if (row)
      await audit(tx, actor, {
        action: "news.withdrawn",
        entityType: "news",
        entityId: id,
        details: { title: row.title },
      });
    return !!row;
  });
}

// Route entry points (the routes never see the database).
export const publicNewsPage = (page: number, projectSlug: string | null) =>
  listPublicNews(getDb(), { page, projectSlug });
export const publicNewsItem = (slug: string) => findPublicNews(getDb(), slug);
export const publicFeed = () => newsFeed(getDb(), getEnv().APP_URL);
export const newsProjectOptions = (includeDrafts: boolean) => projectOptions(getDb(), includeDrafts);
export const staffNewsList = (page: number) => listNewsForStaff(getDb(), page);
export const staffNewsItem = (id: number) => getNewsForStaff(getDb(), id);
export const handleNewsSave = (actor: Actor, id: number | null, form: FormData) =>
  saveNewsFromForm(getDb(), actor, id, form);
export const handleNewsWithdraw = (actor: Actor, id: number) => withdrawNews(getDb(), actor, id);
