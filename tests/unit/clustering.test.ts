import { describe, expect, test } from "vitest";
import {
  boundsExpansionZoom,
  CLUSTER_MAX_ZOOM,
  CLUSTER_MIN_POINTS,
  clusterPoints,
  clustersFromCells,
  type MapPoint,
  project,
} from "../../app/domain/initiatives/clustering";

/** A regular grid of points over Heemstede (lat 52.33–52.37, lng 4.59–4.65). */
function grid(n: number): MapPoint[] {
  const side = Math.ceil(Math.sqrt(n));
  return Array.from({ length: n }, (_, i) => ({
    id: String(i),
    lat: 52.33 + (0.04 * Math.floor(i / side)) / side,
    lng: 4.59 + (0.06 * (i % side)) / side,
  }));
}

describe("clustering by zoom", () => {
  test("a small set is never clustered", () => {
    const points = grid(CLUSTER_MIN_POINTS);
    expect(clusterPoints(points, 10).every((f) => f.kind === "point")).toBe(true);
  });

  test("10,000 initiatives at town zoom become a few hundred markers, and no initiative is lost", () => {
    const points = grid(10_000);
    const features = clusterPoints(points, 14);
    expect(features.length).toBeLessThan(300);
    const total = features.reduce((n, f) => n + (f.kind === "cluster" ? f.count : 1), 0);
    expect(total).toBe(10_000);
  });

  test("zooming in gives more, smaller groups", () => {
    const points = grid(2_000);
    expect(clusterPoints(points, 15).length).toBeGreaterThan(clusterPoints(points, 13).length);
  });

  test("at street zoom every initiative has its own marker", () => {
    const points = grid(1_000);
    expect(clusterPoints(points, CLUSTER_MAX_ZOOM)).toHaveLength(1_000);
  });

  test("a cluster lies within its members' bounds and opens at a higher zoom", () => {
    const features = clusterPoints(grid(5_000), 12);
    const cluster = features.find((f) => f.kind === "cluster");
    expect(cluster).toBeDefined();
    if (cluster?.kind !== "cluster") return;
    const [w, s, e, n] = cluster.bounds;
    expect(cluster.lng).toBeGreaterThanOrEqual(w);
    expect(cluster.lng).toBeLessThanOrEqual(e);
    expect(cluster.lat).toBeGreaterThanOrEqual(s);
    expect(cluster.lat).toBeLessThanOrEqual(n);
    expect(cluster.expansionZoom).toBeGreaterThan(12);
  });

  test("Web Mercator: one zoom step doubles the pixel distance", () => {
    const a = project(52.35, 4.6, 10);
    const b = project(52.35, 4.6, 11);
    expect(b.x / a.x).toBeCloseTo(2, 6);
    expect(project(0, 0, 0)).toEqual({ x: 128, y: 128 });
  });
});

describe("clusters from the database's cell summaries", () => {
  test("a cell of one is a single initiative, a larger cell a cluster that opens when zooming in", () => {
    const cells = [
      { count: 1, lat: 52.35, lng: 4.6, south: 52.35, west: 4.6, north: 52.35, east: 4.6, id: "a" },
      { count: 40, lat: 52.351, lng: 4.61, south: 52.349, west: 4.605, north: 52.353, east: 4.615, id: "b" },
    ];
    const [single, cluster] = clustersFromCells(cells, 13);
    expect(single).toEqual({ kind: "single", id: "a" });
    expect(cluster).toMatchObject({ kind: "cluster", count: 40, bounds: [4.605, 52.349, 4.615, 52.353] });
    if (cluster?.kind !== "cluster") return;
    expect(cluster.expansionZoom).toBeGreaterThan(13);
    expect(cluster.expansionZoom).toBeLessThanOrEqual(CLUSTER_MAX_ZOOM);
  });

  test("a wider cluster opens sooner than a tight one", () => {
    const wide = boundsExpansionZoom([4.59, 52.33, 4.65, 52.37], 11);
    const tight = boundsExpansionZoom([4.6, 52.35, 4.6001, 52.3501], 11);
    expect(wide).toBeLessThan(tight);
  });
});
