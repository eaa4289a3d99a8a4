import { MIN_CELL } from "./statistics";

// Map-point answers for the results map: coordinates rounded (3 decimals: about 100 by 70 metres in
// Heemstede), so no answer points at one house, and answers in the same rounded spot shown as one
// group. A group's count follows the page's suppression rule: fewer than 10 is never shown as a number.

export const MAP_DECIMALS = 3;

export function roundCoordinate(value: number): number {
  const f = 10 ** MAP_DECIMALS;
  return Math.round(value * f) / f;
}

export interface MapPointGroup {
  lat: number;
  lng: number;
  /** null when fewer than 10 answers (suppressed, as everywhere on the page). */
  count: number | null;
  /** Names of listed places chosen here (none for points chosen on the map). */
  places: string[];
  /** The first comments (personal data already replaced); `moreComments` says how many more. */
  comments: string[];
  moreComments: number;
}

export function groupMapPoints(
  points: { lat: number | null; lng: number | null; location: string | null; comment: string | null }[],
  maxComments = 20,
): MapPointGroup[] {
  const groups = new Map<
    string,
    { lat: number; lng: number; n: number; places: Set<string>; comments: string[] }
  >();
  for (const p of points) {
    if (p.lat === null || p.lng === null) continue; // an address only: never on the map
    const lat = roundCoordinate(p.lat);
    const lng = roundCoordinate(p.lng);
    const key = `${lat},${lng}`;
    const g = groups.get(key) ?? { lat, lng, n: 0, places: new Set<string>(), comments: [] };
    g.n += 1;
    if (p.location) g.places.add(p.location);
    if (p.comment) g.comments.push(p.comment);
    groups.set(key, g);
  }
  return [...groups.values()]
    .sort((a, b) => b.n - a.n || a.lat - b.lat || a.lng - b.lng)
    .map((g) => ({
      lat: g.lat,
      lng: g.lng,
      count: g.n >= MIN_CELL ? g.n : null,
      places: [...g.places],
      comments: g.comments.slice(0, maxComments),
      moreComments: Math.max(0, g.comments.length - maxComments),
    }));
}
