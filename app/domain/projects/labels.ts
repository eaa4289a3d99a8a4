import { themeIds, themeLabels } from "../insights/themes";

// Labels for project fields, shared by public and staff pages.

export const projectStatusLabels = {
  draft: "Concept (niet zichtbaar voor inwoners)",
  active: "Lopend",
  completed: "Afgerond",
} as const;

/** The theme choices of a project: the Woonvisie themes, stored by their number. */
export const projectThemeOptions = themeIds.map((id) => ({ value: String(id), label: themeLabels[id] }));

/** Theme codes to their Dutch labels (unknown codes are left out). */
export function themeLabelList(codes: readonly string[]): string[] {
  return codes.flatMap((c) => projectThemeOptions.filter((o) => o.value === c).map((o) => o.label));
}
