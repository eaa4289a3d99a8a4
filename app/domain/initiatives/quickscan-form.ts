// The quickscan as a form: five steps, their fields, options and zod schemas (Dutch messages).
// Pure: used by the route to validate a step and by the domain to validate the whole.
import { z } from "zod";
import { emailField, optionalText, requiredText } from "../../lib/forms";
import type { RuleAnswers } from "./quickscan";
import { themeValues } from "./themes";

export const STEP_COUNT = 5;

export const options = {
  locationKind: [
    { value: "adres", label: "Op een adres of in een straat" },
    { value: "punt", label: "Op een plek op de kaart" },
    { value: "wijk", label: "In een wijk" },
    { value: "heel", label: "In heel Heemstede" },
  ],
  parties: [
    { value: "buren", label: "Buren of buurtbewoners" },
    { value: "vereniging", label: "Een vereniging of stichting" },
    { value: "school", label: "Een school of kinderopvang" },
    { value: "bedrijf", label: "Een bedrijf of winkel" },
    { value: "gemeente", label: "De gemeente" },
  ],
  partyCount: [
    { value: "alleen", label: "Alleen ik of mijn huishouden" },
    { value: "enkele", label: "2 tot 5 partijen" },
    { value: "veel", label: "Meer dan 5 partijen" },
  ],
  impact: [
    { value: "geen", label: "Nee, anderen merken er weinig van" },
    { value: "klein", label: "Een beetje, bijvoorbeeld de buren of de straat" },
    { value: "groot", label: "Ja, er verandert veel voor (groepen) inwoners" },
  ],
  interests: [
    { value: "geen", label: "Nee, ik verwacht dat iedereen het ermee eens is" },
    { value: "enkele", label: "Misschien, een paar mensen denken er anders over" },
    { value: "veel", label: "Ja, er spelen veel verschillende belangen" },
  ],
  otherPlans: [
    { value: "nee", label: "Nee" },
    { value: "ja", label: "Ja" },
    { value: "weet_niet", label: "Dat weet ik niet" },
  ],
  publicSpace: [
    { value: "ja", label: "Ja, bijvoorbeeld de stoep, een plein, park of de straat" },
    { value: "nee", label: "Nee, alleen eigen grond of een eigen gebouw" },
  ],
  permit: [
    { value: "ja", label: "Ja" },
    { value: "nee", label: "Nee" },
    { value: "weet_niet", label: "Dat weet ik niet" },
  ],
  policy: [
    { value: "past", label: "Ja, het past binnen de regels die er zijn" },
    { value: "regels", label: "Nee, er is een uitzondering of een nieuwe regel nodig" },
    { value: "omgevingsplan", label: "Nee, het omgevingsplan of beleid van de gemeenteraad moet veranderen" },
    { value: "weet_niet", label: "Dat weet ik niet" },
  ],
  contribution: [
    { value: "tijd", label: "Tijd" },
    { value: "geld", label: "Geld" },
    { value: "mensen", label: "Mensen die meehelpen" },
    { value: "materiaal", label: "Spullen of materiaal" },
  ],
  timing: [
    { value: "snel", label: "Binnen 3 maanden" },
    { value: "dit_jaar", label: "Binnen een jaar" },
    { value: "later", label: "Later dan een jaar" },
    { value: "weet_niet", label: "Dat weet ik nog niet" },
  ],
} as const;

type OptionKey = keyof typeof options;
const values = <K extends OptionKey>(key: K) =>
  options[key].map((o) => o.value) as unknown as [
    (typeof options)[K][number]["value"],
    ...(typeof options)[K][number]["value"][],
  ];

export function optionLabel(key: OptionKey, value: unknown): string {
  return (
    (options[key] as readonly { value: string; label: string }[]).find((o) => o.value === value)?.label ?? ""
  );
}

const choice = <K extends OptionKey>(key: K, message: string) =>
  z.enum(values(key), { errorMap: () => ({ message }) });

const multi = <K extends OptionKey>(key: K) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(values(key))),
  );

const checkbox = z.preprocess((v) => v === "ja", z.boolean());

