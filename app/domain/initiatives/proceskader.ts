// The proceskader for complex opgaven (seed 002): the planomschrijving's six questions and the
// participatieplan (ruimte, doel, deelnemers en rollen). Pure: labels and zod schemas.
import { z } from "zod";
import { optionalText } from "../../lib/forms";

export const PLAN_QUESTIONS = [
  { key: "wat", label: "1. Wat houdt de opgave in?" },
  {
    key: "waarde",
    label:
      "2. Welke maatschappelijke waarde creëert de opgave? Waarom is het goed voor de buurt, wijk of heel Heemstede?",
  },
  { key: "regels", label: "3. Wat kan er wel en wat kan niet: welke regels zijn van toepassing?" },
  {
    key: "wie",
    label: "4. Wie doet er mee, wie zijn er verder nog nodig en wat draagt de initiatiefnemer zelf bij?",
  },
  { key: "belangen", label: "5. Welke belangen spelen mee? Is er een relatie met andere plannen?" },
  { key: "kosten", label: "6. Wat zijn de kosten en baten van de opgave?" },
] as const;

export const PARTICIPATION_GOALS = [
  {
    value: "samen_denken",
    label: "Samen denken",
    explanation: "Input verzamelen; er wordt nog niets besloten of gedaan.",
  },
  { value: "samen_doen", label: "Samen doen", explanation: "Samen het plan uitwerken en uitvoeren." },
  {
    value: "samen_beslissen",
    label: "Samen beslissen",
    explanation: "Samen besluiten welke waarde wordt gerealiseerd, met welke inzet en binnen welke kaders.",
  },
  { value: "samen_leren", label: "Samen leren", explanation: "Samen leren van opgedane ervaringen." },
] as const;

export const PARTICIPATION_ROLES = [
  { value: "proceseigenaar", label: "Proceseigenaar" },
  { value: "beslisser", label: "Beslisser" },
  { value: "co_producent", label: "Co-producent (ontwerpt mee)" },
  { value: "adviseur", label: "Adviseur (denkt mee)" },
  { value: "geraadpleegd", label: "Wordt geraadpleegd" },
  { value: "geinformeerd", label: "Wordt geïnformeerd" },
] as const;

/** Rows of participants in the participatieplan form. */
export const PARTICIPANT_ROWS = 8;

const text = optionalText(6000);

export const planSchema = z
  .object(
    Object.fromEntries(PLAN_QUESTIONS.map((q) => [q.key, text])) as Record<
      (typeof PLAN_QUESTIONS)[number]["key"],
      typeof text
    >,
  )
  .refine((v) => Object.values(v).some(Boolean), { message: "Vul minstens één vraag in.", path: ["wat"] });

export type PlanContent = z.infer<typeof planSchema>;

const roleValues = PARTICIPATION_ROLES.map((r) => r.value) as [string, ...string[]];
const goalValues = PARTICIPATION_GOALS.map((g) => g.value) as [string, ...string[]];

export interface Participant {
  who: string;
  role: string;
}
export interface ParticipationContent {
  ruimte?: string;
  complexiteit?: string;
  doelen: string[];
  toelichtingDoel?: string;
  deelnemers: Participant[];
}

/** Parse the participatieplan form: deelnemer-N / rol-N pairs, a row with a name needs a role. */
export function parseParticipationPlan(
  raw: Record<string, string | string[]>,
): { ok: true; data: ParticipationContent } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const one = (k: string) => {
    const v = raw[k];
    return (Array.isArray(v) ? v[0] : v)?.trim() ?? "";
  };
  const doelenRaw = raw.doelen === undefined ? [] : Array.isArray(raw.doelen) ? raw.doelen : [raw.doelen];
  const doelen = doelenRaw.filter((d) => goalValues.includes(d));
  if (doelen.length !== doelenRaw.length) errors.doelen = "Kies een van de doelen.";
  if (doelen.length === 0) errors.doelen = "Kies minstens één doel van participatie.";
  const deelnemers: Participant[] = [];
  for (let i = 0; i < PARTICIPANT_ROWS; i++) {
    const who = one(`deelnemer-${i}`);
    const role = one(`rol-${i}`);
    if (!who && !role) continue;
    if (!who) errors[`deelnemer-${i}`] = "Vul in wie deze rol heeft.";
    else if (who.length > 200) errors[`deelnemer-${i}`] = "Gebruik hoogstens 200 tekens.";
    if (!roleValues.includes(role)) errors[`rol-${i}`] = "Kies een rol.";
    deelnemers.push({ who, role });
  }
  for (const k of ["ruimte", "complexiteit", "toelichtingDoel"])
    if (one(k).length > 6000) errors[k] = "Gebruik hoogstens 6000 tekens.";
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    data: {
      ruimte: one("ruimte") || undefined,
      complexiteit: one("complexiteit") || undefined,
      doelen,
      toelichtingDoel: one("toelichtingDoel") || undefined,
      deelnemers,
    },
  };
}

