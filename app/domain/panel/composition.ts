// Panel composition against the population (issue 7), per dimension, with the deviation shown.

export interface CompositionRow {
  category: string;
  panelCount: number;
  /** Percent of the panel (0-100), one decimal. */
  panelShare: number;
  /** Percent of the population, or null without figures. */
  populationShare: number | null;
  /** Panel share minus population share in percentage points, or null. */
  deviation: number | null;
  /** Under- or over-represented by at least THRESHOLD points. */
  flag: "under" | "over" | null;
}

export const DEVIATION_THRESHOLD = 5;

const round1 = (n: number) => Math.round(n * 10) / 10;

export function composition(
  categories: readonly string[],
  panelCounts: Record<string, number>,
  populationCounts: Record<string, number>,
): CompositionRow[] {
  const panelTotal = categories.reduce((a, c) => a + (panelCounts[c] ?? 0), 0);
  const popTotal = categories.reduce((a, c) => a + (populationCounts[c] ?? 0), 0);
  return categories.map((category) => {
    const panelCount = panelCounts[category] ?? 0;
    const panelShare = panelTotal ? round1((100 * panelCount) / panelTotal) : 0;
    const populationShare = popTotal ? round1((100 * (populationCounts[category] ?? 0)) / popTotal) : null;
    const deviation = populationShare === null ? null : round1(panelShare - populationShare);
    const flag =
      deviation === null || Math.abs(deviation) < DEVIATION_THRESHOLD
        ? null
        : deviation < 0
          ? "under"
          : "over";
    return { category, panelCount, panelShare, populationShare, deviation, flag };
  });
}

export function formatDeviation(deviation: number | null): string {
  if (deviation === null) return "–";
  const s = deviation.toLocaleString("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return deviation > 0 ? `+${s}` : s;
}

export interface PopulationRow {
  dimension: "age" | "wijk" | "tenure";
  category: string;
  count: number;
}

/**
 * Parse population figures from CSV: `dimensie;categorie;aantal` per line (comma or semicolon),
 * an optional header line. Dimensions in Dutch or English: leeftijd/age, wijk, woning/tenure.
 */
export function parsePopulationCsv(
  text: string,
  known: { age: readonly string[]; wijk: readonly string[]; tenure: readonly string[] },
): { rows: PopulationRow[]; errors: string[] } {
  const dims: Record<string, PopulationRow["dimension"]> = {
    leeftijd: "age",
    age: "age",
    leeftijdsgroep: "age",
    wijk: "wijk",
    woning: "tenure",
    eigendom: "tenure",
    tenure: "tenure",
    woningbezit: "tenure",
  };
  const rows: PopulationRow[] = [];
  const errors: string[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const cells = line.split(line.includes(";") ? ";" : ",").map((c) => c.trim().replace(/^"|"$/g, ""));
    if (i === 0 && /^dimensi|^dimension/i.test(cells[0] ?? "")) return;
    const dimension = dims[(cells[0] ?? "").toLowerCase()];
    const category = cells[1] ?? "";
    const count = Number((cells[2] ?? "").replace(/\./g, ""));
    if (!dimension) errors.push(`Regel ${i + 1}: onbekende dimensie "${cells[0] ?? ""}".`);
    else if (!known[dimension].includes(category))
      errors.push(`Regel ${i + 1}: onbekende categorie "${category}".`);
    else if (!Number.isInteger(count) || count < 0)
      errors.push(`Regel ${i + 1}: het aantal moet een heel getal zijn van 0 of meer.`);
    else rows.push({ dimension, category, count });
  });
  if (rows.length === 0 && errors.length === 0) errors.push("Het bestand bevat geen cijfers.");
  return { rows, errors };
}
