// The live stoplicht summary the survey's woon-DNA pages show as an information block (issue 13): per
// theme of the page, how many prestatieafspraken have which stoplicht in the latest tertiaal with a
// confirmed update. Built on the server as an ordinary text block of the survey, so the survey page renders
// it with the component it already has and ships no new JavaScript (docs/monitor.md).

import type { Executor } from "../../lib/db.server";
import { type ThemeId, themeLabels } from "../insights/themes";
import type { Block } from "../surveys/definition";
import { loadOverview, monitorPeriods } from "./public-read.server";
import { STOPLICHTEN, stoplichtInfo, tertiaalLabel } from "./vocabulary";

/** A text block with the summary for these themes, or null when the monitor has no agreements in that year. */
export async function stoplichtSummaryBlock(themes: readonly number[], db: Executor): Promise<Block | null> {
  if (themes.length === 0) return null;
  const { years, latest } = await monitorPeriods(db);
  if (years.length === 0) return null;
  const { summary } = await loadOverview(
    {
      year: latest.year,
      tertiaal: latest.tertiaal,
      theme: null,
      trekker: null,
      stoplicht: null,
      q: "",
      page: 1,
    },
    { pageSize: 1, organisationOrder: [] },
    db,
  );
  const paragraphs: string[] = [];
  for (const { theme, counts } of summary.byTheme) {
    if (!themes.includes(theme) || counts.total === 0) continue;
    const parts = STOPLICHTEN.filter((s) => counts[s] > 0).map(
      (s) => `${stoplichtInfo[s].label} (${stoplichtInfo[s].meaning.toLowerCase()}): ${counts[s]}`,
    );
    paragraphs.push(
      `Thema ${theme}, ${themeLabels[theme as ThemeId]}: ${counts.total} ${counts.total === 1 ? "afspraak" : "afspraken"}. ${parts.join(". ")}.`,
    );
  }
  if (paragraphs.length === 0) return null;
  return {
    kind: "text",
    title: "Hoe staan de prestatieafspraken ervoor?",
    text: [
      `De gemeente, de woningcorporaties en de huurdersorganisaties maken samen afspraken over wonen. Zo staan de afspraken over dit onderwerp in ${tertiaalLabel(latest.year, latest.tertiaal).toLowerCase()}, zoals de gemeente die heeft bevestigd:`,
      ...paragraphs,
      "Alle afspraken met uitleg staan op de pagina Prestatieafspraken van deze website (/prestatieafspraken).",
    ].join("\n\n"),
  };
}
