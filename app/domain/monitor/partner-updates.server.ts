// Partner updates: what a partner may update and has written in a round, the update (corporatie, gemeente),
// the reaction (huurdersorganisatie) and the gemeente's confirm / send back. Every write is audited in its
// own transaction; scoping is checked here, whatever id is posted (docs/monitor.md).
import { and, asc, eq, sql } from "drizzle-orm";
import {
  monitorAgreementParties,
  monitorAgreements,
  monitorOrganisations,
  monitorReactions,
  monitorRounds,
  monitorUpdates,
  staffUsers,
} from "../../../db/schema";
import type { Executor } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { type FieldErrors, type FormResult, type FormValues, parseForm } from "../../lib/forms";
import { queueMail } from "../../lib/mail.server";
import { audit } from "../audit/audit.server";
import { reactionFormSchema, reviewFormSchema, updateFormSchema } from "./forms";
import { checkRound, mayReact, mayUpdate, type PartyLike, type TertiaalRef, type Writer } from "./rules";
import { refreshCurrentStoplicht } from "./stoplicht.server";
import { actorOf, auditEntry, type MonitorViewer } from "./viewer.server";
import { stoplichtLabel, tertiaalLabel, type UpdateStatus } from "./vocabulary";

/** The agreements a writer may update (corporatie, gemeente) in a year, or all of the year (huurdersorganisatie). */
export async function agreementsInScope(writer: Writer, year: number, db: Executor) {
  const inYear = and(
    sql`${monitorAgreements.firstYear} <= ${year}`,
    sql`${monitorAgreements.lastYear} >= ${year}`,
  );
  const scoped =
    writer.organisationKind === "tenant_organisation"
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
export async function roundWork(organisationId: string, round: TertiaalRef, db: Executor) {
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
    .where(eq(monitorUpdates.status, "submitted"))
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

async function loadRound(id: number, db: Executor) {
  const [round] = await db.select().from(monitorRounds).where(eq(monitorRounds.id, id));
  return round ?? null;
}

async function loadAgreementWithParties(id: number, db: Executor) {
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) return null;
  const [agreement] = await db.select().from(monitorAgreements).where(eq(monitorAgreements.id, id));
  if (!agreement) return null;
  const parties = await db
    .select({ organisationId: monitorAgreementParties.organisationId, role: monitorAgreementParties.role })
    .from(monitorAgreementParties)
    .where(eq(monitorAgreementParties.agreementId, id));
  return { agreement, parties };
}

/** Whose write for which agreement and round: the key of an update or reaction row (one per round). */
interface RoundWriteKey extends TertiaalRef {
  agreementId: number;
  agreementKey: string;
  organisationId: string;
}

/**
 * What an update and a reaction check first, in this order: the agreement exists (404), the viewer may write
 * on it (403, with `refusal`), the form is valid (400) and the round it names is open for the agreement (400).
 */
async function checkRoundWrite<T extends { ronde: number }>(
  viewer: MonitorViewer,
  agreementId: number,
  parsed: FormResult<T>,
  may: (writer: Writer, parties: readonly PartyLike[]) => boolean,
  refusal: string,
  db: Executor,
): Promise<{ ok: false; outcome: WriteOutcome } | { ok: true; key: RoundWriteKey; data: T }> {
  const found = await loadAgreementWithParties(agreementId, db);
  if (!found) return { ok: false, outcome: refused(404, "Deze afspraak bestaat niet.") };
  if (!viewer.writer || !may(viewer.writer, found.parties))
    return { ok: false, outcome: refused(403, refusal) };
  if (!parsed.ok)
    return { ok: false, outcome: { ok: false, status: 400, errors: parsed.errors, values: parsed.values } };
  const round = await loadRound(parsed.data.ronde, db);
  const check = checkRound(round, found.agreement);
  if (!check.ok)
    return {
      ok: false,
      outcome: { ok: false, status: 400, errors: { ronde: check.message }, values: parsed.values },
    };
  const key = {
    agreementId: found.agreement.id,
    agreementKey: found.agreement.key,
    year: round!.year,
    tertiaal: round!.tertiaal,
    organisationId: viewer.writer.organisationId,
  };
  return { ok: true, key, data: parsed.data };
}

/** The audit details every update and reaction line has: which agreement, which organisation, which round. */
function roundDetails(key: Omit<RoundWriteKey, "agreementId">) {
  return {
    afspraak: key.agreementKey,
    organisatie: key.organisationId,
    tertiaal: tertiaalLabel(key.year, key.tertiaal),
  };
}

/**
 * A corporatie partner (or the gemeente) gives the stoplicht and explanation of an agreement for the open
 * round. Checked here, not in the route: the agreement must be theirs (trekker or party), whatever id is
 * posted, and the round must be open. A second submit before the gemeente looked replaces the first.
 */
export async function submitUpdate(
  viewer: MonitorViewer,
  agreementId: number,
  form: FormData,
  db: Executor,
): Promise<WriteOutcome> {
  const checked = await checkRoundWrite(
    viewer,
    agreementId,
    parseForm(updateFormSchema, form),
    mayUpdate,
    "U kunt deze afspraak niet bijwerken: uw organisatie is geen trekker of partij.",
    db,
  );
  if (!checked.ok) return checked.outcome;
  const { key, data } = checked;
  await db.transaction(async (tx) => {
    const values = {
      ...key,
      stoplicht: data.stoplicht,
      explanation: data.toelichting,
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
        targetWhere: sql`status = 'submitted'`,
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
      actorOf(viewer.user),
      auditEntry("monitor_update.submitted", "monitor_update", row!.id, {
        ...roundDetails(key),
        stoplicht: stoplichtLabel(data.stoplicht),
      }),
      tx,
    );
  });
  return {
    ok: true,
    message: "Uw update is opgeslagen. De gemeente bevestigt hem voordat hij openbaar wordt.",
  };
}

/** A huurdersorganisatie's reaction for the open round; a second one in the same round replaces the first. */
export async function submitReaction(
  viewer: MonitorViewer,
  agreementId: number,
  form: FormData,
  db: Executor,
): Promise<WriteOutcome> {
  const checked = await checkRoundWrite(
    viewer,
    agreementId,
    parseForm(reactionFormSchema, form),
    mayReact,
    "Alleen een huurdersorganisatie kan een reactie geven.",
    db,
  );
  if (!checked.ok) return checked.outcome;
  const { key, data } = checked;
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(monitorReactions)
      .values({
        ...key,
        text: data.reactie,
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
          text: data.reactie,
          authorId: viewer.user.id,
          authorName: viewer.user.name,
          updatedAt: sql`now()`,
        },
      })
      .returning({ id: monitorReactions.id });
    await audit(
      actorOf(viewer.user),
      auditEntry("monitor_reaction.saved", "monitor_reaction", row!.id, roundDetails(key)),
      tx,
    );
  });
  return { ok: true, message: "Uw reactie is opgeslagen en staat op de openbare pagina van de afspraak." };
}

