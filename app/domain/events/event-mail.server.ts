// What the mails of a bijeenkomst say about it: its links, when it is, the calendar file, a cancel link.
import { eventCancelTokens, type events } from "../../../db/schema";
import type { Executor } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { createToken, hashToken } from "../../lib/tokens.server";
import { eventIcs } from "./ics";
import type { EventMailFacts } from "./mails";

// Bijeenkomsten: registration with a waiting list, staff management, reminders.
// Every change to registrations of an event locks the event row first (SELECT … FOR UPDATE), so
// concurrent registrations and cancellations are serialised per event: capacity is never exceeded
// and nothing is lost. docs/informed-events.md.

export type EventRow = typeof events.$inferSelect;

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

export function mailFacts(e: EventRow): EventMailFacts {
  return { title: e.title, when: eventWhen(e), address: e.address, url: eventUrls.page(e.id) };
}

export function icsFor(e: EventRow): string {
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

export async function issueCancelLink(registrationId: number, db: Executor): Promise<string> {
  const token = createToken();
  await db.insert(eventCancelTokens).values({ tokenHash: hashToken(token), registrationId });
  return eventUrls.cancel(token);
}
