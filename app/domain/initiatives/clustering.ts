// Grid clustering in Web Mercator pixel space, for /api/initiatieven.geojson. At low zoom nearby
// initiatives become one cluster marker with a count, so the whole town stays a small response
// however many initiatives there are. Pure: the same cells for the same input.

export interface MapPoint {
  id: string;
  lat: number;
  lng: number;
}

export interface Cluster {
  kind: "cluster";
  count: number;
  lat: number;
  lng: number;
  /** The zoom at which this cluster falls apart into smaller groups or single initiatives. */
  expansionZoom: number;
  /** Cluster bounds [west, south, east, north]: zooming to these shows every member. */
  bounds: [number, number, number, number];
}

export interface Single<P extends MapPoint> {
  kind: "point";
  point: P;
}

/** Cell size in screen pixels: about two markers wide, so clusters never overlap. */
export const CELL_PIXELS = 80;
/** From this zoom on, every initiative gets its own marker (street level). */
export const CLUSTER_MAX_ZOOM = 17;
/** Up to this many points in view, no clustering is needed at any zoom. */
export const CLUSTER_MIN_POINTS = 60;

const TILE = 256;

/** Longitude/latitude to world pixel coordinates at a zoom (Web Mercator, EPSG:3857). */
export function project(lat: number, lng: number, zoom: number): { x: number; y: number } {
  const scale = TILE * 2 ** zoom;
  const sin = Math.min(Math.max(Math.sin((lat * Math.PI) / 180), -0.9999), 0.9999);
  return {
    x: ((lng + 180) / 360) * scale,
    y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale,
  };
}

export function shouldCluster(count: number, zoom: number): boolean {
  return count > CLUSTER_MIN_POINTS && zoom < CLUSTER_MAX_ZOOM;
}

function cellKey(lat: number, lng: number, zoom: number): string {
  const { x, y } = project(lat, lng, zoom);
  return `${Math.floor(x / CELL_PIXELS)}:${Math.floor(y / CELL_PIXELS)}`;
}

/**
 * Group points per grid cell at `zoom`. A cell with one point stays that point; a cell with more
 * becomes a cluster at the mean position. Output order: clusters and points in first-seen order.
 */
export function clusterPoints<P extends MapPoint>(
  points: readonly P[],
  zoom: number,
): (Cluster | Single<P>)[] {
  if (!shouldCluster(points.length, zoom)) return points.map((point) => ({ kind: "point", point }));
  const cells = new Map<string, P[]>();
  for (const p of points) {
    const key = cellKey(p.lat, p.lng, zoom);
    const cell = cells.get(key);
    if (cell) cell.push(p);
    else cells.set(key, [p]);
  }
  const out: (Cluster | Single<P>)[] = [];
  for (const members of cells.values()) {
    if (members.length === 1) {
      out.push({ kind: "point", point: members[0]! });
      continue;
    }
    let lat = 0;
    let lng = 0;
    let west = 180;
    let south = 90;
    let east = -180;
    let north = -90;
    for (const m of members) {
      lat += m.lat;
      lng += m.lng;
      west = Math.min(west, m.lng);
      east = Math.max(east, m.lng);
      south = Math.min(south, m.lat);
      north = Math.max(north, m.lat);
    }
    out.push({
      kind: "cluster",
      count: members.length,
      lat: lat / members.length,
      lng: lng / members.length,
      expansionZoom: expansionZoom(members, zoom),
      bounds: [west, south, east, north],
    });
  }
  return out;
}

/** The first zoom above `zoom` where the members no longer share one cell. */
export function expansionZoom(members: readonly MapPoint[], zoom: number): number {
  for (let z = zoom + 1; z < CLUSTER_MAX_ZOOM; z++) {
    const first = cellKey(members[0]!.lat, members[0]!.lng, z);
    if (members.some((m) => cellKey(m.lat, m.lng, z) !== first)) return z;
  }
  return CLUSTER_MAX_ZOOM;
}

// The same grid, computed by the database: public-map.server.ts groups rows per cell in SQL (so 10,000
// initiatives never leave PostgreSQL one by one) and hands the cell summaries to clustersFromCells.

/** Cells per world width at `zoom`: floor(x01 · cellScale) is the cell column, as in cellKey. */
export function cellScale(zoom: number): number {
  return (TILE * 2 ** zoom) / CELL_PIXELS;
}

export interface CellSummary {
  count: number;
  lat: number;
  lng: number;
  south: number;
  west: number;
  north: number;
  east: number;
  /** The initiative's id when the cell holds just one. */
  id: string;
}

/** The first zoom above `zoom` where the corners of these bounds fall in different cells. */
export function boundsExpansionZoom(bounds: [number, number, number, number], zoom: number): number {
  const [west, south, east, north] = bounds;
  for (let z = zoom + 1; z < CLUSTER_MAX_ZOOM; z++)
    if (cellKey(south, west, z) !== cellKey(north, east, z)) return z;
  return CLUSTER_MAX_ZOOM;
}

export function clustersFromCells(
  cells: readonly CellSummary[],
  zoom: number,
): (Cluster | { kind: "single"; id: string })[] {
  return cells.map((c) => {
    if (c.count === 1) return { kind: "single", id: c.id };
    const bounds: [number, number, number, number] = [c.west, c.south, c.east, c.north];
    return {
      kind: "cluster",
      count: c.count,
      lat: c.lat,
      lng: c.lng,
      bounds,
      expansionZoom: boundsExpansionZoom(bounds, zoom),
    };
  });
}
