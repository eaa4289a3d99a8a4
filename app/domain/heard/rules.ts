// "Wat we hebben gehoord" (issue 14, point 5): the public view of a survey's results, built from the
// staff results (app/domain/insights/results.server.ts) and the choice staff made. Pure, so the rule
// "never anything under 10, never an individual answer" is unit-tested without a database.
// See docs/informed.md, section "Wat we hebben gehoord".
import { z } from "zod";
import { MIN_CELL } from "../insights/statistics";
import { type ThemeId, themeIds, themeLabels } from "../insights/themes";

/** The parts of SurveyResults (insights) this view reads; structural, so the staff results fit as they are. */
export interface ResultsInput {
  overview: { total: number; perChannel: { channel: string; count: number | null }[] };
  weighting: {
    method: "none" | "raking" | "post-stratification+raking";
    dimensions: string[];
    emptyCategories: { dimension: string; label: string }[];
  };
  representativeness: {
    label: string;
    rows: {
      label: string;
      sampleShare: number | null;
      populationShare: number | null;
      suppressed: boolean;
    }[];
  }[];
  questions: {
    key: string;
    text: string;
    theme: number | null;
    distributions: {
      subKey: string;
      subLabel: string | null;
      base: number;
      shown: boolean;
      cells: {
        value: string;
        label: string;
        count: number | null;
        percent: number | null;
        weightedPercent: number | null;
        suppressed: boolean;
      }[];
      mean: { unweighted: number; weighted: number } | null;
    }[];
  }[];
}

export interface PublicCell {
  label: string;
  /** Respondents who gave this answer: null when under 10 (or hidden to protect another small cell). */
  count: number | null;
  /** Share 0..1, weighted or not as the page says; null when the count is hidden. */
  share: number | null;
}

export interface PublicQuestion {
  key: string;
  text: string;
  theme: number | null;
  parts: { subLabel: string | null; base: number; cells: PublicCell[]; mean: number | null }[];
}

export interface PublicResults {
  surveyTitle: string;
  surveySlug: string;
  project: { slug: string; title: string } | null;
  /** Submitted responses; always at least 10 (a survey with fewer cannot be published). */
  responses: number;
  /** First and last day a response came in (yyyy-mm-dd, Amsterdam). */
  period: { from: string; to: string } | null;
  /** Channels in words; counts only when every channel used has at least 10. */
  channels: { label: string; count: number | null }[];
  weighted: boolean;
  /** Plain-language paragraphs on who responded and what that means; `items` is shown as a list. */
  limits: Limit[];
  questions: PublicQuestion[];
  quotes: { text: string; theme: number | null }[];
  themes: { theme: number; label: string; response: string }[];
  publishedAt: string;
}

export const channelWords: Record<string, string> = {
  open: "via de website",
  panel: "via het digipanel (uitnodiging per e-mail)",
  letter: "met een persoonlijke code uit een brief",
};

const pctWords = (x: number) => `${Math.round(x * 100)}%`;

export interface Limit {
  text: string;
  items?: string[];
}

/** What the numbers can and cannot say, in plain words (B1), from the representativeness tables. */
export function limitsInWords(results: ResultsInput, weighted: boolean): Limit[] {
  const out: Limit[] = [];
  const say = (text: string, items?: string[]) => out.push(items ? { text, items } : { text });
  say(
    "Iedereen kon zelf kiezen of hij of zij meedeed. De uitkomsten laten zien wat de mensen vinden die reageerden. Dat is niet precies hetzelfde als wat alle inwoners van Heemstede vinden.",
  );
  const over: string[] = [];
  const under: string[] = [];
  for (const table of results.representativeness)
    for (const row of table.rows) {
      if (row.suppressed || row.sampleShare === null || row.populationShare === null) continue;
      const diff = row.sampleShare - row.populationShare;
      if (Math.abs(diff) < 0.05) continue;
      const text = `${row.label.toLowerCase()} (${table.label.toLowerCase()}): ${pctWords(row.sampleShare)} van de reacties, ${pctWords(row.populationShare)} van de inwoners`;
      (diff > 0 ? over : under).push(text);
    }
  if (over.length > 0) say("Deze groepen reageerden vaker dan je zou verwachten:", over);
  if (under.length > 0) say("Deze groepen reageerden minder vaak:", under);
  if (over.length === 0 && under.length === 0)
    say(
      "Naar leeftijd, wijk, woonsituatie en huishouden lijken de mensen die reageerden goed op de inwoners van Heemstede.",
    );
  if (weighted && results.weighting.method !== "none")
    say(
      "Daarom zijn de percentages gewogen: de antwoorden van groepen die minder vaak reageerden tellen wat zwaarder mee, zodat de uitkomst beter past bij alle inwoners. Weging helpt, maar maakt de uitkomsten niet helemaal zeker.",
    );
  else
    say(
      "De percentages zijn niet gewogen: ze tellen de antwoorden zoals ze binnenkwamen, zonder rekening te houden met welke groepen vaker of minder vaak reageerden.",
    );
  if (results.weighting.emptyCategories.length > 0)
    say(
      "Van deze groepen reageerde niemand, dus hun mening ontbreekt:",
      results.weighting.emptyCategories.map((e) => e.label.toLowerCase()),
    );
  say(
    `Aantallen van minder dan ${MIN_CELL} mensen laten we niet zien, zodat niemand te herkennen is. U ziet dan "minder dan ${MIN_CELL}".`,
  );
  return out;
}

