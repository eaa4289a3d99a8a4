// The quickscan as a form: its options, the fields of each step and their zod schemas (Dutch messages).
// Pure: used by the quickscan flow to validate a step and the whole.
import { z } from "zod";
import { emailField, optionalText, requiredText } from "../../lib/forms";
import { PHOTO_ALT_MAX } from "./photo";
import type { RuleAnswers } from "./quickscan";
import { locationErrors } from "./quickscan-location";
import { ANSWER_STEPS, type StepId, stepsFor } from "./quickscan-steps";
import { themeValues } from "./themes";

export const options = {
  locationKind: [
    { value: "address", label: "Op een adres of in een straat" },
    { value: "point", label: "Op een plek op de kaart" },
    { value: "wijk", label: "In een wijk" },
    { value: "whole_town", label: "In heel Heemstede" },
  ],
  parties: [
    { value: "neighbours", label: "Buren of buurtbewoners" },
    { value: "association", label: "Een vereniging of stichting" },
    { value: "school", label: "Een school of kinderopvang" },
    { value: "business", label: "Een bedrijf of winkel" },
    { value: "municipality", label: "De gemeente" },
  ],
  partyCount: [
    { value: "alone", label: "Alleen ik of mijn huishouden" },
    { value: "few", label: "2 tot 5 partijen" },
    { value: "many", label: "Meer dan 5 partijen" },
  ],
  impact: [
    { value: "none", label: "Nee, anderen merken er weinig van" },
    { value: "small", label: "Een beetje, bijvoorbeeld de buren of de straat" },
    { value: "large", label: "Ja, er verandert veel voor (groepen) inwoners" },
  ],
  interests: [
    { value: "none", label: "Nee, ik verwacht dat iedereen het ermee eens is" },
    { value: "some", label: "Misschien, een paar mensen denken er anders over" },
    { value: "many", label: "Ja, er spelen veel verschillende belangen" },
  ],
  otherPlans: [
    { value: "no", label: "Nee" },
    { value: "yes", label: "Ja" },
    { value: "unknown", label: "Dat weet ik niet" },
  ],
  publicSpace: [
    { value: "yes", label: "Ja, bijvoorbeeld de stoep, een plein, park of de straat" },
    { value: "no", label: "Nee, alleen eigen grond of een eigen gebouw" },
  ],
  permit: [
    { value: "yes", label: "Ja" },
    { value: "no", label: "Nee" },
    { value: "unknown", label: "Dat weet ik niet" },
  ],
  policy: [
    { value: "fits", label: "Ja, het past binnen de regels die er zijn" },
    { value: "exception", label: "Nee, er is een uitzondering of een nieuwe regel nodig" },
    { value: "plan_change", label: "Nee, het omgevingsplan of beleid van de gemeenteraad moet veranderen" },
    { value: "unknown", label: "Dat weet ik niet" },
  ],
  contribution: [
    { value: "time", label: "Tijd" },
    { value: "money", label: "Geld" },
    { value: "people", label: "Mensen die meehelpen" },
    { value: "materials", label: "Spullen of materiaal" },
  ],
  timing: [
    { value: "soon", label: "Binnen 3 maanden" },
    { value: "this_year", label: "Binnen een jaar" },
    { value: "later", label: "Later dan een jaar" },
    { value: "unknown", label: "Dat weet ik nog niet" },
  ],
} as const;

export type OptionKey = keyof typeof options;

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

const locationSchema = z.object({
  address: optionalText(200),
  wijkCode: optionalText(40),
  /** A PDOK suggestion chosen by the initiator: "lat;lng;postcode;label". */
  addressChoice: optionalText(400),
  /** A point chosen on the map: kept as the map wrote it ("52,35" or "52.35"), checked by mapPointError. */
  lat: optionalText(20),
  lng: optionalText(20),
});

