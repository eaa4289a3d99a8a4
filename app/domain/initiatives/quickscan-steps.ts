// The steps of the quickscan: their order (the location page only for some kinds), titles, fields and
// URLs. Pure.

/**
 * The steps in order. One topic per step, so that a phone screen holds one (GOV.UK "one thing per
 * page"): where the idea is (the kind, then only the fields of that kind), who takes part, what
 * changes for others, public space and rules, the initiator's contribution, contact details, and a
 * last page to check every answer before sending.
 */
export const STEPS = [
  "idee",
  "waar",
  "plek",
  "wie",
  "gevolgen",
  "regels",
  "bijdrage",
  "gegevens",
  "controleren",
] as const;

export type StepId = (typeof STEPS)[number];

/** Steps whose answers are checked (all but the last page). */
export const ANSWER_STEPS = STEPS.filter((s) => s !== "controleren") as Exclude<StepId, "controleren">[];

export const MULTI_FIELDS = ["parties", "contribution"] as const;

const plekTitles: Record<string, string> = {
  address: "Op welk adres of in welke straat?",
  point: "Waar is het op de kaart?",
  wijk: "In welke wijk?",
};

/** The page title of a step; the location page is named after the chosen kind. */
export function stepTitle(step: StepId, values: { locationKind?: unknown } = {}): string {
  switch (step) {
    case "idee":
      return "Uw idee";
    case "waar":
      return "Waar is uw idee?";
    case "plek":
      return plekTitles[String(values.locationKind)] ?? "Waar is uw idee precies?";
    case "wie":
      return "Wie doen er mee?";
    case "gevolgen":
      return "Wat verandert er voor anderen?";
    case "regels":
      return "Openbare ruimte, vergunning en regels";
    case "bijdrage":
      return "Wat draagt u bij en wanneer?";
    case "gegevens":
      return "Uw gegevens";
    case "controleren":
      return "Controleer uw antwoorden";
  }
}

export function isStep(value: unknown): value is StepId {
  return typeof value === "string" && (STEPS as readonly string[]).includes(value);
}

/** The steps this resident goes through: "all of Heemstede" needs no location page. */
export function stepsFor(values: { locationKind?: unknown }): StepId[] {
  return values.locationKind === "whole_town" ? STEPS.filter((s) => s !== "plek") : [...STEPS];
}

/**
 * "Stap 3 van 8". The total never changes on the way: "waar" and "plek" are one step ("Waar is uw
 * idee?") on two pages and share a number, so a resident who chooses "heel Heemstede" (no location
 * page) sees the same total as everyone else.
 */
export const NUMBERED_STEPS = STEPS.filter((s) => s !== "plek");

export function stepPosition(step: StepId) {
  const i = NUMBERED_STEPS.indexOf(step === "plek" ? "waar" : step);
  return { number: i + 1, total: NUMBERED_STEPS.length };
}

/**
 * Where "Volgende" goes after a valid step. Coming from the check page ("Wijzig"), back to it,
 * unless a new location kind needs its location page first.
 */
export function nextStep(step: StepId, values: { locationKind?: unknown }, fromCheck = false): StepId {
  const steps = stepsFor(values);
  if (fromCheck) return step === "waar" && steps.includes("plek") ? "plek" : "controleren";
  const i = steps.indexOf(step);
  return steps[Math.min(i + 1, steps.length - 1)] ?? "controleren";
}

/** The URL of a step; `fromCheck` when the resident came from the check page to change an answer. */
export function stepUrl(step: StepId, fromCheck = false): string {
  return `/idee/nieuw?stap=${step}${fromCheck && step !== "controleren" ? "&wijzig=1" : ""}`;
}

/** Where "Vorige" goes. */
export function previousStep(step: StepId, values: { locationKind?: unknown }): StepId {
  const steps = stepsFor(values);
  const i = steps.indexOf(step);
  return i <= 0 ? "idee" : steps[i - 1]!;
}
