import { describe, expect, test } from "vitest";
import { checkRows } from "../../app/domain/initiatives/quickscan-answers";
import { validateAll } from "../../app/domain/initiatives/quickscan-form";
import { settleLocationKind } from "../../app/domain/initiatives/quickscan-location";
import {
  nextStep,
  previousStep,
  stepPosition,
  stepsFor,
  stepTitle,
} from "../../app/domain/initiatives/quickscan-steps";

const complete = {
  title: "Bankjes",
  description: "Drie bankjes langs de vaart.",
  theme: "groen",
  locationKind: "address",
  address: "Binnenweg 12",
  parties: ["neighbours"],
  partyCount: "few",
  impact: "small",
  interests: "none",
  otherPlans: "no",
  publicSpace: "yes",
  permit: "no",
  policy: "fits",
  contribution: ["time"],
  budget: "1500",
  timing: "soon",
  name: "Piet",
  email: "piet@example.nl",
  consentContact: "ja",
};

describe("the quickscan's way through its steps", () => {
  test("one topic per step, a location page only when the idea has a place, and a check page last", () => {
    expect(stepsFor({ locationKind: "address" })).toEqual([
      "idee",
      "waar",
      "plek",
      "wie",
      "gevolgen",
      "regels",
      "bijdrage",
      "gegevens",
      "controleren",
    ]);
    expect(stepsFor({ locationKind: "whole_town" })).not.toContain("plek");
    // The total never changes on the way: the location page shares its number with "waar".
    expect(stepPosition("waar")).toEqual({ number: 2, total: 8 });
    expect(stepPosition("plek")).toEqual({ number: 2, total: 8 });
    expect(stepPosition("wie")).toEqual({ number: 3, total: 8 });
    expect(stepPosition("controleren")).toEqual({ number: 8, total: 8 });
  });

  test.each([
    ["idee → waar", "idee", {}, false, "waar"],
    ["waar → plek for an address", "waar", { locationKind: "address" }, false, "plek"],
    ["waar → wie for all of Heemstede", "waar", { locationKind: "whole_town" }, false, "wie"],
    ["gegevens → controleren", "gegevens", {}, false, "controleren"],
    ["a change from the check page goes back to it", "regels", {}, true, "controleren"],
    [
      "a new location kind from the check page asks the place first",
      "waar",
      { locationKind: "wijk" },
      true,
      "plek",
    ],
    ["…but not for all of Heemstede", "waar", { locationKind: "whole_town" }, true, "controleren"],
  ] as const)("Volgende: %s", (_name, step, values, fromCheck, expected) => {
    expect(nextStep(step, values, fromCheck)).toBe(expected);
  });

  test("Vorige skips the location page for all of Heemstede and stops at the first step", () => {
    expect(previousStep("wie", { locationKind: "whole_town" })).toBe("waar");
    expect(previousStep("wie", { locationKind: "point" })).toBe("plek");
    expect(previousStep("idee", {})).toBe("idee");
  });

  test("the location page is named after the chosen kind", () => {
    expect(stepTitle("plek", { locationKind: "address" })).toBe("Op welk adres of in welke straat?");
    expect(stepTitle("plek", { locationKind: "wijk" })).toBe("In welke wijk?");
    expect(stepTitle("plek", { locationKind: "point" })).toBe("Waar is het op de kaart?");
  });

  test("without the map, a point becomes the address or the wijk that was filled in instead", () => {
    expect(settleLocationKind({ locationKind: "point", address: "Binnenweg 1", wijkCode: "" })).toMatchObject(
      {
        locationKind: "address",
      },
    );
    expect(settleLocationKind({ locationKind: "point", address: "", wijkCode: "W1" })).toMatchObject({
      locationKind: "wijk",
    });
    // With the map the kind stays, even if an old address is still in the draft.
    expect(
      settleLocationKind({ locationKind: "point", kaart: "ja", lat: "", address: "Binnenweg 1" })
        .locationKind,
    ).toBe("point");
    expect(settleLocationKind({ locationKind: "address", wijkCode: "W1" }).locationKind).toBe("address");
  });

  test("only the location fields of the chosen kind are kept with the idea", () => {
    const r = validateAll({ ...complete, wijkCode: "W1", lat: "52,35", lng: "4,6" });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.answers.address).toBe("Binnenweg 12");
      expect(r.answers).not.toHaveProperty("wijkCode");
      expect(r.answers).not.toHaveProperty("lat");
    }
  });
});

describe("the check page", () => {
  test("every answer in the order asked, each with the step to change it", () => {
    const rows = checkRows(complete);
    expect(rows[0]).toEqual({ label: "Titel van uw idee", value: "Bankjes", step: "idee", field: "title" });
    expect(rows.find((r) => r.field === "address")).toMatchObject({ value: "Binnenweg 12", step: "plek" });
    expect(rows.find((r) => r.field === "budget")?.value).toBe("€ 1.500");
    expect(rows.find((r) => r.field === "phone")?.value).toBe("U heeft hier niets ingevuld");
    const order = rows.map((r) => r.step);
    expect(order).toEqual(
      [...order].sort((a, b) => stepsFor(complete).indexOf(a) - stepsFor(complete).indexOf(b)),
    );
  });

  test("a point on the map reads in words, never as coordinates; a wijk by its name", () => {
    const point = checkRows({ ...complete, locationKind: "point", lat: "52,35", lng: "4,61" });
    expect(point.find((r) => r.step === "plek")?.value).toBe("Aangewezen op de kaart");
    expect(JSON.stringify(point)).not.toMatch(/52,35|breedtegraad/);
    const wijk = checkRows({ ...complete, locationKind: "wijk", wijkCode: "W1" }, (c) =>
      c === "W1" ? "Centrum" : undefined,
    );
    expect(wijk.find((r) => r.step === "plek")?.value).toBe("Centrum");
    expect(checkRows({ ...complete, locationKind: "whole_town" }).some((r) => r.step === "plek")).toBe(false);
  });
});

describe("the result mail", () => {
  test("reads in order: who decides and why, complex or not and why, what happens next and who helps", async () => {
    const { submittedMail } = await import("../../app/domain/initiatives/mails");
    const { quickscan } = await import("../../app/domain/initiatives/quickscan");
    const result = quickscan({
      parties: [],
      partyCount: "few",
      impact: "small",
      interests: "some",
      otherPlans: "no",
      publicSpace: "no",
      permit: "no",
      policy: "exception",
      contribution: ["time"],
    });
    expect(result.decider).toBe("executive");
    const text = submittedMail({
      link: "https://example.test/idee/volgen/x",
      result,
      contact: "Anna de Vries",
      respondBy: new Date("2026-12-08"),
    }).paragraphs.join("\n");
    const at = (s: string) => text.indexOf(s);
    expect(at("Wie beslist over uw idee?")).toBeGreaterThan(-1);
    expect(at("Wie beslist over uw idee?")).toBeLessThan(at("Is het een ingewikkeld idee?"));
    expect(at("Is het een ingewikkeld idee?")).toBeLessThan(at("Wat gebeurt er nu?"));
    expect(at("Wat gebeurt er nu?")).toBeLessThan(at("Uw contactpersoon is Anna de Vries"));
    expect(text).toContain("Nee. Het college beslist over uw idee, maar er verandert niet veel voor anderen");
    expect(text).not.toMatch(/\. Maar /);
  });
});
