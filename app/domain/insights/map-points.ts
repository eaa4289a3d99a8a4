import { shownCount } from "./statistics";

// Map-point answers for the results map and list. Coordinates are rounded (3 decimals: about 100 by
// 70 metres in Heemstede) in the query, so no answer points at one house; answers in the same rounded
// spot arrive as one cell. Counts follow the page's suppression rule: fewer than 10 is never shown as a
// number, and a question with fewer than 10 answers shows neither map nor list.

export const MAP_DECIMALS = 3;

/** One rounded spot as the query counts it: all its answers, their listed places and first comments. */
export interface MapPointCell {
  lat: number;
  lng: number;
  count: number;
  places: string[];
  /** Comments of answers in this spot, from a sample (personal data already replaced). */
  comments: string[];
  commentCount: number;
}

export interface MapPointGroup {
  lat: number;
  lng: number;
  /** null when fewer than 10 answers (suppressed, as everywhere on the page). */
  count: number | null;
  /** Names of listed places chosen here (none for points chosen on the map). */
  places: string[];
  /** The first comments; `moreComments` says how many more. */
  comments: string[];
  moreComments: number;
}

/** Metres between two nearby points (flat-earth approximation; fine within a town). */
function metresBetween(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dy = (a.lat - b.lat) * 111_320;
  const dx = (a.lng - b.lng) * 111_320 * Math.cos((a.lat * Math.PI) / 180);
  return Math.hypot(dx, dy);
}

/**
 * The pins of the map: nearby spots grouped into one pin that carries the number of answers, so
 * pins no longer lie on top of each other. The biggest spot starts a group and takes in every
 * smaller spot within `radiusMetres`; the pin sits at the answers' mean position. Biggest groups
 * first; a group under 10 answers shows no number; at most `maxComments` comments each.
 */
export function mapPointGroups(
  cells: readonly MapPointCell[],
  maxComments = 20,
  radiusMetres = 250,
): MapPointGroup[] {
  const groups: { seed: MapPointCell; members: MapPointCell[] }[] = [];
  const bySize = [...cells].sort((a, b) => b.count - a.count || a.lat - b.lat || a.lng - b.lng);
  for (const c of bySize) {
    const near = groups.find((g) => metresBetween(g.seed, c) <= radiusMetres);
    if (near) near.members.push(c);
    else groups.push({ seed: c, members: [c] });
  }
  return groups
    .map(({ members }) => {
      const count = members.reduce((a, m) => a + m.count, 0);
      const weight = (m: MapPointCell) => (count > 0 ? m.count / count : 1 / members.length);
      const all = members.flatMap((m) => m.comments);
      const comments = all.slice(0, maxComments);
      return {
        // Rounded like the spots themselves, so no pin is more precise than the query's ~100 m.
        lat: Number(members.reduce((a, m) => a + m.lat * weight(m), 0).toFixed(MAP_DECIMALS)),
        lng: Number(members.reduce((a, m) => a + m.lng * weight(m), 0).toFixed(MAP_DECIMALS)),
        total: count,
        count: shownCount(count),
        places: [...new Set(members.flatMap((m) => m.places))],
        comments,
        moreComments: Math.max(0, members.reduce((a, m) => a + m.commentCount, 0) - comments.length),
      };
    })
    .sort((a, b) => b.total - a.total)
    .map(({ total: _total, ...g }) => g);
}

/** The list next to the map: answers per listed place, and those pointed out on the map or by address. */
export interface MapPointSummary {
  places: { label: string; count: number | null }[];
  /** Answers without a listed place; null when fewer than 10. */
  elsewhere: number | null;
  comments: { location: string | null; comment: string }[];
  commentCount: number;
}

export function mapPointSummary(
  perPlace: readonly { location: string | null; count: number }[],
  labels: Record<string, string>,
  comments: MapPointSummary["comments"],
  commentCount: number,
): MapPointSummary {
  const listed = perPlace.filter((p) => p.location !== null);
  const elsewhere = perPlace.filter((p) => p.location === null).reduce((a, p) => a + p.count, 0);
  return {
    places: listed
      .sort((a, b) => b.count - a.count)
      .map((p) => ({ label: labels[p.location!] ?? p.location!, count: shownCount(p.count) })),
    elsewhere: shownCount(elsewhere),
    comments,
    commentCount,
  };
}
