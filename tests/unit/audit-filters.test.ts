import { describe, expect, test } from "vitest";
import { auditFilterSchema, dayRange, parseDay } from "../../app/domain/audit/filters";
import { amsterdamMidnight } from "../../app/lib/amsterdam-time";

describe("audit date filters", () => {
  test.each([
    ["2026-03-01", "2026-03-01"],
    ["1-3-2026", "2026-03-01"],
    ["01/03/2026", "2026-03-01"],
    ["29-2-2028", "2028-02-29"],
    ["29-2-2026", null],
    ["2026-13-01", null],
    ["gisteren", null],
  ])("%s is read as %s", (input, expected) => {
    expect(parseDay(input)).toBe(expected);
  });

  test("a day starts at midnight Dutch time, in winter and in summer", () => {
    expect(amsterdamMidnight("2026-01-15").toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(amsterdamMidnight("2026-07-15").toISOString()).toBe("2026-07-14T22:00:00.000Z");
  });

  test("'tot en met' includes the whole last day", () => {
    expect(dayRange("2026-07-01", "2026-07-01")).toEqual({
      from: new Date("2026-06-30T22:00:00.000Z"),
      until: new Date("2026-07-01T22:00:00.000Z"),
    });
  });

  test("an end before the start is refused at the end field", () => {
    const result = auditFilterSchema.safeParse({ van: "2026-03-05", tot: "2026-03-01" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["tot"]);
  });
});