/** A count as the public page may show it: null under MIN_CELL (0 included: "minder dan 10"). */
export function publicCount(count: number | null): number | null {
  return count === null || count < MIN_CELL ? null : count;
}

export interface Choice {
  questionKeys: string[];
  weighted: boolean;
  quotes: { text: string; theme: number | null }[];
  themeResponses: Record<string, string>;
}

/**
 * The public page's content. Only distributions of at least 10 respondents, only cells of at least 10
 * (the insights suppression, including its protection of a cell that could be worked out by
 * subtraction), no breakdowns, no answers of one person except the quotes staff marked and cleaned.
 */
export function buildPublicResults(input: {
  results: ResultsInput;
  choice: Choice;
  survey: { title: string; slug: string };
  project: { slug: string; title: string } | null;
  period: { from: string; to: string } | null;
  publishedAt: Date;
}): PublicResults {
  const { results, choice } = input;
  const chosen = new Set(choice.questionKeys);
  const usedChannels = results.overview.perChannel.filter((c) => c.count !== 0);
  const allCountsShown = usedChannels.every((c) => publicCount(c.count) !== null);
  const questions: PublicQuestion[] = results.questions
    .filter((q) => chosen.has(q.key))
    .map((q) => ({
      key: q.key,
      text: q.text,
      theme: q.theme,
      parts: q.distributions
        .filter((d) => d.shown && d.base >= MIN_CELL)
        .map((d) => ({
          subLabel: d.subLabel,
          base: d.base,
          mean: d.mean ? (choice.weighted ? d.mean.weighted : d.mean.unweighted) : null,
          cells: d.cells.map((c) => {
            const count = c.suppressed ? null : publicCount(c.count);
            return {
              label: c.label,
              count,
              share: count === null ? null : choice.weighted ? c.weightedPercent : c.percent,
            };
          }),
        })),
    }))
    .filter((q) => q.parts.length > 0);
  return {
    surveyTitle: input.survey.title,
    surveySlug: input.survey.slug,
    project: input.project,
    responses: results.overview.total,
    period: input.period,
    channels: usedChannels.map((c) => ({
      label: channelWords[c.channel] ?? c.channel,
      count: allCountsShown ? publicCount(c.count) : null,
    })),
    weighted: choice.weighted,
    limits: limitsInWords(results, choice.weighted),
    questions,
    quotes: choice.quotes,
    themes: themeIds
      .map((theme) => ({
        theme,
        label: themeLabels[theme as ThemeId],
        response: (choice.themeResponses[String(theme)] ?? "").trim(),
      }))
      .filter((t) => t.response.length > 0),
    publishedAt: input.publishedAt.toISOString(),
  };
}

/** Every number on the public page that counts people: for the test that none is under 10. */
export function publicCounts(p: PublicResults): number[] {
  return [
    p.responses,
    ...p.channels.flatMap((c) => (c.count === null ? [] : [c.count])),
    ...p.questions.flatMap((q) =>
      q.parts.flatMap((part) => [
        part.base,
        ...part.cells.flatMap((c) => (c.count === null ? [] : [c.count])),
      ]),
    ),
  ];
}

export const NOT_ENOUGH_RESPONSES = `Er zijn minder dan ${MIN_CELL} antwoorden. De resultaten kunnen pas openbaar als er ten minste ${MIN_CELL} zijn.`;
export const NOTHING_CHOSEN =
  "Kies ten minste één vraag of één citaat, of schrijf bij een thema wat de gemeente ermee doet.";

const themeText = z.string().trim().max(3000, "Schrijf bij een thema ten hoogste 3000 tekens.");

/** The staff form: checkboxes `vraag` and `citaat`, radio `weging`, textareas `thema-1` … `thema-5`. */
export const publishFormSchema = z.object({
  questionKeys: z.array(z.string().min(1).max(100)).max(200),
  quoteIds: z.array(z.coerce.number().int().positive()).max(200),
  weighted: z.enum(["gewogen", "ongewogen"], { message: "Kies gewogen of ongewogen." }),
  themes: z.object(
    Object.fromEntries(themeIds.map((t) => [String(t), themeText])) as Record<string, typeof themeText>,
  ),
});
export type PublishForm = z.infer<typeof publishFormSchema>;

export function readPublishForm(form: FormData) {
  return publishFormSchema.safeParse({
    questionKeys: form.getAll("vraag").map(String),
    quoteIds: form.getAll("citaat").map(String),
    weighted: form.get("weging") ?? undefined,
    themes: Object.fromEntries(themeIds.map((t) => [String(t), String(form.get(`thema-${t}`) ?? "")])),
  });
}
