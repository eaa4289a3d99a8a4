import { TOWN_ZOOM } from "../places/heemstede";
import { type Status, statusFromWord, statusWords } from "./statuses";
// Filters of the public map and list (/initiatieven) and of /api/initiatieven.geojson.
// Every value is checked against an allowlist or a strict pattern: nothing from the URL reaches SQL
// unchecked, and unknown values are dropped (a stale shared link still opens).

export interface MapFilters {
  theme?: string;
  status?: string;
  wijk?: string;
  /** Free text, searched in the public title and summary. */
  q?: string;
}

export interface FilterOptions {
  themes: readonly string[];
  statuses: readonly string[];
}

/** URL parameter names, in Dutch because residents share these links. */
export const FILTER_PARAMS = { theme: "thema", status: "status", wijk: "wijk", q: "zoek" } as const;

const WIJK_CODE = /^[A-Za-z0-9_-]{1,20}$/;

function pick(params: URLSearchParams, name: string): string | undefined {
  const v = params.get(name)?.trim();
  return v ? v : undefined;
}

export function parseMapFilters(params: URLSearchParams, options: FilterOptions): MapFilters {
  const filters: MapFilters = {};
  const theme = pick(params, FILTER_PARAMS.theme) ?? pick(params, "theme");
  if (theme && options.themes.includes(theme)) filters.theme = theme;
  // The URL carries the Dutch word (in_uitvoering); the filter holds the code (in_execution).
  const status = statusFromWord(pick(params, FILTER_PARAMS.status) ?? "");
  if (status && options.statuses.includes(status)) filters.status = status;
  const wijk = pick(params, FILTER_PARAMS.wijk);
  if (wijk && WIJK_CODE.test(wijk)) filters.wijk = wijk.toUpperCase();
  const q = pick(params, FILTER_PARAMS.q)
    ?.replace(/\p{Cc}/gu, " ")
    .replace(/\s+/g, " ")
    .slice(0, 100)
    .trim();
  if (q) filters.q = q;
  return filters;
}

/** The filters as URL parameters (for links that keep the selection, e.g. paging and the map's data URL). */
export function filtersToParams(filters: MapFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.theme) params.set(FILTER_PARAMS.theme, filters.theme);
  if (filters.status)
    params.set(FILTER_PARAMS.status, statusWords[filters.status as Status] ?? filters.status);
  if (filters.wijk) params.set(FILTER_PARAMS.wijk, filters.wijk);
  if (filters.q) params.set(FILTER_PARAMS.q, filters.q);
  return params;
}

export function hasFilters(filters: MapFilters): boolean {
  return Boolean(filters.theme || filters.status || filters.wijk || filters.q);
}

/** Escape LIKE wildcards so a search for "50%" finds "50%", not everything. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, "\\$&")}%`;
}

export type Bbox = [west: number, south: number, east: number, north: number];

/** `bbox=west,south,east,north` in degrees (EPSG:4326), as in OGC API Features. */
export function parseBbox(value: string | null): Bbox | null | "invalid" {
  if (value === null || value.trim() === "") return null;
  const parts = value.split(",").map((p) => Number(p.trim()));
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return "invalid";
  const [w, s, e, n] = parts as Bbox;
  if (w < -180 || e > 180 || s < -90 || n > 90 || w >= e || s >= n) return "invalid";
  return [w, s, e, n];
}

export const MIN_ZOOM = 0;
export const MAX_ZOOM = 22;

export function parseZoom(value: string | null): number | "invalid" {
  if (value === null || value.trim() === "") return TOWN_ZOOM;
  if (!/^\d{1,2}(\.\d+)?$/.test(value.trim())) return "invalid";
  const z = Math.floor(Number(value));
  return z >= MIN_ZOOM && z <= MAX_ZOOM ? z : "invalid";
}

export interface GeoJsonQuery {
  bbox: Bbox | null;
  zoom: number;
  filters: MapFilters;
}

/** The query of /api/initiatieven.geojson; errors in Dutch for the 400 response. */
export function parseGeoJsonQuery(
  params: URLSearchParams,
  options: FilterOptions,
): { ok: true; query: GeoJsonQuery } | { ok: false; error: string } {
  const bbox = parseBbox(params.get("bbox"));
  if (bbox === "invalid")
    return { ok: false, error: "bbox moet vier getallen zijn: west,zuid,oost,noord in graden (EPSG:4326)." };
  const zoom = parseZoom(params.get("zoom"));
  if (zoom === "invalid")
    return { ok: false, error: `zoom moet een getal van ${MIN_ZOOM} tot ${MAX_ZOOM} zijn.` };
  for (const name of ["theme", "thema", "status"]) {
    const v = params.get(name);
    const allowed = name === "status" ? options.statuses : options.themes;
    if (v && !allowed.includes(v))
      return { ok: false, error: `Onbekende waarde voor ${name}: kies uit ${allowed.join(", ")}.` };
  }
  return { ok: true, query: { bbox, zoom, filters: parseMapFilters(params, options) } };
}
