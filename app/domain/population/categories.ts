// The categories in which we count the population of Heemstede, the digipanel and survey respondents.
// One set of codes for everyone: population_figures, panel profiles and the background questions of
// surveys all use these, so figures entered once serve panel composition, quotas and weighting.
// Pure: no database, no framework.
// The stored codes of tenure and household live beside the panel_members columns that use them.
import { households, tenures } from "../../../db/schema/categories";

export { households, tenures };

/**
 * Age groups. The first group starts at 16: the digipanel is open from 16 years, and population
 * figures are entered for residents of 16 and older. Survey respondents younger than 16 (the
 * Woonvisie survey asks from 12) are counted in the first group: they are few, the youngest group
 * is closest to them, and leaving them out would make their age "unknown" (docs/insights.md).
 */
export const ageGroups = ["16-29", "30-44", "45-64", "65-74", "75+"] as const;
export type AgeGroup = (typeof ageGroups)[number];

/** The youngest age at which someone can join the digipanel; also the lower bound of the first group. */
export const MIN_AGE = 16;

/** The highest age in each group (150 for the open-ended last group, so it stays a plain number in SQL). */
export const ageGroupMax: Record<AgeGroup, number> = {
  "16-29": 29,
  "30-44": 44,
  "45-64": 64,
  "65-74": 74,
  "75+": 150,
};

export const ageGroupLabels: Record<AgeGroup, string> = {
  "16-29": "16 tot en met 29 jaar",
  "30-44": "30 tot en met 44 jaar",
  "45-64": "45 tot en met 64 jaar",
  "65-74": "65 tot en met 74 jaar",
  "75+": "75 jaar en ouder",
};

/** The label of an age group code; an unknown code is shown as it is. */
export function ageGroupLabel(group: string): string {
  return ageGroupLabels[group as AgeGroup] ?? group;
}

/** The age group of someone of this age (younger than 16 counts in the first group). */
export function ageGroupOfAge(age: number): AgeGroup {
  return ageGroups.find((g) => age <= ageGroupMax[g]) ?? "75+";
}

/** The age group of someone born in `birthYear`, in `currentYear`. */
export function ageGroupOf(birthYear: number, currentYear: number): AgeGroup {
  return ageGroupOfAge(currentYear - birthYear);
}

/** Housing tenure. The codes are the answer values of the survey's tenure question. */
export type Tenure = (typeof tenures)[number];

export const tenureLabels: Record<Tenure, string> = {
  koop: "Koopwoning",
  "sociale-huur": "Sociale huurwoning (bijvoorbeeld van Elan Wonen of Pré Wonen)",
  "particuliere-huur": "Particuliere huurwoning",
  anders: "Anders",
};

/** Short labels for tables. */
export const tenureShortLabels: Record<Tenure, string> = {
  koop: "Koop",
  "sociale-huur": "Sociale huur",
  "particuliere-huur": "Particuliere huur",
  anders: "Anders",
};

/** Household. The codes are the answer values of the survey's household question. */
export type Household = (typeof households)[number];

export const householdLabels: Record<Household, string> = {
  alleenstaand: "Ik woon alleen",
  paar: "Samen, zonder kinderen thuis",
  gezin: "Samen, met kinderen thuis",
  eenouder: "Alleen, met kinderen thuis",
  anders: "Anders",
};

/** Category of the joint table age group × tenure (dimension `age_tenure`), e.g. "45-64|koop". */
export function ageTenureCategory(age: AgeGroup, tenure: Tenure): string {
  return `${age}|${tenure}`;
}
