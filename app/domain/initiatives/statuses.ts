// Status flow of an initiative (issue 4). Labels are what residents and staff read.
export const STATUSES = [
  { value: "nieuw", label: "Nieuw" },
  { value: "in_behandeling", label: "In behandeling" },
  { value: "planvorming", label: "Planvorming" },
  { value: "vastgesteld", label: "Vastgesteld" },
  { value: "in_uitvoering", label: "In uitvoering" },
  { value: "gerealiseerd", label: "Gerealiseerd" },
  { value: "afgewezen", label: "Afgewezen" },
  { value: "ingetrokken", label: "Ingetrokken" },
] as const;

export type Status = (typeof STATUSES)[number]["value"];
export const statusValues = STATUSES.map((s) => s.value) as [Status, ...Status[]];

/** The statuses as options of a select (staff forms). */
export const statusOptions = (): { value: string; label: string }[] =>
  STATUSES.map((s) => ({ value: s.value, label: s.label }));

/**
 * Statuses a published initiative can have: afgewezen and ingetrokken take it off the map
 * (triage), so the public filter never offers them.
 */
export const PUBLIC_STATUSES: readonly Status[] = STATUSES.map((s) => s.value).filter(
  (s) => s !== "afgewezen" && s !== "ingetrokken",
);

/** The public statuses as options of the filter on /initiatieven. */
export const publicStatusOptions = (): { value: string; label: string }[] =>
  STATUSES.filter((s) => PUBLIC_STATUSES.includes(s.value)).map((s) => ({ value: s.value, label: s.label }));

export function statusLabel(value: string): string {
  return STATUSES.find((s) => s.value === value)?.label ?? value;
}

/** The main line, in order; afgewezen and ingetrokken end it. */
export const STATUS_FLOW: readonly Status[] = [
  "nieuw",
  "in_behandeling",
  "planvorming",
  "vastgesteld",
  "in_uitvoering",
  "gerealiseerd",
];

export const FINAL_STATUSES: readonly Status[] = ["gerealiseerd", "afgewezen", "ingetrokken"];

/** Statuses a civil servant may set from `from`: any other step on the line, or an end; nothing after an end. */
export function allowedNextStatuses(from: Status): Status[] {
  if (FINAL_STATUSES.includes(from)) return [];
  return [...STATUS_FLOW, "afgewezen", "ingetrokken"].filter((s) => s !== from) as Status[];
}

/** Statuses that need a written reason (mailed to the initiator). */
export function statusNeedsReason(to: Status): boolean {
  return to === "afgewezen";
}

/** Plain words for the initiator's timeline. */
export const statusExplanation: Record<Status, string> = {
  nieuw: "Uw idee is binnen. Uw contactpersoon bekijkt het en neemt contact met u op.",
  in_behandeling: "Een medewerker van de gemeente bekijkt uw idee samen met u.",
  planvorming: "U werkt samen met de gemeente het plan verder uit.",
  vastgesteld: "Het college of de gemeenteraad heeft het plan vastgesteld.",
  in_uitvoering: "Het plan wordt uitgevoerd.",
  gerealiseerd: "Het idee is uitgevoerd. Dank u wel!",
  afgewezen: "De gemeente gaat niet verder met dit idee.",
  ingetrokken: "Het idee is ingetrokken.",
};
