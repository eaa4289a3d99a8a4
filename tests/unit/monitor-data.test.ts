// The 2024 data file against the document it was copied from (Prestatieafspraken Heemstede 2024 t/m 2027
// and the Monitor Prestatieafspraken Heemstede 2024): counts per theme, and texts word for word.
import { describe, expect, test } from "vitest";
import { monitorData } from "../../db/seed/monitor";

const agreements = monitorData.agreements;
const byNumber = (n: string) => {
  const a = agreements.find((x) => x.number === n);
  if (!a) throw new Error(`${n} is missing`);
  return a;
};

describe("the 2024 prestatieafspraken data file", () => {
  // Counted in the document: kaderafspraken K 1.1–1.14, K 2.1–2.11, K 3.1–3.7, K 4.1–4.8, K 5.1–5.2;
  // jaarafspraken 2024 J 1.1–1.9, J 2.1–2.8, J 3.1–3.10, J 4.1–4.5, and J 5.2.3 from the monitor.
  test.each([
    ["kader", 1, 14],
    ["kader", 2, 11],
    ["kader", 3, 7],
    ["kader", 4, 8],
    ["kader", 5, 2],
    ["jaar", 1, 9],
    ["jaar", 2, 8],
    ["jaar", 3, 10],
    ["jaar", 4, 5],
    ["jaar", 5, 1],
  ] as const)("%s theme %i has %i agreements, as in the document", (kind, theme, count) => {
    expect(agreements.filter((a) => a.kind === kind && a.theme === theme)).toHaveLength(count);
  });

  test("every number appears once and every key is '<number> (2024)'", () => {
    const numbers = agreements.map((a) => a.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const a of agreements) expect(a.key).toBe(`${a.number} (2024)`);
  });

  test("the numbers run without gaps per theme", () => {
    for (const [prefix, theme, n] of [
      ["K", 1, 14],
      ["K", 2, 11],
      ["J", 3, 10],
    ] as const)
      for (let i = 1; i <= n; i++) expect(numbersOf(prefix, theme)).toContain(`${prefix} ${theme}.${i}`);
  });

  test("texts are copied word for word", () => {
    expect(byNumber("K 1.1").text).toBe(
      "Corporaties en gemeente zorgen ervoor dat eind 2027 minimaal 120 (>30% van 355) nieuwbouwwoningen in de sociale huur zijn gerealiseerd, of in harde plannen zijn opgenomen.",
    );
    expect(byNumber("K 2.10").title).toBe("Kennemerduin");
    expect(byNumber("K 2.10").text).toBe(
      "Als onderdeel van een gemengd woongebied zet Elan Wonen op de locatie Kennemerduin onder meer in op realisatie van een geclusterde woonvorm voor ouderen.",
    );
    expect(byNumber("J 3.3").text).toBe("De corporaties gaan deelnemen aan het overlastspreekuur.");
    expect(byNumber("J 1.9").title).toBe("Evenwichtig aanbod primaire en secundaire doelgroep");
    expect(byNumber("J 4.5").text).toBe(
      "In Q1 wordt gestart met de Werkgroep Duurzaamheid en wordt een werkwijze bepaald voor het vervolg.",
    );
    expect(byNumber("K 5.2").text).toBe(
      "Wanneer externe omstandigheden of bijzondere ontwikkelingen bij een van ons de (financiële) mogelijkheden wezenlijk aantast om aan de prestatieafspraken te voldoen, dan treden we in overleg om de ontstane situatie te bespreken en zo nodig afspraken te herzien.",
    );
  });

  test("the realisatie texts of the 2024 monitor are copied word for word", () => {
    expect(byNumber("J 1.6").monitor?.realisatie).toBe(
      "Alle woningen worden met voorrang voor sociale huurders geadverteerd. Geen updates.",
    );
    expect(byNumber("J 3.10").monitor?.realisatie).toBe("Zie deze afspraak in combinatie met J 2.2");
    expect(byNumber("J 3.5").monitor?.realisatie).toBe(
      "Voor Q4 2024 staan er trainingen bij Elan Wonen gepland. Pré Wonen sluit in 2025 hierbij aan.",
    );
    expect(byNumber("J 1.9").monitor?.realisatie).toContain("T/m 30/10\nElan Wonen: 71%\nPré Wonen: 40%");
  });

  test("every jaarafspraak has a monitor text, trekker and prioriteit as written; kaderafspraken none", () => {
    for (const a of agreements.filter((x) => x.kind === "jaar")) {
      expect(a.monitor?.realisatie.length, a.number).toBeGreaterThan(10);
      expect(a.trekkers.length, a.number).toBeGreaterThan(0);
      expect(a.prioriteitAsWritten, a.number).toBeTruthy();
    }
    for (const a of agreements.filter((x) => x.kind === "kader")) expect(a.monitor).toBeNull();
  });

  test("trekkers and parties are organisations of the file, never free text", () => {
    const ids = new Set(monitorData.organisations.map((o) => o.id));
    for (const a of agreements) for (const o of [...a.trekkers, ...a.parties]) expect(ids).toContain(o);
    // The monitor names Pré Wonen as trekker of J 1.4; the agreement names the corporaties.
    expect(byNumber("J 1.4").trekkers).toEqual(["pre-wonen"]);
    expect(byNumber("J 1.4").parties).toEqual(["elan-wonen"]);
    expect(byNumber("J 1.7").prioriteitAsWritten).toBe("Zie Haarlem");
    expect(byNumber("J 1.7").prioriteit).toBeNull();
  });
});

function numbersOf(prefix: string, theme: number) {
  return agreements.filter((a) => a.number.startsWith(`${prefix} ${theme}.`)).map((a) => a.number);
}
