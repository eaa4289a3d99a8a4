// Database work of the prestatieafspraken monitor. Every function takes `db` first; every write by
// a partner or staff member is audited in its own transaction (docs/monitor.md).
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import {
  monitorAgreementParties,
  monitorAgreements,
  monitorOrganisations,
  monitorPartners,
  monitorReactions,
  monitorRoundMails,
  monitorRounds,
  monitorUpdates,
  staffUsers,
} from "../../../db/schema";
import type { Executor } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { type FieldErrors, type FormValues, parseForm } from "../../lib/forms";
import { queueMail } from "../../lib/mail.server";
import { type Actor, audit } from "../audit/audit.server";
import type { Role } from "../auth/roles";
import {
  checkRound,
  mayReact,
  mayUpdate,
  type OverviewFilter,
  openRoundSchema,
  reactionFormSchema,
  reminderDue,
  reviewFormSchema,
  type Summary,
  selectForCopy,
  summaryFromCounts,
  type TertiaalRef,
  updateFormSchema,
  type Writer,
} from "./rules";
import {
  type MonitorAuditAction,
  monitorAuditActions,
  type OrganisationKind,
  type Prioriteit,
  type Stoplicht,
  stoplichtLabel,
  tertiaalLabel,
  type UpdateStatus,
} from "./vocabulary";

export const GEMEENTE_ID = "gemeente-heemstede";

export interface MonitorUser {
  id: string;
  email: string;
  name: string;
  roles: readonly Role[];
}

/** Who is writing: gemeente staff speak for the gemeente, a partner for their own organisation. */
export interface MonitorViewer {
  user: MonitorUser;
  isGemeente: boolean;
  writer: Writer | null;
  organisationName: string | null;
}

export async function monitorViewer(db: Executor, user: MonitorUser): Promise<MonitorViewer> {
  const isGemeente = user.roles.includes("ambtenaar") || user.roles.includes("beheerder");
  if (isGemeente)
    return {
      user,
      isGemeente,
      writer: { organisationId: GEMEENTE_ID, organisationKind: "gemeente" },
      organisationName: "Gemeente Heemstede",
    };
  const [row] = await db
    .select({ id: monitorOrganisations.id, name: monitorOrganisations.name, kind: monitorOrganisations.kind })
    .from(monitorPartners)
    .innerJoin(monitorOrganisations, eq(monitorOrganisations.id, monitorPartners.organisationId))
    .where(eq(monitorPartners.userId, user.id));
  return {
    user,
    isGemeente: false,
    writer: row ? { organisationId: row.id, organisationKind: row.kind } : null,
    organisationName: row?.name ?? null,
  };
}

function auditEntry(
  action: MonitorAuditAction,
  entityType: string,
  entityId: string | number,
  details: object,
) {
  return { action, entityType, entityId, details: { omschrijving: monitorAuditActions[action], ...details } };
}

function actorOf(user: MonitorUser): Actor {
  return { id: user.id, email: user.email };
}

// ---- Reading ----

export async function listOrganisations(db: Executor) {
  return db
    .select()
    .from(monitorOrganisations)
    .orderBy(asc(monitorOrganisations.kind), asc(monitorOrganisations.name));
}

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
    .where(eq(monitorUpdates.status, "bevestigd"))
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
}