export const stepSchemas = {
  1: z.object({
    title: requiredText(120, "Geef uw idee een korte titel."),
    description: requiredText(4000, "Beschrijf uw idee in een paar zinnen."),
    theme: z.enum(themeValues, { errorMap: () => ({ message: "Kies het onderwerp dat het best past." }) }),
  }),
  2: z.object({
    locationKind: choice("locationKind", "Kies waar uw idee is."),
    address: optionalText(200),
    wijkCode: optionalText(40),
    /** A PDOK suggestion chosen by the initiator: "lat;lng;postcode;label". */
    addressChoice: optionalText(400),
    /** A point chosen on the map or typed: kept as typed ("52,35" or "52.35"), checked by locationErrors. */
    lat: optionalText(20),
    lng: optionalText(20),
  }),
  3: z.object({
    parties: multi("parties"),
    partyCount: choice("partyCount", "Kies hoeveel partijen meedoen."),
    impact: choice("impact", "Kies of uw idee de leefomgeving van anderen verandert."),
    interests: choice("interests", "Kies of er belangen kunnen botsen."),
    otherPlans: choice("otherPlans", "Kies of uw idee andere plannen raakt."),
    publicSpace: choice("publicSpace", "Kies of uw idee openbare ruimte gebruikt."),
    permit: choice("permit", "Kies of u een vergunning nodig heeft."),
    policy: choice("policy", "Kies of uw idee binnen de regels past."),
  }),
  4: z.object({
    contribution: multi("contribution"),
    budget: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v.replace(/[€.\s]/g, "") : ""))
      .refine((v) => v === "" || /^\d{1,8}$/.test(v), "Vul een bedrag in hele euro's in, bijvoorbeeld 2500.")
      .transform((v) => (v === "" ? undefined : Number(v)))
      .refine((v) => v === undefined || v <= 10_000_000, "Vul een bedrag in van hoogstens 10 miljoen euro."),
    timing: choice("timing", "Kies wanneer u wilt beginnen."),
  }),
  5: z.object({
    name: requiredText(200, "Vul uw naam in."),
    email: emailField(),
    phone: optionalText(30).refine(
      (v) => v === undefined || /^[0-9+()\-\s]{6,30}$/.test(v),
      "Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678.",
    ),
    consentContact: z.literal("ja", {
      errorMap: () => ({
        message: "Geef toestemming dat de gemeente contact met u opneemt. Anders kunnen wij u niet helpen.",
      }),
    }),
    showName: checkbox,
    allowExactLocation: checkbox,
  }),
} as const;

export type StepNumber = keyof typeof stepSchemas;
export const MULTI_FIELDS = ["parties", "contribution"] as const;
/** The fields of each step, as they appear in the form. */
export const stepFields: Record<StepNumber, string[]> = {
  1: Object.keys(stepSchemas[1].shape),
  2: Object.keys(stepSchemas[2].shape),
  3: Object.keys(stepSchemas[3].shape),
  4: Object.keys(stepSchemas[4].shape),
  5: Object.keys(stepSchemas[5].shape),
};

export const stepTitles: Record<StepNumber, string> = {
  1: "Uw idee",
  2: "Waar is uw idee?",
  3: "Wie doen er mee en wat verandert er?",
  4: "Wat draagt u bij en wanneer?",
  5: "Uw gegevens",
};

/** A generous box around Heemstede: a point outside it is a typo or a place elsewhere. */
export const HEEMSTEDE_BOUNDS = { south: 52.32, north: 52.38, west: 4.57, east: 4.67 } as const;

/** "52,3512" or "52.3512" → 52.3512; null when it is not a plain decimal number. */
export function parseCoordinate(value: unknown): number | null {
  if (typeof value !== "string") return null;
  const v = value.trim().replace(",", ".");
  if (!/^-?\d{1,3}(\.\d{1,10})?$/.test(v)) return null;
  return Number(v);
}

const nl = (n: number) => String(n).replace(".", ",");

/** Messages for a point typed or chosen on the map; empty when it lies within Heemstede. */
export function pointErrors(v: { lat?: unknown; lng?: unknown }) {
  const b = HEEMSTEDE_BOUNDS;
  const errors: Record<string, string> = {};
  const lat = parseCoordinate(v.lat);
  const lng = parseCoordinate(v.lng);
  if (v.lat === undefined || v.lat === "")
    errors.lat = "Kies een plek op de kaart of vul de breedtegraad in.";
  else if (lat === null) errors.lat = "Vul de breedtegraad in als getal, bijvoorbeeld 52,3505.";
  else if (lat < b.south || lat > b.north)
    errors.lat = `Deze plek ligt niet in Heemstede. De breedtegraad ligt tussen ${nl(b.south)} en ${nl(b.north)}.`;
  if (v.lng === undefined || v.lng === "") errors.lng = "Kies een plek op de kaart of vul de lengtegraad in.";
  else if (lng === null) errors.lng = "Vul de lengtegraad in als getal, bijvoorbeeld 4,6125.";
  else if (lng < b.west || lng > b.east)
    errors.lng = `Deze plek ligt niet in Heemstede. De lengtegraad ligt tussen ${nl(b.west)} en ${nl(b.east)}.`;
  return errors;
}

/** The chosen point when the location is a point on the map and it is valid; otherwise null. */
export function chosenPoint(v: { locationKind?: string; lat?: unknown; lng?: unknown }) {
  if (v.locationKind !== "punt" || Object.keys(pointErrors(v)).length) return null;
  return { lat: parseCoordinate(v.lat)!, lng: parseCoordinate(v.lng)! };
}

/** The conditional rule of step 2: an address needs an address, a wijk a wijk, a point a point in Heemstede. */
export function locationErrors(v: {
  locationKind: string;
  address?: string;
  wijkCode?: string;
  lat?: unknown;
  lng?: unknown;
}) {
  const errors: Record<string, string> = {};
  if (v.locationKind === "adres" && !v.address) errors.address = "Vul een adres of straatnaam in.";
  if (v.locationKind === "wijk" && !v.wijkCode) errors.wijkCode = "Kies een wijk.";
  if (v.locationKind === "punt") Object.assign(errors, pointErrors(v));
  return errors;
}

