// Where a quickscan idea is: an address (a PDOK suggestion), a wijk or a point on the map in Heemstede, and
// the rules of the location page with and without JavaScript. Pure.
import { HEEMSTEDE_BOUNDS } from "../places/heemstede";

/** "52,3512" or "52.3512" → 52.3512; null when it is not a plain decimal number. */
export function parseCoordinate(value: unknown): number | null {
  if (typeof value !== "string") return null;
  const v = value.trim().replace(",", ".");
  if (!/^-?\d{1,3}(\.\d{1,10})?$/.test(v)) return null;
  return Number(v);
}

/**
 * The message for a point set on the map, or null when it lies in Heemstede. Residents never see
 * coordinates: the map writes them into hidden fields, so a message speaks of the map only.
 */
export function mapPointError(v: { lat?: unknown; lng?: unknown }): string | null {
  // A point outside Heemstede's box is a slip of the mouse or a place elsewhere.
  const b = HEEMSTEDE_BOUNDS;
  if ((v.lat === undefined || v.lat === "") && (v.lng === undefined || v.lng === ""))
    return "Wijs de plek van uw idee aan op de kaart.";
  const lat = parseCoordinate(v.lat);
  const lng = parseCoordinate(v.lng);
  if (lat === null || lng === null) return "Wijs de plek van uw idee opnieuw aan op de kaart.";
  if (lat < b.south || lat > b.north || lng < b.west || lng > b.east)
    return "Deze plek ligt niet in Heemstede. Wijs een plek in Heemstede aan.";
  return null;
}

/** The chosen point when the location is a point on the map and it is valid; otherwise null. */
export function chosenPoint(v: { locationKind?: string; lat?: unknown; lng?: unknown }) {
  if (v.locationKind !== "point" || mapPointError(v)) return null;
  return { lat: parseCoordinate(v.lat)!, lng: parseCoordinate(v.lng)! };
}

const filled = (v: unknown) => typeof v === "string" && v.trim() !== "";

/**
 * The location page of "a point on the map" without JavaScript shows an address field and a wijk
 * choice instead of the map (it posts no "kaart"). What the resident filled in there becomes the
 * location kind: an address, else a wijk. With the map (or nothing filled in) the kind stays.
 */
export function settleLocationKind<T extends Record<string, unknown>>(values: T): T {
  if (values.locationKind !== "point" || values.kaart === "ja" || filled(values.lat)) return values;
  if (filled(values.address)) return { ...values, locationKind: "address" };
  if (filled(values.wijkCode)) return { ...values, locationKind: "wijk" };
  return values;
}

/** The conditional rule of the location page: an address needs an address, a wijk a wijk, a point a point. */
export function locationErrors(v: Record<string, unknown>) {
  const errors: Record<string, string> = {};
  if (v.locationKind === "address" && !filled(v.address)) errors.address = "Vul een adres of straatnaam in.";
  if (v.locationKind === "wijk" && !filled(v.wijkCode)) errors.wijkCode = "Kies een wijk.";
  if (v.locationKind === "point") {
    if (v.kaart !== "ja" && !filled(v.lat))
      errors.address = "Vul een adres of straat in, of kies hieronder een wijk.";
    else {
      const message = mapPointError(v);
      if (message) errors.lat = message;
    }
  }
  return errors;
}

/** A PDOK suggestion as stored in the radio value; null when tampered. */
export function parseAddressChoice(value: string | undefined) {
  if (!value) return null;
  const [lat, lng, postcode, ...label] = value.split(";");
  const la = Number(lat);
  const ln = Number(lng);
  if (!Number.isFinite(la) || !Number.isFinite(ln) || Math.abs(la) > 90 || Math.abs(ln) > 180) return null;
  return { lat: la, lng: ln, postcode: postcode ?? "", label: label.join(";") };
}
