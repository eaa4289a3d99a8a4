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

// ---- The filter of the public overview (kept in the URL) ----

/** Agreements per page of the public overview. */
export const PUBLIC_PAGE_SIZE = 20;

export interface OverviewFilter {
  year: number;
  tertiaal: number;
  theme: ThemeId | null;
  trekker: string | null;
  stoplicht: Stoplicht | null;
  q: string;
  page: number;
}

export function parseOverviewFilter(
  params: URLSearchParams,
  defaults: TertiaalRef,
  known: { years: readonly number[]; organisations: readonly string[] },
): OverviewFilter {
  const year = Number(params.get("jaar"));
  const tertiaal = Number(params.get("tertiaal"));
  const theme = Number(params.get("thema"));
  const trekker = params.get("trekker") ?? "";
  const page = Number(params.get("pagina"));
  return {
    year: known.years.includes(year) ? year : defaults.year,
    tertiaal: [1, 2, 3].includes(tertiaal) ? tertiaal : defaults.tertiaal,
    theme: (themeIds as readonly number[]).includes(theme) ? (theme as ThemeId) : null,
    trekker: known.organisations.includes(trekker) ? trekker : null,
    stoplicht: parseStoplicht(params.get("stoplicht") ?? ""),
    q: (params.get("zoek") ?? "").trim().slice(0, 100),
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
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
  if (v.stoplicht) p.set("stoplicht", stoplichtWords[v.stoplicht]);
  if (v.q) p.set("zoek", v.q);
  if (v.page > 1) p.set("pagina", String(v.page));
  return p;
}
