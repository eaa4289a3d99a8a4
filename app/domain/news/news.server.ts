import { and, count, desc, eq, isNotNull, isNull, lte, type SQL, sql } from "drizzle-orm";
import { newsItems, projects } from "../../../db/schema";
import { type Executor, executePrepared, getDb } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { type FieldErrors, type FormValues, firstErrors, formToObject } from "../../lib/forms";
import { type Actor, audit } from "../audit/audit.server";
import { altTextProblem, imageProblemMessages, type StoredImage } from "../media/images";
import { describeImages, prepareImage, saveImage } from "../media/images.server";
import { atomFeed } from "./atom";
import { NEWS_PAGE_SIZE, newsFormSchema, slugify } from "./news";

export type NewsRow = typeof newsItems.$inferSelect;

const isPublic = (now: Date) =>
  and(isNotNull(newsItems.publishAt), lte(newsItems.publishAt, now), isNull(newsItems.withdrawnAt));

/** A news row of a public list, with its image (the stored widths) when it has one. */
export interface PublicNewsRow {
  id: number;
  slug: string;
  title: string;
  summary: string;
  publishAt: Date | null;
  imageId: string | null;
  imageAlt: string | null;
  projectSlug: string | null;
  projectTitle: string | null;
  image: StoredImage | null;
}

/** What the SQL of publicNewsColumns gives per row (timestamps as text: the driver leaves them raw). */
export type RawNewsRow = {
  id: number;
  slug: string;
  title: string;
  summary: string;
  publish_at: string | Date | null;
  image_id: string | null;
  image_alt: string | null;
  project_slug: string | null;
  project_title: string | null;
  image_width: number | null;
  image_height: number | null;
  image_widths: number[] | null;
};

/** Published now: a publication moment that has passed, not withdrawn. */
const publicNewsWhere = (now: Date) =>
  sql`n.publish_at is not null and n.publish_at <= ${now.toISOString()}::timestamptz and n.withdrawn_at is null`;

/**
 * One statement's worth of a public news list: the rows of one page (newest first, optionally of one
 * project) with their project and their image's stored widths, in the columns of RawNewsRow plus
 * `extra` (typed columns a caller's UNION needs). The page is chosen first and only its rows are
 * joined, so a deep page does not look up the images of every row it skips. "nulls last" matches the
 * index news_items_publish_idx (publish_at is never null here, so the order is the same).
 */
export function publicNewsRowsSql(options: {
  now: Date;
  projectSlug?: string | null;
  limit: number;
  offset?: number;
  extra?: SQL;
}) {
  const ofProject = options.projectSlug
    ? sql`and n.project_id = (select id from projects where slug = ${options.projectSlug})`
    : sql``;
  return sql`select n.id, n.slug, n.title, n.summary, n.publish_at, n.image_id, n.image_alt,
      p.slug as project_slug, p.title as project_title, mi.width as image_width, mi.height as image_height,
      (select array_agg(v.width order by v.width) from media_image_variants v where v.image_id = mi.id)
        as image_widths${options.extra ? sql`, ${options.extra}` : sql``}
    from (select * from news_items n where ${publicNewsWhere(options.now)} ${ofProject}
          order by n.publish_at desc nulls last, n.id desc
          limit ${options.limit} offset ${options.offset ?? 0}) n
    left join projects p on p.id = n.project_id
    left join media_images mi on mi.id = n.image_id
    order by n.publish_at desc nulls last, n.id desc`;
}

const toDate = (value: string | Date | null) =>
  value === null ? null : value instanceof Date ? value : new Date(value);

export function toPublicNewsRow(r: RawNewsRow): PublicNewsRow {
  // An image without stored widths is not shown (as before: describeImages joined the variants).
  const widths = r.image_widths?.map(Number) ?? [];
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    publishAt: toDate(r.publish_at),
    imageId: r.image_id,
    imageAlt: r.image_alt,
    projectSlug: r.project_slug,
    projectTitle: r.project_title,
    image:
      r.image_id && r.image_width !== null && widths.length > 0
        ? { id: r.image_id, width: r.image_width, height: r.image_height!, widths }
        : null,
  };
}

/**
 * A page of published news, newest first, optionally of one project (by slug). One statement: the
 * total (unless countTotal is false) with the page's rows and their images joined to it, so a page past
 * the end still knows the total (bench:informed-pages).
 */
