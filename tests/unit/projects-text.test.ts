import { describe, expect, test } from "vitest";
import { descriptionAfterSummary } from "~/domain/projects/text";

describe("descriptionAfterSummary", () => {
  test("leaves out the sentence the summary already says (the Woonvisie page said it twice)", () => {
    expect(
      descriptionAfterSummary(
        "De gemeente maakt een nieuwe Woonvisie: de plannen voor wonen in Heemstede. Wij vragen u mee te denken.",
        "De gemeente maakt een nieuwe Woonvisie: de plannen voor wonen in Heemstede. Eerst laten wij zien hoe het wonen ervoor staat.",
      ),
    ).toBe("Eerst laten wij zien hoe het wonen ervoor staat.");
  });

  test("keeps paragraphs and ignores case and spacing", () => {
    expect(descriptionAfterSummary("Een.  Twee!", "een. Drie?\n\ntwee! Vier.")).toBe("Drie?\n\nVier.");
  });

  test("a description that only repeats the summary becomes empty; no summary keeps it whole", () => {
    expect(descriptionAfterSummary("Zelfde zin.", "Zelfde zin.")).toBe("");
    expect(descriptionAfterSummary("", "Eigen tekst.")).toBe("Eigen tekst.");
    expect(descriptionAfterSummary("Iets.", "")).toBe("");
  });
});
