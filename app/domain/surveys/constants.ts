// Constants shared by the definition (zod, server and editor) and the survey page in the browser.
// It imports only the browser-safe places/heemstede.ts, so the survey page's JavaScript stays small.

/** Woonvisie 2023–2027 themes (seed 004; docs/policy.md). */
export const WOONVISIE_THEMES = {
  1: "Passend wonen voor iedereen",
  2: "Zorgen voor elkaar",
  3: "Leefbare en inclusieve wijken",
  4: "Duurzaam en toekomstbestendig wonen",
  5: "Samenwerking",
} as const;
export type ThemeId = keyof typeof WOONVISIE_THEMES;

/** The 5-point agree scale; stored as value_number 1..5. */
export const AGREE_SCALE = [
  { value: 1, label: "Helemaal mee oneens" },
  { value: 2, label: "Mee oneens" },
  { value: 3, label: "Neutraal" },
  { value: 4, label: "Mee eens" },
  { value: 5, label: "Helemaal mee eens" },
] as const;

export const DONT_KNOW_LABEL = "Weet ik niet / geen mening";
export const OTHER_LABEL = "Anders, namelijk";

/** Map points outside Heemstede's box are refused (the one definition lives in places). */
export { HEEMSTEDE_BOUNDS } from "../places/heemstede";
