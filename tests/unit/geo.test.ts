import { describe, expect, test } from "vitest";
import { findWijkCode, parseWijkenGeoJson, pointInGeometry, type Ring } from "../../app/domain/places/geo";

const square = (w: number, s: number, e: number, n: number): Ring => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];

describe("point in polygon", () => {
  const withHole = { type: "Polygon" as const, coordinates: [square(0, 0, 10, 10), square(4, 4, 6, 6)] };
  test.each([
    ["inside", 2, 2, true],
    ["outside", 12, 2, false],
    ["in the hole", 5, 5, false],
  ])("%s", (_n, lng, lat, expected) => expect(pointInGeometry(lat, lng, withHole)).toBe(expected));

  test("a MultiPolygon contains points of each part", () => {
    const multi = {
      type: "MultiPolygon" as const,
      coordinates: [[square(0, 0, 1, 1)], [square(5, 5, 6, 6)]],
    };
    expect(pointInGeometry(5.5, 5.5, multi)).toBe(true);
    expect(pointInGeometry(3, 3, multi)).toBe(false);
  });
});

describe("an initiative's wijk comes from its point", () => {
  const areas = [
    {
      code: "WK01",
      kind: "wijk" as const,
      parentCode: null,
      geometry: { type: "Polygon", coordinates: [square(4.59, 52.33, 4.62, 52.37)] },
    },
    {
      code: "BU0201",
      kind: "buurt" as const,
      parentCode: "WK02",
      geometry: { type: "Polygon", coordinates: [square(4.62, 52.33, 4.65, 52.37)] },
    },
    { code: "WK09", kind: "wijk" as const, parentCode: null, geometry: null },
  ];
  test.each([
    ["a point in a wijk", 52.35, 4.6, "WK01"],
    ["a point only in a buurt gets the buurt's wijk", 52.35, 4.63, "WK02"],
    ["a point outside Heemstede has no wijk", 52.38, 4.6, null],
  ])("%s", (_n, lat, lng, expected) => expect(findWijkCode(lat, lng, areas)).toBe(expected));
});

describe("GeoJSON import of wijken", () => {
  const feature = (
    properties: Record<string, unknown>,
    geometry: unknown = { type: "Polygon", coordinates: [square(4.59, 52.33, 4.6, 52.34)] },
  ) => ({
    type: "Feature",
    properties,
    geometry,
  });
  const collection = (...features: unknown[]) => ({ type: "FeatureCollection", features });

  test("CBS property names, new and old spelling, for wijken and buurten", () => {
    const result = parseWijkenGeoJson(
      collection(
        feature({ wijkcode: "WK039700", wijknaam: "Centrum" }),
        feature({ WK_CODE: "WK039701", WK_NAAM: "Noord" }),
        feature({ buurtcode: "BU03970000", buurtnaam: "Dorp", wijkcode: "WK039700" }),
        feature({ BU_CODE: "BU03970100", BU_NAAM: "Glip", WK_CODE: "WK039701" }),
      ),
    );
    expect(result.errors).toEqual([]);
    expect(result.areas.map((a) => [a.code, a.name, a.kind, a.parentCode])).toEqual([
      ["WK039700", "Centrum", "wijk", null],
      ["WK039701", "Noord", "wijk", null],
      ["BU03970000", "Dorp", "buurt", "WK039700"],
      ["BU03970100", "Glip", "buurt", "WK039701"],
    ]);
  });

  test("another projection named in the file is refused with a clear message", () => {
    const result = parseWijkenGeoJson({
      ...collection(feature({ wijkcode: "WK1", wijknaam: "A" })),
      crs: { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::28992" } },
    });
    expect(result.areas).toEqual([]);
    expect(result.errors[0]).toMatch(/EPSG::28992.*EPSG:4326/);
  });

  test("Rijksdriehoek coordinates without a crs member are recognised", () => {
    const rd = { type: "Polygon", coordinates: [square(101000, 484000, 102000, 485000)] };
    const result = parseWijkenGeoJson(collection(feature({ wijkcode: "WK1", wijknaam: "A" }, rd)));
    expect(result.errors[0]).toMatch(/Object 1 \(A\).*EPSG:4326/);
  });

  test.each([
    [
      "an open ring",
      {
        type: "Polygon",
        coordinates: [
          [
            [4.59, 52.33],
            [4.6, 52.33],
            [4.6, 52.34],
            [4.59, 52.34],
          ],
        ],
      },
      /niet gesloten/,
    ],
    [
      "too few corners",
      {
        type: "Polygon",
        coordinates: [
          [
            [4.59, 52.33],
            [4.6, 52.33],
            [4.59, 52.33],
          ],
        ],
      },
      /minstens 4/,
    ],
    [
      "a point instead of an area",
      { type: "Point", coordinates: [4.6, 52.35] },
      /alleen Polygon en MultiPolygon/,
    ],
    [
      "text for coordinates",
      {
        type: "Polygon",
        coordinates: [
          [
            ["a", "b"],
            [4.6, 52.33],
            [4.6, 52.34],
            ["a", "b"],
          ],
        ],
      },
      /geen paar getallen/,
    ],
    ["no geometry", null, /ontbreekt/],
  ])("invalid geometry: %s", (_n, geometry, message) => {
    const result = parseWijkenGeoJson(collection(feature({ wijkcode: "WK1", wijknaam: "A" }, geometry)));
    expect(result.areas).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(message);
  });

  test("every problem is listed and nothing is imported when one feature is wrong", () => {
    const result = parseWijkenGeoJson(
      collection(
        feature({ wijkcode: "WK1", wijknaam: "A" }),
        feature({ naam: "zonder code" }),
        feature({ wijkcode: "WK1", wijknaam: "B" }),
      ),
    );
    expect(result.areas).toEqual([]);
    expect(result.errors).toEqual([
      expect.stringMatching(/^Object 2: de code ontbreekt/),
      expect.stringMatching(/^Object 3 \(B\): de code WK1 komt vaker voor/),
    ]);
  });

  test("not a FeatureCollection", () => {
    expect(parseWijkenGeoJson({ type: "Feature" }).errors).toEqual([
      "Het bestand is geen GeoJSON FeatureCollection.",
    ]);
  });
});
