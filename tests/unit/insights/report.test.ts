import { expect, test } from "vitest";
import { representativenessNotes } from "../../../app/domain/insights/report";

test("the account names over- and under-represented groups and groups that were hardly heard", () => {
  const notes = representativenessNotes(
    [
      {
        label: "Leeftijd",
        rows: [
          { label: "16 tot en met 29 jaar", sampleShare: 0.05, populationShare: 0.14, suppressed: false },
          { label: "75 jaar en ouder", sampleShare: 0.3, populationShare: 0.16, suppressed: false },
          { label: "45 tot en met 64 jaar", sampleShare: 0.36, populationShare: 0.35, suppressed: false },
        ],
      },
      {
        label: "Wijk",
        rows: [{ label: "Centrum", sampleShare: null, populationShare: 0.12, suppressed: true }],
      },
    ],
    { respondents: 300, effectiveSampleSize: 210, openLinkShare: 0.55, populationIsDemo: true },
  );
  expect(notes).toContain(
    "Leeftijd 16 tot en met 29 jaar: ondervertegenwoordigd (9 procentpunt minder dan onder inwoners).",
  );
  expect(notes).toContain(
    "Leeftijd 75 jaar en ouder: oververtegenwoordigd (14 procentpunt meer dan onder inwoners).",
  );
  expect(notes.some((n) => n.startsWith("Leeftijd 45"))).toBe(false);
  expect(notes).toContain("Wijk centrum: minder dan 10 respondenten, deze groep is nauwelijks gehoord.");
  expect(notes.some((n) => n.includes("ongeveer 210 (70%)"))).toBe(true);
  expect(notes.some((n) => n.includes("55% van de antwoorden kwam via de open link"))).toBe(true);
  expect(notes.at(-1)).toContain("voorbeeldcijfers");
});