/**
 * The gemeente confirms an update (then it is public) or sends it back with a note (the author gets a
 * mail). Only pending updates of this agreement; a second click finds nothing pending and changes nothing.
 */
export async function reviewUpdate(
  viewer: MonitorViewer,
  agreementId: number,
  form: FormData,
  db: Executor,
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
    if (update.status !== "submitted")
      return {
        ok: false as const,
        status: 400 as const,
        errors: { _form: "Deze update is al bevestigd of teruggestuurd." },
        values: parsed.values,
      };
    const confirm = input.intent === "confirm";
    await tx
      .update(monitorUpdates)
      .set({
        status: confirm ? "confirmed" : "returned",
        reviewedBy: viewer.user.id,
        reviewedAt: sql`now()`,
        reviewNote: confirm ? null : input.notitie,
      })
      .where(eq(monitorUpdates.id, update.id));
    if (confirm) await refreshCurrentStoplicht([update.agreementKey], tx);
    if (!confirm && update.authorId) {
      const [author] = await tx
        .select({ email: staffUsers.email, active: staffUsers.active })
        .from(staffUsers)
        .where(eq(staffUsers.id, update.authorId));
      if (author?.active)
        await queueMail(
          {
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
          },
          tx,
        );
    }
    await audit(
      actorOf(viewer.user),
      auditEntry(
        confirm ? "monitor_update.confirmed" : "monitor_update.sent_back",
        "monitor_update",
        update.id,
        {
          ...roundDetails(update),
          ...(confirm ? {} : { notitie: input.notitie }),
        },
      ),
      tx,
    );
    return {
      ok: true as const,
      message: confirm
        ? "De update is bevestigd en staat nu op de openbare pagina."
        : "De update is teruggestuurd naar de partner.",
    };
  });
}