export async function listPublicNews(
  options: { page: number; projectSlug?: string | null; now?: Date; pageSize?: number; countTotal?: boolean },
  db: Executor,
): Promise<{ rows: PublicNewsRow[]; total: number; pageSize: number }> {
  const now = options.now ?? new Date();
  const pageSize = options.pageSize ?? NEWS_PAGE_SIZE;
  const total =
    options.countTotal === false
      ? sql`select 0 as total`
      : sql`select count(*)::int as total from news_items n where ${publicNewsWhere(now)}
          ${options.projectSlug ? sql`and n.project_id = (select id from projects where slug = ${options.projectSlug})` : sql``}`;
  const page = publicNewsRowsSql({
    now,
    projectSlug: options.projectSlug,
    limit: pageSize,
    offset: (options.page - 1) * pageSize,
  });
  const result = await executePrepared<RawNewsRow & { total: number; id: number | null }>(
    "public_news_page",
    sql`select t.total, r.* from (${total}) t left join lateral (${page}) r on true`,
    db,
  );
  const rows = [...result];
  return {
    rows: rows.filter((r) => r.id !== null).map(toPublicNewsRow),
    total: rows[0]?.total ?? 0,
    pageSize,
  };
}

/** One published news item by slug, or null (unknown, scheduled, concept or withdrawn). */
export async function findPublicNews(slug: string, db: Executor, now = new Date()) {
  const [row] = await db
    .select({ item: newsItems, projectSlug: projects.slug, projectTitle: projects.title })
    .from(newsItems)
    .leftJoin(projects, eq(projects.id, newsItems.projectId))
    .where(and(eq(newsItems.slug, slug), isPublic(now)));
  if (!row) return null;
  const image = row.item.imageId
    ? ((await describeImages([row.item.imageId], db)).get(row.item.imageId) ?? null)
    : null;
  return { ...row, image };
}

/** The Atom feed of the newest 30 published items. */
export async function newsFeed(baseUrl: string, db: Executor, now = new Date()): Promise<string> {
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
    // "nulls last" (publish_at is never null here) lets news_items_publish_idx give the order.
    .orderBy(sql`${newsItems.publishAt} desc nulls last`, desc(newsItems.id))
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
export async function projectOptions(includeDrafts: boolean, db: Executor) {
  const rows = await db
    .select({ id: projects.id, slug: projects.slug, title: projects.title, status: projects.status })
    .from(projects)
    .orderBy(projects.sortOrder, projects.title);
  return rows.filter((r) => includeDrafts || r.status !== "draft");
}

// ---------------------------------------------------------------- staff

export async function listNewsForStaff(page: number, db: Executor, pageSize = 25) {
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

export async function getNewsForStaff(id: number, db: Executor) {
  const [item] = await db.select().from(newsItems).where(eq(newsItems.id, id));
  if (!item) return null;
  const image = item.imageId ? ((await describeImages([item.imageId], db)).get(item.imageId) ?? null) : null;
  return { item, image };
}

async function uniqueSlug(title: string, db: Executor, exceptId?: number) {
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
  actor: Actor,
  id: number | null,
  form: FormData,
  db: Executor,
  now = new Date(),
): Promise<NewsOutcome> {
  const values = formToObject(form);
  delete values.image;
  const existing = id === null ? null : await getNewsForStaff(id, db);
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
        ? await saveImage(upload.image, actor.id, tx)
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
          slug: await uniqueSlug(input.title, tx),
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
      await audit(
        actor,
        {
          action: "news.created",
          entityType: "news",
          entityId: newsId,
          details: { title: input.title },
        },
        tx,
      );
    } else {
      await tx.update(newsItems).set(fields).where(eq(newsItems.id, id));
      newsId = id;
      await audit(
        actor,
        {
          action: "news.updated",
          entityType: "news",
          entityId: newsId,
          details: { title: input.title },
        },
        tx,
      );
    }
    if (input.publishAt && input.publishAt.getTime() !== existing?.item.publishAt?.getTime()) {
      await audit(
        actor,
        {
          action: "news.published",
          entityType: "news",
          entityId: newsId,
          details: { publishAt: input.publishAt.toISOString() },
        },
        tx,
      );
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
export async function withdrawNews(actor: Actor, id: number, db: Executor, now = new Date()) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(newsItems)
      .set({ withdrawnAt: now, updatedAt: now })
      .where(and(eq(newsItems.id, id), isNull(newsItems.withdrawnAt)))
      .returning({ title: newsItems.title });
    if (row)
      await audit(
        actor,
        {
          action: "news.withdrawn",
          entityType: "news",
          entityId: id,
          details: { title: row.title },
        },
        tx,
      );
    return !!row;
  });
}

// Route entry points (the routes never see the database).
export const publicNewsPage = (page: number, projectSlug: string | null) =>
  listPublicNews({ page, projectSlug }, getDb());
export const publicNewsItem = (slug: string) => findPublicNews(slug, getDb());
export const publicFeed = () => newsFeed(getEnv().APP_URL, getDb());
export const newsProjectOptions = (includeDrafts: boolean) => projectOptions(includeDrafts, getDb());
export const staffNewsList = (page: number) => listNewsForStaff(page, getDb());
export const staffNewsItem = (id: number) => getNewsForStaff(id, getDb());
export const handleNewsSave = (actor: Actor, id: number | null, form: FormData) =>
  saveNewsFromForm(actor, id, form, getDb());
export const handleNewsWithdraw = (actor: Actor, id: number) => withdrawNews(actor, id, getDb());
