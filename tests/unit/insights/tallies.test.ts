import { describe, expect, test } from "vitest";
import { backgroundKeys, mergeTallies, type TallyRow, tallyBasis } from "~/domain/insights/tallies.server";
import { insightsDemoDefinition } from "../../../db/seed/insights";

const row = (questionKey: string, value: string, count: number, age = ""): TallyRow => ({
  questionKey,
  subKey: "",
  kind: "value",
  value,
  age,
  tenure: "",
  wijk: "",
  household: "",
  count,
});

describe("answer tallies", () => {
  test("stored counts and counts of responses not folded yet add up per key", () => {
    const merged = mergeTallies(
      [row("b", "1", 5), row("a", "2", 3, "30-44")],
      [row("a", "2", 2, "30-44"), row("a", "1", 1)],
    );
    expect(merged).toEqual([row("a", "1", 1), row("a", "2", 5, "30-44"), row("b", "1", 5)]);
  });

  test("the order is the same however far the folding got, so weighted sums are equal to the last digit", () => {
    const all = [row("q", "1", 4, "16-29"), row("q", "1", 2, "75+"), row("p", "3", 7)];
    const folded = mergeTallies(all, []);
    const half = mergeTallies(all.slice(0, 1), all.slice(1));
    const none = mergeTallies([], [...all].reverse());
    expect(half).toEqual(folded);
    expect(none).toEqual(folded);
  });

  test("the merge does not change its input", () => {
    const stored = [row("a", "1", 1)];
    mergeTallies(stored, [row("a", "1", 1)]);
    expect(stored[0]!.count).toBe(1);
  });

  test("the basis names the background questions and the map questions the counts were made with", () => {
    const keys = backgroundKeys(insightsDemoDefinition());
    expect(keys).toEqual({
      age: { key: "geboortejaar", birthYear: true },
      tenure: "woonsituatie",
      wijk: "postcode",
      household: "huishouden",
      mapPoints: ["plek"],
    });
    expect(tallyBasis(keys)).toBe(tallyBasis(backgroundKeys(insightsDemoDefinition(3))));
  });
});
