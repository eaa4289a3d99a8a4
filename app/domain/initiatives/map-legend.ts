import { INITIATIVE_THEMES } from "./themes";

// How each theme looks on the map: a symbol (letters, so the marker never relies on colour alone)
// and a colour with at least 4.5:1 contrast against white text. The legend shows both with the
// theme's name in text.
const STYLE: Record<string, { symbol: string; color: string }> = {
  groen: { symbol: "G", color: "#2e6b30" },
  "spelen-sport": { symbol: "Sp", color: "#8a4b00" },
  verkeer: { symbol: "V", color: "#a8201a" },
  wonen: { symbol: "W", color: "#1f4e8c" },
  duurzaam: { symbol: "D", color: "#0f6a6a" },
  samenleven: { symbol: "Sa", color: "#7a2f7a" },
  cultuur: { symbol: "K", color: "#5b3a8e" },
  ondernemen: { symbol: "O", color: "#6b5400" },
  anders: { symbol: "?", color: "#4a4a4a" },
};

export interface LegendItem {
  value: string;
  label: string;
  symbol: string;
  color: string;
}

export const MAP_LEGEND: LegendItem[] = INITIATIVE_THEMES.map((t) => ({
  value: t.value,
  label: t.label,
  ...(STYLE[t.value] ?? { symbol: t.label.slice(0, 1), color: "#4a4a4a" }),
}));
