import { ageGroupLabel, tenureShortLabels } from "~/domain/panel/profile";
import { GroupedBars } from "./charts/grouped-bars";

// The digipanel's composition against the population as a chart: per group the share of active members
// (solid) and of residents (outline). Used on /beheer/digipanel beside the table and on the population page.

export interface CompositionChartData {
  dimension: "age" | "wijk" | "tenure";
  hasPopulation: boolean;
  rows: { category: string; label: string; panelShare: number | null; populationShare: number | null }[];
}

const titles = { age: "leeftijd", wijk: "wijk", tenure: "soort woning" } as const;

export function compositionLabel(dimension: CompositionChartData["dimension"], label: string) {
  if (dimension === "age") return ageGroupLabel(label);
  if (dimension === "tenure") return tenureShortLabels[label as keyof typeof tenureShortLabels] ?? label;
  return label;
}

const percent = (n: number) => `${n.toLocaleString("nl-NL", { maximumFractionDigits: 1 })}%`;

export function CompositionChart({ data }: { data: CompositionChartData }) {
  return (
    <GroupedBars
      title={`Panel en bevolking per ${titles[data.dimension]} (aandeel in procenten)`}
      series={[
        { key: "panel", label: "Panel", pattern: "solid" },
        ...(data.hasPopulation
          ? [{ key: "population", label: "Bevolking", pattern: "outline" as const }]
          : []),
      ]}
      groups={data.rows.map((r) => ({
        label: compositionLabel(data.dimension, r.label),
        values: { panel: r.panelShare, population: r.populationShare },
      }))}
      format={percent}
    />
  );
}
