// Wijk boundaries: point-in-polygon for deriving an initiative's wijk from its point, and the
// checks on a GeoJSON import at /beheer/wijken (CBS wijk- en buurtkaart, EPSG:4326).

export type Position = [number, number];
export type Ring = Position[];
export interface PolygonGeometry {
  type: "Polygon";
  coordinates: Ring[];
}
export interface MultiPolygonGeometry {
  type: "MultiPolygon";
  coordinates: Ring[][];
}
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

/** Ray casting; a point exactly on an edge may fall either way, which is fine for wijken. */
function inRing(lng: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(lng: number, lat: number, rings: Ring[]): boolean {
  const [outer, ...holes] = rings;
  if (!outer || !inRing(lng, lat, outer)) return false;
  return !holes.some((hole) => inRing(lng, lat, hole));
}

export function pointInGeometry(lat: number, lng: number, geometry: AreaGeometry): boolean {
  if (geometry.type === "Polygon") return inPolygon(lng, lat, geometry.coordinates);
  return geometry.coordinates.some((polygon) => inPolygon(lng, lat, polygon));
}

export interface WijkArea {
  code: string;
  kind: "wijk" | "buurt";
  parentCode: string | null;
  geometry: unknown;
}

/**
 * The wijk a point lies in: a wijk boundary that contains it, or else the parent wijk of a buurt
 * that contains it (when only buurten were imported). Null outside every boundary.
 */
export function findWijkCode(lat: number, lng: number, areas: readonly WijkArea[]): string | null {
  const withShape = areas.filter((a) => isAreaGeometry(a.geometry));
  for (const a of withShape)
    if (a.kind === "wijk" && pointInGeometry(lat, lng, a.geometry as AreaGeometry)) return a.code;
  for (const a of withShape)
    if (a.kind === "buurt" && pointInGeometry(lat, lng, a.geometry as AreaGeometry))
      return a.parentCode ?? a.code;
  return null;
}

export function isAreaGeometry(g: unknown): g is AreaGeometry {
  if (!g || typeof g !== "object") return false;
  const t = (g as { type?: unknown }).type;
  return (
    (t === "Polygon" || t === "MultiPolygon") && Array.isArray((g as { coordinates?: unknown }).coordinates)
  );
}

// ---------------------------------------------------------------------------------------------
// GeoJSON import

export interface ImportedArea {
  code: string;
  name: string;
  kind: "wijk" | "buurt";
  parentCode: string | null;
  geometry: AreaGeometry;
}

export interface GeoJsonImportResult {
  areas: ImportedArea[];
  /** Dutch messages, one per problem, naming the feature ("Object 3 (Centrum): ..."). */
  errors: string[];
}

const WGS84_NAMES = new Set([
  "urn:ogc:def:crs:ogc:1.3:crs84",
  "urn:ogc:def:crs:epsg::4326",
  "urn:ogc:def:crs:epsg:4326",
  "epsg:4326",
  "crs84",
]);

/** Property names of the CBS wijk- en buurtkaart, in the newer and the older spelling. */
function prop(p: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = p[n] ?? p[n.toLowerCase()] ?? p[n.toUpperCase()];
    if (typeof v === "string" && v.trim()) return v.trim();
    if (typeof v === "number") return String(v);
  }
  return undefined;
}

function checkRing(ring: unknown, where: string): string | null {
  if (!Array.isArray(ring) || ring.length < 4) return `${where}: een vlak heeft minstens 4 hoekpunten nodig.`;
  for (const pos of ring) {
    if (
      !Array.isArray(pos) ||
      pos.length < 2 ||
      !pos.slice(0, 2).every((n) => typeof n === "number" && Number.isFinite(n))
    )
      return `${where}: een hoekpunt is geen paar getallen.`;
    const [lng, lat] = pos as number[];
    if (Math.abs(lng!) > 180 || Math.abs(lat!) > 90)
      return `${where}: de coördinaten zijn geen lengte- en breedtegraden. Gebruik EPSG:4326 (WGS 84), niet bijvoorbeeld Rijksdriehoek (EPSG:28992).`;
  }
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1])
    return `${where}: het vlak is niet gesloten (eerste en laatste punt verschillen).`;
  return null;
}

