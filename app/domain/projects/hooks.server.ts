import { and, asc, eq, gte } from "drizzle-orm";
import { events, projects } from "../../../db/schema";
import type { Executor } from "../../lib/db.server";

// The bijeenkomsten of the events context (issue 14, point 3) as the project page and the home page
// list them: upcoming (not ended), not cancelled, optionally of one project, soonest first.

export interface BijeenkomstSummary {
  id: number;
  title: string;
  startsAt: Date;
  place: string;
  href: string;
  phaseId: number | null;
  projectSlug: string | null;
}

export async function upcomingBijeenkomsten(
  options: { projectId?: number; now?: Date; limit: number },
  db: Executor,
): Promise<BijeenkomstSummary[]> {
  const rows = await db
    .select({
      id: events.id,
      title: events.title,
      startsAt: events.startsAt,
      place: events.address,
      phaseId: events.phaseId,
      projectSlug: projects.slug,
    })
    .from(events)
    .leftJoin(projects, eq(projects.id, events.projectId))
    .where(
      and(
        eq(events.status, "published"),
        gte(events.endsAt, options.now ?? new Date()),
        options.projectId ? eq(events.projectId, options.projectId) : undefined,
      ),
    )
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(options.limit);
  return rows.map((r) => ({ ...r, href: `/bijeenkomsten/${r.id}` }));
}
