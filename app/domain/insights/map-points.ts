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

/** The pins of the map: biggest spots first, small counts suppressed, at most `maxComments` comments each. */
export function mapPointGroups(cells: readonly MapPointCell[], maxComments = 20): MapPointGroup[] {
  return [...cells]
    .sort((a, b) => b.count - a.count || a.lat - b.lat || a.lng - b.lng)
    .map((c) => {
      const comments = c.comments.slice(0, maxComments);
      return {
        lat: c.lat,
        lng: c.lng,
        count: shownCount(c.count),
        places: c.places,
        comments,
        moreComments: Math.max(0, c.commentCount - comments.length),
      };
    });
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
