// The rules of the prestatieafspraken monitor (docs/monitor.md), pure and unit-tested:
// which stoplicht counts for a tertiaal, who may write what, round rules, copying to the next year,
// the stoplicht summary and the import diff.
import { z } from "zod";
import { type ThemeId, themeIds } from "../insights/themes";
import {
  type OrganisationKind,
  type Prioriteit,
  parseStoplicht,
  STOPLICHTEN,
  type Stoplicht,
  stoplichtInfo,
} from "./vocabulary";

export interface TertiaalRef {
  year: number;
  tertiaal: number;
}

/** A number that orders tertialen: 2024 T3 < 2025 T1. */
export function tertiaalOrder(t: TertiaalRef): number {
  return t.year * 10 + t.tertiaal;
}

export interface UpdateLike extends TertiaalRef {
  id: number;
  stoplicht: Stoplicht;
  status: "ingediend" | "bevestigd" | "teruggestuurd";
}

/**
 * The stoplicht the public sees for tertiaal `at`: the latest update confirmed by the gemeente up to
 * and including that tertiaal. Unconfirmed and sent-back updates never count; without any it is
 * "nog niet beoordeeld" (never guessed).
 */
export function stoplichtAt(updates: readonly UpdateLike[], at: TertiaalRef): Stoplicht {
  let best: UpdateLike | null = null;
  for (const u of updates) {
    if (u.status !== "bevestigd" || tertiaalOrder(u) > tertiaalOrder(at)) continue;
    if (
      !best ||
      tertiaalOrder(u) > tertiaalOrder(best) ||
      (tertiaalOrder(u) === tertiaalOrder(best) && u.id > best.id)
    )
      best = u;
  }
  return best?.stoplicht ?? "nog_niet_beoordeeld";
}

export type Counts = Record<Stoplicht, number> & { total: number };

export function emptyCounts(): Counts {
  return { groen: 0, geel: 0, rood: 0, afgerond: 0, vervallen: 0, nog_niet_beoordeeld: 0, total: 0 };
}

export interface SummaryItem {
  theme: number;
  trekkers: readonly string[];
  stoplicht: Stoplicht;
}

export interface Summary {
  byTheme: { theme: ThemeId; counts: Counts }[];
  byTrekker: { organisationId: string; counts: Counts }[];
  total: Counts;
}

/**
 * Counts per stoplicht, per theme (always all five themes, in order) and per trekker (an agreement with two
 * trekkers counts for both, so the trekker rows can add up to more than the total).
 */
export function summarise(items: readonly SummaryItem[], organisationOrder: readonly string[] = []): Summary {
  const byTheme = new Map<ThemeId, Counts>(themeIds.map((t) => [t, emptyCounts()]));
  const byTrekker = new Map<string, Counts>(organisationOrder.map((o) => [o, emptyCounts()]));
  const total = emptyCounts();
  for (const item of items) {
    const theme = byTheme.get(item.theme as ThemeId);
    if (theme) {
      theme[item.stoplicht]++;
      theme.total++;
    }
    total[item.stoplicht]++;
    total.total++;
    for (const org of item.trekkers) {
      let c = byTrekker.get(org);
      if (!c) {
        c = emptyCounts();
        byTrekker.set(org, c);
      }
      c[item.stoplicht]++;
      c.total++;
    }
  }
  return {
    byTheme: [...byTheme].map(([theme, counts]) => ({ theme, counts })),
    byTrekker: [...byTrekker]
      .filter(([, c]) => c.total > 0)
      .map(([organisationId, counts]) => ({ organisationId, counts })),
    total,
  };
}

/** The same summary from counts grouped in SQL: per theme and stoplicht, per trekker and stoplicht. */
export function summaryFromCounts(
  byTheme: readonly { k: number; s: Stoplicht; n: number }[],
  byTrekker: readonly { k: string; s: Stoplicht; n: number }[],
  organisationOrder: readonly string[] = [],
): Summary {
  const themes = new Map<ThemeId, Counts>(themeIds.map((t) => [t, emptyCounts()]));
  const total = emptyCounts();
  for (const c of byTheme) {
    const t = themes.get(c.k as ThemeId);
    if (t) {
      t[c.s] += c.n;
      t.total += c.n;
    }
    total[c.s] += c.n;
    total.total += c.n;
  }
  const trekkers = new Map<string, Counts>(organisationOrder.map((o) => [o, emptyCounts()]));
  for (const c of byTrekker) {
    let t = trekkers.get(c.k);
    if (!t) {
      t = emptyCounts();
      trekkers.set(c.k, t);
    }
    t[c.s] += c.n;
    t.total += c.n;
  }
  return {
    byTheme: [...themes].map(([theme, counts]) => ({ theme, counts })),
    byTrekker: [...trekkers]
      .filter(([, c]) => c.total > 0)
      .map(([organisationId, counts]) => ({ organisationId, counts })),
    total,
  };
}