export const stepSchemas = {
  idee: z.object({
    title: requiredText(120, "Geef uw idee een korte titel."),
    description: requiredText(4000, "Beschrijf uw idee in een paar zinnen."),
    theme: z.enum(themeValues, { errorMap: () => ({ message: "Kies het onderwerp dat het best past." }) }),
    /** Set by the flow after a successful upload of the optional photo (never typed): the private image's id. */
    photoId: z
      .string()
      .uuid()
      .optional()
      .or(z.literal("").transform(() => undefined)),
    photoAlt: optionalText(PHOTO_ALT_MAX),
  }),
  waar: z.object({
    locationKind: choice("locationKind", "Kies waar uw idee is."),
  }),
  plek: locationSchema,
  wie: z.object({
    parties: multi("parties"),
    partyCount: choice("partyCount", "Kies hoeveel partijen meedoen."),
  }),
  gevolgen: z.object({
    impact: choice("impact", "Kies of uw idee de leefomgeving van anderen verandert."),
    interests: choice("interests", "Kies of er belangen kunnen botsen."),
    otherPlans: choice("otherPlans", "Kies of uw idee andere plannen raakt."),
  }),
  regels: z.object({
    publicSpace: choice("publicSpace", "Kies of uw idee openbare ruimte gebruikt."),
    permit: choice("permit", "Kies of u een vergunning nodig heeft."),
    policy: choice("policy", "Kies of uw idee binnen de regels past."),
  }),
  bijdrage: z.object({
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
  gegevens: z.object({
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
  controleren: z.object({}),
} as const;

/** The fields of each step, as they appear in the form. "kaart" tells that the map was used. */
export const stepFields: Record<StepId, readonly string[]> = {
  /** The photo file itself is handled by the flow (never kept as text); "fotoWeg" removes the photo sent earlier. */
  idee: ["title", "description", "theme", "photoAlt", "fotoWeg"],
  waar: Object.keys(stepSchemas.waar.shape),
  plek: [...Object.keys(stepSchemas.plek.shape), "kaart"],
  wie: Object.keys(stepSchemas.wie.shape),
  gevolgen: Object.keys(stepSchemas.gevolgen.shape),
  regels: Object.keys(stepSchemas.regels.shape),
  bijdrage: Object.keys(stepSchemas.bijdrage.shape),
  gegevens: Object.keys(stepSchemas.gegevens.shape),
  controleren: [],
};

/** Only the location fields of the chosen kind are kept with the idea. */
function locationData(kind: unknown, data: z.infer<typeof locationSchema>) {
  if (kind === "address") return { address: data.address, addressChoice: data.addressChoice };
  if (kind === "wijk") return { wijkCode: data.wijkCode };
  if (kind === "point") return { lat: data.lat, lng: data.lng };
  return {};
}

export type StepResult =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; errors: Record<string, string> };

/** Validate one step's raw values (the location page against the kind chosen before it). */
export function validateStep(step: StepId, raw: Record<string, unknown>): StepResult {
  const result = stepSchemas[step].safeParse(raw);
  const errors: Record<string, string> = {};
  if (!result.success)
    for (const issue of result.error.issues) errors[issue.path.join(".") || "_form"] ??= issue.message;
  if (step === "plek") Object.assign(errors, locationErrors(raw));
  if (!result.success || Object.keys(errors).length) return { ok: false, errors };
  const data =
    step === "plek"
      ? locationData(raw.locationKind, result.data as z.infer<typeof locationSchema>)
      : (result.data as Record<string, unknown>);
  return { ok: true, data };
}

export type QuickscanAnswers = z.infer<(typeof stepSchemas)["idee"]> &
  z.infer<(typeof stepSchemas)["waar"]> &
  z.infer<typeof locationSchema> &
  z.infer<(typeof stepSchemas)["wie"]> &
  z.infer<(typeof stepSchemas)["gevolgen"]> &
  z.infer<(typeof stepSchemas)["regels"]> &
  z.infer<(typeof stepSchemas)["bijdrage"]> &
  z.infer<(typeof stepSchemas)["gegevens"]>;

/** Validate a whole draft; on failure, the first step with an error and its messages. */
export function validateAll(
  raw: Record<string, unknown>,
): { ok: true; answers: QuickscanAnswers } | { ok: false; step: StepId; errors: Record<string, string> } {
  let answers = {};
  for (const step of ANSWER_STEPS) {
    if (!stepsFor(raw).includes(step)) continue;
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