export type StepResult =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; errors: Record<string, string> };

export function isStep(n: number): n is StepNumber {
  return Number.isInteger(n) && n >= 1 && n <= STEP_COUNT;
}

/** Validate one step's raw values. */
export function validateStep(step: StepNumber, raw: Record<string, unknown>): StepResult {
  const result = stepSchemas[step].safeParse(raw);
  const errors: Record<string, string> = {};
  if (!result.success)
    for (const issue of result.error.issues) errors[issue.path.join(".") || "_form"] ??= issue.message;
  if (step === 2 && (result.success || !errors.locationKind))
    Object.assign(errors, locationErrors(raw as { locationKind: string }));
  if (!result.success || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, data: result.data };
}

export type QuickscanAnswers = z.infer<(typeof stepSchemas)[1]> &
  z.infer<(typeof stepSchemas)[2]> &
  z.infer<(typeof stepSchemas)[3]> &
  z.infer<(typeof stepSchemas)[4]> &
  z.infer<(typeof stepSchemas)[5]>;

/** Validate a whole draft; on failure, the first step with an error and its messages. */
export function validateAll(
  raw: Record<string, unknown>,
): { ok: true; answers: QuickscanAnswers } | { ok: false; step: StepNumber; errors: Record<string, string> } {
  let answers = {};
  for (const step of [1, 2, 3, 4, 5] as const) {
    const r = validateStep(step, raw);
    if (!r.ok) return { ok: false, step, errors: r.errors };
    answers = { ...answers, ...r.data };
  }
  return { ok: true, answers: answers as QuickscanAnswers };
}

export function ruleAnswers(a: QuickscanAnswers): RuleAnswers {
  return {
    parties: a.parties,
    partyCount: a.partyCount,
    impact: a.impact,
    interests: a.interests,
    otherPlans: a.otherPlans,
    publicSpace: a.publicSpace,
    permit: a.permit,
    policy: a.policy,
    contribution: a.contribution,
    budget: a.budget,
  };
}

/** A PDOK suggestion as stored in the radio value; null when tampered. */
export function parseAddressChoice(value: string | undefined) {
  if (!value) return null;
  const [lat, lng, postcode, ...label] = value.split(";");
  const la = Number(lat);
  const ln = Number(lng);
  if (!Number.isFinite(la) || !Number.isFinite(ln) || Math.abs(la) > 90 || Math.abs(ln) > 180) return null;
  return { lat: la, lng: ln, postcode: postcode ?? "", label: label.join(";") };
}

/** All answers as label/value pairs in form order, for the staff detail page and the print. */
export function answerRows(a: Partial<QuickscanAnswers>, wijkName?: (code: string) => string | undefined) {
  const list = (key: "parties" | "contribution", v: readonly string[] | undefined) =>
    v?.length ? v.map((x) => optionLabel(key, x)).join(", ") : "Niets gekozen";
  const yes = (b: boolean | undefined) => (b ? "Ja" : "Nee");
  return [
    { label: "Titel", value: a.title ?? "" },
    { label: "Beschrijving", value: a.description ?? "" },
    { label: "Waar", value: optionLabel("locationKind", a.locationKind) },
    ...(a.address ? [{ label: "Adres", value: a.address }] : []),
    ...(a.wijkCode ? [{ label: "Wijk", value: wijkName?.(a.wijkCode) ?? a.wijkCode }] : []),
    ...(a.locationKind === "punt" && a.lat && a.lng
      ? [{ label: "Plek op de kaart", value: `breedtegraad ${a.lat}, lengtegraad ${a.lng}` }]
      : []),
    { label: "Wie doen er mee", value: list("parties", a.parties) },
    { label: "Hoeveel partijen", value: optionLabel("partyCount", a.partyCount) },
    { label: "Verandert de leefomgeving van anderen", value: optionLabel("impact", a.impact) },
    { label: "Botsende belangen", value: optionLabel("interests", a.interests) },
    { label: "Raakt andere plannen", value: optionLabel("otherPlans", a.otherPlans) },
    { label: "Openbare ruimte", value: optionLabel("publicSpace", a.publicSpace) },
    { label: "Vergunning nodig", value: optionLabel("permit", a.permit) },
    { label: "Past binnen de regels", value: optionLabel("policy", a.policy) },
    { label: "Eigen bijdrage", value: list("contribution", a.contribution) },
    { label: "Gevraagd budget", value: a.budget ? `€ ${a.budget.toLocaleString("nl-NL")}` : "Geen" },
    { label: "Wanneer beginnen", value: optionLabel("timing", a.timing) },
    { label: "Naam", value: a.name ?? "" },
    { label: "E-mailadres", value: a.email ?? "" },
    { label: "Telefoon", value: a.phone ?? "-" },
    { label: "Naam mag openbaar", value: yes(a.showName) },
    { label: "Precieze plek mag op de kaart", value: yes(a.allowExactLocation) },
  ];
}