/** Percentage widths for a stacked bar, rounded so they add up to 100 (largest remainder). */
export function barWidths(counts: Counts): { stoplicht: Stoplicht; count: number; percent: number }[] {
  if (counts.total === 0) return [];
  const parts = STOPLICHTEN.map((s) => ({
    stoplicht: s,
    count: counts[s],
    exact: (counts[s] / counts.total) * 100,
  }));
  const floored = parts.map((p) => ({ ...p, percent: Math.floor(p.exact) }));
  let rest = 100 - floored.reduce((a, p) => a + p.percent, 0);
  const order = [...floored].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)));
  for (const p of order) {
    if (rest <= 0) break;
    if (p.count > 0) {
      p.percent++;
      rest--;
    }
  }
  return floored
    .filter((p) => p.count > 0)
    .map(({ stoplicht, count, percent }) => ({ stoplicht, count, percent }));
}

// ---- Who may write what ----

export interface PartyLike {
  organisationId: string;
  role: "trekker" | "partij";
}

export interface Writer {
  /** The organisation the user speaks for: a partner's own, or the gemeente for its staff. */
  organisationId: string;
  organisationKind: OrganisationKind;
}

/** A corporatie (or the gemeente) updates an agreement only when it is trekker or party of it. */
export function mayUpdate(writer: Writer, parties: readonly PartyLike[]): boolean {
  if (writer.organisationKind === "huurdersorganisatie") return false;
  return parties.some((p) => p.organisationId === writer.organisationId);
}

/** Huurdersorganisaties react (to every agreement: they are party to the whole set); they never update. */
export function mayReact(writer: Writer): boolean {
  return writer.organisationKind === "huurdersorganisatie";
}

export interface RoundLike extends TertiaalRef {
  id: number;
  status: "open" | "gesloten";
}

export type RoundCheck = { ok: true } | { ok: false; message: string };

/** An update or reaction belongs to an open round, for an agreement that runs in that round's year. */
export function checkRound(
  round: RoundLike | null,
  agreement: { firstYear: number; lastYear: number },
): RoundCheck {
  if (!round)
    return {
      ok: false,
      message: "Er is nu geen ronde open. U kunt pas een update geven als de gemeente een ronde opent.",
    };
  if (round.status !== "open")
    return {
      ok: false,
      message: `De ronde van tertiaal ${round.tertiaal} van ${round.year} is gesloten. U kunt geen update meer geven.`,
    };
  if (round.year < agreement.firstYear || round.year > agreement.lastYear)
    return { ok: false, message: `Deze afspraak loopt niet in ${round.year}.` };
  return { ok: true };
}

/** When a reminder is due: reminderAfterDays after opening, only while the round is open. */
export function reminderDue(
  round: { status: string; openedAt: Date; reminderAfterDays: number },
  now: Date,
): boolean {
  return (
    round.status === "open" &&
    now.getTime() >= round.openedAt.getTime() + round.reminderAfterDays * 86_400_000
  );
}

/** An agreement is finished when its last confirmed stoplicht is afgerond or vervallen. */
export function isFinished(stoplicht: Stoplicht): boolean {
  return stoplicht === "afgerond" || stoplicht === "vervallen";
}

/**
 * Which jaarafspraken of `year` go on to the next year: the doorlopende ones, and every one that is not
 * finished. Kaderafspraken span their period and are never copied. The copy keeps the key.
 */
export function selectForCopy<
  A extends { kind: "kader" | "jaar"; lastYear: number; prioriteit: Prioriteit | null; stoplicht: Stoplicht },
>(agreements: readonly A[], year: number): A[] {
  return agreements.filter(
    (a) =>
      a.kind === "jaar" && a.lastYear === year && (a.prioriteit === "doorlopend" || !isFinished(a.stoplicht)),
  );
}

