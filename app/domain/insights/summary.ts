// The summary at the front of the Woonvisie input report: per theme the three most important findings
// in words, each with the figures it rests on, written from the data by fixed rules (docs/insights.md,
// "Summary"). Pure and deterministic: the same results give the same text, word for word.
//
// Suppression: a finding only uses a distribution that is shown (base ≥ 10) and cells that are not
// suppressed and hold at least 10 respondents; a code of open answers needs at least 10 answers. A figure
// the report hides ("minder dan 10") can therefore never appear in the summary.

import { DONT_KNOW_TALLY, type QuestionResult } from "./results";
import { MIN_CELL } from "./statistics";

export const FINDINGS_PER_THEME = 3;

export interface Finding {
  /** Stable id of what the finding is about (question, sub-question, code). */
  key: string;
  /** The finding in words (Dutch, B1). */
  text: string;
  /** The figures it rests on, as shown next to it. */
  figures: string;
  /** How strong the finding is; findings are ordered by it (higher first). */
  score: number;
}

export interface ThemeSummary {
  theme: number;
  findings: Finding[];
}

type SummaryQuestion = Pick<QuestionResult, "key" | "text" | "type" | "theme" | "distributions"> & {
  surveyId: number;
};

export interface SummaryInput {
  themes: readonly number[];
  questions: readonly SummaryQuestion[];
  /** Accepted codes of open answers per theme, with the number of answers coded with each. */
  codes: readonly { theme: number; codes: readonly { id: number; label: string; count: number }[] }[];
  /** Input items of the other tracks per theme. */
  inputItems: readonly { theme: number }[];
}

const percent = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const count = new Intl.NumberFormat("nl-NL");

function pct(x: number): string {
  return `${percent.format(Math.round(x * 100))}%`;
}

/** "45% (gewogen 43%; 95%-betrouwbaarheidsinterval 38–52%; n = 210)" */
function shareFigures(
  share: number,
  weighted: number | null,
  ci: { low: number; high: number } | null,
  base: number,
) {
  const parts = [weighted === null ? null : `gewogen ${pct(weighted)}`];
  if (ci) parts.push(`95%-betrouwbaarheidsinterval ${pct(ci.low)}–${pct(ci.high)}`);
  parts.push(`n = ${count.format(base)}`);
  return `${pct(share)} (${parts.filter(Boolean).join("; ")})`;
}

/** A cell may be used only when it is shown and rests on at least MIN_CELL respondents. */
function usable(c: QuestionResult["distributions"][number]["cells"][number]): c is typeof c & {
  count: number;
  percent: number;
} {
  return !c.suppressed && c.count !== null && c.percent !== null && c.count >= MIN_CELL;
}

function quoted(text: string): string {
  return `‘${text.replace(/[?.:]+$/, "")}’`;
}

function questionFindings(q: SummaryQuestion): Finding[] {
  const out: Finding[] = [];
  for (const d of q.distributions) {
    if (!d.shown || d.base < MIN_CELL) continue;
    const key = `q:${q.surveyId}:${q.key}:${d.subKey}`;
    const about = d.subLabel && q.type === "matrix" ? `${quoted(q.text)}, ${d.subLabel}` : quoted(q.text);
    if (q.type === "grade" || q.type === "number") {
      if (!d.mean || q.type === "number") continue;
      out.push({
        key,
        text: `Inwoners geven gemiddeld een ${decimal.format(d.mean.unweighted)} bij de vraag ${about}.`,
        figures: `gemiddeld ${decimal.format(d.mean.unweighted)} (gewogen ${decimal.format(d.mean.weighted)}; n = ${count.format(d.base)})`,
        // A mark far from the middle of the scale says more than one near it.
        score: Math.abs(d.mean.unweighted - 5.5) / 4.5,
      });
      continue;
    }
    if (q.type === "agree") {
      // (Helemaal) eens = 4 and 5 on the five-point scale; both cells must be usable.
      const agree = d.cells.filter((c) => c.value === "4" || c.value === "5");
      if (agree.length !== 2 || !agree.every(usable)) continue;
      const share = agree.reduce((a, c) => a + (c.percent ?? 0), 0);
      const weighted = agree.every((c) => c.weightedPercent !== null)
        ? agree.reduce((a, c) => a + (c.weightedPercent ?? 0), 0)
        : null;
      out.push({
        key,
        text: `${pct(share)} is het (helemaal) eens met ${about}.`,
        figures: shareFigures(share, weighted, null, d.base),
        score: Math.max(share, 1 - share),
      });
      continue;
    }
    const candidates = d.cells.filter((c) => c.value !== DONT_KNOW_TALLY && usable(c));
    if (candidates.length === 0) continue;
    // The largest share; ties go to the first in the question's order (stable sort).
    const top = [...candidates].sort((a, b) => (b.percent ?? 0) - (a.percent ?? 0))[0]!;
    const share = top.percent ?? 0;
    const text =
      q.type === "ranking"
        ? `${top.label} staat het vaakst in de top van ${about}: ${pct(share)} zette het daar.`
        : q.type === "multiple"
          ? `${top.label} wordt het vaakst gekozen bij ${about}: door ${pct(share)}.`
          : `Het meest gekozen antwoord bij ${about} is ${top.label}: ${pct(share)}.`;
    out.push({ key, text, figures: shareFigures(share, top.weightedPercent, top.ci, d.base), score: share });
  }
  return out;
}

/** The findings of one theme, strongest first, at most FINDINGS_PER_THEME. */
export function themeFindings(theme: number, input: SummaryInput): Finding[] {
  const candidates: Finding[] = [];
  for (const q of input.questions) if (q.theme === theme) candidates.push(...questionFindings(q));

  const coded = input.codes.find((c) => c.theme === theme)?.codes ?? [];
  const codedTotal = coded.reduce((a, c) => a + c.count, 0);
  for (const c of coded) {
    if (c.count < MIN_CELL) continue;
    candidates.push({
      key: `code:${c.id}`,
      text: `In de open antwoorden komt ${quoted(c.label)} vaak terug.`,
      figures: `${count.format(c.count)} van de ${count.format(codedTotal)} gecodeerde open antwoorden bij dit thema`,
      score: c.count / codedTotal,
    });
  }

  // Closed questions and codes first, by strength; ties keep the order above (questions as asked).
  const ordered = candidates
    .map((f, i) => ({ f, i }))
    .sort((a, b) => b.f.score - a.f.score || a.i - b.i)
    .map(({ f }) => f)
    .slice(0, FINDINGS_PER_THEME);

  const items = input.inputItems.filter((i) => i.theme === theme).length;
  if (ordered.length < FINDINGS_PER_THEME && items > 0)
    ordered.push({
      key: "input-items",
      text: `Uit andere sporen (bijeenkomsten, partners, gesprekken) kwam inbreng over dit thema; zie verderop in dit rapport.`,
      figures: `${count.format(items)} ${items === 1 ? "bijdrage" : "bijdragen"}`,
      score: 0,
    });
  return ordered;
}

/** The generated summary of every theme. */
export function generateSummary(input: SummaryInput): ThemeSummary[] {
  return input.themes.map((theme) => ({ theme, findings: themeFindings(theme, input) }));
}

/** The generated findings as the editable text: one finding per line, with its figures. */
export function summaryText(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.text} Cijfers: ${f.figures}.`).join("\n");
}

/** Edited text → its lines (findings), without empty lines. */
export function summaryLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** What a theme with no usable finding says instead. */
export const NO_FINDINGS =
  "Bij dit thema zijn (nog) te weinig antwoorden om iets te zeggen: wij noemen geen uitkomsten van minder dan 10 mensen.";
