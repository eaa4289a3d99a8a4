import { describe, expect, test } from "vitest";
import { type MapPointCell, mapPointGroups, mapPointSummary } from "~/domain/insights/map-points";

const cell = (count: number, extra: Partial<MapPointCell> = {}): MapPointCell => ({
  lat: 52.35,
  lng: 4.61,
  count,
  places: [],
  comments: [],
  commentCount: 0,
  ...extra,
});

describe("map-point answers on the results map", () => {
  test("the biggest spots come first, with their places and comments", () => {
    const groups = mapPointGroups([
      cell(3, { lat: 52.34, lng: 4.62, comments: ["Lege kavel"], commentCount: 1 }),
      cell(12, {
        lat: 52.359,
        lng: 4.609,
        places: ["Stationsplein"],
        comments: ["Opmerking 0", "Opmerking 1"],
        commentCount: 2,
      }),
    ]);
    expect(groups).toEqual([
      {
        lat: 52.359,
        lng: 4.609,
        count: 12,
        places: ["Stationsplein"],
        comments: ["Opmerking 0", "Opmerking 1"],
        moreComments: 0,
      },
      { lat: 52.34, lng: 4.62, count: null, places: [], comments: ["Lege kavel"], moreComments: 0 },
    ]);
  });

  test.each([
    ["9 answers: the count is suppressed", 9, null],
    ["10 answers: the count is shown", 10, 10],
  ])("%s", (_name, n, expected) => {
    expect(mapPointGroups([cell(n)])[0]!.count).toBe(expected);
  });

  test("only the first comments travel to the page; the rest are counted", () => {
    const comments = Array.from({ length: 20 }, (_, i) => `c${i}`);
    const [group] = mapPointGroups([cell(40, { comments, commentCount: 25 })], 15);
    expect(group!.comments).toEqual(comments.slice(0, 15));
    expect(group!.moreComments).toBe(10);
  });
});

describe("map-point answers as a list", () => {
  const labels = { station: "Stationsplein", kavel: "Lege kavel Binnenweg" };

  test("answers per listed place with their labels, biggest first; the rest pointed out on the map", () => {
    const summary = mapPointSummary(
      [
        { location: "kavel", count: 14 },
        { location: "station", count: 30 },
        { location: null, count: 22 },
      ],
      labels,
      [],
      0,
    );
    expect(summary.places).toEqual([
      { label: "Stationsplein", count: 30 },
      { label: "Lege kavel Binnenweg", count: 14 },
    ]);
    expect(summary.elsewhere).toBe(22);
  });

  test("places and the rest under 10 are suppressed; an unknown place keeps its stored value", () => {
    const summary = mapPointSummary(
      [
        { location: "station", count: 9 },
        { location: "oud-veld", count: 10 },
        { location: null, count: 3 },
      ],
      labels,
      [],
      0,
    );
    expect(summary.places).toEqual([
      { label: "oud-veld", count: 10 },
      { label: "Stationsplein", count: null },
    ]);
    expect(summary.elsewhere).toBeNull();
  });

  test("nothing pointed out elsewhere is 0, not suppressed", () => {
    expect(mapPointSummary([{ location: "station", count: 12 }], labels, [], 0).elsewhere).toBe(0);
  });
});

describe("map-point answers grouped into pins with counts", () => {
  test("spots within 250 metres become one pin with their total, at their mean position", () => {
    const groups = mapPointGroups([
      cell(8, { lat: 52.359, lng: 4.609, places: ["Stationsplein"], comments: ["a"], commentCount: 1 }),
      cell(4, { lat: 52.36, lng: 4.61, comments: ["b"], commentCount: 3 }),
      cell(12, { lat: 52.34, lng: 4.62 }),
    ]);
    expect(groups.map((g) => g.count)).toEqual([12, 12]);
    const merged = groups.find((g) => g.places.includes("Stationsplein"))!;
    expect(merged.lat).toBeCloseTo((8 * 52.359 + 4 * 52.36) / 12, 3);
    expect(Math.round(merged.lat * 1000) / 1000).toBe(merged.lat);
    expect(merged.comments).toEqual(["a", "b"]);
    expect(merged.moreComments).toBe(2);
  });

  test("spots further apart stay apart, and a group under 10 shows no number", () => {
    const groups = mapPointGroups([
      cell(6, { lat: 52.359, lng: 4.609 }),
      cell(6, { lat: 52.355, lng: 4.609 }),
    ]);
    expect(groups).toHaveLength(2);
    expect(groups.every((g) => g.count === null)).toBe(true);
    // Together they would be 12, but 445 metres apart they are not one place.
    expect(mapPointGroups([cell(6, { lat: 52.359 }), cell(6, { lat: 52.355 })], 20, 500)[0]!.count).toBe(12);
  });
});
