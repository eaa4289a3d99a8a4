// Choice lists for the initiative selects: the public filters on /initiatieven and the staff
// add/edit form on /beheer/kaart.
import { STATUSES } from "./statuses";
import { THEMES } from "./themes";

export interface ChoiceOption {
  value: string;
  label: string;
}

export const themeOptions = (): ChoiceOption[] => THEMES.map((t) => ({ value: t.value, label: t.label }));

export const statusOptions = (): ChoiceOption[] => STATUSES.map((s) => ({ value: s.value, label: s.label }));

/** Demo wijken say so in their label. */
export const wijkOptions = (
  wijken: readonly { code: string; name: string; isDemo: boolean }[],
): ChoiceOption[] => wijken.map((w) => ({ value: w.code, label: w.isDemo ? `${w.name} (demo)` : w.name }));
