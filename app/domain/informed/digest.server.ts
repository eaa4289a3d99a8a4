// The daily digest for followers: what is new since their last digest, queued once per follower per day.
// docs/informed-events.md.
import { and, eq, gt, inArray, isNull, ne, sql } from "drizzle-orm";
import { events, followers, informedMails, newsItems, projectPhases, projects } from "../../../db/schema";
import { amsterdamDay, amsterdamToInstant, instantToAmsterdamLocal } from "../../lib/amsterdam-time";
import type { Executor } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { type DigestItem, digestParagraphs, digestSubject, selectDigest } from "./rules";

/** Items that became news in (since, until]: published news, phases that started, new bijeenkomsten. */
export async function digestCandidates(since: Date, until: Date, db: Executor): Promise<DigestItem[]> {
  const base = getEnv().APP_URL;
  const news = await db
    .select({
      slug: newsItems.slug,
      title: newsItems.title,
      projectId: newsItems.projectId,
      at: newsItems.publishAt,
    })
    .from(newsItems)
    .where(
      and(
        isNull(newsItems.withdrawnAt),
        gt(newsItems.publishAt, since),
        sql`${newsItems.publishAt} <= ${until.toISOString()}`,
      ),
    );
  // A phase "starts" at midnight Amsterdam time of its start day.
  const phases = await db
    .select({
      title: projectPhases.title,
      projectId: projectPhases.projectId,
      projectTitle: projects.title,
      projectSlug: projects.slug,
      startsOn: projectPhases.startsOn,
    })
    .from(projectPhases)
    .innerJoin(projects, and(eq(projects.id, projectPhases.projectId), ne(projects.status, "draft")))
    .where(
      and(
        sql`${projectPhases.startsOn} > ${amsterdamDay(since)}::date`,
        sql`${projectPhases.startsOn} <= ${amsterdamDay(until)}::date`,
      ),
    );
  const items: DigestItem[] = [
    ...news.map((n) => ({
      kind: "news" as const,
      projectId: n.projectId,
      title: n.title,
      url: `${base}/actueel/${n.slug}`,
      at: n.at!,
    })),
    ...phases.map((p) => ({
      kind: "phase" as const,
      projectId: p.projectId,
      title: `${p.projectTitle}: ${p.title}`,
      url: `${base}/meedenken/${p.projectSlug}`,
      at: amsterdamToInstant(`${p.startsOn}T00:00`) ?? until,
    })),
  ];
  const rows = await db
    .select({
      id: events.id,
      title: events.title,
      projectId: events.projectId,
      createdAt: events.createdAt,
      startsAt: events.startsAt,
    })
    .from(events)
    .where(
      and(
        eq(events.status, "published"),
        gt(events.createdAt, since),
        sql`${events.createdAt} <= ${until.toISOString()}`,
        gt(events.startsAt, until),
      ),
    );
  return [
    ...items,
    ...rows.map((e) => ({
      kind: "event" as const,
      projectId: e.projectId,
      title: e.title,
      url: `${getEnv().APP_URL}/bijeenkomsten/${e.id}`,
      at: e.createdAt,
      detail: instantToAmsterdamLocal(e.startsAt).replace("T", " om "),
    })),
  ];
}

/** Digests are composed from 08:00 Amsterdam time. */
export const DIGEST_HOUR = 8;

/**
 * Queue today's digest for every active follower with something new. At most one digest per
 * follower per day (unique follower + day, ON CONFLICT DO NOTHING), and digest_until moves in the
 * same transaction, so running this twice, or in two workers at once, queues each digest once.
 */
export async function queueDigests(db: Executor, now = new Date()): Promise<number> {
  const hour = Number(instantToAmsterdamLocal(now).slice(11, 13));
  if (hour < DIGEST_HOUR) return 0;
  const day = amsterdamDay(now);
  return db.transaction(async (tx) => {
    // One digest run at a time (the unique key alone would make a parallel run wait on rows).
    await tx.execute(sql`select pg_advisory_xact_lock(7014, 1)`);
    const people = await tx.execute<{
      id: string;
      whole_site: boolean;
      since: Date | string;
      project_ids: number[] | null;
    }>(sql`
      select f.id, f.whole_site, f.digest_until as since,
             array(select fp.project_id from follower_projects fp where fp.follower_id = f.id) as project_ids
        from followers f
       where f.status = 'active'
         and not exists (select 1 from informed_mails m where m.follower_id = f.id and m.digest_day = ${day}::date)`);
    if (people.length === 0) return 0;
    const earliest = new Date(
      Math.max(
        now.getTime() - 30 * 86_400_000,
        Math.min(...people.map((p) => new Date(p.since ?? 0).getTime())),
      ),
    );
    const items = await digestCandidates(earliest, now, tx);
    const rows: (typeof informedMails.$inferInsert)[] = [];
    for (const p of people) {
      const chosen = selectDigest(
        { wholeSite: p.whole_site, projectIds: p.project_ids ?? [], since: new Date(p.since ?? 0) },
        items,
        now,
      );
      if (chosen.length === 0) continue;
      rows.push({
        followerId: p.id,
        kind: "digest",
        digestDay: day,
        subject: digestSubject(chosen),
        text: digestParagraphs(chosen).join("\n\n"),
      });
    }
    let queued = 0;
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const inserted = await tx
        .insert(informedMails)
        .values(chunk)
        .onConflictDoNothing()
        .returning({ followerId: informedMails.followerId });
      queued += inserted.length;
      const ids = inserted.map((r) => r.followerId!);
      if (ids.length) await tx.update(followers).set({ digestUntil: now }).where(inArray(followers.id, ids));
    }
    return queued;
  });
}
