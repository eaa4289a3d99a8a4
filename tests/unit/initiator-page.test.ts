import { describe, expect, test } from "vitest";
import {
  changeText,
  initiatorSteps,
  staffChanges,
  timelineEntries,
} from "../../app/domain/initiatives/initiator-page";

const labels = (steps: ReturnType<typeof initiatorSteps>) => steps.map((s) => s.label);
const current = (steps: ReturnType<typeof initiatorSteps>) => steps.filter((s) => s.state === "current");

describe("the initiator's 'u bent hier' steps", () => {
  test("a simple new idea: step 1 done, step 2 current, the steps to come shown", () => {
    const steps = initiatorSteps({ status: "new", complex: false, processStep: 0 });
    expect(labels(steps)).toEqual([
      "Idee ontvangen",
      "Samen bekijken",
      "Plan uitwerken",
      "Besluit",
      "Uitvoeren",
      "Klaar",
    ]);
    expect(steps.map((s) => s.state)).toEqual(["current", "todo", "todo", "todo", "todo", "todo"]);
  });

  test("a simple idea in progress: earlier steps done, exactly one current", () => {
    const steps = initiatorSteps({ status: "in_execution", complex: false, processStep: 0 });
    expect(steps.map((s) => s.state)).toEqual(["done", "done", "done", "done", "current", "todo"]);
    expect(
      initiatorSteps({ status: "realised", complex: false, processStep: 0 }).every((s) => s.state === "done"),
    ).toBe(true);
  });

  test.each([
    ["new", "new", 0, "Idee ontvangen"],
    ["being looked at", "in_review", 0, "Samen bekijken"],
    ["planomschrijving in progress", "planning", 0, "Basisstap 1: Planomschrijving maken"],
    ["basisstap 2 done", "planning", 2, "Basisstap 3: Plannen goedgekeurd"],
    ["all basisstappen done", "in_execution", 5, "Klaar"],
  ])(
    "a complex opgave, %s: one current step, each step once, step 1 present",
    (_n, status, processStep, here) => {
      const steps = initiatorSteps({ status, complex: true, processStep });
      expect(current(steps).map((s) => s.label)).toEqual([here]);
      expect(new Set(labels(steps)).size).toBe(steps.length);
      expect(labels(steps)).toContain("Basisstap 1: Planomschrijving maken");
      expect(steps).toHaveLength(8);
    },
  );

  test("afgewezen and ingetrokken have no way ahead", () => {
    expect(initiatorSteps({ status: "rejected", complex: false, processStep: 0 })).toEqual([]);
  });
});

describe("what the municipality changed after the quickscan", () => {
  const base = {
    proposedDecider: "officials",
    decider: "officials",
    proposedComplex: false,
    complex: false,
    theme: "groen",
    answers: { theme: "groen" },
  };
  test("nothing changed: nothing to say", () => {
    expect(staffChanges(base)).toEqual([]);
  });
  test("each change in words, field: old → new", () => {
    const changes = staffChanges({ ...base, decider: "executive", complex: true, theme: "verkeer" });
    expect(changes.map(changeText)).toEqual([
      "Wie beslist: Medewerkers van de gemeente → Het college van burgemeester en wethouders",
      "Ingewikkeld idee (complexe opgave): Nee → Ja",
      "Onderwerp: Groen en natuur → Verkeer en veiligheid",
    ]);
    expect(changes.map(changeText).join(" ")).not.toMatch(/aangepast/);
  });
});

describe("the timeline", () => {
  test("a basisstap set twice is shown once, at the last time; statuses in words", () => {
    const t = (d: string) => new Date(`2026-0${d}T10:00:00Z`);
    const entries = timelineEntries([
      { at: t("1-01"), kind: "status", status: "new", text: null },
      { at: t("2-01"), kind: "step", status: null, text: "2" },
      { at: t("2-02"), kind: "step", status: null, text: "1" },
      { at: t("2-03"), kind: "step", status: null, text: "2" },
      { at: t("3-01"), kind: "step", status: null, text: "0" },
      { at: t("4-01"), kind: "status", status: "rejected", text: "Past niet in het budget." },
    ]);
    expect(entries.map((e) => e.text)).toEqual([
      "Status: Nieuw.",
      "Basisstap 1 is klaar: Planomschrijving maken.",
      "Basisstap 2 is klaar: Participatieplan maken.",
      "Status: Afgewezen. Past niet in het budget.",
    ]);
  });
});