export const adoptionSchema = z.object({
  adoptedBy: z.enum(["executive", "council"], {
    errorMap: () => ({ message: "Kies wie de plannen heeft vastgesteld." }),
  }),
  adoptedOn: z
    .string({ required_error: "Vul de datum van het besluit in." })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Vul de datum in als dd-mm-jjjj.")
    .refine((v) => !Number.isNaN(Date.parse(v)), "Deze datum bestaat niet."),
  adoptionReference: z
    .string({ required_error: "Vul het kenmerk van het besluit in." })
    .trim()
    .min(1, "Vul het kenmerk van het besluit in.")
    .max(200),
});

/**
 * The proceskader page is one form with a save button per section (name="intent"): pressing one
 * never drops what was typed in another, without JavaScript too.
 */
export const PROCESKADER_SECTIONS = ["step", "plan", "participation", "adopt"] as const;
export type ProceskaderSection = (typeof PROCESKADER_SECTIONS)[number];

export const sectionFields: Record<ProceskaderSection, readonly string[]> = {
  step: ["processStep"],
  plan: PLAN_QUESTIONS.map((q) => q.key),
  participation: [
    "ruimte",
    "complexiteit",
    "doelen",
    "toelichtingDoel",
    ...Array.from({ length: PARTICIPANT_ROWS }, (_, i) => [`deelnemer-${i}`, `rol-${i}`]).flat(),
  ],
  adopt: ["adoptedBy", "adoptedOn", "adoptionReference"],
};

/** How each section is named in "Uw tekst in … staat er nog". */
export const sectionNames: Record<ProceskaderSection, string> = {
  step: "de basisstap",
  plan: "de planomschrijving",
  participation: "het participatieplan",
  adopt: "de vaststelling",
};

/** What the page showed when it was sent: the stored values of every section. */
export interface ProceskaderStored {
  processStep: number;
  plan: PlanContent | null;
  participation: ParticipationContent | null;
  adoptedBy: string | null;
  adoptedOn: string | null;
  adoptionReference: string | null;
}

const oneText = (raw: Record<string, string | string[]>, k: string) => {
  const v = raw[k];
  return ((Array.isArray(v) ? v[0] : v) ?? "").trim();
};

/** Whether the posted form holds a section at all (a post without it cannot have text typed in it). */
const holds = (raw: Record<string, string | string[]>, section: ProceskaderSection) =>
  sectionFields[section].some((k) => k !== "doelen" && k !== "adoptedBy" && k in raw);

/**
 * Whether the posted form holds a value for `section` that differs from what the page showed
 * (`stored`, read before the save): after saving another section, the page then stays with
 * everything typed instead of reloading it away.
 */
export function hasUnsavedChanges(
  section: ProceskaderSection,
  raw: Record<string, string | string[]>,
  stored: ProceskaderStored,
): boolean {
  if (!holds(raw, section)) return false;
  switch (section) {
    case "step":
      return oneText(raw, "processStep") !== String(stored.processStep);
    case "plan": {
      const plan = (stored.plan ?? {}) as Partial<Record<string, string>>;
      return PLAN_QUESTIONS.some((q) => oneText(raw, q.key) !== (plan[q.key] ?? "").trim());
    }
    case "participation": {
      const part = stored.participation;
      const posted = raw.doelen === undefined ? [] : ([] as string[]).concat(raw.doelen);
      if ([...posted].sort().join() !== [...(part?.doelen ?? [])].sort().join()) return true;
      for (const k of ["ruimte", "complexiteit", "toelichtingDoel"] as const)
        if (oneText(raw, k) !== (part?.[k] ?? "").trim()) return true;
      for (let i = 0; i < PARTICIPANT_ROWS; i++) {
        const row = part?.deelnemers[i];
        if (
          oneText(raw, `deelnemer-${i}`) !== (row?.who ?? "") ||
          oneText(raw, `rol-${i}`) !== (row?.role ?? "")
        )
          return true;
      }
      return false;
    }
    case "adopt":
      // "Vastgesteld door" starts chosen (after the decider), so only a change to a stored choice counts.
      return (
        oneText(raw, "adoptedOn") !== (stored.adoptedOn ?? "") ||
        oneText(raw, "adoptionReference") !== (stored.adoptionReference ?? "") ||
        (stored.adoptedBy !== null && oneText(raw, "adoptedBy") !== stored.adoptedBy)
      );
  }
}

/** The sections other than `saved` that hold unsaved input, in page order. */
export function unsavedSections(
  saved: ProceskaderSection | null,
  raw: Record<string, string | string[]>,
  stored: ProceskaderStored,
): ProceskaderSection[] {
  return PROCESKADER_SECTIONS.filter((s) => s !== saved && hasUnsavedChanges(s, raw, stored));
}

/** Only the posted values of `sections`: the page shows those as sent and the rest as stored. */
export function valuesOf(
  raw: Record<string, string | string[]>,
  sections: readonly ProceskaderSection[],
): Record<string, string | string[]> {
  const keys = new Set(sections.flatMap((s) => sectionFields[s]));
  return Object.fromEntries(Object.entries(raw).filter(([k]) => keys.has(k)));
}
