// The quickscan as a form: its steps, their fields, options and zod schemas (Dutch messages).
// Pure: used by the quickscan flow to validate a step and the whole, and by the check page.
import { z } from "zod";
import { emailField, optionalText, requiredText } from "../../lib/forms";
import { HEEMSTEDE_BOUNDS } from "../places/heemstede";
import { PHOTO_ALT_MAX } from "./photo";
import type { RuleAnswers } from "./quickscan";
import { INITIATIVE_THEMES, themeValues } from "./themes";

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

const plekTitles: Record<string, string> = {
  adres: "Op welk adres of in welke straat?",
  punt: "Waar is het op de kaart?",
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
  return values.locationKind === "heel" ? STEPS.filter((s) => s !== "plek") : [...STEPS];
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

/** "52,3512" or "52.3512" → 52.3512; null when it is not a plain decimal number. */
export function parseCoordinate(value: unknown): number | null {
  if (typeof value !== "string") return null;
  const v = value.trim().replace(",", ".");
  if (!/^-?\d{1,3}(\.\d{1,10})?$/.test(v)) return null;
  return Number(v);
}

/**
 * The message for a point set on the map, or null when it lies in Heemstede. Residents never see
 * coordinates: the map writes them into hidden fields, so a message speaks of the map only.
 */
export function mapPointError(v: { lat?: unknown; lng?: unknown }): string | null {
  // A point outside Heemstede's box is a slip of the mouse or a place elsewhere.
  const b = HEEMSTEDE_BOUNDS;
  if ((v.lat === undefined || v.lat === "") && (v.lng === undefined || v.lng === ""))
    return "Wijs de plek van uw idee aan op de kaart.";
  const lat = parseCoordinate(v.lat);
  const lng = parseCoordinate(v.lng);
  if (lat === null || lng === null) return "Wijs de plek van uw idee opnieuw aan op de kaart.";
  if (lat < b.south || lat > b.north || lng < b.west || lng > b.east)
    return "Deze plek ligt niet in Heemstede. Wijs een plek in Heemstede aan.";
  return null;
}

/** The chosen point when the location is a point on the map and it is valid; otherwise null. */
export function chosenPoint(v: { locationKind?: string; lat?: unknown; lng?: unknown }) {
  if (v.locationKind !== "punt" || mapPointError(v)) return null;
  return { lat: parseCoordinate(v.lat)!, lng: parseCoordinate(v.lng)! };
}

const filled = (v: unknown) => typeof v === "string" && v.trim() !== "";

/**
 * The location page of "a point on the map" without JavaScript shows an address field and a wijk
 * choice instead of the map (it posts no "kaart"). What the resident filled in there becomes the
 * location kind: an address, else a wijk. With the map (or nothing filled in) the kind stays.
 */
export function settleLocationKind<T extends Record<string, unknown>>(values: T): T {
  if (values.locationKind !== "punt" || values.kaart === "ja" || filled(values.lat)) return values;
  if (filled(values.address)) return { ...values, locationKind: "adres" };
  if (filled(values.wijkCode)) return { ...values, locationKind: "wijk" };
  return values;
}

/** The conditional rule of the location page: an address needs an address, a wijk a wijk, a point a point. */
export function locationErrors(v: Record<string, unknown>) {
  const errors: Record<string, string> = {};
  if (v.locationKind === "adres" && !filled(v.address)) errors.address = "Vul een adres of straatnaam in.";
  if (v.locationKind === "wijk" && !filled(v.wijkCode)) errors.wijkCode = "Kies een wijk.";
  if (v.locationKind === "punt") {
    if (v.kaart !== "ja" && !filled(v.lat))
      errors.address = "Vul een adres of straat in, of kies hieronder een wijk.";
    else {
      const message = mapPointError(v);
      if (message) errors.lat = message;
    }
  }
  return errors;
}

/** Only the location fields of the chosen kind are kept with the idea. */
function locationData(kind: unknown, data: z.infer<typeof locationSchema>) {
  if (kind === "adres") return { address: data.address, addressChoice: data.addressChoice };
  if (kind === "wijk") return { wijkCode: data.wijkCode };
  if (kind === "punt") return { lat: data.lat, lng: data.lng };
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
    v?.length ? v.map((x) => optionLabel(key, x)).join(", ") : "Niet ingevuld door de initiatiefnemer";
  const yes = (b: boolean | undefined) => (b ? "Ja" : "Nee");
  return [
    { label: "Titel", value: a.title ?? "" },
    { label: "Beschrijving", value: a.description ?? "" },
    { label: "Foto of schets", value: a.photoId ? `Ja${a.photoAlt ? `: ${a.photoAlt}` : ""}` : "Nee" },
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

/** What the check page says where the resident left a question open (they can add it with "Wijzig"). */
export const NOTHING_FILLED_IN = "U heeft hier niets ingevuld";

export interface CheckRow {
  /** The question as the resident read it. */
  label: string;
  value: string;
  /** The step to change this answer on ("Wijzig"). */
  step: StepId;
  /** The field the "Wijzig" link leads to, so the page opens at that question. */
  field: string;
}

/**
 * The answers as the check page shows them, in the order they were asked, with the step to change
 * each. Never coordinates: a point reads "Aangewezen op de kaart".
 */
export function checkRows(
  v: Record<string, unknown>,
  wijkName: (code: string) => string | undefined = () => undefined,
): CheckRow[] {
  const text = (k: string) => (typeof v[k] === "string" ? (v[k] as string).trim() : "");
  const many = (key: "parties" | "contribution") => {
    const x = v[key];
    const list = Array.isArray(x) ? x : x ? [x] : [];
    return list.length ? list.map((i) => optionLabel(key, i)).join(", ") : NOTHING_FILLED_IN;
  };
  const one = (key: OptionKey) => optionLabel(key, v[key]) || NOTHING_FILLED_IN;
  const yes = (k: string) => (v[k] === "ja" ? "Ja" : "Nee");
  const kind = v.locationKind;
  const choice = parseAddressChoice(text("addressChoice") || undefined);
  const place: CheckRow[] =
    kind === "adres"
      ? [
          {
            label: "Adres of straat",
            value: choice?.label ?? text("address"),
            step: "plek",
            field: "address",
          },
        ]
      : kind === "wijk"
        ? [
            {
              label: "Wijk",
              value: wijkName(text("wijkCode")) ?? text("wijkCode"),
              step: "plek",
              field: "wijkCode",
            },
          ]
        : kind === "punt"
          ? [{ label: "Plek op de kaart", value: "Aangewezen op de kaart", step: "plek", field: "lat" }]
          : [];
  const budget = text("budget").replace(/[€.\s]/g, "");
  return [
    { label: "Titel van uw idee", value: text("title"), step: "idee", field: "title" },
    { label: "Beschrijving", value: text("description"), step: "idee", field: "description" },
    {
      label: "Onderwerp",
      value: INITIATIVE_THEMES.find((t) => t.value === v.theme)?.label ?? "",
      step: "idee",
      field: "theme",
    },
    {
      label: "Foto of schets",
      value: text("photoId") ? `Toegevoegd${text("photoAlt") ? `: ${text("photoAlt")}` : ""}` : "Geen",
      step: "idee",
      field: "photo",
    },
    { label: "Waar is uw idee?", value: one("locationKind"), step: "waar", field: "locationKind" },
    ...place,
    { label: "Wie doen er mee, naast u?", value: many("parties"), step: "wie", field: "parties" },
    { label: "Hoeveel partijen doen er mee?", value: one("partyCount"), step: "wie", field: "partyCount" },
    {
      label: "Verandert uw idee de leefomgeving van anderen?",
      value: one("impact"),
      step: "gevolgen",
      field: "impact",
    },
    {
      label: "Denken mensen er verschillend over?",
      value: one("interests"),
      step: "gevolgen",
      field: "interests",
    },
    {
      label: "Raakt uw idee aan andere plannen?",
      value: one("otherPlans"),
      step: "gevolgen",
      field: "otherPlans",
    },
    {
      label: "Gebruikt uw idee openbare ruimte?",
      value: one("publicSpace"),
      step: "regels",
      field: "publicSpace",
    },
    { label: "Heeft u een vergunning nodig?", value: one("permit"), step: "regels", field: "permit" },
    { label: "Past uw idee binnen de regels?", value: one("policy"), step: "regels", field: "policy" },
    { label: "Wat draagt u zelf bij?", value: many("contribution"), step: "bijdrage", field: "contribution" },
    {
      label: "Hoeveel geld vraagt u?",
      value: /^\d+$/.test(budget) ? `€ ${Number(budget).toLocaleString("nl-NL")}` : "Geen geld",
      step: "bijdrage",
      field: "budget",
    },
    { label: "Wanneer wilt u beginnen?", value: one("timing"), step: "bijdrage", field: "timing" },
    { label: "Uw naam", value: text("name"), step: "gegevens", field: "name" },
    { label: "Uw e-mailadres", value: text("email"), step: "gegevens", field: "email" },
    {
      label: "Uw telefoonnummer",
      value: text("phone") || NOTHING_FILLED_IN,
      step: "gegevens",
      field: "phone",
    },
    {
      label: "De gemeente mag contact met u opnemen",
      value: yes("consentContact"),
      step: "gegevens",
      field: "consentContact",
    },
    { label: "Uw naam mag op de website", value: yes("showName"), step: "gegevens", field: "showName" },
    {
      label: "De precieze plek mag op de kaart",
      value: yes("allowExactLocation"),
      step: "gegevens",
      field: "allowExactLocation",
    },
  ];
}
