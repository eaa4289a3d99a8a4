// Status flow of an initiative (issue 4). Labels are what residents and staff read.
export const STATUSES = [
  { value: "new", label: "Nieuw" },
  { value: "in_review", label: "In behandeling" },
  { value: "planning", label: "Planvorming" },
  { value: "adopted", label: "Vastgesteld" },
  { value: "in_execution", label: "In uitvoering" },
  { value: "realised", label: "Gerealiseerd" },
  { value: "rejected", label: "Afgewezen" },
  { value: "withdrawn", label: "Ingetrokken" },
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
  (s) => s !== "rejected" && s !== "withdrawn",
);

/** The public statuses as options of the filter on /initiatieven (the URL carries the Dutch word). */
export const publicStatusOptions = (): { value: string; label: string }[] =>
  STATUSES.filter((s) => PUBLIC_STATUSES.includes(s.value)).map((s) => ({
    value: statusWords[s.value],
    label: s.label,
  }));

/**
 * The Dutch word of each status where people type or share it: the status column of the CSV import
 * (/beheer/kaart/import) and the status filter in the URL of /initiatieven. They are also the codes
 * stored before migration 0012.
 */
export const statusWords: Record<Status, string> = {
  new: "nieuw",
  in_review: "in_behandeling",
  planning: "planvorming",
  adopted: "vastgesteld",
  in_execution: "in_uitvoering",
  realised: "gerealiseerd",
  rejected: "afgewezen",
  withdrawn: "ingetrokken",
};

/** The status a Dutch word stands for (the English code itself is accepted too). */
export function statusFromWord(word: string): Status | undefined {
  const w = word.trim().toLowerCase();
  return statusValues.find((s) => s === w || statusWords[s] === w);
}

export function statusLabel(value: string): string {
  return STATUSES.find((s) => s.value === value)?.label ?? value;
}

/** The main line, in order; afgewezen and ingetrokken end it. */
export const STATUS_FLOW: readonly Status[] = [
  "new",
  "in_review",
  "planning",
  "adopted",
  "in_execution",
  "realised",
];

export const FINAL_STATUSES: readonly Status[] = ["realised", "rejected", "withdrawn"];

/** Statuses a civil servant may set from `from`: any other step on the line, or an end; nothing after an end. */
export function allowedNextStatuses(from: Status): Status[] {
  if (FINAL_STATUSES.includes(from)) return [];
  return [...STATUS_FLOW, "rejected", "withdrawn"].filter((s) => s !== from) as Status[];
}

/** Statuses that need a written reason (mailed to the initiator). */
export function statusNeedsReason(to: Status): boolean {
  return to === "rejected";
}

/** Plain words for the initiator's timeline. */
export const statusExplanation: Record<Status, string> = {
  new: "Uw idee is binnen. Uw contactpersoon bekijkt het en neemt contact met u op.",
  in_review: "Een medewerker van de gemeente bekijkt uw idee samen met u.",
  planning: "U werkt samen met de gemeente het plan verder uit.",
  adopted: "Het college of de gemeenteraad heeft het plan vastgesteld.",
  in_execution: "Het plan wordt uitgevoerd.",
  realised: "Het idee is uitgevoerd. Dank u wel!",
  rejected: "De gemeente gaat niet verder met dit idee.",
  withdrawn: "Het idee is ingetrokken.",
};