function overviewWhere(f: Omit<OverviewFilter, "page">) {
  const conditions = [sql`a.first_year <= ${f.year} and a.last_year >= ${f.year}`];
  if (f.theme) conditions.push(sql`a.theme = ${f.theme}`);
  if (f.trekker)
    conditions.push(
      sql`exists (select 1 from monitor_agreement_parties p where p.agreement_id = a.id and p.role = 'trekker' and p.organisation_id = ${f.trekker})`,
    );
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, "\\$&")}%`;
    conditions.push(sql`(a.title ilike ${like} or a.text ilike ${like} or a.number ilike ${like})`);
  }
  return sql.join(conditions, sql` and `);
}

/**
 * The agreements of a year with their stoplicht as of the chosen tertiaal (latest confirmed update of the
 * key up to then), filtered. `cur` is computed once; the summary counts the filter without the stoplicht
 * filter (so the chart shows all colours), the rows and the total honour it.
 */
function currentCte(f: Omit<OverviewFilter, "page">) {
  // Row comparison on (year, tertiaal) so the lateral lookup walks monitor_updates_key_idx backwards.
  return sql`
    with cur as materialized (
      select a.id, a.key, a.number, a.kind, a.theme, a.sub_theme_label, a.title, a.prioriteit,
        a.prioriteit_as_written, a.position,
        coalesce(u.stoplicht, 'nog_niet_beoordeeld') as stoplicht, u.explanation
      from monitor_agreements a
      left join lateral (
        select u.stoplicht, u.explanation from monitor_updates u
        where u.agreement_key = a.key and u.status = 'bevestigd' and (u.year, u.tertiaal) <= (${f.year}, ${f.tertiaal})
        order by u.year desc, u.tertiaal desc, u.id desc limit 1
      ) u on true
      where ${overviewWhere(f)}
    )`;
}

export interface Overview {
  summary: Summary;
  rows: OverviewRow[];
  total: number;
}

/**
 * The agreements of a year with their stoplicht as of the chosen tertiaal (latest confirmed update of the
 * key up to then), filtered, in one query: counts per theme and per trekker over the whole filter (without
 * the stoplicht filter, so the chart shows every colour), the total and one page of rows with it.
 */
export async function loadOverview(
  db: Executor,
  f: OverviewFilter,
  options: { pageSize: number | null; organisationOrder: readonly string[] },
): Promise<Overview> {
  const stoplichtCond = f.stoplicht ? sql`where c.stoplicht = ${f.stoplicht}` : sql``;
  const limit = options.pageSize
    ? sql`limit ${options.pageSize} offset ${(f.page - 1) * options.pageSize}`
    : sql``;
  const result = await db.execute<{
    by_theme: unknown;
    by_trekker: unknown;
    rows: unknown;
    total: number;
  }>(sql`
    ${currentCte(f)},
    trekkers as (
      select p.agreement_id, array_agg(p.organisation_id order by p.organisation_id) filter (where p.role = 'trekker') as trekkers,
        array_agg(p.organisation_id order by p.organisation_id) filter (where p.role = 'partij') as parties
      from monitor_agreement_parties p join cur c on c.id = p.agreement_id group by p.agreement_id
    )
    select
      (select coalesce(json_agg(x), '[]') from (select c.theme as k, c.stoplicht as s, count(*)::int as n
         from cur c group by 1, 2) x) as by_theme,
      (select coalesce(json_agg(x), '[]') from (select p.organisation_id as k, c.stoplicht as s, count(*)::int as n
         from cur c join monitor_agreement_parties p on p.agreement_id = c.id and p.role = 'trekker' group by 1, 2) x) as by_trekker,
      (select count(*)::int from cur c ${stoplichtCond}) as total,
      (select coalesce(json_agg(r), '[]') from (
        select c.id, c.key, c.number, c.kind, c.theme, c.sub_theme_label as "subThemeLabel", c.title,
          c.prioriteit, c.prioriteit_as_written as "prioriteitAsWritten", c.stoplicht, c.explanation,
          coalesce(t.trekkers, '{}') as trekkers, coalesce(t.parties, '{}') as parties
        from cur c left join trekkers t on t.agreement_id = c.id ${stoplichtCond}
        order by c.theme, c.kind, c.position, c.id
        ${limit}) r) as rows`);
  const row = result[0]!;
  return {
    summary: summaryFromCounts(
      row.by_theme as { k: number; s: Stoplicht; n: number }[],
      row.by_trekker as { k: string; s: Stoplicht; n: number }[],
      options.organisationOrder,
    ),
    rows: row.rows as OverviewRow[],
    total: row.total,
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
  parties: { organisationId: string; name: string; kind: OrganisationKind; role: "trekker" | "partij" }[];
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
  db: Executor,
  id: number,
  visibleTo: { kind: "public" } | { kind: "gemeente" } | { kind: "partner"; organisationId: string | null },
): Promise<AgreementDetail | null> {
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) return null;
  const [agreement] = await db.select().from(monitorAgreements).where(eq(monitorAgreements.id, id));
  if (!agreement) return null;
  const visible =
    visibleTo.kind === "gemeente"
      ? undefined
      : visibleTo.kind === "partner" && visibleTo.organisationId
        ? sql`(${monitorUpdates.status} = 'bevestigd' or ${monitorUpdates.organisationId} = ${visibleTo.organisationId})`
        : eq(monitorUpdates.status, "bevestigd");
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

export async function listRounds(db: Executor) {
  return db.select().from(monitorRounds).orderBy(desc(monitorRounds.year), desc(monitorRounds.tertiaal));
}

export async function openRoundNow(db: Executor) {
  const [round] = await db
    .select()
    .from(monitorRounds)
    .where(eq(monitorRounds.status, "open"))
    .orderBy(desc(monitorRounds.year), desc(monitorRounds.tertiaal))
    .limit(1);
  return round ?? null;
}

/** The agreements a writer may update (corporatie, gemeente) in a year, or all of the year (huurdersorganisatie). */
export async function agreementsInScope(db: Executor, writer: Writer, year: number) {
  const inYear = and(
    sql`${monitorAgreements.firstYear} <= ${year}`,
    sql`${monitorAgreements.lastYear} >= ${year}`,
  );
  const scoped =
    writer.organisationKind === "huurdersorganisatie"
      ? inYear
      : and(
          inYear,
          sql`exists (select 1 from monitor_agreement_parties p where p.agreement_id = ${monitorAgreements.id} and p.organisation_id = ${writer.organisationId})`,
        );
  return db
    .select({
      id: monitorAgreements.id,
      key: monitorAgreements.key,
      number: monitorAgreements.number,
      title: monitorAgreements.title,
      theme: monitorAgreements.theme,
      kind: monitorAgreements.kind,
    })
    .from(monitorAgreements)
    .where(scoped)
    .orderBy(asc(monitorAgreements.theme), asc(monitorAgreements.kind), asc(monitorAgreements.position));
}

/** What an organisation wrote in a round: its updates and reactions per agreement id. */
export async function roundWork(db: Executor, organisationId: string, round: TertiaalRef) {
  const [updates, reactions] = await Promise.all([
    db
      .select({
        agreementId: monitorUpdates.agreementId,
        status: monitorUpdates.status,
        id: monitorUpdates.id,
      })
      .from(monitorUpdates)
      .where(
        and(
          eq(monitorUpdates.organisationId, organisationId),
          eq(monitorUpdates.year, round.year),
          eq(monitorUpdates.tertiaal, round.tertiaal),
        ),
      )
      .orderBy(asc(monitorUpdates.id)),
    db
      .select({ agreementId: monitorReactions.agreementId })
      .from(monitorReactions)
      .where(
        and(
          eq(monitorReactions.organisationId, organisationId),
          eq(monitorReactions.year, round.year),
          eq(monitorReactions.tertiaal, round.tertiaal),
        ),
      ),
  ]);
  const status = new Map<number, UpdateStatus>();
  for (const u of updates) status.set(u.agreementId, u.status);
  return { updateStatus: status, reacted: new Set(reactions.map((r) => r.agreementId)) };
}

/** Updates waiting for the gemeente, oldest first. */
export async function pendingUpdates(db: Executor) {
  return db
    .select({
      id: monitorUpdates.id,
      agreementId: monitorUpdates.agreementId,
      key: monitorUpdates.agreementKey,
      title: monitorAgreements.title,
      year: monitorUpdates.year,
      tertiaal: monitorUpdates.tertiaal,
      organisationName: monitorOrganisations.name,
      stoplicht: monitorUpdates.stoplicht,
      createdAt: monitorUpdates.createdAt,
    })
    .from(monitorUpdates)
    .innerJoin(monitorAgreements, eq(monitorAgreements.id, monitorUpdates.agreementId))
    .innerJoin(monitorOrganisations, eq(monitorOrganisations.id, monitorUpdates.organisationId))
    .where(eq(monitorUpdates.status, "ingediend"))
    .orderBy(asc(monitorUpdates.createdAt))
    .limit(200);
}

// ---- Writing ----

export type WriteOutcome =
  | { ok: true; message: string }
  | { ok: false; status: 400 | 403 | 404; errors: FieldErrors; values: FormValues };

function refused(status: 403 | 404, message: string, values: FormValues = {}): WriteOutcome {
  return { ok: false, status, errors: { _form: message }, values };
}

async function loadRound(db: Executor, id: number) {
  const [round] = await db.select().from(monitorRounds).where(eq(monitorRounds.id, id));
  return round ?? null;
}

async function loadAgreementWithParties(db: Executor, id: number) {
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) return null;
  const [agreement] = await db.select().from(monitorAgreements).where(eq(monitorAgreements.id, id));
  if (!agreement) return null;
  const parties = await db
    .select({ organisationId: monitorAgreementParties.organisationId, role: monitorAgreementParties.role })
    .from(monitorAgreementParties)
    .where(eq(monitorAgreementParties.agreementId, id));
  return { agreement, parties };
}

/**
 * A corporatie partner (or the gemeente) gives the stoplicht and explanation of an agreement for the open
 * round. Checked here, not in the route: the agreement must be theirs (trekker or party), whatever id is
 * posted, and the round must be open. A second submit before the gemeente looked replaces the first.
 */
export async function submitUpdate(
  db: Executor,
  viewer: MonitorViewer,
  agreementId: number,
  form: FormData,
): Promise<WriteOutcome> {
  const parsed = parseForm(updateFormSchema, form);
  const found = await loadAgreementWithParties(db, agreementId);
  if (!found) return refused(404, "Deze afspraak bestaat niet.");
  if (!viewer.writer || !mayUpdate(viewer.writer, found.parties))
    return refused(403, "U kunt deze afspraak niet bijwerken: uw organisatie is geen trekker of partij.");
  if (!parsed.ok) return { ok: false, status: 400, errors: parsed.errors, values: parsed.values };
  const round = await loadRound(db, parsed.data.ronde);
  const check = checkRound(round, found.agreement);
  if (!check.ok) return { ok: false, status: 400, errors: { ronde: check.message }, values: parsed.values };
  const writer = viewer.writer;
  const { agreement } = found;
  await db.transaction(async (tx) => {
    const values = {
      agreementId: agreement.id,
      agreementKey: agreement.key,
      year: round!.year,
      tertiaal: round!.tertiaal,
      organisationId: writer.organisationId,
      stoplicht: parsed.data.stoplicht,
      explanation: parsed.data.toelichting,
      authorId: viewer.user.id,
      authorName: viewer.user.name,
    };
    const [row] = await tx
      .insert(monitorUpdates)
      .values(values)
      .onConflictDoUpdate({
        target: [
          monitorUpdates.agreementId,
          monitorUpdates.year,
          monitorUpdates.tertiaal,
          monitorUpdates.organisationId,
        ],
        targetWhere: sql`status = 'ingediend'`,
        set: {
          stoplicht: values.stoplicht,
          explanation: values.explanation,
          authorId: values.authorId,
          authorName: values.authorName,
          createdAt: sql`now()`,
        },
      })
      .returning({ id: monitorUpdates.id });
    await audit(
      tx,
      actorOf(viewer.user),
      auditEntry("monitor_update.submitted", "monitor_update", row!.id, {
        afspraak: agreement.key,
        organisatie: writer.organisationId,
        tertiaal: tertiaalLabel(round!.year, round!.tertiaal),
        stoplicht: stoplichtLabel(parsed.data.stoplicht),
      }),
    );
  });
  return {
    ok: true,
    message: "Uw update is opgeslagen. De gemeente bevestigt hem voordat hij openbaar wordt.",
  };
}

/** A huurdersorganisatie's reaction for the open round; a second one in the same round replaces the first. */
export async function submitReaction(
  db: Executor,
  viewer: MonitorViewer,
  agreementId: number,
  form: FormData,
): Promise<WriteOutcome> {
  const parsed = parseForm(reactionFormSchema, form);
  const found = await loadAgreementWithParties(db, agreementId);
  if (!found) return refused(404, "Deze afspraak bestaat niet.");
  if (!viewer.writer || !mayReact(viewer.writer))
    return refused(403, "Alleen een huurdersorganisatie kan een reactie geven.");
  if (!parsed.ok) return { ok: false, status: 400, errors: parsed.errors, values: parsed.values };
  const round = await loadRound(db, parsed.data.ronde);
  const check = checkRound(round, found.agreement);
  if (!check.ok) return { ok: false, status: 400, errors: { ronde: check.message }, values: parsed.values };
  const writer = viewer.writer;
  const { agreement } = found;
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(monitorReactions)
      .values({
        agreementId: agreement.id,
        agreementKey: agreement.key,
        year: round!.year,
        tertiaal: round!.tertiaal,
        organisationId: writer.organisationId,
        text: parsed.data.reactie,
        authorId: viewer.user.id,
        authorName: viewer.user.name,
      })
      .onConflictDoUpdate({
        target: [
          monitorReactions.agreementId,
          monitorReactions.year,
          monitorReactions.tertiaal,
          monitorReactions.organisationId,
        ],
        set: {
          text: parsed.data.reactie,
          authorId: viewer.user.id,
          authorName: viewer.user.name,
          updatedAt: sql`now()`,
        },
      })
      .returning({ id: monitorReactions.id });
    await audit(
      tx,
      actorOf(viewer.user),
      auditEntry("monitor_reaction.saved", "monitor_reaction", row!.id, {
        afspraak: agreement.key,
        organisatie: writer.organisationId,
        tertiaal: tertiaalLabel(round!.year, round!.tertiaal),
      }),
    );
  });
  return { ok: true, message: "Uw reactie is opgeslagen en staat op de openbare pagina van de afspraak." };
}

/**
 * The gemeente confirms an update (then it is public) or sends it back with a note (the author gets a
 * mail). Only pending updates of this agreement; a second click finds nothing pending and changes nothing.
 */
export async function reviewUpdate(
  db: Executor,
  viewer: MonitorViewer,
  agreementId: number,
  form: FormData,
): Promise<WriteOutcome> {
  if (!viewer.isGemeente) return refused(403, "Alleen de gemeente bevestigt updates.");
  const parsed = parseForm(reviewFormSchema, form);
  if (!parsed.ok) return { ok: false, status: 400, errors: parsed.errors, values: parsed.values };
  const input = parsed.data;
  return db.transaction(async (tx) => {
    const [update] = await tx
      .select()
      .from(monitorUpdates)
      .where(and(eq(monitorUpdates.id, input.update), eq(monitorUpdates.agreementId, agreementId)))
      .for("update");
    if (!update) return refused(404, "Deze update bestaat niet.");
    if (update.status !== "ingediend")
      return {
        ok: false as const,
        status: 400 as const,
        errors: { _form: "Deze update is al bevestigd of teruggestuurd." },
        values: parsed.values,
      };
    const confirm = input.intent === "bevestigen";
    await tx
      .update(monitorUpdates)
      .set({
        status: confirm ? "bevestigd" : "teruggestuurd",
        reviewedBy: viewer.user.id,
        reviewedAt: sql`now()`,
        reviewNote: confirm ? null : input.notitie,
      })
      .where(eq(monitorUpdates.id, update.id));
    if (!confirm && update.authorId) {
      const [author] = await tx
        .select({ email: staffUsers.email, active: staffUsers.active })
        .from(staffUsers)
        .where(eq(staffUsers.id, update.authorId));
      if (author?.active)
        await queueMail(tx, {
          to: author.email,
          kind: "monitor.sent_back",
          subject: `Uw update van ${update.agreementKey} is teruggestuurd`,
          text: [
            "Beste partner,",
            "",
            `De gemeente heeft uw update van prestatieafspraak ${update.agreementKey} (${tertiaalLabel(update.year, update.tertiaal)}) teruggestuurd.`,
            "",
            `Opmerking van de gemeente: ${input.notitie}`,
            "",
            `Pas uw update aan op ${getEnv().APP_URL}/beheer/prestatieafspraken/${update.agreementId}`,
            "",
            "Met vriendelijke groet,",
            "Gemeente Heemstede",
          ].join("\n"),
        });
    }
    await audit(
      tx,
      actorOf(viewer.user),
      auditEntry(
        confirm ? "monitor_update.confirmed" : "monitor_update.sent_back",
        "monitor_update",
        update.id,
        {
          afspraak: update.agreementKey,
          organisatie: update.organisationId,
          tertiaal: tertiaalLabel(update.year, update.tertiaal),
          ...(confirm ? {} : { notitie: input.notitie }),
        },
      ),
    );
    return {
      ok: true as const,
      message: confirm
        ? "De update is bevestigd en staat nu op de openbare pagina."
        : "De update is teruggestuurd naar de partner.",
    };
  });
}

// ---- Rounds ----

/** Partner accounts (active, with an organisation) and what is open for them in a round. */
async function partnersWithOpenWork(db: Executor, round: TertiaalRef & { id: number }) {
  const partners = await db
    .select({
      userId: staffUsers.id,
      email: staffUsers.email,
      name: staffUsers.name,
      organisationId: monitorOrganisations.id,
      organisationName: monitorOrganisations.name,
      kind: monitorOrganisations.kind,
    })
    .from(monitorPartners)
    .innerJoin(staffUsers, eq(staffUsers.id, monitorPartners.userId))
    .innerJoin(monitorOrganisations, eq(monitorOrganisations.id, monitorPartners.organisationId))
    .where(and(eq(staffUsers.active, true), sql`'partner' = any(${staffUsers.roles})`))
    .orderBy(asc(monitorOrganisations.name), asc(staffUsers.email));
  const out: ((typeof partners)[number] & { open: { id: number; key: string; title: string }[] })[] = [];
  const perOrg = new Map<string, { id: number; key: string; title: string }[]>();
  for (const p of partners) {
    let open = perOrg.get(p.organisationId);
    if (!open) {
      open = await openAgreementsFor(
        db,
        { organisationId: p.organisationId, organisationKind: p.kind },
        round,
      );
      perOrg.set(p.organisationId, open);
    }
    out.push({ ...p, open });
  }
  return out;
}

/**
 * What an organisation still has to do in a round: agreements in scope that are not finished, without an
 * update (corporatie, gemeente) or reaction (huurdersorganisatie) of theirs in this round.
 */
export async function openAgreementsFor(db: Executor, writer: Writer, round: TertiaalRef) {
  const order = round.year * 10 + round.tertiaal;
  const scope =
    writer.organisationKind === "huurdersorganisatie"
      ? sql`true`
      : sql`exists (select 1 from monitor_agreement_parties p where p.agreement_id = a.id and p.organisation_id = ${writer.organisationId})`;
  const done =
    writer.organisationKind === "huurdersorganisatie"
      ? sql`exists (select 1 from monitor_reactions r where r.agreement_id = a.id and r.organisation_id = ${writer.organisationId} and r.year = ${round.year} and r.tertiaal = ${round.tertiaal})`
      : sql`exists (select 1 from monitor_updates u where u.agreement_id = a.id and u.organisation_id = ${writer.organisationId} and u.year = ${round.year} and u.tertiaal = ${round.tertiaal} and u.status <> 'teruggestuurd')`;
  const rows = await db.execute<{ id: number; key: string; title: string }>(sql`
    select a.id, a.key, a.title from monitor_agreements a
    where a.first_year <= ${round.year} and a.last_year >= ${round.year} and ${scope} and not ${done}
      and coalesce((select u.stoplicht from monitor_updates u where u.agreement_key = a.key and u.status = 'bevestigd'
            and u.year * 10 + u.tertiaal < ${order} order by u.year desc, u.tertiaal desc, u.id desc limit 1), '') not in ('afgerond', 'vervallen')
    order by a.theme, a.kind, a.position, a.id`);
  return [...rows];
}

function roundMailText(
  kind: "uitnodiging" | "herinnering",
  p: { name: string; organisationName: string; kind: OrganisationKind },
  round: TertiaalRef,
  open: { key: string; title: string }[],
  deadline: string | null,
) {
  const what = p.kind === "huurdersorganisatie" ? "een reactie geven" : "de stand bijwerken";
  const lines = [
    `Beste ${p.name},`,
    "",
    kind === "uitnodiging"
      ? `De ronde van de monitor prestatieafspraken voor ${tertiaalLabel(round.year, round.tertiaal).toLowerCase()} is open. Namens ${p.organisationName} kunt u bij deze afspraken ${what}:`
      : `Herinnering: namens ${p.organisationName} kunt u bij deze afspraken nog ${what} voor ${tertiaalLabel(round.year, round.tertiaal).toLowerCase()}:`,
    "",
    ...open.map((a) => `- ${a.key}: ${a.title}`),
    "",
    deadline ? `Graag uiterlijk ${deadline}.` : "",
    `Log in op ${getEnv().APP_URL}/beheer/prestatieafspraken`,
    "",
    "Met vriendelijke groet,",
    "Gemeente Heemstede",
  ];
  return lines.filter((l, i) => !(l === "" && lines[i - 1] === "")).join("\n");
}

export type RoundOutcome =
  | { ok: true; message: string; roundId?: number }
  | { ok: false; errors: FieldErrors; values: FormValues };

/**
 * Open a tertiaal round: one per year and tertiaal. In the same transaction every partner with open
 * agreements gets one mail (outbox, delivered by the pg-boss outbox job); monitor_round_mails has one row
 * per round, partner and kind, so a partner is mailed exactly once however often this runs.
 */
export async function openRound(db: Executor, user: MonitorUser, form: FormData): Promise<RoundOutcome> {
  const parsed = parseForm(openRoundSchema, form);
  if (!parsed.ok) return { ok: false, errors: parsed.errors, values: parsed.values };
  const { jaar, tertiaal, herinnering } = parsed.data;
  return db.transaction(async (tx) => {
    const [round] = await tx
      .insert(monitorRounds)
      .values({ year: jaar, tertiaal, reminderAfterDays: herinnering, openedBy: user.id })
      .onConflictDoNothing()
      .returning();
    if (!round)
      return {
        ok: false as const,
        errors: { tertiaal: `De ronde voor tertiaal ${tertiaal} van ${jaar} bestaat al.` },
        values: parsed.values,
      };
    const mailed = await mailRound(tx, round, "uitnodiging");
    await audit(
      tx,
      actorOf(user),
      auditEntry("monitor_round.opened", "monitor_round", round.id, {
        tertiaal: tertiaalLabel(jaar, tertiaal),
        herinneringNaDagen: herinnering,
        gemaild: mailed,
      }),
    );
    return {
      ok: true as const,
      roundId: round.id,
      message: `De ronde voor ${tertiaalLabel(jaar, tertiaal).toLowerCase()} is open. ${mailed === 1 ? "1 partner is" : `${mailed} partners zijn`} gemaild.`,
    };
  });
}

async function mailRound(
  tx: Executor,
  round: typeof monitorRounds.$inferSelect,
  kind: "uitnodiging" | "herinnering",
) {
  let mailed = 0;
  for (const p of await partnersWithOpenWork(tx, round)) {
    if (p.open.length === 0) continue;
    const [claimed] = await tx
      .insert(monitorRoundMails)
      .values({ roundId: round.id, userId: p.userId, kind, outboxId: null })
      .onConflictDoNothing()
      .returning({ userId: monitorRoundMails.userId });
    if (!claimed) continue;
    const outboxId = await queueMail(tx, {
      to: p.email,
      kind: `monitor.round_${kind}`,
      subject:
        kind === "uitnodiging"
          ? `Monitor prestatieafspraken: ${tertiaalLabel(round.year, round.tertiaal).toLowerCase()} is open`
          : `Herinnering monitor prestatieafspraken: ${tertiaalLabel(round.year, round.tertiaal).toLowerCase()}`,
      text: roundMailText(kind, p, round, p.open, round.deadline),
    });
    await tx
      .update(monitorRoundMails)
      .set({ outboxId })
      .where(
        and(
          eq(monitorRoundMails.roundId, round.id),
          eq(monitorRoundMails.userId, p.userId),
          eq(monitorRoundMails.kind, kind),
        ),
      );
    mailed++;
  }
  return mailed;
}

/**
 * Send the reminders that are due (run by the pg-boss job monitor-reminders, and safe to run in parallel:
 * the round-mail key lets one transaction claim each partner's reminder).
 */
export async function sendDueReminders(db: Executor, now = new Date()): Promise<number> {
  const open = await db.select().from(monitorRounds).where(eq(monitorRounds.status, "open"));
  let mailed = 0;
  for (const round of open) {
    if (!reminderDue(round, now)) continue;
    mailed += await db.transaction((tx) => mailRound(tx, round, "herinnering"));
  }
  return mailed;
}

/** Close a round: no more updates or reactions for it. */
export async function closeRound(db: Executor, user: MonitorUser, roundId: number): Promise<RoundOutcome> {
  return db.transaction(async (tx) => {
    const [round] = await tx
      .update(monitorRounds)
      .set({ status: "gesloten", closedAt: sql`now()` })
      .where(and(eq(monitorRounds.id, roundId), eq(monitorRounds.status, "open")))
      .returning();
    if (!round)
      return {
        ok: false as const,
        errors: { _form: "Deze ronde is al gesloten of bestaat niet." },
        values: {},
      };
    await audit(
      tx,
      actorOf(user),
      auditEntry("monitor_round.closed", "monitor_round", round.id, {
        tertiaal: tertiaalLabel(round.year, round.tertiaal),
      }),
    );
    return {
      ok: true as const,
      message: `De ronde voor ${tertiaalLabel(round.year, round.tertiaal).toLowerCase()} is gesloten.`,
    };
  });
}

/** Per organisation in a round: how many agreements are still open, and which. */
export async function notUpdatedOverview(db: Executor, round: TertiaalRef) {
  const orgs = await listOrganisations(db);
  const out: {
    organisationId: string;
    name: string;
    kind: OrganisationKind;
    open: { id: number; key: string; title: string }[];
  }[] = [];
  for (const o of orgs) {
    const open = await openAgreementsFor(db, { organisationId: o.id, organisationKind: o.kind }, round);
    out.push({ organisationId: o.id, name: o.name, kind: o.kind, open });
  }
  return out;
}

/**
 * Copy the doorlopende and unfinished jaarafspraken of `year` to `year + 1`, keeping key, parties and (through
 * the key) history. Running it twice copies nothing the second time.
 */
export async function copyToNextYear(db: Executor, user: MonitorUser, year: number): Promise<RoundOutcome> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    return { ok: false, errors: { jaar: "Kies een jaar." }, values: { jaar: String(year) } };
  return db.transaction(async (tx) => {
    const overview = await loadOverview(
      tx,
      { year, tertiaal: 3, theme: null, trekker: null, stoplicht: null, q: "", page: 1 },
      { pageSize: null, organisationOrder: [] },
    );
    const jaarRows = await tx
      .select()
      .from(monitorAgreements)
      .where(and(eq(monitorAgreements.kind, "jaar"), eq(monitorAgreements.lastYear, year)));
    const stoplicht = new Map(overview.rows.map((r) => [r.id, r.stoplicht]));
    const selected = selectForCopy(
      jaarRows.map((a) => ({ ...a, stoplicht: stoplicht.get(a.id) ?? "nog_niet_beoordeeld" })),
      year,
    );
    let copied = 0;
    for (const a of selected) {
      const { id: _id, createdAt: _c, stoplicht: _s, ...rest } = a;
      const [copy] = await tx
        .insert(monitorAgreements)
        .values({ ...rest, firstYear: year + 1, lastYear: year + 1 })
        .onConflictDoNothing()
        .returning({ id: monitorAgreements.id });
      if (!copy) continue;
      const parties = await tx
        .select()
        .from(monitorAgreementParties)
        .where(eq(monitorAgreementParties.agreementId, a.id));
      if (parties.length)
        await tx.insert(monitorAgreementParties).values(parties.map((p) => ({ ...p, agreementId: copy.id })));
      copied++;
    }
    await audit(
      tx,
      actorOf(user),
      auditEntry("monitor_agreements.copied", "monitor_agreement", `${year}`, {
        vanJaar: year,
        naarJaar: year + 1,
        gekopieerd: copied,
        sleutels: selected.map((a) => a.key),
      }),
    );
    return {
      ok: true as const,
      message: `${copied === 1 ? "1 afspraak is" : `${copied} afspraken zijn`} gekopieerd naar ${year + 1}.`,
    };
  });
}

export async function agreementIdsForKeys(db: Executor, keys: string[]) {
  if (keys.length === 0) return [];
  return db
    .select({ id: monitorAgreements.id, key: monitorAgreements.key })
    .from(monitorAgreements)
    .where(inArray(monitorAgreements.key, keys));
}
