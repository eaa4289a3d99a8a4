// Address search through the PDOK Locatieserver, only when PDOK_LOCATIESERVER_URL is set.
// Called on the server, so it works without JavaScript; the plain text field is the fallback.
import { getEnv } from "../../lib/env.server";
import { getLogger } from "../../lib/logger.server";

export interface AddressSuggestion {
  label: string;
  lat: number;
  lng: number;
  postcode: string;
}

export function addressSearchEnabled(): boolean {
  return Boolean(getEnv().PDOK_LOCATIESERVER_URL);
}

/** "POINT(4.62 52.35)" → { lat, lng } */
export function parsePoint(wkt: unknown): { lat: number; lng: number } | null {
  if (typeof wkt !== "string") return null;
  const m = wkt.match(/^POINT\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)$/);
  if (!m) return null;
  return { lng: Number(m[1]), lat: Number(m[2]) };
}

export async function searchAddress(query: string): Promise<AddressSuggestion[] | null> {
  const base = getEnv().PDOK_LOCATIESERVER_URL;
  if (!base || query.trim().length < 3) return [];
  const url = new URL(`${base.replace(/\/$/, "")}/free`);
  url.searchParams.set("q", query.trim());
  url.searchParams.append("fq", "type:adres");
  url.searchParams.append("fq", "gemeentenaam:Heemstede");
  url.searchParams.set("fl", "weergavenaam,centroide_ll,postcode");
  url.searchParams.set("rows", "5");
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(4000) });
    if (!res.ok) throw new Error(`PDOK ${res.status}`);
    const body = (await res.json()) as { response?: { docs?: Record<string, unknown>[] } };
    return (body.response?.docs ?? []).flatMap((d) => {
      const p = parsePoint(d.centroide_ll);
      return p && typeof d.weergavenaam === "string"
        ? [{ label: d.weergavenaam, ...p, postcode: typeof d.postcode === "string" ? d.postcode : "" }]
        : [];
    });
  } catch (err) {
    getLogger().warn({ err }, "PDOK address search failed");
    return null;
  }
}
