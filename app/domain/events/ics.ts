import { createEvent } from "ics";

// The calendar file sent with a confirmation (.ics, RFC 5545), made with the `ics` package.
// Times are written in UTC, so every calendar shows them in its own time zone correctly.

export interface IcsInput {
  eventId: number;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  address: string;
  lat: number | null;
  lng: number | null;
  url: string;
  domain: string;
  /** A cancelled bijeenkomst: the same UID with STATUS:CANCELLED removes it from calendars. */
  cancelled?: boolean;
  sequence?: number;
}

export function eventIcs(input: IcsInput): string {
  const { error, value } = createEvent({
    uid: `bijeenkomst-${input.eventId}@${input.domain}`,
    productId: "-//Gemeente Heemstede//Wij maken Heemstede//NL",
    method: input.cancelled ? "CANCEL" : "PUBLISH",
    title: input.title,
    description: `${input.description}\n\n${input.url}`,
    location: input.address,
    ...(input.lat !== null && input.lng !== null ? { geo: { lat: input.lat, lon: input.lng } } : {}),
    url: input.url,
    start: input.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: input.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    status: input.cancelled ? "CANCELLED" : "CONFIRMED",
    sequence: input.sequence ?? 0,
  });
  if (error || !value) throw error ?? new Error("ics: no value");
  return value;
}
