// Public reading of the monitor: the periods, the overview with its stoplicht summary (from the maintained
// current-stoplicht table, see stoplicht.server.ts) and one agreement with its history (docs/monitor.md).
import { and, asc, desc, eq, sql } from "drizzle-orm";
import {
  monitorAgreementParties,
  monitorAgreements,
  monitorOrganisations,
  monitorReactions,
  monitorUpdates,
} from "../../../db/schema";
import { type Executor, executePrepared } from "../../lib/db.server";
import type { OverviewFilter } from "./forms";
import { type Summary, summaryFromCounts, type TertiaalRef } from "./rules";
import type { OrganisationKind, Prioriteit, Stoplicht, UpdateStatus } from "./vocabulary";

/** The years with agreements, and the tertiaal to show by default: the latest with a confirmed update. */
export async function monitorPeriods(db: Executor): Promise<{ years: number[]; latest: TertiaalRef }> {
  const [span] = await db
    .select({
      min: sql<number | null>`min(${monitorAgreements.firstYear})`,
      max: sql<number | null>`max(${monitorAgreements.lastYear})`,
    })
    .from(monitorAgreements);
  const [latest] = await db
    .select({ year: monitorUpdates.year, tertiaal: monitorUpdates.tertiaal })
    .from(monitorUpdates)
    .where(eq(monitorUpdates.status, "confirmed"))
    .orderBy(desc(monitorUpdates.year), desc(monitorUpdates.tertiaal))
    .limit(1);
  const years: number[] = [];
  if (span?.min != null && span.max != null) for (let y = span.min; y <= span.max; y++) years.push(y);
  const fallbackYear = years[0] ?? new Date().getFullYear();
  return { years, latest: latest ?? { year: fallbackYear, tertiaal: 1 } };
}

export interface OverviewRow {
  id: number;
  key: string;
  number: string;
  kind: "kader" | "jaar";
  theme: number;
  subThemeLabel: string | null;
  title: string;
  prioriteit: Prioriteit | null;
  prioriteitAsWritten: string | null;
  stoplicht: Stoplicht;
  explanation: string | null;
  trekkers: string[];
  parties: string[];
  /** Only when asked for (the gemeente's list): an update of this agreement waits for confirmation. */
  pending?: boolean;
}

