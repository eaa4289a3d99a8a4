// Coordinates as residents type them and the map pickers write them: a decimal comma, five decimals.

/** "52,35" or "52.35" → 52.35; null otherwise. */
export function parseCoordinate(value: string | undefined): number | null {
  const v = value?.trim().replace(",", ".");
  if (!v || !/^-?\d{1,3}(\.\d+)?$/.test(v)) return null;
  return Number(v);
}

/** 52.35 → "52,35000". */
export const formatCoordinate = (n: number) => n.toFixed(5).replace(".", ",");

/** The point of two form values, or null when either is not a coordinate. */
export function pointOf(lat: string | undefined, lng: string | undefined): [number, number] | null {
  const la = parseCoordinate(lat);
  const ln = parseCoordinate(lng);
  return la !== null && ln !== null ? [la, ln] : null;
}
