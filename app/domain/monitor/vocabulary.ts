// The closed vocabulary of the prestatieafspraken monitor, each value with one Dutch label (B1).
// Imports nothing at run time, so pages can use it without pulling in server code.
import type {
  agreementKinds,
  organisationKinds,
  prioriteiten,
  stoplichten,
  updateStatuses,
} from "../../../db/schema/monitor";
import type { AuditAction } from "../audit/actions";

export type Stoplicht = (typeof stoplichten)[number];
export type Prioriteit = (typeof prioriteiten)[number];
export type AgreementKind = (typeof agreementKinds)[number];
export type OrganisationKind = (typeof organisationKinds)[number];
export type UpdateStatus = (typeof updateStatuses)[number];

/** In the order residents read them: done and on track first, not yet assessed last. */
export const STOPLICHTEN = [
  "green",
  "yellow",
  "red",
  "completed",
  "lapsed",
  "not_assessed",
] as const satisfies readonly Stoplicht[];

/**
 * Label, meaning (from the 2024 monitor: groen = op schema/gedaan, geel = vereist actie, rood = loopt achter)
 * and a shape per stoplicht, so colour is never the only signal (WCAG 1.4.1).
 */
export const stoplichtInfo: Record<Stoplicht, { label: string; meaning: string; shape: StoplichtShape }> = {
  green: { label: "Groen", meaning: "Op schema of gedaan", shape: "circle" },
  yellow: { label: "Geel", meaning: "Er is actie nodig", shape: "triangle" },
  red: { label: "Rood", meaning: "Loopt achter of nog geen actie", shape: "square" },
  completed: { label: "Afgerond", meaning: "De afspraak is helemaal uitgevoerd", shape: "check" },
  lapsed: { label: "Vervallen", meaning: "De afspraak geldt niet meer", shape: "cross" },
  not_assessed: {
    label: "Nog niet beoordeeld",
    meaning: "Er is nog geen bevestigde stand",
    shape: "dash",
  },
};
export type StoplichtShape = "circle" | "triangle" | "square" | "check" | "cross" | "dash";

/**
 * The Dutch word of each stoplicht where people read or keep it: the `?stoplicht=` filter of the public
 * monitor and the open-data JSON export (the codes stored before migration 0014).
 */
export const stoplichtWords: Record<Stoplicht, string> = {
  green: "groen",
  yellow: "geel",
  red: "rood",
  completed: "afgerond",
  lapsed: "vervallen",
  not_assessed: "nog_niet_beoordeeld",
};

export function stoplichtLabel(s: Stoplicht): string {
  return stoplichtInfo[s].label;
}

/**
 * Accepts a code, a Dutch word or a label in any case ("green", "nog_niet_beoordeeld", "Nog niet
 * beoordeeld", "GROEN"); for imports (also files exported before the codes became English) and URL filters.
 */
export function parseStoplicht(value: string): Stoplicht | null {
  const v = value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, " ");
  for (const s of STOPLICHTEN)
    if (
      s === v.replace(/ /g, "_") ||
      stoplichtWords[s] === v.replace(/ /g, "_") ||
      stoplichtInfo[s].label.toLowerCase() === v
    )
      return s;
  return null;
}

export const prioriteitLabels: Record<Prioriteit, string> = {
  t1: "Tertiaal 1",
  t2: "Tertiaal 2",
  t3: "Tertiaal 3",
  ongoing: "Doorlopend",
};

/** The Dutch word of each prioriteit in the open-data JSON export (as it was stored before migration 0014). */
export const prioriteitWords: Record<Prioriteit, string> = {
  t1: "t1",
  t2: "t2",
  t3: "t3",
  ongoing: "doorlopend",
};

export const kindLabels: Record<AgreementKind, string> = {
  kader: "Kaderafspraak",
  jaar: "Jaarafspraak",
};

export const organisationKindLabels: Record<OrganisationKind, string> = {
  municipality: "Gemeente",
  housing_corporation: "Woningcorporatie",
  tenant_organisation: "Huurdersorganisatie",
};

export const updateStatusLabels: Record<UpdateStatus, string> = {
  submitted: "Wacht op bevestiging door de gemeente",
  confirmed: "Bevestigd door de gemeente",
  returned: "Teruggestuurd door de gemeente",
};

export const TERTIALEN = [1, 2, 3] as const;
export type Tertiaal = (typeof TERTIALEN)[number];

export const tertiaalMonths: Record<Tertiaal, string> = {
  1: "januari tot en met april",
  2: "mei tot en met augustus",
  3: "september tot en met december",
};

export function tertiaalLabel(year: number, tertiaal: number): string {
  return `Tertiaal ${tertiaal} van ${year}`;
}

/** The monitor's audit action codes; their Dutch sentences are in the audit vocabulary (audit/actions.ts). */
export type MonitorAuditAction = Extract<AuditAction, `monitor_${string}`>;
