import { and, asc, desc, eq, gte, inArray, ne, sql } from "drizzle-orm";
import { eventCancelTokens, eventRegistrations, events, projects } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { type FieldErrors, type FormValues, parseForm } from "../../lib/forms";
import { queueMail } from "../../lib/mail.server";
import { createToken, hashToken, looksLikeToken } from "../../lib/tokens.server";
import type { AuditAction } from "../audit/actions";
import { type Actor, audit } from "../audit/audit.server";
import { CSV_BOM, csvRow } from "../insights/csv";
import { EXPIRED } from "../privacy/subject";
import { eventIcs } from "./ics";
import {
  cancelledByYouMail,
  confirmedMail,
  type EventMailFacts,
  eventCancelledMail,
  movedUpMail,
  reminderMail,
  waitingMail,
} from "./mails";
import {
  amsterdamDay,
  capacitySchema,
  capacityTooLow,
  type EventInput,
  eventFormSchema,
  hasAddress,
  placeFor,
  REGISTRATION_ACCESSIBILITY_DAYS,
  REGISTRATION_CANCELLED_DAYS,
  REGISTRATION_DAYS,
  registrationClosedReason,
  registrationSchema,
  waitingListMoves,
} from "./rules";

// Bijeenkomsten: registration with a waiting list, staff management, reminders.
// Every change to registrations of an event locks the event row first (SELECT … FOR UPDATE), so
// concurrent registrations and cancellations are serialised per event: capacity is never exceeded
// and nothing is lost. docs/informed-events.md.

type EventRow = typeof events.$inferSelect;

export const eventUrls = {
  page: (id: number) => `${getEnv().APP_URL}/bijeenkomsten/${id}`,
  cancel: (token: string) => `${getEnv().APP_URL}/bijeenkomsten/afmelden/${token}`,
};

const whenFormat = new Intl.DateTimeFormat("nl-NL", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Amsterdam",
});
const timeFormat = new Intl.DateTimeFormat("nl-NL", {
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Amsterdam",
});

/** "dinsdag 10 maart 2026 om 19:30 tot 21:30 uur". */
export function eventWhen(e: { startsAt: Date; endsAt: Date }): string {
  const start = whenFormat.format(e.startsAt).replace(/ om |, /, " om ");
  return `${start} tot ${timeFormat.format(e.endsAt)} uur`;
}

function mailFacts(e: EventRow): EventMailFacts {
  return { title: e.title, when: eventWhen(e), address: e.address, url: eventUrls.page(e.id) };
}

function icsFor(e: EventRow): string {
  return eventIcs({
    eventId: e.id,
    title: e.title,
    description: e.description,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    address: e.address,
    lat: e.lat,
    lng: e.lng,
    url: eventUrls.page(e.id),
    domain: new URL(getEnv().APP_URL).hostname,
  });
}

async function issueCancelLink(registrationId: number, db: Executor): Promise<string> {
  const token = createToken();
  await db.insert(eventCancelTokens).values({ tokenHash: hashToken(token), registrationId });
  return eventUrls.cancel(token);
}

async function lockEvent(id: number, db: Executor): Promise<EventRow | undefined> {
  const [row] = await db.select().from(events).where(eq(events.id, id)).for("update");
  return row;
}