function overviewWhere(f: Omit<OverviewFilter, "page">) {
  const conditions = [sql`a.first_year <= ${f.year} and a.last_year >= ${f.year}`];
  if (f.theme) conditions.push(sql`a.theme = ${f.theme}`);
  if (f.trekker)
    conditions.push(
      sql`exists (select 1 from monitor_agreement_parties p where p.agreement_id = a.id and p.role = 'trekker' and p.organisation_id = ${f.trekker})`,
    );
  if (f.organisation)
    conditions.push(
      sql`exists (select 1 from monitor_agreement_parties p where p.agreement_id = a.id and p.organisation_id = ${f.organisation})`,
    );
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, "\\$&")}%`;
    conditions.push(sql`(a.title ilike ${like} or a.text ilike ${like} or a.number ilike ${like})`);
  }
  return sql.join(conditions, sql` and `);
}

export interface OverviewContext {
  years: number[];
  /** The tertiaal asked for, when the URL names a valid one; else the latest with a confirmed update. */
  period: TertiaalRef;
  organisations: { id: string; name: string; kind: OrganisationKind }[];
}

/**
 * What the public overview needs before its own query, in one round trip: the years with agreements, the
 * organisations (ordered like listOrganisations: kind, name) and the tertiaal to show. The latest tertiaal
 * with a confirmed update (the default) is looked up only when the requested year or tertiaal is not valid,
 * as it reads every confirmed update.
 */
export async function overviewContext(
  requested: { year: number; tertiaal: number },
  db: Executor,
): Promise<OverviewContext> {
  const year = Number.isInteger(requested.year) && Math.abs(requested.year) < 10_000 ? requested.year : 0;
  const tertiaalOk = [1, 2, 3].includes(requested.tertiaal);
  // The object is built after the limit: built in the sorted query, it would be built for every confirmed update.
  const latest = sql`(select json_build_object('year', l.year, 'tertiaal', l.tertiaal) from (
      select u.year, u.tertiaal from monitor_updates u
      where u.status = 'confirmed' order by u.year desc, u.tertiaal desc limit 1) l)`;
  const [row] = await executePrepared<{
    min: number | null;
    max: number | null;
    latest: TertiaalRef | null;
    organisations: OverviewContext["organisations"];
  }>(
    "monitor_overview_context",
    sql`
    with span as (select min(first_year) as min, max(last_year) as max from monitor_agreements)
    select span.min, span.max,
      ${tertiaalOk ? sql`case when ${year}::int between span.min and span.max then null else ${latest} end` : latest} as latest,
      (select coalesce(json_agg(json_build_object('id', o.id, 'name', o.name, 'kind', o.kind) order by o.kind, o.name), '[]')
         from monitor_organisations o) as organisations
    from span`,
    db,
  );
  const years: number[] = [];
  if (row?.min != null && row.max != null) for (let y = row.min; y <= row.max; y++) years.push(y);
  const fallback = row?.latest ?? { year: years[0] ?? new Date().getFullYear(), tertiaal: 1 };
  return {
    years,
    period: {
      year: years.includes(year) ? year : fallback.year,
      tertiaal: tertiaalOk ? requested.tertiaal : fallback.tertiaal,
    },
    organisations: row?.organisations ?? [],
  };
}

export interface Overview {
  summary: Summary;
  rows: OverviewRow[];
  total: number;
}

/**
 * The agreements of a year with their stoplicht as of the chosen tertiaal (latest confirmed update of the
 * key up to then, kept in the maintained table monitor_stoplicht_current, see stoplicht.server.ts), filtered,
 * in one prepared statement: counts per theme and per trekker over the whole filter (without the stoplicht
 * filter, so the chart shows every colour) and one page of rows with their parties. An agreement without a
 * row in the table (only possible for rows written outside the domain) counts as "nog niet beoordeeld".
 *
 * The filtered set is materialised narrow (id, sort keys, stoplicht); only the page's rows are read in full.
 * The total is the sum of the theme counts (every agreement has one theme), so it needs no scan of its own.
 * `withPending` (the gemeente's list in /beheer, never the public page) adds to each row of the page whether
 * an update of its key waits for confirmation (the index on key and status answers it).
 */
export async function loadOverview(
  f: OverviewFilter,
  options: { pageSize: number | null; organisationOrder: readonly string[]; withPending?: boolean },
  db: Executor,
): Promise<Overview> {
  const stoplichtCond = f.stoplicht ? sql`where c.stoplicht = ${f.stoplicht}` : sql``;
  const limit = options.pageSize
    ? sql`limit ${options.pageSize} offset ${(f.page - 1) * options.pageSize}`
    : sql``;
  const pending = options.withPending
    ? sql`, 'pending', exists (select 1 from monitor_updates u where u.agreement_key = a.key and u.status = 'submitted')`
    : sql``;
  const [row] = await executePrepared<{ by_theme: unknown; by_trekker: unknown; rows: unknown }>(
    options.withPending ? "monitor_staff_overview" : "monitor_overview",
    sql`
    with cur as materialized (
      select a.id, a.theme, a.kind, a.position, coalesce(s.stoplicht, 'not_assessed') as stoplicht
      from monitor_agreements a
      left join monitor_stoplicht_current s
        on s.agreement_id = a.id and s.year = ${f.year} and s.tertiaal = ${f.tertiaal}
      where ${overviewWhere(f)}
    ),
    page as (select * from cur c ${stoplichtCond} order by c.theme, c.kind, c.position, c.id ${limit})
    select
      (select coalesce(json_agg(x), '[]') from (select c.theme as k, c.stoplicht as s, count(*)::int as n
         from cur c group by 1, 2) x) as by_theme,
      (select coalesce(json_agg(x), '[]') from (select p.organisation_id as k, c.stoplicht as s, count(*)::int as n
         from cur c join monitor_agreement_parties p on p.agreement_id = c.id and p.role = 'trekker' group by 1, 2) x) as by_trekker,
      (select coalesce(json_agg(json_build_object('id', a.id, 'key', a.key, 'number', a.number, 'kind', a.kind,
          'theme', a.theme, 'subThemeLabel', a.sub_theme_label, 'title', a.title, 'prioriteit', a.prioriteit,
          'prioriteitAsWritten', a.prioriteit_as_written, 'stoplicht', pg.stoplicht, 'explanation', s.explanation,
          'trekkers', coalesce(t.trekkers, '{}'), 'parties', coalesce(t.parties, '{}')${pending})
          order by pg.theme, pg.kind, pg.position, pg.id), '[]')
        from page pg
        join monitor_agreements a on a.id = pg.id
        left join monitor_stoplicht_current s
          on s.agreement_id = pg.id and s.year = ${f.year} and s.tertiaal = ${f.tertiaal}
        left join lateral (
          select array_agg(p.organisation_id order by p.organisation_id) filter (where p.role = 'trekker') as trekkers,
            array_agg(p.organisation_id order by p.organisation_id) filter (where p.role = 'party') as parties
          from monitor_agreement_parties p where p.agreement_id = pg.id
        ) t on true) as rows`,
    db,
  );
  const summary = summaryFromCounts(
    row!.by_theme as { k: number; s: Stoplicht; n: number }[],
    row!.by_trekker as { k: string; s: Stoplicht; n: number }[],
    options.organisationOrder,
  );
  return {
    summary,
    rows: row!.rows as OverviewRow[],
    total: f.stoplicht ? summary.total[f.stoplicht] : summary.total.total,
  };
}

export interface TimelineEntry {
  id: number;
  year: number;
  tertiaal: number;
  organisationId: string;
  organisationName: string;
  stoplicht: Stoplicht;
  explanation: string;
  authorName: string;
  createdAt: Date;
  status: UpdateStatus;
  reviewNote: string | null;
  reviewedAt: Date | null;
}

export interface AgreementDetail {
  agreement: typeof monitorAgreements.$inferSelect;
  parties: { organisationId: string; name: string; kind: OrganisationKind; role: "trekker" | "party" }[];
  timeline: TimelineEntry[];
  reactions: {
    id: number;
    year: number;
    tertiaal: number;
    organisationId: string;
    organisationName: string;
    text: string;
    authorName: string;
    updatedAt: Date;
  }[];
  /** The other years this key runs in (copies). */
  years: { id: number; firstYear: number; lastYear: number }[];
}

/**
 * One agreement with its history. `visibleTo` decides which updates show: the public and partners see
 * the confirmed ones, a partner also the own organisation's pending and sent-back ones, the gemeente all.
 */
export async function getAgreement(
  id: number,
  visibleTo:
    | { kind: "public" }
    | { kind: "municipality" }
    | { kind: "partner"; organisationId: string | null },
  db: Executor,
): Promise<AgreementDetail | null> {
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) return null;
  const [agreement] = await db.select().from(monitorAgreements).where(eq(monitorAgreements.id, id));
  if (!agreement) return null;
  const visible =
    visibleTo.kind === "municipality"
      ? undefined
      : visibleTo.kind === "partner" && visibleTo.organisationId
        ? sql`(${monitorUpdates.status} = 'confirmed' or ${monitorUpdates.organisationId} = ${visibleTo.organisationId})`
        : eq(monitorUpdates.status, "confirmed");
  const [parties, timeline, reactions, years] = await Promise.all([
    db
      .select({
        organisationId: monitorAgreementParties.organisationId,
        name: monitorOrganisations.name,
        kind: monitorOrganisations.kind,
        role: monitorAgreementParties.role,
      })
      .from(monitorAgreementParties)
      .innerJoin(monitorOrganisations, eq(monitorOrganisations.id, monitorAgreementParties.organisationId))
      .where(eq(monitorAgreementParties.agreementId, id))
      .orderBy(desc(monitorAgreementParties.role), asc(monitorOrganisations.name)),
    db
      .select({
        id: monitorUpdates.id,
        year: monitorUpdates.year,
        tertiaal: monitorUpdates.tertiaal,
        organisationId: monitorUpdates.organisationId,
        organisationName: monitorOrganisations.name,
        stoplicht: monitorUpdates.stoplicht,
        explanation: monitorUpdates.explanation,
        authorName: monitorUpdates.authorName,
        createdAt: monitorUpdates.createdAt,
        status: monitorUpdates.status,
        reviewNote: monitorUpdates.reviewNote,
        reviewedAt: monitorUpdates.reviewedAt,
      })
      .from(monitorUpdates)
      .innerJoin(monitorOrganisations, eq(monitorOrganisations.id, monitorUpdates.organisationId))
      .where(and(eq(monitorUpdates.agreementKey, agreement.key), visible))
      .orderBy(desc(monitorUpdates.year), desc(monitorUpdates.tertiaal), desc(monitorUpdates.id)),
    db
      .select({
        id: monitorReactions.id,
        year: monitorReactions.year,
        tertiaal: monitorReactions.tertiaal,
        organisationId: monitorReactions.organisationId,
        organisationName: monitorOrganisations.name,
        text: monitorReactions.text,
        authorName: monitorReactions.authorName,
        updatedAt: monitorReactions.updatedAt,
      })
      .from(monitorReactions)
      .innerJoin(monitorOrganisations, eq(monitorOrganisations.id, monitorReactions.organisationId))
      .where(eq(monitorReactions.agreementKey, agreement.key))
      .orderBy(desc(monitorReactions.year), desc(monitorReactions.tertiaal), asc(monitorOrganisations.name)),
    db
      .select({
        id: monitorAgreements.id,
        firstYear: monitorAgreements.firstYear,
        lastYear: monitorAgreements.lastYear,
      })
      .from(monitorAgreements)
      .where(eq(monitorAgreements.key, agreement.key))
      .orderBy(asc(monitorAgreements.firstYear)),
  ]);
  return { agreement, parties, timeline, reactions, years };
}
