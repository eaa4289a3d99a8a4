import { describe, expect, test } from "vitest";
import {
  amsterdamDay,
  amsterdamMidnight,
  amsterdamOffsetMs,
  amsterdamToInstant,
  instantToAmsterdamLocal,
} from "../../app/lib/amsterdam-time";

// 2026: summer time starts on 29 March at 01:00 UTC (02:00 → 03:00) and ends on 25 October at
// 01:00 UTC (03:00 → 02:00).
describe("Amsterdam wall-clock time", () => {
  test("winter and summer offsets", () => {
    expect(amsterdamOffsetMs(new Date("2026-01-15T12:00:00Z"))).toBe(3_600_000);
    expect(amsterdamOffsetMs(new Date("2026-07-15T12:00:00Z"))).toBe(7_200_000);
  });

  test("a wall-clock time is the same instant both ways", () => {
    expect(amsterdamToInstant("2026-12-01T09:00")?.toISOString()).toBe("2026-12-01T08:00:00.000Z");
    expect(amsterdamToInstant("2026-06-01T09:00")?.toISOString()).toBe("2026-06-01T07:00:00.000Z");
    expect(instantToAmsterdamLocal(new Date("2026-06-01T07:00:00Z"))).toBe("2026-06-01T09:00");
    for (let h = 0; h < 24 * 400; h += 7) {
      const at = new Date(Date.UTC(2026, 0, 1) + h * 3_600_000);
      expect(amsterdamToInstant(instantToAmsterdamLocal(at))?.getTime()).toBe(at.getTime());
    }
  });

  test("the hour skipped when summer time starts does not exist", () => {
    expect(amsterdamToInstant("2026-03-29T02:30")).toBeNull();
    expect(amsterdamToInstant("2026-03-29T01:59")?.toISOString()).toBe("2026-03-29T00:59:00.000Z");
    expect(amsterdamToInstant("2026-03-29T03:00")?.toISOString()).toBe("2026-03-29T01:00:00.000Z");
  });

  test("the hour that happens twice when summer time ends is the later one", () => {
    expect(amsterdamToInstant("2026-10-25T02:30")?.toISOString()).toBe("2026-10-25T01:30:00.000Z");
  });

  test("no date and time: null", () => {
    for (const bad of [
      "",
      "2026-02-30T10:00",
      "2026-13-01T10:00",
      "2026-12-01T24:00",
      "2026-12-01 10:00",
      "morgen",
    ])
      expect(amsterdamToInstant(bad)).toBeNull();
  });

  test("calendar days and their midnight", () => {
    expect(amsterdamDay(new Date("2026-12-01T23:30:00Z"))).toBe("2026-12-02");
    expect(amsterdamDay(new Date("2026-07-01T21:59:00Z"))).toBe("2026-07-01");
    expect(amsterdamMidnight("2026-03-29").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(amsterdamMidnight("2026-10-26").toISOString()).toBe("2026-10-25T23:00:00.000Z");
    expect(() => amsterdamMidnight("2026-02-30")).toThrow(RangeError);
  });
});