// ---- Forms ----

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
  z.object({ intent: z.literal("bevestigen"), update: z.coerce.number().int().positive() }),
  z.object({
    intent: z.literal("terugsturen"),
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

// ---- Filters of the public overview (kept in the URL) ----

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
  if (v.stoplicht) p.set("stoplicht", v.stoplicht);
  if (v.q) p.set("zoek", v.q);
  if (v.page > 1) p.set("pagina", String(v.page));
  return p;
}

// ---- Import (round trip of a round's spreadsheet) ----

export const IMPORT_COLUMNS = ["Sleutel", "Titel", "Organisatie", "Stoplicht", "Toelichting"] as const;
export const MAX_IMPORT_ROWS = 5000;

export interface ImportContext {
  agreements: Map<string, { id: number; title: string; parties: readonly PartyLike[] }>;
  /** By id and by lower-case name. */
  organisations: Map<string, { id: string; name: string; kind: OrganisationKind }>;
  /** The current update of this round per `${key}|${organisationId}` (pending or confirmed). */
  current: Map<string, { stoplicht: Stoplicht; explanation: string }>;
}

export interface ImportChange {
  line: number;
  key: string;
  agreementId: number;
  title: string;
  organisationId: string;
  organisationName: string;
  stoplicht: Stoplicht;
  explanation: string;
  before: { stoplicht: Stoplicht; explanation: string } | null;
}

export interface ImportDiff {
  changes: ImportChange[];
  unchanged: number;
  skipped: number;
  errors: { line: number; key: string; messages: string[] }[];
  fileErrors: string[];
}

/**
 * Compare the rows of an edited export with the round: every row with a stoplicht or an explanation becomes
 * an update, rows equal to the current update are left alone, empty rows are skipped. Errors are collected
 * for all rows (line numbers as the spreadsheet shows them), so staff fix the file once.
 */
export function diffImport(rows: readonly string[][], ctx: ImportContext): ImportDiff {
  const diff: ImportDiff = { changes: [], unchanged: 0, skipped: 0, errors: [], fileErrors: [] };
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name.toLowerCase());
  const missing = ["Sleutel", "Organisatie", "Stoplicht", "Toelichting"].filter((c) => col(c) < 0);
  if (missing.length) {
    diff.fileErrors.push(
      `De kolom${missing.length > 1 ? "men" : ""} ${missing.join(", ")} ontbreekt. Gebruik een export van deze pagina.`,
    );
    return diff;
  }
  if (rows.length - 1 > MAX_IMPORT_ROWS) {
    diff.fileErrors.push(`Het bestand heeft meer dan ${MAX_IMPORT_ROWS} regels.`);
    return diff;
  }
  const seen = new Set<string>();
  rows.slice(1).forEach((row, i) => {
    const line = i + 2;
    const cell = (name: string) => (row[col(name)] ?? "").trim();
    const key = cell("Sleutel");
    const orgText = cell("Organisatie");
    const stoplichtText = cell("Stoplicht");
    const explanation = cell("Toelichting");
    if (!key && !orgText && !stoplichtText && !explanation) return;
    if (!stoplichtText && !explanation) {
      diff.skipped++;
      return;
    }
    const messages: string[] = [];
    const agreement = ctx.agreements.get(key);
    if (!key) messages.push("De sleutel ontbreekt.");
    else if (!agreement) messages.push(`De afspraak "${key}" bestaat niet in deze ronde.`);
    const org = ctx.organisations.get(orgText) ?? ctx.organisations.get(orgText.toLowerCase());
    if (!orgText) messages.push("De organisatie ontbreekt.");
    else if (!org) messages.push(`De organisatie "${orgText}" kennen wij niet.`);
    else if (agreement && !agreement.parties.some((p) => p.organisationId === org.id))
      messages.push(`${org.name} is geen trekker of partij van deze afspraak.`);
    else if (org.kind === "huurdersorganisatie")
      messages.push(`${org.name} geeft een reactie, geen stoplicht.`);
    const stoplicht = parseStoplicht(stoplichtText);
    if (!stoplichtText) messages.push("Het stoplicht ontbreekt.");
    else if (!stoplicht)
      messages.push(
        `Het stoplicht "${stoplichtText}" kennen wij niet. Kies uit: ${Object.values(stoplichtInfo)
          .map((s) => s.label)
          .join(", ")}.`,
      );
    if (!explanation) messages.push("De toelichting ontbreekt.");
    else if (explanation.length > 4000) messages.push("De toelichting is langer dan 4000 tekens.");
    if (agreement && org) {
      const k = `${key}|${org.id}`;
      if (seen.has(k)) messages.push("Deze afspraak en organisatie staan al eerder in het bestand.");
      seen.add(k);
    }
    if (messages.length || !agreement || !org || !stoplicht) {
      diff.errors.push({ line, key, messages });
      return;
    }
    const before = ctx.current.get(`${key}|${org.id}`) ?? null;
    if (before && before.stoplicht === stoplicht && before.explanation === explanation) {
      diff.unchanged++;
      return;
    }
    diff.changes.push({
      line,
      key,
      agreementId: agreement.id,
      title: agreement.title,
      organisationId: org.id,
      organisationName: org.name,
      stoplicht,
      explanation,
      before,
    });
  });
  return diff;
}

/** Agreements per page of the public overview. */
export const PUBLIC_PAGE_SIZE = 20;
