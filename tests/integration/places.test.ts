// wijkFor: the one answer to "which wijk is this point or postcode in" (app/domain/places).
import { beforeEach, describe, expect, test } from "vitest";
import { wijkFor } from "../../app/domain/places/wijken.server";
import { getDb } from "../../app/lib/db.server";
import { wijken } from "../../db/schema";
import { resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
  await getDb().delete(wijken);
  // Two squares side by side sharing the edge lng = 4.60, and a buurt of B without its wijk shape.
  const square = (west: number, east: number) => ({
    type: "Polygon",
    coordinates: [
      [
        [west, 52.3],
        [east, 52.3],
        [east, 52.4],
        [west, 52.4],
        [west, 52.3],
      ],
    ],
  });
  await getDb()
    .insert(wijken)
    .values([
      { code: "A", name: "West", kind: "wijk", geometry: square(4.5, 4.6), postcodes: ["2101", "2104"] },
      { code: "B", name: "Oost", kind: "wijk", geometry: null, postcodes: ["2102", "2104"] },
      { code: "B01", name: "Buurt in Oost", kind: "buurt", parentCode: "B", geometry: square(4.6, 4.7) },
      { code: "Z", name: "Buurt met postcode", kind: "buurt", postcodes: ["2109"] },
    ]);
});

describe("wijkFor a point", () => {
  test("inside a wijk, or inside a buurt whose wijk has no shape", async () => {
    expect(await wijkFor({ lat: 52.35, lng: 4.55 }, getDb())).toBe("A");
    expect(await wijkFor({ lat: 52.35, lng: 4.65 }, getDb())).toBe("B");
  });

  test("outside every wijk is null", async () => {
    expect(await wijkFor({ lat: 52.5, lng: 4.55 }, getDb())).toBeNull();
    expect(await wijkFor({ lat: 52.35, lng: 4.8 }, getDb())).toBeNull();
  });

  test("on the edge two wijken share: exactly one of them, the same every time", async () => {
    const answers = new Set<string | null>();
    for (let i = 0; i < 3; i++) answers.add(await wijkFor({ lat: 52.35, lng: 4.6 }, getDb()));
    expect(answers.size).toBe(1);
    expect(["A", "B"]).toContain([...answers][0]);
  });
});

describe("wijkFor a postcode", () => {
  test("the wijk that lists its digits, with or without letters", async () => {
    expect(await wijkFor({ postcode: "2101 AB" }, getDb())).toBe("A");
    expect(await wijkFor({ postcode: "2102ab" }, getDb())).toBe("B");
    expect(await wijkFor({ postcode: "2102" }, getDb())).toBe("B");
  });

  test("two wijken list the same digits: the lowest code", async () => {
    expect(await wijkFor({ postcode: "2104" }, getDb())).toBe("A");
  });

  test("an unknown postcode, a buurt's postcode and no postcode at all are null", async () => {
    expect(await wijkFor({ postcode: "1011 AB" }, getDb())).toBeNull();
    expect(await wijkFor({ postcode: "2109" }, getDb())).toBeNull();
    expect(await wijkFor({ postcode: "Binnenweg" }, getDb())).toBeNull();
    expect(await wijkFor({ postcode: "" }, getDb())).toBeNull();
  });
});
