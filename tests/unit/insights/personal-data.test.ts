import { describe, expect, test } from "vitest";
import { findPersonalData, redactPersonalData } from "../../../app/domain/insights/personal-data";

describe("likely personal data in open answers is flagged", () => {
  test.each([
    ["Mail me op jan.jansen@example.nl als u vragen heeft.", "email", "jan.jansen@example.nl"],
    ["Bel gerust 06-12345678.", "phone", "06-12345678"],
    ["Mijn nummer is 023 - 548 56 00", "phone", "023 - 548 56 00"],
    ["Bereikbaar via +31 6 1234 5678", "phone", "+31 6 1234 5678"],
    ["Ik woon op de Binnenweg 12a en heb last van verkeer.", "address", "Binnenweg 12a"],
    ["Het huis aan de Van Merlenlaan 3 staat al een jaar leeg.", "address", "Van Merlenlaan 3"],
    ["Heemsteedse Dreef 120 is gevaarlijk.", "address", "Heemsteedse Dreef 120"],
    ["Postcode 2101 AB klopt niet.", "postcode", "2101 AB"],
  ])("%s", (text, kind, found) => {
    const hits = findPersonalData(text);
    expect(hits.map((h) => [h.kind, h.text])).toContainEqual([kind, found]);
  });

  test.each([
    "Er moeten meer betaalbare woningen komen voor starters.",
    "Ik woon hier al 40 jaar met veel plezier.",
    "Bouw 500 woningen in plaats van 200.",
    "Mijn moeder van 84 wil gelijkvloers wonen.",
  ])("nothing is flagged in: %s", (text) => expect(findPersonalData(text)).toEqual([]));

  test("redaction replaces each hit with a placeholder", () => {
    expect(redactPersonalData("Mail a@b.nl of bel 0612345678.")).toBe(
      "Mail [e-mailadres verwijderd] of bel [telefoonnummer verwijderd].",
    );
  });
});
