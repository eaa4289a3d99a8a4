// Residents and bijeenkomsten: the public page and list, registering (with a waiting list) and cancelling by
// the link in the mail. docs/informed-events.md.
import { and, asc, eq, gte, ne, sql } from "drizzle-orm";
import { eventCancelTokens, eventRegistrations, events, projects } from "../../../db/schema";
import type { Executor } from "../../lib/db.server";
import { type FieldErrors, type FormValues, parseForm } from "../../lib/forms";
import { queueMail } from "../../lib/mail.server";
import { hashToken, looksLikeToken } from "../../lib/tokens.server";
import { type EventRow, icsFor, issueCancelLink, mailFacts } from "./event-mail.server";
import { cancelledByYouMail, confirmedMail, waitingMail } from "./mails";
import { placeFor, registrationClosedReason, registrationSchema } from "./rules";
import { confirmedPeople, fillFromWaitingList, lockEvent } from "./waiting-list.server";

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
