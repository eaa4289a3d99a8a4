// What comes in from a request to the monitor (docs/monitor.md), pure: the zod schemas of
// its forms (Dutch messages at the field) and the public overview's filter in the URL.
import { z } from "zod";
import { type ThemeId, themeIds } from "../insights/themes";
import type { TertiaalRef } from "./rules";
import { parseStoplicht, type Stoplicht, stoplichtWords } from "./vocabulary";

const stoplichtField = z.string({ required_error: "Kies een stoplicht." }).transform((v, ctx) => {
  const s = parseStoplicht(v);
  if (!s) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: "Kies een van de stoplichten uit de lijst." });
    return z.NEVER;
  }
  return s;
});

const roundId = z.coerce
  .number({ invalid_type_error: "Er is geen ronde gekozen." })
  .int()
  .positive("Er is geen ronde gekozen.");

export const updateFormSchema = z.object({
  ronde: roundId,
  stoplicht: stoplichtField,
  toelichting: z
    .string({ required_error: "Schrijf een toelichting bij het stoplicht." })
    .trim()
    .min(1, "Schrijf een toelichting bij het stoplicht.")
    .max(4000, "Gebruik hoogstens 4000 tekens."),
});

export const reactionFormSchema = z.object({
  ronde: roundId,
  reactie: z
    .string({ required_error: "Schrijf uw reactie." })
    .trim()
    .min(1, "Schrijf uw reactie.")
    .max(4000, "Gebruik hoogstens 4000 tekens."),
});

export const reviewFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("confirm"), update: z.coerce.number().int().positive() }),
  z.object({
    intent: z.literal("send_back"),
    update: z.coerce.number().int().positive(),
    notitie: z
      .string({ required_error: "Schrijf waarom u de update terugstuurt." })
      .trim()
      .min(1, "Schrijf waarom u de update terugstuurt.")
      .max(2000, "Gebruik hoogstens 2000 tekens."),
  }),
]);

export const openRoundSchema = z.object({
  jaar: z.coerce
    .number({ invalid_type_error: "Vul een jaar in, bijvoorbeeld 2025." })
    .int("Vul een jaar in, bijvoorbeeld 2025.")
    .min(2024, "Vul een jaar in vanaf 2024.")
    .max(2100, "Vul een jaar in tot 2100."),
  tertiaal: z
    .enum(["1", "2", "3"], { errorMap: () => ({ message: "Kies tertiaal 1, 2 of 3." }) })
    .transform(Number),
  herinnering: z.coerce
    .number({ invalid_type_error: "Vul een aantal dagen in." })
    .int("Vul een heel aantal dagen in.")
    .min(1, "Vul minstens 1 dag in.")
    .max(60, "Vul hoogstens 60 dagen in."),
});

// ---- The filter of the overview (kept in the URL): the public page and the gemeente's list in /beheer ----

/** Agreements per page of the public overview. */
export const PUBLIC_PAGE_SIZE = 20;
/** Agreements per page of the list "Alle afspraken" in /beheer. */
export const STAFF_PAGE_SIZE = 50;

export interface OverviewFilter {
  year: number;
  tertiaal: number;
  theme: ThemeId | null;
  trekker: string | null;
  /** Only on the staff list (`?organisatie=`): agreements where the organisation is trekker or party. */
  organisation?: string | null;
  stoplicht: Stoplicht | null;
  q: string;
  page: number;
}

type Known = { years: readonly number[]; organisations: readonly string[] };

/**
 * The query parameters of the overview, each optional: a value that does not fit fails only its own field,
 * and parseQuery drops that field (the default applies), so a hand-made URL never breaks the page.
 */