function checkGeometry(geometry: unknown, where: string): string | null {
  if (!geometry || typeof geometry !== "object") return `${where}: de geometrie ontbreekt.`;
  const g = geometry as { type?: unknown; coordinates?: unknown };
  if (g.type !== "Polygon" && g.type !== "MultiPolygon")
    return `${where}: de geometrie is een ${String(g.type)}; alleen Polygon en MultiPolygon kunnen.`;
  const polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0)
    return `${where}: de geometrie heeft geen coördinaten.`;
  for (const polygon of polygons) {
    if (!Array.isArray(polygon) || polygon.length === 0) return `${where}: een vlak heeft geen coördinaten.`;
    for (const ring of polygon) {
      const error = checkRing(ring, where);
      if (error) return error;
    }
  }
  return null;
}

/**
 * Check a GeoJSON FeatureCollection of wijken or buurten and turn it into rows. A feature with a
 * buurtcode is a buurt (its wijkcode becomes the parent), otherwise a wijk. All problems are
 * listed, so staff fix the file once; callers import nothing when `errors` is not empty.
 */
export function parseWijkenGeoJson(input: unknown): GeoJsonImportResult {
  const errors: string[] = [];
  if (!input || typeof input !== "object" || (input as { type?: unknown }).type !== "FeatureCollection")
    return { areas: [], errors: ["Het bestand is geen GeoJSON FeatureCollection."] };
  const fc = input as { crs?: { properties?: { name?: unknown } }; features?: unknown };
  const crsName = fc.crs?.properties?.name;
  if (crsName !== undefined && !WGS84_NAMES.has(String(crsName).toLowerCase()))
    return {
      areas: [],
      errors: [
        `Het bestand gebruikt projectie ${String(crsName)}. Exporteer het opnieuw in EPSG:4326 (WGS 84, lengte- en breedtegraden).`,
      ],
    };
  if (!Array.isArray(fc.features) || fc.features.length === 0)
    return { areas: [], errors: ["Het bestand bevat geen wijken of buurten."] };

  const areas: ImportedArea[] = [];
  const seen = new Set<string>();
  for (const [index, feature] of (fc.features as unknown[]).entries()) {
    const f = (feature ?? {}) as { type?: unknown; properties?: unknown; geometry?: unknown };
    const p = (f.properties && typeof f.properties === "object" ? f.properties : {}) as Record<
      string,
      unknown
    >;
    const buurtCode = prop(p, "buurtcode", "BU_CODE");
    const wijkCode = prop(p, "wijkcode", "WK_CODE");
    const name = buurtCode ? prop(p, "buurtnaam", "BU_NAAM") : prop(p, "wijknaam", "WK_NAAM");
    const code = buurtCode ?? wijkCode;
    const where = `Object ${index + 1}${name ? ` (${name})` : ""}`;
    const problem =
      f.type !== "Feature"
        ? `${where}: dit is geen Feature.`
        : !code
          ? `${where}: de code ontbreekt. Gebruik de eigenschap wijkcode of buurtcode (ook WK_CODE of BU_CODE).`
          : !name
            ? `${where}: de naam ontbreekt. Gebruik de eigenschap wijknaam of buurtnaam (ook WK_NAAM of BU_NAAM).`
            : seen.has(code)
              ? `${where}: de code ${code} komt vaker voor in het bestand.`
              : checkGeometry(f.geometry, where);
    if (problem || !code || !name) {
      if (problem) errors.push(problem);
      continue;
    }
    seen.add(code);
    areas.push({
      code,
      name,
      kind: buurtCode ? "buurt" : "wijk",
      parentCode: buurtCode ? (wijkCode ?? null) : null,
      geometry: f.geometry as AreaGeometry,
    });
  }
  return { areas: errors.length ? [] : areas, errors };
}
