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

/**
 * The confirmation after a save on the staff project page. The redirect carries the code
 * (`?opgeslagen=phase-added`), never the text, so a link cannot put its own words on the page.
 */
export const projectSavedMessages = {
  project: "Het project is opgeslagen.",
  "phase-added": "De fase is toegevoegd.",
  "phase-saved": "De fase is opgeslagen.",
  "phase-pinned": "Deze fase is nu de huidige fase.",
  "phase-unpinned": "De data bepalen weer de huidige fase.",
} as const;
export type ProjectSaved = keyof typeof projectSavedMessages;

/** The Dutch confirmation for a code from the URL; nothing for a missing or unknown code. */
export function projectSavedMessage(code: string | null): string | null {
  return code && Object.hasOwn(projectSavedMessages, code)
    ? projectSavedMessages[code as ProjectSaved]
    : null;
}
