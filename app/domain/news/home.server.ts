import { sql } from "drizzle-orm";
import { amsterdamDay } from "../../lib/amsterdam-time";
import { type Executor, executePrepared, getDb } from "../../lib/db.server";
import type { BijeenkomstSummary } from "../projects/hooks.server";
import { type PublicNewsRow, publicNewsRowsSql, type RawNewsRow, toPublicNewsRow } from "./news.server";

const HOME_ITEMS = 3;
/** Phases that start within this many days are "coming soon" on the home page. */
const PHASE_DAYS = 60;

export interface SoonPhase {
  title: string;
  startsOn: string | null;
  datesAreDemo: boolean;
  projectSlug: string;
  projectTitle: string;
}

type Part = "news" | "event" | "phase";
type HomeRow = Partial<RawNewsRow> & {
  part: Part;
  id: number;
  title: string;
  starts_at: string | Date | null;
  place: string | null;
  phase_id: number | null;
  starts_on: string | null;
  dates_are_demo: boolean | null;
  project_slug: string | null;
  project_title: string | null;
};

/**
 * The home page's Actueel (besides open surveys): the newest news, upcoming bijeenkomsten (not ended,
 * not cancelled, soonest first) and phases that start soon, in one statement (UNION ALL of three
 * limited parts; bench:informed-pages). Each part keeps its own order through row_number(); the nulls
 * are typed because a subquery's bare null is text.
 */
export async function loadHomeActueel(db: Executor, now = new Date()) {
  const at = now.toISOString();
  const today = amsterdamDay(now);
  const rows = await executePrepared<HomeRow>(
    "home_actueel",
    sql`
    select * from (
      (select 'news' as part, row_number() over () as ord, x.* from (${publicNewsRowsSql({
        now,
        limit: HOME_ITEMS,
        extra: sql`null::timestamptz as starts_at, null::text as place, null::int as phase_id,
          null::text as starts_on, null::boolean as dates_are_demo`,
      })}) x)
      union all
      (select 'event', row_number() over (), x.* from (
        select e.id, null::text, e.title, null::text, null::timestamptz, null::uuid, null::text, p.slug,
               p.title, null::int, null::int, null::int[], e.starts_at, e.address, e.phase_id, null::text,
               null::boolean
        from events e left join projects p on p.id = e.project_id
        where e.status = 'published' and e.ends_at >= ${at}::timestamptz
        order by e.starts_at, e.id
        limit ${HOME_ITEMS}) x)
      union all
      (select 'phase', row_number() over (), x.* from (
        select ph.id, null::text, ph.title, null::text, null::timestamptz, null::uuid, null::text, p.slug,
               p.title, null::int, null::int, null::int[], null::timestamptz, null::text, null::int,
               ph.starts_on::text, ph.dates_are_demo
        from project_phases ph join projects p on p.id = ph.project_id
        where p.status <> 'draft' and ph.starts_on > ${today}::date
          and ph.starts_on <= ${today}::date + ${PHASE_DAYS}::int
        order by ph.starts_on
        limit ${HOME_ITEMS}) x)
    ) u
    order by case part when 'news' then 1 when 'event' then 2 else 3 end, ord`,
    db,
  );
  const news: PublicNewsRow[] = [];
  const bijeenkomsten: BijeenkomstSummary[] = [];
  const phases: SoonPhase[] = [];
  for (const r of rows) {
    if (r.part === "news") news.push(toPublicNewsRow(r as RawNewsRow));
    else if (r.part === "event")
      bijeenkomsten.push({
        id: r.id,
        title: r.title,
        startsAt: r.starts_at instanceof Date ? r.starts_at : new Date(r.starts_at!),
        place: r.place!,
        phaseId: r.phase_id,
        projectSlug: r.project_slug,
        href: `/bijeenkomsten/${r.id}`,
      });
    else
      phases.push({
        title: r.title,
        startsOn: r.starts_on,
        datesAreDemo: r.dates_are_demo!,
        projectSlug: r.project_slug!,
        projectTitle: r.project_title!,
      });
  }
  return { news, bijeenkomsten, phases };
}

export const homeActueel = () => loadHomeActueel(getDb());
