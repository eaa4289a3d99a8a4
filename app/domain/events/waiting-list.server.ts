// Places of a bijeenkomst. Every change to registrations of an event locks the event row first (SELECT …
// FOR UPDATE), so concurrent registrations and cancellations are serialised per event: capacity is never
// exceeded and nothing is lost. docs/informed-events.md.
import { and, asc, eq, sql } from "drizzle-orm";
import { eventRegistrations, events } from "../../../db/schema";
import type { Executor } from "../../lib/db.server";
import { queueMail } from "../../lib/mail.server";
import { type EventRow, icsFor, issueCancelLink, mailFacts } from "./event-mail.server";
import { movedUpMail } from "./mails";
import { hasAddress, waitingListMoves } from "./rules";

export async function lockEvent(id: number, db: Executor): Promise<EventRow | undefined> {
  const [row] = await db.select().from(events).where(eq(events.id, id)).for("update");
  return row;
}

export async function confirmedPeople(eventId: number, db: Executor): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${eventRegistrations.people}), 0)::int` })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, "confirmed")));
  return row?.n ?? 0;
}

/** Move people up from the waiting list into free places (event row locked by the caller). */
export async function fillFromWaitingList(e: EventRow, db: Executor): Promise<number> {
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
