// Pure rules for project phases (issue 14). Dates are calendar days ("YYYY-MM-DD") in Europe/Amsterdam.

export interface PhaseDates {
  id: number;
  position: number;
  startsOn: string | null;
  endsOn: string | null;
  pinned: boolean;
}

export type PhaseState = "done" | "current" | "upcoming";

const byPosition = <T extends PhaseDates>(phases: readonly T[]) =>
  [...phases].sort((a, b) => a.position - b.position || a.id - b.id);

/**
 * The current phase: the pinned one if staff pinned one; otherwise the phase furthest along (by
 * position) that has started on or before `today`. A phase that has ended stays current until a later
 * phase starts, so there is always a "u bent hier" once the project has begun. Phases without a start
 * date never become current by date. Null when nothing has started yet.
 */
export function currentPhase<T extends PhaseDates>(phases: readonly T[], today: string): T | null {
  const pinned = phases.find((p) => p.pinned);
  if (pinned) return pinned;
  let current: T | null = null;
  for (const phase of byPosition(phases)) {
    if (phase.startsOn !== null && phase.startsOn <= today) current = phase;
  }
  return current;
}

/** The phase after the current one (the first phase when none is current), or null at the end. */
export function nextPhase<T extends PhaseDates>(phases: readonly T[], today: string): T | null {
  const ordered = byPosition(phases);
  const current = currentPhase(phases, today);
  if (!current) return ordered[0] ?? null;
  const index = ordered.findIndex((p) => p.id === current.id);
  return ordered[index + 1] ?? null;
}

/** Every phase in order, with its state relative to the current phase. */
export function phaseStates<T extends PhaseDates>(
  phases: readonly T[],
  today: string,
): Array<T & { state: PhaseState }> {
  const ordered = byPosition(phases);
  const current = currentPhase(phases, today);
  const currentIndex = current ? ordered.findIndex((p) => p.id === current.id) : -1;
  return ordered.map((p, i) => ({
    ...p,
    state: i < currentIndex ? "done" : i === currentIndex ? "current" : "upcoming",
  }));
}

/** Phases that start after `today` and on or before `today + days` (home page "binnenkort"). */
export function startsWithin(phase: Pick<PhaseDates, "startsOn">, today: string, days: number): boolean {
  if (!phase.startsOn || phase.startsOn <= today) return false;
  return phase.startsOn <= addDays(today, days);
}

/** A calendar day plus a number of days. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
