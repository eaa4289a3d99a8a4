import { describe, expect, test } from "vitest";
import {
  isComplex,
  proposeDecider,
  quickscan,
  type RuleAnswers,
} from "../../app/domain/initiatives/quickscan";

// A simple idea that needs nothing from the municipality; each case changes what it needs.
const base: RuleAnswers = {
  parties: [],
  partyCount: "alone",
  impact: "none",
  interests: "none",
  otherPlans: "no",
  publicSpace: "no",
  permit: "no",
  policy: "fits",
  contribution: ["time"],
  budget: undefined,
};
const a = (over: Partial<RuleAnswers>): RuleAnswers => ({ ...base, ...over });

describe("who decides (seed 002, Wie beslist?)", () => {
  test.each<[string, Partial<RuleAnswers>, string]>([
    ["a street party among neighbours, nothing needed from the municipality", {}, "initiator"],
    [
      "neighbours who only plant their own front gardens",
      { parties: ["neighbours"], partyCount: "few" },
      "initiator",
    ],
    ["using public space", { publicSpace: "yes" }, "officials"],
    ["needs a permit", { permit: "yes" }, "officials"],
    ["may need a permit", { permit: "unknown" }, "officials"],
    ["a small budget request", { budget: 500 }, "officials"],
    ["budget exactly at the college limit stays with officials", { budget: 25_000 }, "officials"],
    ["not sure it fits the rules", { policy: "unknown" }, "officials"],
    ["wants the municipality to take part", { parties: ["municipality"] }, "officials"],
    ["needs an exception to the rules", { policy: "exception" }, "executive"],
    ["a budget above the college limit", { budget: 25_001 }, "executive"],
    ["budget exactly at the raad limit stays with the college", { budget: 100_000 }, "executive"],
    ["the omgevingsplan must change", { policy: "plan_change" }, "council"],
    ["a budget above the raad limit", { budget: 150_000 }, "council"],
    [
      "raad wins over college and officials",
      { policy: "plan_change", publicSpace: "yes", budget: 30_000 },
      "council",
    ],
    ["college wins over officials", { policy: "exception", permit: "yes" }, "executive"],
  ])("%s → %s", (_name, over, expected) => {
    const { decider, reasons } = proposeDecider(a(over));
    expect(decider).toBe(expected);
    expect(reasons.length).toBeGreaterThan(0);
  });
});

describe("complexe opgave = college or raad decides AND (big change OR many actors OR many interests)", () => {
  const deciders = ["initiator", "officials", "executive", "council"] as const;
  const flags = [false, true];
  // Every combination of decider and the three aspects (4 × 8 = 32 cases).
  const cases = deciders.flatMap((decider) =>
    flags.flatMap((bigChange) =>
      flags.flatMap((manyActors) =>
        flags.map((manyInterests) => ({ decider, bigChange, manyActors, manyInterests })),
      ),
    ),
  );
  test.each(cases)(
    "$decider, big change $bigChange, many actors $manyActors, many interests $manyInterests",
    (c) => {
      const expected =
        (c.decider === "executive" || c.decider === "council") &&
        (c.bigChange || c.manyActors || c.manyInterests);
      expect(isComplex(c.decider, c)).toBe(expected);
    },
  );
});

describe("the quickscan result", () => {
  test("seed example: the raad decides on a big change in the living environment → complex, basisstappen 1–5", () => {
    const r = quickscan(a({ policy: "plan_change", impact: "large" }));
    expect(r.decider).toBe("council");
    expect(r.complex).toBe(true);
    expect(r.complexReasons).toContain("Er verandert veel in de leefomgeving van andere inwoners.");
    expect(r.nextSteps).toHaveLength(5);
    expect(r.nextSteps[0]).toMatch(/^Stap 1: .*planomschrijving/);
    expect(r.nextSteps[1]).toMatch(/^Stap 2: /);
    expect(r.attentionPoints.join(" ")).toMatch(/planomschrijving en een participatieplan/);
  });

  test("seed example: the college decides and many actors take part → complex", () => {
    const r = quickscan(a({ policy: "exception", partyCount: "many" }));
    expect(r).toMatchObject({ decider: "executive", complex: true });
    expect(r.complexReasons).toContain("Er doen veel partijen mee.");
  });

  test("seed example: the college decides and many interests clash → complex", () => {
    const r = quickscan(a({ budget: 40_000, interests: "many" }));
    expect(r).toMatchObject({ decider: "executive", complex: true });
    expect(r.complexReasons).toContain("Er spelen veel verschillende belangen.");
  });

  test("a simple college decision follows the existing path, not the proceskader", () => {
    const r = quickscan(a({ policy: "exception", impact: "small", interests: "some", partyCount: "few" }));
    expect(r).toMatchObject({ decider: "executive", complex: false });
    expect(r.nextSteps.join(" ")).toMatch(/Het college neemt een besluit/);
    expect(r.nextSteps.join(" ")).not.toMatch(/Stap 1/);
  });

  test("officials with a big change, many actors and interests: still not complex", () => {
    const r = quickscan(a({ publicSpace: "yes", impact: "large", partyCount: "many", interests: "many" }));
    expect(r).toMatchObject({ decider: "officials", complex: false });
    expect(r.complexReasons[0]).toMatch(/hoeft niet/);
  });

  test("a permit leads to 'u heeft waarschijnlijk een vergunning nodig'", () => {
    expect(quickscan(a({ permit: "yes" })).attentionPoints).toContain(
      "U heeft waarschijnlijk een vergunning nodig. Vraag die op tijd aan.",
    );
  });

  test("a change for others leads to 'betrek de buren vroeg'", () => {
    expect(quickscan(a({ impact: "small" })).attentionPoints.join(" ")).toMatch(/Betrek de buren vroeg/);
    expect(quickscan(a({})).attentionPoints.join(" ")).not.toMatch(/Betrek de buren/);
  });

  test("a budget request is named with the amount", () => {
    expect(quickscan(a({ budget: 2500 })).attentionPoints.join(" ")).toMatch(/U vraagt €\s2\.500/);
  });

  test("own time and people are chances; no contribution is a point of attention", () => {
    const r = quickscan(a({ contribution: ["time", "people"] }));
    expect(r.chances.join(" ")).toMatch(/tijd/);
    expect(r.chances.join(" ")).toMatch(/samen met anderen/);
    expect(quickscan(a({ contribution: [] })).attentionPoints.join(" ")).toMatch(
      /nog niet gezegd wat u zelf bijdraagt/,
    );
  });

  test("nothing needed from the municipality: the initiators decide themselves", () => {
    const r = quickscan(a({}));
    expect(r.decider).toBe("initiator");
    expect(r.nextSteps[0]).toMatch(/Bespreek uw idee/);
  });
});
