import { describe, expect, test } from "vitest";
import { groupMapPoints, roundCoordinate } from "~/domain/insights/map-points";

const at = (
  lat: number | null,
  lng: number | null,
  location: string | null = null,
  comment: string | null = null,
) => ({
  lat,
  lng,
  location,
  comment,
});

describe("map-point answers on the results map", () => {
  test("coordinates are rounded to about 100 metres", () => {
    expect(roundCoordinate(52.350549)).toBe(52.351);
    expect(roundCoordinate(4.612449)).toBe(4.612);
  });

  test("answers in the same rounded spot are one group, with its places and comments", () => {
    const points = [
      ...Array.from({ length: 12 }, (_, i) =>
        at(52.3591 + i * 0.00001, 4.6091, "Stationsplein", i < 2 ? `Opmerking ${i}` : null),
      ),
      at(52.3401, 4.6201, null, "Lege kavel"),
    ];
    const groups = groupMapPoints(points);
    expect(groups).toHaveLength(2);
    expect(groups[0]).toEqual({
      lat: 52.359,
      lng: 4.609,
      count: 12,
      places: ["Stationsplein"],
      comments: ["Opmerking 0", "Opmerking 1"],
      moreComments: 0,
    });
    expect(groups[1]!.comments).toEqual(["Lege kavel"]);
  });

  test.each([
    ["9 answers: the count is suppressed", 9, null],
    ["10 answers: the count is shown", 10, 10],
  ])("%s", (_name, n, expected) => {
    const groups = groupMapPoints(Array.from({ length: n }, () => at(52.35, 4.61)));
    expect(groups[0]!.count).toBe(expected);
  });

  test("an address without a point is never on the map", () => {
    expect(groupMapPoints([at(null, null, null, "Binnenweg 1")])).toEqual([]);
  });

  test("only the first comments travel to the page; the rest are counted", () => {
    const groups = groupMapPoints(
      Array.from({ length: 25 }, (_, i) => at(52.35, 4.61, null, `c${i}`)),
      20,
    );
    expect(groups[0]!.comments).toHaveLength(20);
    expect(groups[0]!.moreComments).toBe(5);
  });
});
