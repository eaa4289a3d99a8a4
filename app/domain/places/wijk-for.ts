// Which wijk is this point or postcode in: the pure rules behind wijkFor (wijken.server.ts).
//
// One answer for "outside": null. A point outside every boundary, a postcode that no wijk lists,
// and text that is not a Dutch postcode all give null; each caller decides what null means for
// it (the surveys store it as OUTSIDE_WIJK, the panel leaves the wijk empty).
//
// - A point: the wijk whose boundary contains it, else the parent wijk of a buurt that contains
//   it (when only buurten were imported). A point on the edge two wijken share gets exactly one
//   of them (ray casting is half-open); on the outer edge of Heemstede it may be outside.
// - A postcode: its 4 digits ("2101 AB", "2101ab", "2101"); the wijk that lists them, and when
//   two wijken list the same digits, the lowest code.
import { findWijkCode, type WijkArea } from "./geo";

export type PlaceQuery = { lat: number; lng: number } | { postcode: string };

/** The 4 digits of a Dutch postcode, or null when the text is not one. */
export function postcodeDigitsOf(postcode: string): string | null {
  const m = postcode
    .trim()
    .toUpperCase()
    .match(/^([1-9][0-9]{3})\s*([A-Z]{2})?$/);
  return m ? m[1]! : null;
}

/** The wijk listing these postcode digits (lowest code first), or null. */
export function wijkOfPostcode(
  digits: string,
  wijken: readonly { code: string; kind?: string; postcodes: readonly string[] }[],
): string | null {
  const listing = wijken
    .filter((w) => (w.kind ?? "wijk") === "wijk" && w.postcodes.includes(digits))
    .map((w) => w.code)
    .sort();
  return listing[0] ?? null;
}

/** The wijk containing a point, or null (see the rules above). */
export function wijkOfPoint(point: { lat: number; lng: number }, areas: readonly WijkArea[]): string | null {
  const sorted = [...areas].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return findWijkCode(point.lat, point.lng, sorted);
}
