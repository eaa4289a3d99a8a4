// The themes an initiative can have. Stored as `value` in initiatives.theme; the map feature
// reads the same list for its filter and legend.
export const INITIATIVE_THEMES = [
  { value: "groen", label: "Groen en natuur" },
  { value: "spelen-sport", label: "Spelen en sport" },
  { value: "verkeer", label: "Verkeer en veiligheid" },
  { value: "wonen", label: "Wonen" },
  { value: "duurzaam", label: "Duurzaamheid en energie" },
  { value: "samenleven", label: "Samenleven en zorg voor elkaar" },
  { value: "cultuur", label: "Kunst, cultuur en erfgoed" },
  { value: "ondernemen", label: "Winkels en ondernemen" },
  { value: "anders", label: "Iets anders" },
] as const;

export type Theme = (typeof INITIATIVE_THEMES)[number]["value"];
export const themeValues = INITIATIVE_THEMES.map((t) => t.value) as [Theme, ...Theme[]];

/** The themes as options of a select (public filters, staff form). */
export const themeOptions = (): { value: string; label: string }[] =>
  INITIATIVE_THEMES.map((t) => ({ value: t.value, label: t.label }));

export function themeLabel(value: string | null | undefined): string {
  return INITIATIVE_THEMES.find((t) => t.value === value)?.label ?? "Onbekend thema";
}
