// The rules of the prestatieafspraken monitor (docs/monitor.md), pure and unit-tested:
// which stoplicht counts for a tertiaal, the stoplicht summary, who may write what, round rules and
// copying to the next year. What comes in from a request (forms, the overview's URL filter) is in
// forms.ts; the import diff of a round's spreadsheet in import-diff.ts.
import { type ThemeId, themeIds } from "../insights/themes";
import { type OrganisationKind, type Prioriteit, STOPLICHTEN, type Stoplicht } from "./vocabulary";

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
  status: "submitted" | "confirmed" | "returned";
}

/**
 * The stoplicht the public sees for tertiaal `at`: the latest update confirmed by the gemeente up to
 * and including that tertiaal. Unconfirmed and sent-back updates never count; without any it is
 * "nog niet beoordeeld" (never guessed).
 */
export function stoplichtAt(updates: readonly UpdateLike[], at: TertiaalRef): Stoplicht {
  let best: UpdateLike | null = null;
  for (const u of updates) {
    if (u.status !== "confirmed" || tertiaalOrder(u) > tertiaalOrder(at)) continue;
    if (
      !best ||
      tertiaalOrder(u) > tertiaalOrder(best) ||
      (tertiaalOrder(u) === tertiaalOrder(best) && u.id > best.id)
    )
      best = u;
  }
  return best?.stoplicht ?? "not_assessed";
}

export type Counts = Record<Stoplicht, number> & { total: number };

export function emptyCounts(): Counts {
  return { green: 0, yellow: 0, red: 0, completed: 0, lapsed: 0, not_assessed: 0, total: 0 };
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
  role: "trekker" | "party";
}

export interface Writer {
  /** The organisation the user speaks for: a partner's own, or the gemeente for its staff. */
  organisationId: string;
  organisationKind: OrganisationKind;
}

/** A corporatie (or the gemeente) updates an agreement only when it is trekker or party of it. */
export function mayUpdate(writer: Writer, parties: readonly PartyLike[]): boolean {
  if (writer.organisationKind === "tenant_organisation") return false;
  return parties.some((p) => p.organisationId === writer.organisationId);
}

/** Huurdersorganisaties react (to every agreement: they are party to the whole set); they never update. */
export function mayReact(writer: Writer): boolean {
  return writer.organisationKind === "tenant_organisation";
}

export interface RoundLike extends TertiaalRef {
  id: number;
  status: "open" | "closed";
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

/** An agreement is finished when its last confirmed stoplicht is completed or lapsed (afgerond, vervallen). */
export function isFinished(stoplicht: Stoplicht): boolean {
  return stoplicht === "completed" || stoplicht === "lapsed";
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
      a.kind === "jaar" && a.lastYear === year && (a.prioriteit === "ongoing" || !isFinished(a.stoplicht)),
  );
}
