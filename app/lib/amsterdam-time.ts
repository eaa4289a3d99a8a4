// Wall-clock time in Heemstede (Europe/Amsterdam, CET/CEST) and instants. Staff type dates and times
// in datetime-local and date fields as the clock on the wall shows them; the database stores instants.
// One implementation for every context (surveys, events, consultation, news, panel, projects, audit),
// so a time typed on one form means the same instant everywhere, also on the days summer time starts
// and ends.

export const TIME_ZONE = "Europe/Amsterdam";

const wallClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** Amsterdam's offset from UTC at an instant, in milliseconds (one or two hours). */
export function amsterdamOffsetMs(at: Date): number {
  const parts = Object.fromEntries(wallClock.formatToParts(at).map((p) => [p.type, p.value]));
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
  );
  return wall - Math.floor(at.getTime() / 60_000) * 60_000;
}

/** An instant as Amsterdam wall-clock time, "YYYY-MM-DDTHH:MM" (the value of a datetime-local field). */
export function instantToAmsterdamLocal(at: Date): string {
  return new Date(at.getTime() + amsterdamOffsetMs(at)).toISOString().slice(0, 16);
}

/** The calendar day of an instant in Amsterdam, "YYYY-MM-DD" (today when no instant is given). */
export function amsterdamDay(at: Date = new Date()): string {
  return instantToAmsterdamLocal(at).slice(0, 10);
}

/**
 * The instant of an Amsterdam wall-clock time ("2026-03-10T19:30"), or null when it is no date and
 * time that exists: not in that form, a day such as 30 February, or a time in the hour skipped when
 * summer time starts. In the hour that happens twice when summer time ends, the later one (winter time).
 */
export function amsterdamToInstant(local: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
  if (!m) return null;
  const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(guess)) return null;
  // Two passes: the offset at the guessed instant, then at the corrected one (summer time edges).
  let instant = guess - amsterdamOffsetMs(new Date(guess));
  instant = guess - amsterdamOffsetMs(new Date(instant));
  const result = new Date(instant);
  return instantToAmsterdamLocal(result) === local.trim() ? result : null;
}

/** Midnight at the start of a calendar day ("YYYY-MM-DD") in Amsterdam, as an instant. */
export function amsterdamMidnight(isoDay: string): Date {
  const at = amsterdamToInstant(`${isoDay}T00:00`);
  if (!at) throw new RangeError(`not a calendar day: ${isoDay}`);
  return at;
}
