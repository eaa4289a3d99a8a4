import { describe, expect, test } from "vitest";
import {
  filtersToParams,
  likePattern,
  parseBbox,
  parseGeoJsonQuery,
  parseMapFilters,
  parseZoom,
} from "../../app/domain/initiatives/map-filters";
import { TOWN_ZOOM } from "../../app/domain/places/heemstede";

const options = { themes: ["groen", "verkeer"], statuses: ["in_execution", "realised"] };
const parse = (qs: string) => parseMapFilters(new URLSearchParams(qs), options);

describe("filters from the URL", () => {
  test.each([
    ["nothing", "", {}],
    ["a known theme", "thema=groen", { theme: "groen" }],
    ["an unknown theme is dropped, not an error", "thema=drop%20table", {}],
    [
      "status (the Dutch word) and wijk",
      "status=in_uitvoering&wijk=demo01",
      { status: "in_execution", wijk: "DEMO01" },
    ],
    ["a status code works too", "status=realised", { status: "realised" }],
    ["a status outside the options is dropped", "status=afgewezen", {}],
    ["a wijk code with odd characters is dropped", "wijk=a'b", {}],
    ["free text is trimmed and squashed", "zoek=%20%20speel%20%20tuin%20", { q: "speel tuin" }],
    ["empty values are no filter", "thema=&status=&zoek=", {}],
  ])("%s", (_name, qs, expected) => expect(parse(qs)).toEqual(expected));

  test("free text is capped at 100 characters", () => {
    expect(parse(`zoek=${"a".repeat(300)}`).q).toHaveLength(100);
  });

  test("filters round-trip through the URL, so a shared link shows the same selection", () => {
    const filters = { theme: "verkeer", status: "realised", wijk: "DEMO02", q: "fiets" };
    expect(filtersToParams(filters).get("status")).toBe("gerealiseerd");
    expect(parseMapFilters(filtersToParams(filters), options)).toEqual(filters);
  });

  test("LIKE wildcards in a search are taken literally", () => {
    expect(likePattern("50%_korting\\")).toBe("%50\\%\\_korting\\\\%");
  });
});

describe("bbox and zoom of the GeoJSON endpoint", () => {
  test.each([
    [null, null],
    ["4.59,52.33,4.65,52.37", [4.59, 52.33, 4.65, 52.37]],
    ["4.65,52.33,4.59,52.37", "invalid"],
    ["4.59,52.33,4.65", "invalid"],
    ["a,b,c,d", "invalid"],
    ["-200,0,10,10", "invalid"],
  ])("bbox %s", (value, expected) => expect(parseBbox(value)).toEqual(expected));

  test.each([
    [null, TOWN_ZOOM],
    ["12", 12],
    ["13.7", 13],
    ["23", "invalid"],
    ["-1", "invalid"],
    ["1e3", "invalid"],
  ])("zoom %s", (value, expected) => expect(parseZoom(value)).toBe(expected));

  test("an unknown theme or status in the API is a 400 with a Dutch message, not a silent empty map", () => {
    const result = parseGeoJsonQuery(new URLSearchParams("theme=onbekend"), options);
    expect(result).toEqual({ ok: false, error: expect.stringContaining("Onbekende waarde voor theme") });
    expect(parseGeoJsonQuery(new URLSearchParams("theme=groen&zoom=12"), options)).toEqual({
      ok: true,
      query: { bbox: null, zoom: 12, filters: { theme: "groen" } },
    });
  });
});
