// Demo population of Heemstede: one set of example figures ("voorbeeldcijfers", is_demo) for the
// digipanel (composition, quotas) and insights (representativeness, weighting). Not official CBS
// figures; real figures are entered or uploaded at /beheer/digipanel/bevolking.
import {
  type AgeGroup,
  ageGroups,
  ageTenureCategory,
  type Tenure,
} from "../../app/domain/population/categories";
import type { Executor } from "../../app/lib/db.server";
import { type PopulationDimension, populationFigures } from "../schema";
import { demoWijken } from "./wijken";

/** Residents of 16 and older, rounded example figure. */
const RESIDENTS = 21_600;
const ageShares: Record<AgeGroup, number> = {
  "16-29": 0.14,
  "30-44": 0.2,
  "45-64": 0.35,
  "65-74": 0.15,
  "75+": 0.16,
};
const tenureByAge: Record<AgeGroup, Record<Tenure, number>> = {
  "16-29": { koop: 0.33, "sociale-huur": 0.3, "particuliere-huur": 0.35, anders: 0.02 },
  "30-44": { koop: 0.58, "sociale-huur": 0.2, "particuliere-huur": 0.2, anders: 0.02 },
  "45-64": { koop: 0.73, "sociale-huur": 0.15, "particuliere-huur": 0.1, anders: 0.02 },
  "65-74": { koop: 0.68, "sociale-huur": 0.22, "particuliere-huur": 0.08, anders: 0.02 },
  "75+": { koop: 0.53, "sociale-huur": 0.33, "particuliere-huur": 0.12, anders: 0.02 },
};
const wijkShares = [0.12, 0.2, 0.18, 0.17, 0.16, 0.17];

export const DEMO_POPULATION_SOURCE = "Voorbeeldcijfers (demo), geen officiële CBS-cijfers";

/** Age, tenure and wijk margins and the joint table age × tenure; the margins add up to the joint table. */
export function demoPopulation() {
  const rows: { dimension: PopulationDimension; category: string; count: number }[] = [];
  const tenureTotals: Record<string, number> = {};
  for (const age of ageGroups) {
    const ageCount = Math.round(RESIDENTS * ageShares[age]);
    rows.push({ dimension: "age", category: age, count: ageCount });
    let left = ageCount;
    for (const [tenure, share] of Object.entries(tenureByAge[age]) as [Tenure, number][]) {
      // The last cell ("anders") takes what rounding left over, so the joint table adds up to the margin.
      const count = tenure === "anders" ? left : Math.round(ageCount * share);
      left -= count;
      rows.push({ dimension: "age_tenure", category: ageTenureCategory(age, tenure), count });
      tenureTotals[tenure] = (tenureTotals[tenure] ?? 0) + count;
    }
  }
  for (const [tenure, count] of Object.entries(tenureTotals))
    rows.push({ dimension: "tenure", category: tenure, count });
  demoWijken.forEach((w, i) => {
    rows.push({ dimension: "wijk", category: w.code, count: Math.round(RESIDENTS * wijkShares[i]!) });
  });
  return rows;
}

export async function seedPopulation(db: Executor, isDemo = true) {
  await db
    .insert(populationFigures)
    .values(demoPopulation().map((r) => ({ ...r, source: DEMO_POPULATION_SOURCE, isDemo })))
    .onConflictDoNothing();
}
