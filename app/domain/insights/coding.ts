// Suggesting codes for open answers: the five Woonvisie themes and their sub-codes from the curated
// keyword lists (themes.ts), and clusters of the remaining answers with their top terms as proposed
// new codes. A suggestion is only a proposal: staff accept, rename, merge, split and re-code.
// Method and measured precision/recall: docs/insights.md.

import { stemDutch } from "./stemmer";
import { type SubCode, subCodes, type ThemeId } from "./themes";

const STOPWORDS = new Set(
  `aan al alle alles als altijd ander andere anders ben bij bijvoorbeeld binnen dan dat de deze die dit doen door
  dus echt een eens eigen en enz er erg ervoor geen ging gaan gaat graag had heb hebben heeft hem hen het hier hij
  hoe hun ik in is ja je jij juist kan kon komen komt kunnen laat laten maar maken me meer men met mij mijn moet
  moeten na naar natuurlijk niet niets nog nu of om omdat ons onze ook op over te toch toe tot u uit uw van veel
  vind vinden voor vooral waar wat we wel welke werd wie wij wil willen wordt worden zal ze zeer zelf zich zie zij
  zijn zo zoals zodat zou zouden zullen iets iemand dingen ding goed goede beter mensen heemstede gemeente wonen
  woning woningen huis huizen graag denk vind eigenlijk even steeds weer vaak jaar jaren kunnen mogelijk nodig
  minder waarom zeker daar daarom want dus wordt worden zijn moet moeten blijft blijven krijgen krijgt houden
  houdt misschien belangrijk`.split(/\s+/),
);

