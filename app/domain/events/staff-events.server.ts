// Staff and bijeenkomsten: the list, creating one, every change to one by intent, the attendee list and its
// CSV. docs/informed-events.md.
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { eventRegistrations, events, projects } from "../../../db/schema";
import { amsterdamDay } from "../../lib/amsterdam-time";
import type { Executor } from "../../lib/db.server";
import { type FieldErrors, type FormValues, parseForm } from "../../lib/forms";
import { queueMail } from "../../lib/mail.server";
import type { AuditAction } from "../audit/actions";
import { type Actor, audit } from "../audit/audit.server";
import { CSV_BOM, csvRow } from "../insights/csv";
import { type EventRow, mailFacts } from "./event-mail.server";
import { eventCancelledMail } from "./mails";
import { getPublicEvent } from "./registration.server";
import { capacitySchema, capacityTooLow, type EventInput, eventFormSchema, hasAddress } from "./rules";
import { confirmedPeople, fillFromWaitingList, lockEvent } from "./waiting-list.server";

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

/** What each staff action on one bijeenkomst gets: the locked event, the form, its transaction, an audit line. */
interface StaffEventStep {
  intent: StaffEventIntent;
  e: EventRow;
  form: FormData;
  tx: Executor;
  now: Date;
  log: (action: AuditAction, details?: Record<string, unknown>) => ReturnType<typeof audit>;
  fail: (errors: FieldErrors, values: FormValues) => StaffEventOutcome;
}

/** The error for a number of places below the people already registered, or null. */
async function capacityBelowRegistered(
  eventId: number,
  capacity: number,
  tx: Executor,
): Promise<FieldErrors | null> {
  const confirmed = await confirmedPeople(eventId, tx);
  if (!capacityTooLow(capacity, confirmed)) return null;
  return { capacity: `Er zijn al ${confirmed} personen aangemeld. Kies minstens ${confirmed} plaatsen.` };
}

/** intent=save: the edited bijeenkomst; places that came free go to the waiting list. */
async function saveEvent({
  intent,
  e,
  form,
  tx,
  now,
  log,
  fail,
}: StaffEventStep): Promise<StaffEventOutcome> {
  // Editing an existing bijeenkomst may keep its start in the past check against now.
  const parsed = parseForm(eventFormSchema(now), form);
  if (!parsed.ok) return fail(parsed.errors, parsed.values);
  if (!(await projectExists(parsed.data.projectId, tx)))
    return fail({ projectId: "Kies een bestaand project." }, parsed.values);
  const tooLow = await capacityBelowRegistered(e.id, parsed.data.capacity, tx);
  if (tooLow) return fail(tooLow, parsed.values);
  const [updated] = await tx
    .update(events)
    .set(eventValues(parsed.data))
    .where(eq(events.id, e.id))
    .returning();
  await log("event.updated");
  const moved = await fillFromWaitingList(updated!, tx);
  return { ok: true, intent, message: movedText("De bijeenkomst is opgeslagen.", moved) };
}

/** intent=close or reopen: registration closed or open again. */
async function openOrCloseRegistration({ intent, e, tx, log }: StaffEventStep): Promise<StaffEventOutcome> {
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

/** intent=capacity: a new number of places, never below the people registered. */
async function changeCapacity({
  intent,
  e,
  form,
  tx,
  log,
  fail,
}: StaffEventStep): Promise<StaffEventOutcome> {
  const parsed = parseForm(capacitySchema, form);
  if (!parsed.ok) return fail(parsed.errors, parsed.values);
  const tooLow = await capacityBelowRegistered(e.id, parsed.data.capacity, tx);
  if (tooLow) return fail(tooLow, parsed.values);
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

/** intent=cancel: the bijeenkomst is called off and everyone registered gets a mail. */
async function cancelEvent({ intent, e, form, tx, log, fail }: StaffEventStep): Promise<StaffEventOutcome> {
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
  await tx.update(events).set({ status: "cancelled", cancelledAt: new Date() }).where(eq(events.id, e.id));
  const regs = await tx
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, e.id), ne(eventRegistrations.status, "cancelled")));
  // Registrations cleared by retention (docs/privacy.md) have no address left to mail.
  const mailed = regs.filter((r) => hasAddress(r.email));
  for (const r of mailed) await queueMail(eventCancelledMail(r.email, r.name, mailFacts(e), reason), tx);
  await log("event.cancelled", { mails: mailed.length });
  return {
    ok: true,
    intent,
    message: `De bijeenkomst is afgelast. ${mailed.length} ${mailed.length === 1 ? "persoon kreeg" : "personen kregen"} een e-mail.`,
  };
}

const staffEventSteps: Record<StaffEventIntent, (step: StaffEventStep) => Promise<StaffEventOutcome>> = {
  save: saveEvent,
  close: openOrCloseRegistration,
  reopen: openOrCloseRegistration,
  capacity: changeCapacity,
  cancel: cancelEvent,
};

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
    return staffEventSteps[intent]({ intent, e, form, tx, now, log, fail });
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
