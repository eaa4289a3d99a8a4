// Weighting of survey responses to the population (decision 008): a weight per class of background
// variables by raking, with the classes that count. Pure: results.server.ts fetches the counts.
import type { BackgroundVariable } from "../surveys/definition";
import { type Background, backgroundLabels, classKey, type Labels } from "./results";
import { rake } from "./statistics";

/** Respondents per class (combination of background categories). */
export interface ClassCount extends Background {
  count: number;
}

/** For multiple-choice questions: respondents who answered, per class (a respondent may tick several). */
export interface BaseGroup extends Background {
  questionKey: string;
  subKey: string;
  count: number;
}

export type Population = Partial<
  Record<"age" | "tenure" | "wijk" | "household" | "age_tenure", Record<string, number>>
>;

export interface Weighting {
  /** Weight per class key; mean 1 over respondents. */
  weights: Map<string, number>;
  method: "none" | "raking" | "post-stratification+raking";
  dimensions: string[];
  respondents: number;
  effectiveSampleSize: number;
  converged: boolean;
  trimmed: number;
  /** Population categories without respondents; `label` names the category in words. */
  emptyCategories: { dimension: string; category: string; label: string }[];
}

/**
 * Weight respondents to the population. With the joint table age group × tenure we post-stratify on
 * it; wijk is a separate margin, so the two are raked together. Without the joint table the single
 * margins are raked. Respondents whose category is not in the population figures are not adjusted on
 * that dimension.
 */
export function computeWeights(
  classes: readonly ClassCount[],
  population: Population,
  labels: Labels = {},
): Weighting {
  // One unit per class with its number of respondents: weights depend only on the class.
  const units = classes.filter((c) => c.count > 0);
  const frequencies = units.map((c) => c.count);
  const known = (dim: keyof Population, value: string | null) =>
    value !== null && population[dim]?.[value] !== undefined ? value : null;
  const dimensions: {
    name: string;
    categories: (string | null)[];
    population: Record<string, number>;
    label: (category: string) => string;
  }[] = [];
  const labelOf = (variable: BackgroundVariable) => (category: string) =>
    labels[variable]?.[category] ?? category;
  if (population.age_tenure && Object.keys(population.age_tenure).length > 0) {
    dimensions.push({
      name: "leeftijd × woonsituatie",
      label: (category) => {
        const [age = "", tenure = ""] = category.split("|");
        return `${labelOf("age")(age)}, ${labelOf("tenure")(tenure).toLowerCase()}`;
      },
      categories: units.map((b) => (b.age && b.tenure ? known("age_tenure", `${b.age}|${b.tenure}`) : null)),
      population: population.age_tenure,
    });
  } else {
    for (const dim of ["age", "tenure"] as const)
      if (population[dim])
        dimensions.push({
          name: backgroundLabels[dim].toLowerCase(),
          label: labelOf(dim),
          categories: units.map((b) => known(dim, b[dim])),
          population: population[dim]!,
        });
  }
  if (population.wijk)
    dimensions.push({
      name: "wijk",
      label: labelOf("wijk"),
      categories: units.map((b) => known("wijk", b.wijk)),
      population: population.wijk,
    });
  const usable = dimensions.filter((d) => d.categories.some((c) => c !== null));
  const result = rake(usable, units.length, { frequencies });
  const weights = new Map<string, number>();
  units.forEach((b, i) => {
    weights.set(classKey(b), result.weights[i]!);
  });
  return {
    weights,
    method:
      usable.length === 0
        ? "none"
        : population.age_tenure && usable[0]?.name.includes("×")
          ? "post-stratification+raking"
          : "raking",
    dimensions: usable.map((d) => d.name),
    respondents: frequencies.reduce((a, b) => a + b, 0),
    effectiveSampleSize: result.effectiveSampleSize,
    converged: result.converged,
    trimmed: result.trimmed,
    emptyCategories: result.emptyCategories.map((e) => ({
      ...e,
      label: usable.find((d) => d.name === e.dimension)?.label(e.category) ?? e.category,
    })),
  };
}