function overviewQuerySchema(known: Known) {
  const organisation = z
    .string()
    .refine((v) => known.organisations.includes(v))
    .optional();
  return z.object({
    jaar: z.coerce
      .number()
      .int()
      .refine((y) => known.years.includes(y))
      .optional(),
    tertiaal: z.enum(["1", "2", "3"]).transform(Number).optional(),
    thema: z.coerce
      .number()
      .int()
      .refine((t) => (themeIds as readonly number[]).includes(t))
      .transform((t) => t as ThemeId)
      .optional(),
    trekker: organisation,
    organisatie: organisation,
    stoplicht: z
      .string()
      .transform((v, ctx) => {
        const s = parseStoplicht(v);
        if (s) return s;
        ctx.addIssue({ code: z.ZodIssueCode.custom });
        return z.NEVER;
      })
      .optional(),
    // Longer searches are cut, not refused.
    zoek: z
      .string()
      .trim()
      .transform((v) => v.slice(0, 100))
      .optional(),
    pagina: z.coerce.number().int().min(1).max(10_000).optional(),
  });
}

const QUERY_FIELDS = [
  "jaar",
  "tertiaal",
  "thema",
  "trekker",
  "organisatie",
  "stoplicht",
  "zoek",
  "pagina",
] as const;

function parseQuery(params: URLSearchParams, known: Known) {
  const schema = overviewQuerySchema(known);
  // An empty field ("Alle thema's") is no choice.
  const input: Record<string, string> = {};
  for (const k of QUERY_FIELDS) {
    const v = params.get(k);
    if (v != null && v !== "") input[k] = v;
  }
  const first = schema.safeParse(input);
  if (first.success) return { query: first.data, ignored: [] as string[] };
  const ignored = [...new Set(first.error.issues.map((i) => String(i.path[0])))];
  for (const k of ignored) delete input[k];
  // Every field is optional, so without the fields that failed the rest parses.
  return { query: schema.parse(input), ignored };
}

export function parseOverviewFilter(
  params: URLSearchParams,
  defaults: TertiaalRef,
  known: Known,
): OverviewFilter {
  const { query } = parseQuery(params, known);
  return {
    year: query.jaar ?? defaults.year,
    tertiaal: query.tertiaal ?? defaults.tertiaal,
    theme: query.thema ?? null,
    trekker: query.trekker ?? null,
    stoplicht: query.stoplicht ?? null,
    q: query.zoek ?? "",
    page: query.pagina ?? 1,
  };
}

/**
 * The filter of the gemeente's list "Alle afspraken": like the public one, with an organisation that is
 * trekker or party instead of the trekker alone. `ignored` names the parameters whose value did not fit.
 */
export function parseStaffListFilter(
  params: URLSearchParams,
  defaults: TertiaalRef,
  known: Known,
): { filter: OverviewFilter; ignored: string[] } {
  const { query, ignored } = parseQuery(params, known);
  return {
    filter: {
      year: query.jaar ?? defaults.year,
      tertiaal: query.tertiaal ?? defaults.tertiaal,
      theme: query.thema ?? null,
      trekker: null,
      organisation: query.organisatie ?? null,
      stoplicht: query.stoplicht ?? null,
      q: query.zoek ?? "",
      page: query.pagina ?? 1,
    },
    ignored: ignored.filter((k) => k !== "trekker"),
  };
}

/** The filter as URL parameters (defaults left out), for links that keep the filter. */
export function filterParams(f: OverviewFilter, overrides: Partial<OverviewFilter> = {}): URLSearchParams {
  const v = { ...f, ...overrides };
  const p = new URLSearchParams();
  p.set("jaar", String(v.year));
  p.set("tertiaal", String(v.tertiaal));
  if (v.theme) p.set("thema", String(v.theme));
  if (v.trekker) p.set("trekker", v.trekker);
  if (v.organisation) p.set("organisatie", v.organisation);
  if (v.stoplicht) p.set("stoplicht", stoplichtWords[v.stoplicht]);
  if (v.q) p.set("zoek", v.q);
  if (v.page > 1) p.set("pagina", String(v.page));
  return p;
}
