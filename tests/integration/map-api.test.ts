import { beforeEach, describe, expect, test } from "vitest";
import { clusterPoints } from "../../app/domain/initiatives/clustering";
import { getDb } from "../../app/lib/db.server";
import * as api from "../../app/routes/api.initiatieven[.]geojson";
import { initiatives } from "../../db/schema";
import { resetDatabase } from "../support/db";
import { createInitiative, PRIVATE_MARKERS } from "../support/map-fixtures";
import { makeRequest, testContext } from "../support/remix";

beforeEach(resetDatabase);

type Collection = {
  type: string;
  features: {
    id: string;
    geometry: { coordinates: [number, number] };
    properties: Record<string, unknown>;
  }[];
  meta: { total: number; clustered: boolean };
};

/** The raw response: the body as text, so tests can search it for private values. */
async function get(qs = "", headers: Record<string, string> = {}) {
  const response = (await api.loader({
    request: makeRequest(`/api/initiatieven.geojson${qs}`, { headers }),
    params: {},
    context: testContext,
  })) as Response;
  return { status: response.status, headers: response.headers, data: await response.text() };
}

describe("/api/initiatieven.geojson", () => {
  test("only published initiatives, and only their public fields", async () => {
    const published = await createInitiative();
    await createInitiative({ isPublished: false, publicTitle: "Nog niet klaar" });
    await createInitiative({ publicLat: null, publicLng: null, publicTitle: "Zonder plek" });
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^application\/geo\+json/);
    const text = res.data;
    for (const secret of Object.values(PRIVATE_MARKERS)) expect(text).not.toContain(secret);
    expect(text).not.toContain("Interne titel");
    expect(text).not.toContain("52.35111"); // the exact private point
    const body = JSON.parse(text) as Collection;
    expect(body.type).toBe("FeatureCollection");
    expect(body.features).toHaveLength(1);
    const [feature] = body.features;
    expect(feature!.id).toBe(published.id);
    expect(feature!.geometry.coordinates).toEqual([4.611, 52.351]);
    expect(Object.keys(feature!.properties).sort()).toEqual([
      "id",
      "kind",
      "status",
      "theme",
      "title",
      "url",
      "wijk",
    ]);
    expect(feature!.properties.title).toBe("Moestuin");
  });

  test("theme, status and bbox filter the selection", async () => {
    await createInitiative({ theme: "groen", status: "realised" });
    await createInitiative({ theme: "verkeer", publicTitle: "Zebrapad" });
    await createInitiative({ theme: "verkeer", publicLat: 52.1, publicLng: 4.3, publicTitle: "Ver weg" });
    const titles = async (qs: string) =>
      (JSON.parse((await get(qs)).data) as Collection).features.map((f) => f.properties.title).sort();
    expect(await titles("?theme=verkeer")).toEqual(["Ver weg", "Zebrapad"]);
    expect(await titles("?theme=verkeer&bbox=4.59,52.33,4.65,52.37")).toEqual(["Zebrapad"]);
    expect(await titles("?status=realised")).toEqual(["Moestuin"]);
  });

  test("invalid parameters get a 400 with a Dutch explanation", async () => {
    for (const qs of ["?bbox=1,2,3", "?zoom=99", "?theme=onbekend", "?status=x"]) {
      const res = await get(qs);
      expect(res.status, qs).toBe(400);
      expect(JSON.parse(res.data).error).toBeTypeOf("string");
    }
  });

  test("a large set is clustered at town zoom and complete at street zoom", async () => {
    const base = await createInitiative();
    const rows = Array.from({ length: 400 }, (_, i) => ({
      ...base,
      id: undefined,
      publicLat: 52.33 + (i % 20) * 0.002,
      publicLng: 4.59 + Math.floor(i / 20) * 0.003,
    }));
    await getDb()
      .insert(initiatives)
      .values(rows.map(({ id: _id, searchVector: _s, ...r }) => r));
    const town = JSON.parse((await get("?zoom=13")).data) as Collection;
    expect(town.meta).toMatchObject({ total: 401, clustered: true });
    expect(town.features.length).toBeLessThan(100);
    const count = town.features.reduce(
      (n, f) => n + (f.properties.kind === "cluster" ? (f.properties.count as number) : 1),
      0,
    );
    expect(count).toBe(401);
    const cluster = town.features.find((f) => f.properties.kind === "cluster")!;
    expect(Object.keys(cluster.properties).sort()).toEqual(["bbox", "count", "expansionZoom", "kind"]);
    // The SQL grid is the same grid as the pure reference in clustering.ts.
    const reference = clusterPoints(
      [
        ...rows.map((r, i) => ({ id: String(i), lat: r.publicLat, lng: r.publicLng })),
        { id: "base", lat: 52.351, lng: 4.611 },
      ],
      13,
    )
      .map((g) => (g.kind === "cluster" ? g.count : 1))
      .sort((a, b) => a - b);
    const fromSql = town.features
      .map((f) => (f.properties.kind === "cluster" ? (f.properties.count as number) : 1))
      .sort((a, b) => a - b);
    expect(fromSql).toEqual(reference);
    const street = JSON.parse((await get("?zoom=18&bbox=4.58,52.32,4.66,52.38")).data) as Collection;
    expect(street.meta.clustered).toBe(false);
    expect(street.features).toHaveLength(401);
  });

  test("ETag and Cache-Control; a matching If-None-Match gives 304 without a body", async () => {
    await createInitiative();
    const first = await get("?zoom=14");
    const etag = first.headers.get("ETag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get("Cache-Control")).toMatch(/max-age=\d+/);
    const again = await get("?zoom=14", { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(again.data).toBe("");
    await createInitiative({ publicTitle: "Nieuw" });
    const changed = await get("?zoom=14", { "If-None-Match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("ETag")).not.toBe(etag);
  });
});
