// Small pure rules of the initiatives context: working days, routing, public location.

/** The date `days` working days (Mon–Fri) after `from`. Public holidays are not counted out. */
export function addWorkingDays(from: Date, days: number): Date {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) left--;
  }
  return d;
}

/** Handles ideas that no routing rule matches. */
export const FALLBACK_TEAM = "Team Participatie";

export interface RoutingRule {
  id: number;
  theme: string | null;
  wijkCode: string | null;
  accountManagerId: string | null;
  team: string | null;
}

/**
 * The rule that routes an idea: theme and wijk both match > theme only > wijk only > the
 * fallback rule (neither). A rule with a theme never matches another theme, likewise for wijk.
 */
export function pickRoutingRule<R extends RoutingRule>(
  rules: readonly R[],
  idea: { theme: string; wijkCode: string | null | undefined },
): R | null {
  const score = (r: R) => {
    if (r.theme !== null && r.theme !== idea.theme) return -1;
    if (r.wijkCode !== null && r.wijkCode !== idea.wijkCode) return -1;
    return (r.theme !== null ? 2 : 0) + (r.wijkCode !== null ? 1 : 0);
  };
  let best: R | null = null;
  let bestScore = -1;
  for (const r of rules) {
    const s = score(r);
    if (s > bestScore) {
      best = r;
      bestScore = s;
    }
  }
  return best;
}

export const LOCATION_PRECISIONS = [
  { value: "none", label: "Niet op de kaart" },
  { value: "wijk", label: "Ongeveer (wijk, ca. 1 km)" },
  { value: "buurt", label: "Straat of buurt (ca. 100 m)" },
  { value: "exact", label: "Precies (alleen als de initiatiefnemer dat goed vindt)" },
] as const;
export type LocationPrecision = (typeof LOCATION_PRECISIONS)[number]["value"];

const DECIMALS: Record<Exclude<LocationPrecision, "none">, number> = { wijk: 2, buurt: 3, exact: 5 };

/**
 * The public point for the map: rounded so a house cannot be found unless the initiator agreed.
 * 2 decimals ≈ 1 km, 3 ≈ 100 m, 5 ≈ 1 m.
 */
export function publicPoint(
  point: { lat: number | null; lng: number | null },
  precision: LocationPrecision,
  allowExact: boolean,
): { lat: number; lng: number } | null {
  if (precision === "none" || point.lat === null || point.lng === null) return null;
  const effective = precision === "exact" && !allowExact ? "buurt" : precision;
  const f = 10 ** DECIMALS[effective];
  return { lat: Math.round(point.lat * f) / f, lng: Math.round(point.lng * f) / f };
}

/**
 * Does a public text give away the initiator's house number? True when it names the street of
 * `address` followed by its number ("Binnenweg 12"). Used when the initiator did not agree to that.
 */
export function revealsAddress(text: string, address: string | null | undefined): boolean {
  const m = address?.match(/^\s*([^\d,]+?)\s+(\d+)/);
  if (!m) return false;
  const street = m[1]!.trim().toLowerCase();
  const normalized = text.toLowerCase().replace(/\s+/g, " ");
  return normalized.includes(`${street} ${m[2]}`);
}

/** Rejected and withdrawn initiatives are closed: never on the map, no more messages. */
export function isClosed(status: string): boolean {
  return status === "rejected" || status === "withdrawn";
}

/**
 * Where the public point comes from: the initiator's own point at a chosen precision (the triage
 * page), or a point that staff place by hand (/beheer/kaart), which counts as "exact".
 */
export type PublicLocationRequest =
  | { precision: LocationPrecision }
  | { point: { lat: number; lng: number } | null };

/**
 * The public point and its precision, never more precise than the initiator allowed: without
 * consent an exact point is rounded to the street or buurt (about 100 m), whichever page asks.
 */
export function publicLocation(
  idea: { lat: number | null; lng: number | null; allowExactLocation: boolean },
  request: PublicLocationRequest,
): { publicLat: number | null; publicLng: number | null; locationPrecision: LocationPrecision } {
  const [source, wanted]: [{ lat: number | null; lng: number | null }, LocationPrecision] =
    "precision" in request
      ? [{ lat: idea.lat, lng: idea.lng }, request.precision]
      : [request.point ?? { lat: null, lng: null }, request.point ? "exact" : "none"];
  const point = publicPoint(source, wanted, idea.allowExactLocation);
  if (!point) return { publicLat: null, publicLng: null, locationPrecision: "none" };
  const precision = wanted === "exact" && !idea.allowExactLocation ? "buurt" : wanted;
  return { publicLat: point.lat, publicLng: point.lng, locationPrecision: precision };
}

/**
 * Why these public texts may not go on the map, or null: a closed initiative never does, and
 * without the initiator's consent the texts name no house number of their address.
 */
export function publicationProblem(
  idea: { status: string; address: string | null; allowExactLocation: boolean },
  texts: { publicTitle: string; publicSummary: string },
): { field: "published" | "publicTitle" | "publicSummary"; message: string } | null {
  if (isClosed(idea.status))
    return { field: "published", message: "Een afgewezen of ingetrokken idee kan niet op de kaart." };
  if (!idea.allowExactLocation)
    for (const field of ["publicTitle", "publicSummary"] as const)
      if (revealsAddress(texts[field], idea.address))
        return {
          field,
          message: "Haal het huisnummer weg: de initiatiefnemer heeft daar geen toestemming voor gegeven.",
        };
  return null;
}

/**
 * Past its answer date: still "new" (nobody has answered the initiator) after the day by which
 * they were promised an answer. `today` is the date in Heemstede, "YYYY-MM-DD".
 */
export function isOverdue(idea: { status: string; respondBy: string | null }, today: string): boolean {
  return idea.status === "new" && idea.respondBy !== null && idea.respondBy < today;
}

/** Today's date in Heemstede as "YYYY-MM-DD". */
export function todayInHeemstede(now = new Date()): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Amsterdam" }).format(now);
}
