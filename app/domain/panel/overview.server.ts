import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import {
  type PopulationDimension,
  panelCampaigns,
  panelInvitations,
  panelMembers,
  populationFigures as populationTable,
  surveyCodes,
  surveys,
} from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { type Actor, audit } from "../audit/audit.server";
import { ageGroupOf, ageGroups, tenures } from "../population/categories";
import { type CompositionRow, composition, type PopulationRow } from "./composition";
import { wijkNames } from "./members.server";

export async function membersByStatus(db: Executor = getDb()) {
  const rows = await db
    .select({ status: panelMembers.status, count: sql<number>`count(*)::int` })
    .from(panelMembers)
    .groupBy(panelMembers.status);
  const by = Object.fromEntries(rows.map((r) => [r.status, r.count]));
  return { pending: by.pending ?? 0, active: by.active ?? 0, left: by.left ?? 0 };
}

/** The population figures the panel uses (age, wijk, tenure); insights also reads household and age × tenure. */
export async function populationFigures(db: Executor = getDb()) {
  return db
    .select()
    .from(populationTable)
    .where(inArray(populationTable.dimension, ["age", "wijk", "tenure"]))
    .orderBy(populationTable.dimension, populationTable.category);
}

export interface CompositionView {
  dimension: "age" | "wijk" | "tenure";
  rows: (CompositionRow & { label: string })[];
  populationIsDemo: boolean;
  hasPopulation: boolean;
}

/** Active members against the population, per age group, wijk and tenure. */
export async function panelComposition(now = new Date(), db: Executor = getDb()): Promise<CompositionView[]> {
  const members = await db
    .select({
      birthYear: panelMembers.birthYear,
      wijkCode: panelMembers.wijkCode,
      tenure: panelMembers.tenure,
    })
    .from(panelMembers)
    .where(eq(panelMembers.status, "active"));
  const pop = await populationFigures(db);
  const wijken = await wijkNames(db);
  const year = now.getUTCFullYear();
  const count = (values: (string | null)[]) => {
    const out: Record<string, number> = {};
    for (const v of values) if (v) out[v] = (out[v] ?? 0) + 1;
    return out;
  };
  const dims = [
    {
      dimension: "age" as const,
      categories: [...ageGroups],
      panel: count(members.map((m) => (m.birthYear ? ageGroupOf(m.birthYear, year) : null))),
      label: (c: string) => c,
    },
    {
      dimension: "wijk" as const,
      categories: wijken.map((w) => w.code),
      panel: count(members.map((m) => m.wijkCode)),
      label: (c: string) => wijken.find((w) => w.code === c)?.name ?? c,
    },
    {
      dimension: "tenure" as const,
      categories: [...tenures],
      panel: count(members.map((m) => m.tenure)),
      label: (c: string) => c,
    },
  ];
  return dims.map((d) => {
    const popRows = pop.filter((p) => p.dimension === d.dimension);
    const popCounts = Object.fromEntries(popRows.map((p) => [p.category, p.count]));
    return {
      dimension: d.dimension,
      rows: composition(d.categories, d.panel, popCounts).map((r) => ({ ...r, label: d.label(r.category) })),
      populationIsDemo: popRows.some((p) => p.isDemo),
      hasPopulation: popRows.length > 0,
    };
  });
}

/**
 * Replace the population figures of the dimensions present in `rows` (entered or from CSV). The joint
 * table age × tenure (used by insights for weighting) cannot be entered here; when age or tenure
 * changes, an old joint table no longer matches and would override the new margins, so it is removed.
 */
export async function savePopulation(
  actor: Actor,
  rows: PopulationRow[],
  source: "csv" | "entered",
  db: Executor = getDb(),
) {
  const dims: PopulationDimension[] = [...new Set(rows.map((r) => r.dimension))];
  if (dims.includes("age") || dims.includes("tenure")) dims.push("age_tenure");
  await db.transaction(async (tx) => {
    await tx.delete(populationTable).where(inArray(populationTable.dimension, dims));
    if (rows.length)
      await tx
        .insert(populationTable)
        .values(rows.map((r) => ({ ...r, source, isDemo: false, updatedAt: new Date() })));
    await audit(
      actor,
      {
        action: "panel.population_saved",
        entityType: "population_figures",
        details: { dimensions: dims, rows: rows.length, source },
      },
      tx,
    );
  });
}

/** Surveys a member answered (completed through their invitation), for /digipanel/mijn. */
export async function answeredSurveys(memberId: string, db: Executor = getDb()) {
  return db
    .select({ title: surveys.title, completedAt: surveyCodes.usedAt })
    .from(panelInvitations)
    .innerJoin(panelCampaigns, eq(panelCampaigns.id, panelInvitations.campaignId))
    .innerJoin(surveys, eq(surveys.id, panelCampaigns.surveyId))
    .innerJoin(surveyCodes, eq(surveyCodes.id, panelInvitations.codeId))
    .where(and(eq(panelInvitations.memberId, memberId), isNotNull(surveyCodes.usedAt)))
    .orderBy(surveyCodes.usedAt);
}
