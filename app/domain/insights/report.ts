// Plain-language notes on the limits of representativeness for the account at the end of the report.

export interface RepresentativenessInput {
  label: string;
  rows: { label: string; sampleShare: number | null; populationShare: number | null; suppressed: boolean }[];
}

/** Percentage points of difference from which a group counts as over- or under-represented. */
export const NOTABLE_DIFFERENCE = 0.05;

const pp = (x: number) => `${Math.round(Math.abs(x) * 100)} procentpunt`;

export function representativenessNotes(
  variables: readonly RepresentativenessInput[],
  context: {
    respondents: number;
    effectiveSampleSize: number;
    openLinkShare: number | null;
    populationIsDemo: boolean;
    /** Share of responses that came in on paper (typed by staff or by a bureau), when known. */
    paperShare?: number | null;
  },
): string[] {
  const notes: string[] = [];
  for (const v of variables) {
    for (const r of v.rows) {
      if (r.suppressed && r.populationShare !== null && r.populationShare > 0)
        notes.push(
          `${v.label} ${r.label.toLowerCase()}: minder dan 10 respondenten, deze groep is nauwelijks gehoord.`,
        );
      else if (r.sampleShare !== null && r.populationShare !== null) {
        const diff = r.sampleShare - r.populationShare;
        if (diff >= NOTABLE_DIFFERENCE)
          notes.push(
            `${v.label} ${r.label.toLowerCase()}: oververtegenwoordigd (${pp(diff)} meer dan onder inwoners).`,
          );
        else if (diff <= -NOTABLE_DIFFERENCE)
          notes.push(
            `${v.label} ${r.label.toLowerCase()}: ondervertegenwoordigd (${pp(diff)} minder dan onder inwoners).`,
          );
      }
    }
  }
  if (context.respondents > 0) {
    const ratio = context.effectiveSampleSize / context.respondents;
    notes.push(
      `Door de weging tellen de ${context.respondents} respondenten statistisch als ongeveer ${Math.round(
        context.effectiveSampleSize,
      )} (${Math.round(ratio * 100)}%). De weging corrigeert alleen voor leeftijd, woonsituatie en wijk, niet voor andere verschillen zoals interesse in het onderwerp.`,
    );
  }
  if (context.openLinkShare !== null && context.openLinkShare > 0)
    notes.push(
      `${Math.round(context.openLinkShare * 100)}% van de antwoorden kwam via de open link. Wie zelf reageert is vaak meer betrokken dan gemiddeld; dat kan de uitkomsten kleuren.`,
    );
  if (context.paperShare != null && context.paperShare > 0)
    notes.push(
      `${Math.round(context.paperShare * 100)}% van de antwoorden kwam op papier of via een invoerbureau. Die antwoorden tellen in de weging even zwaar als online antwoorden; zo tellen ook inwoners mee die niet online reageren.`,
    );
  if (context.populationIsDemo)
    notes.push(
      "Let op: de bevolkingscijfers zijn voorbeeldcijfers (demo). Vervang ze voor een echt rapport.",
    );
  return notes;
}
