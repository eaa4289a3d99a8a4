// Tertiaal rounds: open (with exactly-once mails), reminders, close, who has not updated yet, and copying
// the doorlopende and unfinished jaarafspraken to the next year (docs/monitor.md).
import { and, asc, desc, eq, sql } from "drizzle-orm";
import {
  monitorAgreementParties,
  monitorAgreements,
  monitorOrganisations,
  monitorPartners,
  monitorRoundMails,
  monitorRounds,
  staffUsers,
} from "../../../db/schema";
import type { Executor } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { type FieldErrors, type FormValues, parseForm } from "../../lib/forms";
import { queueMail } from "../../lib/mail.server";
import { audit } from "../audit/audit.server";
import { openRoundSchema } from "./forms";
import { loadOverview } from "./public-read.server";
import { reminderDue, selectForCopy, type TertiaalRef, type Writer } from "./rules";
import { refreshCurrentStoplicht } from "./stoplicht.server";
import { actorOf, auditEntry, listOrganisations, type MonitorUser } from "./viewer.server";
import { type OrganisationKind, tertiaalLabel } from "./vocabulary";

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
// ---- Rounds ----

/** Partner accounts (active, with an organisation) and what is open for them in a round. */
async function partnersWithOpenWork(round: TertiaalRef & { id: number }, db: Executor) {
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
        { organisationId: p.organisationId, organisationKind: p.kind },
        round,
        db,
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
export async function openAgreementsFor(writer: Writer, round: TertiaalRef, db: Executor) {
  const order = round.year * 10 + round.tertiaal;
  const scope =
    writer.organisationKind === "tenant_organisation"
      ? sql`true`
      : sql`exists (select 1 from monitor_agreement_parties p where p.agreement_id = a.id and p.organisation_id = ${writer.organisationId})`;
  const done =
    writer.organisationKind === "tenant_organisation"
      ? sql`exists (select 1 from monitor_reactions r where r.agreement_id = a.id and r.organisation_id = ${writer.organisationId} and r.year = ${round.year} and r.tertiaal = ${round.tertiaal})`
      : sql`exists (select 1 from monitor_updates u where u.agreement_id = a.id and u.organisation_id = ${writer.organisationId} and u.year = ${round.year} and u.tertiaal = ${round.tertiaal} and u.status <> 'returned')`;
  const rows = await db.execute<{ id: number; key: string; title: string }>(sql`
    select a.id, a.key, a.title from monitor_agreements a
    where a.first_year <= ${round.year} and a.last_year >= ${round.year} and ${scope} and not ${done}
      and coalesce((select u.stoplicht from monitor_updates u where u.agreement_key = a.key and u.status = 'confirmed'
            and u.year * 10 + u.tertiaal < ${order} order by u.year desc, u.tertiaal desc, u.id desc limit 1), '') not in ('completed', 'lapsed')
    order by a.theme, a.kind, a.position, a.id`);
  return [...rows];
}

function roundMailText(
  kind: "invitation" | "reminder",
  p: { name: string; organisationName: string; kind: OrganisationKind },
  round: TertiaalRef,
  open: { key: string; title: string }[],
  deadline: string | null,
) {
  const what = p.kind === "tenant_organisation" ? "een reactie geven" : "de stand bijwerken";
  const lines = [
    `Beste ${p.name},`,
    "",
    kind === "invitation"
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
export async function openRound(user: MonitorUser, form: FormData, db: Executor): Promise<RoundOutcome> {
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
    const mailed = await mailRound(round, "invitation", tx);
    await audit(
      actorOf(user),
      auditEntry("monitor_round.opened", "monitor_round", round.id, {
        tertiaal: tertiaalLabel(jaar, tertiaal),
        herinneringNaDagen: herinnering,
        gemaild: mailed,
      }),
      tx,
    );
    return {
      ok: true as const,
      roundId: round.id,
      message: `De ronde voor ${tertiaalLabel(jaar, tertiaal).toLowerCase()} is open. ${mailed === 1 ? "1 partner is" : `${mailed} partners zijn`} gemaild.`,
    };
  });
}

async function mailRound(
  round: typeof monitorRounds.$inferSelect,
  kind: "invitation" | "reminder",
  tx: Executor,
) {
  let mailed = 0;
  for (const p of await partnersWithOpenWork(round, tx)) {
    if (p.open.length === 0) continue;
    const [claimed] = await tx
      .insert(monitorRoundMails)
      .values({ roundId: round.id, userId: p.userId, kind, outboxId: null })
      .onConflictDoNothing()
      .returning({ userId: monitorRoundMails.userId });
    if (!claimed) continue;
    const outboxId = await queueMail(
      {
        to: p.email,
        kind: `monitor.round_${kind}`,
        subject:
          kind === "invitation"
            ? `Monitor prestatieafspraken: ${tertiaalLabel(round.year, round.tertiaal).toLowerCase()} is open`
            : `Herinnering monitor prestatieafspraken: ${tertiaalLabel(round.year, round.tertiaal).toLowerCase()}`,
        text: roundMailText(kind, p, round, p.open, round.deadline),
      },
      tx,
    );
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
    mailed += await db.transaction((tx) => mailRound(round, "reminder", tx));
  }
  return mailed;
}

/** Close a round: no more updates or reactions for it. */
export async function closeRound(user: MonitorUser, roundId: number, db: Executor): Promise<RoundOutcome> {
  return db.transaction(async (tx) => {
    const [round] = await tx
      .update(monitorRounds)
      .set({ status: "closed", closedAt: sql`now()` })
      .where(and(eq(monitorRounds.id, roundId), eq(monitorRounds.status, "open")))
      .returning();
    if (!round)
      return {
        ok: false as const,
        errors: { _form: "Deze ronde is al gesloten of bestaat niet." },
        values: {},
      };
    await audit(
      actorOf(user),
      auditEntry("monitor_round.closed", "monitor_round", round.id, {
        tertiaal: tertiaalLabel(round.year, round.tertiaal),
      }),
      tx,
    );
    return {
      ok: true as const,
      message: `De ronde voor ${tertiaalLabel(round.year, round.tertiaal).toLowerCase()} is gesloten.`,
    };
  });
}

/** Per organisation in a round: how many agreements are still open, and which. */
export async function notUpdatedOverview(round: TertiaalRef, db: Executor) {
  const orgs = await listOrganisations(db);
  const out: {
    organisationId: string;
    name: string;
    kind: OrganisationKind;
    open: { id: number; key: string; title: string }[];
  }[] = [];
  for (const o of orgs) {
    const open = await openAgreementsFor({ organisationId: o.id, organisationKind: o.kind }, round, db);
    out.push({ organisationId: o.id, name: o.name, kind: o.kind, open });
  }
  return out;
}

/**
 * Copy the doorlopende and unfinished jaarafspraken of `year` to `year + 1`, keeping key, parties and (through
 * the key) history. Running it twice copies nothing the second time.
 */
export async function copyToNextYear(user: MonitorUser, year: number, db: Executor): Promise<RoundOutcome> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    return { ok: false, errors: { jaar: "Kies een jaar." }, values: { jaar: String(year) } };
  return db.transaction(async (tx) => {
    const overview = await loadOverview(
      { year, tertiaal: 3, theme: null, trekker: null, stoplicht: null, q: "", page: 1 },
      { pageSize: null, organisationOrder: [] },
      tx,
    );
    const jaarRows = await tx
      .select()
      .from(monitorAgreements)
      .where(and(eq(monitorAgreements.kind, "jaar"), eq(monitorAgreements.lastYear, year)));
    const stoplicht = new Map(overview.rows.map((r) => [r.id, r.stoplicht]));
    const selected = selectForCopy(
      jaarRows.map((a) => ({ ...a, stoplicht: stoplicht.get(a.id) ?? "not_assessed" })),
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
    await refreshCurrentStoplicht(
      selected.map((a) => a.key),
      tx,
    );
    await audit(
      actorOf(user),
      auditEntry("monitor_agreements.copied", "monitor_agreement", `${year}`, {
        vanJaar: year,
        naarJaar: year + 1,
        gekopieerd: copied,
        sleutels: selected.map((a) => a.key),
      }),
      tx,
    );
    return {
      ok: true as const,
      message: `${copied === 1 ? "1 afspraak is" : `${copied} afspraken zijn`} gekopieerd naar ${year + 1}.`,
    };
  });
}
