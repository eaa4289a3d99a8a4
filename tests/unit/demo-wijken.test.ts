import { expect, test } from "vitest";
import { findWijkCode } from "../../app/domain/places/geo";
import { demoBoundary, demoWijken } from "../../db/seed/wijken";

const areas = demoWijken.map((w) => ({
  code: w.code,
  kind: "wijk" as const,
  parentCode: null,
  geometry: demoBoundary(w.code),
}));

test.each([
  ["Kerklaan (Centrum)", 52.3571, 4.6205, "DEMO01"],
  ["Wilhelminapark", 52.3552, 4.6261, "DEMO02"],
  ["Merlenhoven", 52.3505, 4.6301, "DEMO03"],
  ["Vrijheidsdreef", 52.3498, 4.6132, "DEMO04"],
  ["north", 52.3619, 4.6168, "DEMO05"],
  ["Groenendaal", 52.3468, 4.6052, "DEMO06"],
])("the demo boundaries put %s in its demo wijk", (_n, lat, lng, code) => {
  expect(findWijkCode(lat, lng, areas)).toBe(code);
});

test("the demo boundaries cover all of Heemstede without gaps", () => {
  for (let lat = 52.3305; lat < 52.37; lat += 0.001)
    for (let lng = 4.5905; lng < 4.65; lng += 0.001) expect(findWijkCode(lat, lng, areas)).not.toBeNull();
});