/** Lower case, accents kept for the stemmer, punctuation to spaces. */
export function tokenize(text: string): string[] {
  return (
    text
      .toLowerCase()
      // "zorgen voor/dat" is the everyday verb, not the theme "Zorgen voor elkaar".
      .replace(/\bzorg(en)?\s+(er\s+)?(voor|dat)\b(?!\s+elkaar)/g, " ")
      .replace(/[^\p{L}\p{N}'-]+/gu, " ")
      .split(/\s+/)
      .map((t) => t.replace(/^['-]+|['-]+$/g, ""))
      .filter(Boolean)
  );
}

interface PreparedKeyword {
  subCode: SubCode;
  keyword: string;
  stems: string[];
}

const prepared: PreparedKeyword[] = subCodes.flatMap((subCode) =>
  subCode.keywords.map((keyword) => ({ subCode, keyword, stems: tokenize(keyword).map(stemDutch) })),
);

/** Minimum length of a keyword stem before it may match inside a compound word ("starterswoning"). */
const COMPOUND_MIN = 5;

function matchesAt(stems: readonly string[], tokens: readonly string[], i: number, kw: PreparedKeyword) {
  if (kw.stems.length === 1) {
    const k = kw.stems[0]!;
    const stem = stems[i]!;
    if (stem === k) return true;
    // Dutch writes compounds as one word: "huurwoningen", "starterswoning", "seniorenflat".
    if (k.length >= COMPOUND_MIN && stem.length > k.length + 2) {
      const token = tokens[i]!;
      return token.startsWith(k) || stem.endsWith(k);
    }
    return false;
  }
  return kw.stems.every((k, j) => stems[i + j] === k);
}

export interface ThemeSuggestion {
  theme: ThemeId;
  score: number;
  subCodes: string[];
  matched: string[];
  /** Position of the first matching word, to break ties in favour of what the resident said first. */
  firstAt: number;
}

/** All themes with at least one keyword in the answer, best first. */
export function suggestThemes(text: string): ThemeSuggestion[] {
  const tokens = tokenize(text);
  const stems = tokens.map(stemDutch);
  const byTheme = new Map<ThemeId, ThemeSuggestion>();
  const seenKeywords = new Set<string>();
  for (let i = 0; i < stems.length; i++) {
    for (const kw of prepared) {
      if (!matchesAt(stems, tokens, i, kw)) continue;
      const id = `${kw.subCode.key}:${kw.stems.join(" ")}`;
      if (seenKeywords.has(id)) continue;
      seenKeywords.add(id);
      const theme = kw.subCode.theme;
      const s = byTheme.get(theme) ?? { theme, score: 0, subCodes: [], matched: [], firstAt: i };
      // Phrases say more than single words.
      s.score += kw.stems.length > 1 ? 2 : 1;
      if (!s.subCodes.includes(kw.subCode.key)) s.subCodes.push(kw.subCode.key);
      s.matched.push(kw.keyword);
      byTheme.set(theme, s);
    }
  }
  return [...byTheme.values()].sort((a, b) => b.score - a.score || a.firstAt - b.firstAt);
}

/** The single best theme, or null when no keyword matched. */
export function primaryTheme(text: string): ThemeId | null {
  return suggestThemes(text)[0]?.theme ?? null;
}

// ---------------------------------------------------------------------------------------------
// Clusters of the remaining answers

export interface ClusterInput {
  id: string | number;
  text: string;
}

export interface Cluster {
  /** The term all answers in the cluster share (its most common written form). */
  key: string;
  label: string;
  topTerms: string[];
  answerIds: (string | number)[];
}

function contentTerms(text: string): { stem: string; word: string }[] {
  return tokenize(text)
    .filter((t) => t.length >= 3 && !STOPWORDS.has(t) && !/^\d+$/.test(t))
    .map((word) => ({ stem: stemDutch(word), word }))
    .filter((t) => t.stem.length >= 3 && !STOPWORDS.has(t.stem));
}

/**
 * Group answers that no keyword list matched: repeatedly take the term that most of the unassigned
 * answers share (at least `minSize`), make those answers a cluster, and describe it by its most
 * frequent terms. Simple, explainable, and linear enough for thousands of answers.
 */
export function clusterAnswers(
  answers: readonly ClusterInput[],
  options: { minSize?: number; maxClusters?: number; topTerms?: number } = {},
): { clusters: Cluster[]; unclustered: (string | number)[] } {
  const minSize = options.minSize ?? 2;
  const maxClusters = options.maxClusters ?? 12;
  const topN = options.topTerms ?? 3;
  const docs = answers.map((a) => {
    const terms = contentTerms(a.text);
    return { id: a.id, stems: new Set(terms.map((t) => t.stem)), terms };
  });
  const surface = new Map<string, Map<string, number>>();
  for (const d of docs)
    for (const t of d.terms) {
      const forms = surface.get(t.stem) ?? new Map<string, number>();
      forms.set(t.word, (forms.get(t.word) ?? 0) + 1);
      surface.set(t.stem, forms);
    }
  const display = (stem: string) =>
    [...(surface.get(stem) ?? new Map([[stem, 1]]))].sort(
      (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
    )[0]![0];

  let remaining = docs;
  const clusters: Cluster[] = [];
  while (clusters.length < maxClusters) {
    const df = new Map<string, number>();
    for (const d of remaining) for (const s of d.stems) df.set(s, (df.get(s) ?? 0) + 1);
    const best = [...df].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    if (!best || best[1] < minSize) break;
    const members = remaining.filter((d) => d.stems.has(best[0]));
    const counts = new Map<string, number>();
    for (const d of members)
      for (const s of d.stems) if (s !== best[0]) counts.set(s, (counts.get(s) ?? 0) + 1);
    const others = [...counts]
      .filter(([, c]) => c >= 2)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, topN - 1)
      .map(([s]) => display(s));
    const key = display(best[0]);
    const topTerms = [key, ...others];
    clusters.push({ key, label: topTerms.join(", "), topTerms, answerIds: members.map((d) => d.id) });
    remaining = remaining.filter((d) => !d.stems.has(best[0]));
  }
  return { clusters, unclustered: remaining.map((d) => d.id) };
}

// ---------------------------------------------------------------------------------------------
// Measuring the suggestions against a labelled set

export interface LabelledAnswer {
  text: string;
  theme: ThemeId | null;
}

export interface ThemeScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

/** Precision and recall of the primary theme suggestion, per theme and overall (micro-averaged). */
export function measureThemeSuggestions(set: readonly LabelledAnswer[]): {
  perTheme: Record<ThemeId, ThemeScore>;
  overall: ThemeScore;
} {
  const blank = (): ThemeScore => ({
    truePositives: 0,
    falsePositives: 0,
    falseNegatives: 0,
    precision: 0,
    recall: 0,
  });
  const perTheme = { 1: blank(), 2: blank(), 3: blank(), 4: blank(), 5: blank() } as Record<
    ThemeId,
    ThemeScore
  >;
  const overall = blank();
  for (const item of set) {
    const predicted = primaryTheme(item.text);
    if (predicted !== null && predicted === item.theme) {
      perTheme[predicted].truePositives++;
      overall.truePositives++;
      continue;
    }
    if (predicted !== null) {
      perTheme[predicted].falsePositives++;
      overall.falsePositives++;
    }
    if (item.theme !== null) {
      perTheme[item.theme].falseNegatives++;
      overall.falseNegatives++;
    }
  }
  for (const s of [...Object.values(perTheme), overall]) {
    s.precision = s.truePositives / (s.truePositives + s.falsePositives || 1);
    s.recall = s.truePositives / (s.truePositives + s.falseNegatives || 1);
  }
  return { perTheme, overall };
}