async function confirmedPeople(eventId: number, db: Executor): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${eventRegistrations.people}), 0)::int` })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, "confirmed")));
  return row?.n ?? 0;
}

/** Move people up from the waiting list into free places (event row locked by the caller). */
async function fillFromWaitingList(e: EventRow, db: Executor): Promise<number> {
  const waiting = (
    await db
      .select()
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, e.id), eq(eventRegistrations.status, "waiting")))
      .orderBy(asc(eventRegistrations.id))
  ).filter((w) => hasAddress(w.email)); // cleared by retention (docs/privacy.md): long over, never moved up
  const moves = waitingListMoves(e.capacity, await confirmedPeople(e.id, db), waiting);
  for (const w of moves) {
    await db
      .update(eventRegistrations)
      .set({ status: "confirmed", promotedAt: new Date() })
      .where(eq(eventRegistrations.id, w.id));
    const link = await issueCancelLink(w.id, db);
    await queueMail({ ...movedUpMail(w.email, w.name, mailFacts(e), link, icsFor(e)) }, db);
  }
  return moves.length;
}

// ---------------------------------------------------------------------------------------------
// Residents

export interface PublicEvent {
  event: EventRow;
  projectTitle: string | null;
  projectSlug: string | null;
  confirmedPeople: number;
  waiting: number;
  placesLeft: number;
}

/** A published or cancelled bijeenkomst for its public page; null when unknown. */
export async function getPublicEvent(id: number, db: Executor): Promise<PublicEvent | null> {
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) return null;
  const [row] = await db
    .select({ event: events, projectTitle: projects.title, projectSlug: projects.slug })
    .from(events)
    .leftJoin(projects, eq(projects.id, events.projectId))
    .where(eq(events.id, id));
  if (!row) return null;
  const [counts] = await db
    .select({
      confirmed: sql<number>`coalesce(sum(people) filter (where status = 'confirmed'), 0)::int`,
      waiting: sql<number>`count(*) filter (where status = 'waiting')::int`,
    })
    .from(eventRegistrations)
    .where(eq(eventRegistrations.eventId, id));
  const confirmed = counts?.confirmed ?? 0;
  return {
    ...row,
    confirmedPeople: confirmed,
    waiting: counts?.waiting ?? 0,
    placesLeft: Math.max(0, row.event.capacity - confirmed),
  };
}

/** Upcoming bijeenkomsten for lists (public: not cancelled). */
export async function listUpcomingEvents(db: Executor, now = new Date(), projectId?: number) {
  return db
    .select({
      id: events.id,
      title: events.title,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      address: events.address,
      isDemo: events.isDemo,
    })
    .from(events)
    .where(
      and(
        eq(events.status, "published"),
        gte(events.endsAt, now),
        projectId ? eq(events.projectId, projectId) : undefined,
      ),
    )
    .orderBy(asc(events.startsAt));
}

export type RegistrationOutcome =
  | { ok: false; errors: FieldErrors; values: FormValues }
  | { ok: true; status: "confirmed" | "waiting"; already: boolean };

/**
 * Register for a bijeenkomst from the public form. The event row is locked for the decision, so
 * 50 registrations at the same instant for 20 places give exactly 20 confirmed. A second
 * registration with the same address (a double submit) stores nothing and answers the same.
 */
export async function register(
  eventId: number,
  form: FormData,
  db: Executor,
  now = new Date(),
): Promise<RegistrationOutcome> {
  const parsed = parseForm(registrationSchema, form);
  if (!parsed.ok) return parsed;
  const input = parsed.data;
  return db.transaction(async (tx) => {
    const e = await lockEvent(eventId, tx);
    if (!e) return { ok: false, errors: { _form: "Deze bijeenkomst bestaat niet." }, values: parsed.values };
    const closed = registrationClosedReason(e, now);
    if (closed) return { ok: false, errors: { _form: closedMessage(closed) }, values: parsed.values };
    const [existing] = await tx
      .select({ status: eventRegistrations.status })
      .from(eventRegistrations)
      .where(
        and(
          eq(eventRegistrations.eventId, e.id),
          eq(eventRegistrations.email, input.email),
          ne(eventRegistrations.status, "cancelled"),
        ),
      );
    if (existing) return { ok: true, status: existing.status as "confirmed" | "waiting", already: true };
    const status = placeFor(e.capacity, await confirmedPeople(e.id, tx), input.people);
    const [row] = await tx
      .insert(eventRegistrations)
      .values({
        eventId: e.id,
        name: input.name,
        email: input.email,
        people: input.people,
        accessibility: input.accessibility ?? null,
        status,
      })
      .returning({ id: eventRegistrations.id });
    const link = await issueCancelLink(row!.id, tx);
    await queueMail(
      status === "confirmed"
        ? confirmedMail(input.email, input.name, mailFacts(e), input.people, link, icsFor(e))
        : waitingMail(input.email, input.name, mailFacts(e), link),
      tx,
    );
    return { ok: true, status, already: false };
  });
}

function closedMessage(reason: NonNullable<ReturnType<typeof registrationClosedReason>>): string {
  return {
    cancelled: "Deze bijeenkomst gaat niet door.",
    past: "Deze bijeenkomst is al geweest.",
    deadline: "Aanmelden kan niet meer: de aanmeldtermijn is voorbij.",
    closed: "Aanmelden is gesloten.",
  }[reason];
}

/** The registration behind a cancel link, for the confirmation page; null when unknown or used. */
export async function registrationByToken(token: string, db: Executor) {
  if (!looksLikeToken(token)) return null;
  const [row] = await db
    .select({
      id: eventRegistrations.id,
      status: eventRegistrations.status,
      people: eventRegistrations.people,
      eventId: events.id,
      title: events.title,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
    })
    .from(eventCancelTokens)
    .innerJoin(eventRegistrations, eq(eventRegistrations.id, eventCancelTokens.registrationId))
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(eq(eventCancelTokens.tokenHash, hashToken(token)));
  return row ?? null;
}

/**
 * Cancel a registration by its link. Idempotent. A confirmed place that comes free goes to the
 * waiting list at once, in the same transaction (with a mail to whoever moves up).
 */
export async function cancelRegistration(
  token: string,
  db: Executor,
): Promise<{ ok: boolean; eventId?: number; movedUp: number }> {
  const found = await registrationByToken(token, db);
  if (!found) return { ok: false, movedUp: 0 };
  return db.transaction(async (tx) => {
    const e = await lockEvent(found.eventId, tx);
    const [reg] = await tx
      .update(eventRegistrations)
      .set({ status: "cancelled", cancelledAt: new Date() })
      .where(and(eq(eventRegistrations.id, found.id), ne(eventRegistrations.status, "cancelled")))
      .returning();
    if (!reg || !e) return { ok: true, eventId: found.eventId, movedUp: 0 };
    await queueMail(cancelledByYouMail(reg.email, reg.name, mailFacts(e)), tx);
    const movedUp =
      e.status === "published" && found.status === "confirmed" ? await fillFromWaitingList(e, tx) : 0;
    return { ok: true, eventId: e.id, movedUp };
  });
}

// ---------------------------------------------------------------------------------------------
// Reminders

/**
 * Queue the reminder for every confirmed registration of bijeenkomsten that take place tomorrow
 * (Amsterdam days). The mark and the mail are written in one transaction, and only unmarked rows
 * are taken, so however often the job runs (or runs in parallel), each person gets one reminder.
 */
export async function queueReminders(db: Executor, now = new Date()): Promise<number> {
  const tomorrow = amsterdamDay(new Date(now.getTime() + 36 * 3_600_000));
  const today = amsterdamDay(now);
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(events)
      .where(
        and(
          eq(events.status, "published"),
          gte(events.startsAt, now),
          sql`(${events.startsAt} at time zone 'Europe/Amsterdam')::date > ${today}::date`,
          sql`(${events.startsAt} at time zone 'Europe/Amsterdam')::date <= ${tomorrow}::date`,
        ),
      );
    let n = 0;
    for (const e of due) {
      const regs = await tx
        .update(eventRegistrations)
        .set({ reminderQueuedAt: now })
        .where(
          and(
            eq(eventRegistrations.eventId, e.id),
            eq(eventRegistrations.status, "confirmed"),
            sql`${eventRegistrations.reminderQueuedAt} is null`,
          ),
        )
        .returning();
      for (const r of regs) {
        const link = await issueCancelLink(r.id, tx);
        await queueMail(reminderMail(r.email, r.name, mailFacts(e), link), tx);
        n++;
      }
    }
    return n;
  });
}

// ---------------------------------------------------------------------------------------------
// Retention (docs/privacy.md)

/**
 * Clear personal data of registrations whose bijeenkomst is long over (rules.ts: REGISTRATION_*): first
 * the accessibility need, later name and e-mail; a registration the person cancelled loses them sooner.
 * Rows stay (people and status keep the counts right); cancel links of cleared rows are deleted. Capacity
 * is not touched, so no event lock is needed. One transaction, audited with the numbers only when
 * something changed; running it again finds nothing.
 */
export async function pruneRegistrations(
  db: Executor,
  now = new Date(),
  days: { accessibility?: number; all?: number; cancelled?: number } = {},
): Promise<{ accessibility: number; anonymised: number }> {
  const older = (n: number) => sql`${now.toISOString()}::timestamptz - make_interval(days => ${n})`;
  // The moment a bijeenkomst is over: its end, or when it was cancelled (if that was earlier).
  const overAt = sql`(case when ${events.status} = 'cancelled'
                          then least(${events.endsAt}, coalesce(${events.cancelledAt}, ${events.endsAt}))
                          else ${events.endsAt} end)`;
  return db.transaction(async (tx) => {
    const accessibility = await tx.execute<{ id: number }>(sql`
      update event_registrations r set accessibility = null
        from events
       where events.id = r.event_id and r.accessibility is not null
         and ${overAt} < ${older(days.accessibility ?? REGISTRATION_ACCESSIBILITY_DAYS)}
      returning r.id`);
    const anonymised = await tx.execute<{ id: number }>(sql`
      update event_registrations r set name = ${EXPIRED}, email = '', accessibility = null
        from events
       where events.id = r.event_id and r.email like '%@%'
         and (${overAt} < ${older(days.all ?? REGISTRATION_DAYS)}
              or (r.status = 'cancelled'
                  and r.cancelled_at < ${older(days.cancelled ?? REGISTRATION_CANCELLED_DAYS)}))
      returning r.id`);
    const ids = anonymised.map((r) => Number(r.id));
    for (let i = 0; i < ids.length; i += 1000)
      await tx
        .delete(eventCancelTokens)
        .where(inArray(eventCancelTokens.registrationId, ids.slice(i, i + 1000)));
    const counts = { accessibility: accessibility.length, anonymised: anonymised.length };
    if (counts.accessibility || counts.anonymised)
      await audit(
        null,
        {
          action: "event_registration.retention_erased",
          entityType: "event_registration",
          details: counts,
        },
        tx,
      );
    return counts;
  });
}

// ---------------------------------------------------------------------------------------------
// Staff

export async function listEventsForStaff(db: Executor) {
  return db
    .select({
      id: events.id,
      title: events.title,
      startsAt: events.startsAt,
      status: events.status,
      capacity: events.capacity,
      registrationOpen: events.registrationOpen,
      isDemo: events.isDemo,
      confirmed: sql<number>`coalesce((select sum(people) from event_registrations r where r.event_id = "events"."id" and r.status = 'confirmed'), 0)::int`,
      waiting: sql<number>`(select count(*) from event_registrations r where r.event_id = "events"."id" and r.status = 'waiting')::int`,
    })
    .from(events)
    .orderBy(desc(events.startsAt));
}

export async function projectOptions(db: Executor) {
  return db.select({ id: projects.id, title: projects.title }).from(projects).orderBy(asc(projects.title));
}

export type EventSaveOutcome =
  | { ok: false; errors: FieldErrors; values: FormValues }
  | { ok: true; id: number };

async function projectExists(id: number | null, db: Executor): Promise<boolean> {
  if (id === null) return true;
  const [row] = await db.select({ id: projects.id }).from(projects).where(eq(projects.id, id));
  return !!row;
}

function eventValues(input: EventInput) {
  return {
    title: input.title,
    description: input.description,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    address: input.address,
    lat: input.lat,
    lng: input.lng,
    capacity: input.capacity,
    registrationDeadline: input.registrationDeadline,
    projectId: input.projectId,
  };
}

/** Create a bijeenkomst (staff form). The form's random key makes a double submit store once. */
export async function createEvent(
  actor: Actor,
  form: FormData,
  db: Executor,
  now = new Date(),
): Promise<EventSaveOutcome> {
  const parsed = parseForm(eventFormSchema(now), form);
  if (!parsed.ok) return parsed;
  const formKey = String(form.get("formKey") ?? "").slice(0, 100) || null;
  return db.transaction(async (tx) => {
    if (!(await projectExists(parsed.data.projectId, tx)))
      return { ok: false, errors: { projectId: "Kies een bestaand project." }, values: parsed.values };
    const [row] = await tx
      .insert(events)
      .values({ ...eventValues(parsed.data), createdBy: actor.id, formKey })
      .onConflictDoNothing({ target: events.formKey })
      .returning({ id: events.id });
    if (!row) {
      const [existing] = await tx.select({ id: events.id }).from(events).where(eq(events.formKey, formKey!));
      return { ok: true, id: existing!.id };
    }
    await audit(
      actor,
      {
        action: "event.created",
        entityType: "event",
        entityId: row.id,
        details: { title: parsed.data.title },
      },
      tx,
    );
    return { ok: true, id: row.id };
  });
}

export type StaffEventIntent = "save" | "close" | "reopen" | "capacity" | "cancel";

export type StaffEventOutcome =
  | { ok: false; intent: StaffEventIntent; errors: FieldErrors; values: FormValues }
  | { ok: true; intent: StaffEventIntent; message: string }
  | { ok: false; intent: StaffEventIntent; notFound: true };

/** Every staff action on one bijeenkomst, by intent: one audited transaction each. */
export async function handleStaffEventPost(
  actor: Actor,
  eventId: number,
  form: FormData,
  db: Executor,
  now = new Date(),
): Promise<StaffEventOutcome> {
  const raw = String(form.get("intent") ?? "save");
  const intent =
    (["save", "close", "reopen", "capacity", "cancel"] as const).find((i) => i === raw) ?? "save";
  const fail = (errors: FieldErrors, values: FormValues) => ({ ok: false as const, intent, errors, values });
  return db.transaction(async (tx): Promise<StaffEventOutcome> => {
    const e = await lockEvent(eventId, tx);
    if (!e) return { ok: false, intent, notFound: true };
    const log = (action: AuditAction, details: Record<string, unknown> = {}) =>
      audit(
        actor,
        {
          action,
          entityType: "event",
          entityId: e.id,
          details: { title: e.title, ...details },
        },
        tx,
      );
    if (e.status === "cancelled")
      return fail({ _form: "Deze bijeenkomst is afgelast. U kunt niets meer veranderen." }, {});
    switch (intent) {
      case "save": {
        // Editing an existing bijeenkomst may keep its start in the past check against now.
        const parsed = parseForm(eventFormSchema(now), form);
        if (!parsed.ok) return fail(parsed.errors, parsed.values);
        if (!(await projectExists(parsed.data.projectId, tx)))
          return fail({ projectId: "Kies een bestaand project." }, parsed.values);
        const confirmed = await confirmedPeople(e.id, tx);
        if (capacityTooLow(parsed.data.capacity, confirmed))
          return fail(
            { capacity: `Er zijn al ${confirmed} personen aangemeld. Kies minstens ${confirmed} plaatsen.` },
            parsed.values,
          );
        const [updated] = await tx
          .update(events)
          .set(eventValues(parsed.data))
          .where(eq(events.id, e.id))
          .returning();
        await log("event.updated");
        const moved = await fillFromWaitingList(updated!, tx);
        return { ok: true, intent, message: movedText("De bijeenkomst is opgeslagen.", moved) };
      }
      case "close":
      case "reopen": {
        await tx
          .update(events)
          .set({ registrationOpen: intent === "reopen" })
          .where(eq(events.id, e.id));
        await log(intent === "close" ? "event.registration_closed" : "event.registration_reopened");
        return {
          ok: true,
          intent,
          message: intent === "close" ? "Aanmelden is gesloten." : "Aanmelden is weer open.",
        };
      }
      case "capacity": {
        const parsed = parseForm(capacitySchema, form);
        if (!parsed.ok) return fail(parsed.errors, parsed.values);
        const confirmed = await confirmedPeople(e.id, tx);
        if (capacityTooLow(parsed.data.capacity, confirmed))
          return fail(
            { capacity: `Er zijn al ${confirmed} personen aangemeld. Kies minstens ${confirmed} plaatsen.` },
            parsed.values,
          );
        const [updated] = await tx
          .update(events)
          .set({ capacity: parsed.data.capacity })
          .where(eq(events.id, e.id))
          .returning();
        await log("event.capacity_changed", { from: e.capacity, to: parsed.data.capacity });
        const moved = await fillFromWaitingList(updated!, tx);
        return {
          ok: true,
          intent,
          message: movedText(`Er zijn nu ${parsed.data.capacity} plaatsen.`, moved),
        };
      }
      case "cancel": {
        if (form.get("confirm") !== "ja")
          return fail(
            { confirm: "Vink aan dat u de bijeenkomst echt wilt afgelasten." },
            {
              reason: String(form.get("reason") ?? ""),
            },
          );
        const reason = String(form.get("reason") ?? "")
          .trim()
          .slice(0, 1000);
        await tx
          .update(events)
          .set({ status: "cancelled", cancelledAt: new Date() })
          .where(eq(events.id, e.id));
        const regs = await tx
          .select()
          .from(eventRegistrations)
          .where(and(eq(eventRegistrations.eventId, e.id), ne(eventRegistrations.status, "cancelled")));
        // Registrations cleared by retention (docs/privacy.md) have no address left to mail.
        const mailed = regs.filter((r) => hasAddress(r.email));
        for (const r of mailed)
          await queueMail(eventCancelledMail(r.email, r.name, mailFacts(e), reason), tx);
        await log("event.cancelled", { mails: mailed.length });
        return {
          ok: true,
          intent,
          message: `De bijeenkomst is afgelast. ${mailed.length} ${mailed.length === 1 ? "persoon kreeg" : "personen kregen"} een e-mail.`,
        };
      }
    }
  });
}

function movedText(base: string, moved: number): string {
  if (moved === 0) return base;
  return `${base} ${moved} ${moved === 1 ? "aanmelding ging" : "aanmeldingen gingen"} van de wachtlijst naar een plaats.`;
}

/** The staff view of one bijeenkomst: the event, its counts and the attendee list. */
export async function staffEvent(id: number, db: Executor) {
  const pub = await getPublicEvent(id, db);
  if (!pub) return null;
  const registrations = await db
    .select({
      id: eventRegistrations.id,
      name: eventRegistrations.name,
      email: eventRegistrations.email,
      people: eventRegistrations.people,
      accessibility: eventRegistrations.accessibility,
      status: eventRegistrations.status,
      createdAt: eventRegistrations.createdAt,
    })
    .from(eventRegistrations)
    .where(
      and(eq(eventRegistrations.eventId, id), inArray(eventRegistrations.status, ["confirmed", "waiting"])),
    )
    .orderBy(asc(eventRegistrations.id));
  // A registration cleared by retention shows no placeholder for an address.
  return { ...pub, registrations: registrations.map((r) => (hasAddress(r.email) ? r : { ...r, email: "" })) };
}

export const registrationStatusLabels = {
  confirmed: "Aangemeld",
  waiting: "Wachtlijst",
  cancelled: "Afgemeld",
};

/** The attendee list as CSV (Dutch Excel, formula-safe), audited as a download of personal data. */
export async function attendeesCsv(actor: Actor, id: number, db: Executor): Promise<string | null> {
  return db.transaction(async (tx) => {
    const data = await staffEvent(id, tx);
    if (!data) return null;
    await audit(
      actor,
      {
        action: "event.attendees_exported",
        entityType: "event",
        entityId: id,
        details: { title: data.event.title, rows: data.registrations.length },
      },
      tx,
    );
    let out =
      CSV_BOM +
      csvRow(["Naam", "E-mailadres", "Aantal personen", "Toegankelijkheid", "Status", "Aangemeld op"]);
    for (const r of data.registrations)
      out += csvRow([
        r.name,
        r.email,
        r.people,
        r.accessibility ?? "",
        registrationStatusLabels[r.status],
        amsterdamDay(r.createdAt),
      ]);
    return out;
  });
}

// ---------------------------------------------------------------------------------------------
// Entry points for routes (routes never touch the database themselves).

export const eventPages = {
  publicEvent: (id: number) => getPublicEvent(id, getDb()),
  upcoming: () => listUpcomingEvents(getDb()),
  register: (id: number, form: FormData) => register(id, form, getDb()),
  registrationByToken: (token: string) => registrationByToken(token, getDb()),
  cancel: (token: string) => cancelRegistration(token, getDb()),
  staffList: () => listEventsForStaff(getDb()),
  staffEvent: (id: number) => staffEvent(id, getDb()),
  projectOptions: () => projectOptions(getDb()),
  create: (actor: Actor, form: FormData) => createEvent(actor, form, getDb()),
  staffPost: (actor: Actor, id: number, form: FormData) => handleStaffEventPost(actor, id, form, getDb()),
  attendeesCsv: (actor: Actor, id: number) => attendeesCsv(actor, id, getDb()),
};

/** A positive int4 id from a route parameter, or null. */
export function eventIdParam(value: string | undefined): number | null {
  if (!value || !/^\d{1,9}$/.test(value)) return null;
  const n = Number(value);
  return n > 0 ? n : null;
}
