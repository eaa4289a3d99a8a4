import { describe, expect, test } from "vitest";
import { validateAll, validateStep } from "../../app/domain/initiatives/quickscan-form";
import { chosenPoint, parseCoordinate } from "../../app/domain/initiatives/quickscan-location";
import {
  addWorkingDays,
  isClosed,
  isOverdue,
  pickRoutingRule,
  publicationProblem,
  publicLocation,
  publicPoint,
  revealsAddress,
  todayInHeemstede,
} from "../../app/domain/initiatives/rules";
import { allowedNextStatuses } from "../../app/domain/initiatives/statuses";

describe("response time in working days", () => {
  test.each([
    ["Monday + 5 = next Monday", "2026-11-23", 5, "2026-11-30"],
    ["Friday + 1 = Monday", "2026-11-27", 1, "2026-11-30"],
    ["Saturday + 1 = Monday", "2026-11-28", 1, "2026-11-30"],
    ["Wednesday + 10 = two weeks later", "2026-11-25", 10, "2026-12-09"],
  ])("%s", (_n, from, days, expected) => {
    expect(
      addWorkingDays(new Date(`${from}T10:00:00Z`), days)
        .toISOString()
        .slice(0, 10),
    ).toBe(expected);
  });
});

describe("routing an idea to an accounthouder", () => {
  const rules = [
    { id: 1, theme: null, wijkCode: null, accountManagerId: null, team: "Team Participatie" },
    { id: 2, theme: "groen", wijkCode: null, accountManagerId: "groen", team: null },
    { id: 3, theme: null, wijkCode: "W1", accountManagerId: "wijk1", team: null },
    { id: 4, theme: "groen", wijkCode: "W2", accountManagerId: "groen-w2", team: null },
  ];
  test.each([
    ["theme and wijk both match", { theme: "groen", wijkCode: "W2" }, 4],
    ["theme beats wijk", { theme: "groen", wijkCode: "W1" }, 2],
    ["wijk when no theme rule", { theme: "verkeer", wijkCode: "W1" }, 3],
    ["fallback team", { theme: "verkeer", wijkCode: "W9" }, 1],
    ["fallback when no wijk", { theme: "wonen", wijkCode: null }, 1],
  ])("%s", (_n, idea, expected) => expect(pickRoutingRule(rules, idea)?.id).toBe(expected));
  test("no rules, no match", () =>
    expect(pickRoutingRule([], { theme: "groen", wijkCode: null })).toBeNull());
});

describe("the public location on the map", () => {
  const point = { lat: 52.357_123, lng: 4.618_987 };
  test.each([
    ["not shown", "none", true, null],
    ["wijk ≈ 1 km", "wijk", false, { lat: 52.36, lng: 4.62 }],
    ["buurt ≈ 100 m", "buurt", false, { lat: 52.357, lng: 4.619 }],
    ["exact when the initiator agreed", "exact", true, { lat: 52.35712, lng: 4.61899 }],
    ["exact without consent falls back to buurt", "exact", false, { lat: 52.357, lng: 4.619 }],
  ] as const)("%s", (_n, precision, allow, expected) =>
    expect(publicPoint(point, precision, allow)).toEqual(expected),
  );
  test("no point, nothing on the map", () =>
    expect(publicPoint({ lat: null, lng: null }, "buurt", true)).toBeNull());
  test("a public text must not give away the house number", () => {
    expect(revealsAddress("Bankje bij Binnenweg 12 voor iedereen", "Binnenweg 12, 2101 JA Heemstede")).toBe(
      true,
    );
    expect(revealsAddress("Bankje aan de Binnenweg", "Binnenweg 12")).toBe(false);
    expect(revealsAddress("Iets", null)).toBe(false);
  });
});

describe("status changes", () => {
  test("a rejected or withdrawn idea cannot change any more", () => {
    expect(allowedNextStatuses("rejected")).toEqual([]);
    expect(allowedNextStatuses("withdrawn")).toEqual([]);
  });
  test("a new idea may go to any step or end", () => {
    expect(allowedNextStatuses("new")).toContain("in_review");
    expect(allowedNextStatuses("new")).toContain("rejected");
    expect(allowedNextStatuses("new")).not.toContain("new");
  });
});

describe("quickscan form steps", () => {
  test("an empty first step gets a Dutch message per field", () => {
    const r = validateStep("idee", {});
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.title).toBe("Geef uw idee een korte titel.");
      expect(r.errors.theme).toBe("Kies het onderwerp dat het best past.");
    }
  });
  test("an address location needs an address, a wijk location a wijk", () => {
    const r = validateStep("plek", { locationKind: "address", address: "" });
    expect(r.ok || r.errors).toEqual({ address: "Vul een adres of straatnaam in." });
    const w = validateStep("plek", { locationKind: "wijk" });
    expect(w.ok || w.errors).toEqual({ wijkCode: "Kies een wijk." });
    expect(validateStep("plek", { locationKind: "whole_town" }).ok).toBe(true);
  });
  test("a point on the map needs a point once the map was used, and speaks of the map only", () => {
    const r = validateStep("plek", { locationKind: "point", kaart: "ja" });
    expect(r.ok || r.errors).toEqual({ lat: "Wijs de plek van uw idee aan op de kaart." });
    expect(JSON.stringify(r)).not.toMatch(/breedtegraad|lengtegraad/i);
  });
  test("without the map (no JavaScript) the point option asks for an address or a wijk", () => {
    const r = validateStep("plek", { locationKind: "point" });
    expect(r.ok || r.errors).toEqual({ address: "Vul een adres of straat in, of kies hieronder een wijk." });
  });
  test.each([
    ["the town centre, with commas", "52,3505", "4,6125", true],
    ["with dots", "52.3505", "4.6125", true],
    ["the corners of the box", "52.32", "4.67", true],
    ["just north of the box", "52.3801", "4.62", false],
    ["just west of the box", "52.35", "4.5699", false],
    ["Utrecht", "52.09", "5.12", false],
    ["lat and lng swapped", "4.6125", "52.3505", false],
  ])("a point within Heemstede (lat 52.32–52.38, lng 4.57–4.67): %s", (_name, lat, lng, ok) => {
    const r = validateStep("plek", { locationKind: "point", kaart: "ja", lat, lng });
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r.errors.lat).toMatch(/niet in Heemstede/);
  });
  test("a tampered point gets a Dutch message to point again", () => {
    const r = validateStep("plek", { locationKind: "point", kaart: "ja", lat: "noord", lng: "4,61e2" });
    expect(r.ok || r.errors).toEqual({ lat: "Wijs de plek van uw idee opnieuw aan op de kaart." });
  });
  test("a point is only used, and only checked, when the resident chose a point", () => {
    expect(validateStep("plek", { locationKind: "whole_town", lat: "onzin", lng: "" }).ok).toBe(true);
    expect(chosenPoint({ locationKind: "whole_town", lat: "52,35", lng: "4,62" })).toBeNull();
    expect(chosenPoint({ locationKind: "point", lat: "52,35", lng: "4,62" })).toEqual({
      lat: 52.35,
      lng: 4.62,
    });
    expect(parseCoordinate(" 52,35 ")).toBe(52.35);
    expect(parseCoordinate("52,35,1")).toBeNull();
  });
  test("a budget must be whole euros", () => {
    const r = validateStep("bijdrage", { timing: "soon", budget: "12,50" });
    expect(r.ok || r.errors.budget).toMatch(/hele euro/);
    const ok = validateStep("bijdrage", { timing: "soon", budget: "€ 2.500" });
    expect(ok.ok && ok.data.budget).toBe(2500);
  });
  test("consent to be contacted is required", () => {
    const r = validateStep("gegevens", { name: "An", email: "an@example.nl" });
    expect(r.ok || r.errors.consentContact).toMatch(/toestemming/);
  });
  test("the whole draft reports the first step with an error", () => {
    const r = validateAll({ title: "Bankje", description: "Een bankje", theme: "groen" });
    expect(r.ok || r.step).toBe("waar");
  });
});

describe("the shared rules of the initiative actions", () => {
  const idea = { lat: 52.351234, lng: 4.612345, allowExactLocation: false };

  test("publicLocation never gives more than street level without consent", () => {
    expect(publicLocation(idea, { precision: "exact" })).toEqual({
      publicLat: 52.351,
      publicLng: 4.612,
      locationPrecision: "buurt",
    });
    expect(publicLocation(idea, { point: { lat: 52.36, lng: 4.6 } }).locationPrecision).toBe("buurt");
    expect(publicLocation({ ...idea, allowExactLocation: true }, { precision: "exact" })).toEqual({
      publicLat: 52.35123,
      publicLng: 4.61235,
      locationPrecision: "exact",
    });
    expect(publicLocation(idea, { precision: "wijk" })).toMatchObject({
      publicLat: 52.35,
      locationPrecision: "wijk",
    });
    expect(publicLocation(idea, { point: null })).toEqual({
      publicLat: null,
      publicLng: null,
      locationPrecision: "none",
    });
    expect(publicLocation({ ...idea, lat: null, lng: null }, { precision: "buurt" }).locationPrecision).toBe(
      "none",
    );
  });

  test("publicationProblem: closed initiatives and house numbers without consent", () => {
    const texts = { publicTitle: "Bankjes", publicSummary: "Bij Sportlaan 12" };
    const open = { status: "new", address: "Sportlaan 12, Heemstede", allowExactLocation: false };
    expect(publicationProblem(open, texts)?.field).toBe("publicSummary");
    expect(publicationProblem({ ...open, allowExactLocation: true }, texts)).toBeNull();
    expect(publicationProblem(open, { ...texts, publicSummary: "Bij de Sportlaan" })).toBeNull();
    for (const status of ["rejected", "withdrawn"])
      expect(publicationProblem({ ...open, status, allowExactLocation: true }, texts)?.field).toBe(
        "published",
      );
    expect(isClosed("realised")).toBe(false);
  });
});

describe("overdue ideas", () => {
  test("only a new idea after its answer date is overdue", () => {
    expect(isOverdue({ status: "new", respondBy: "2026-12-01" }, "2026-12-02")).toBe(true);
    expect(isOverdue({ status: "new", respondBy: "2026-12-02" }, "2026-12-02")).toBe(false);
    expect(isOverdue({ status: "in_review", respondBy: "2026-12-01" }, "2026-12-02")).toBe(false);
    expect(isOverdue({ status: "new", respondBy: null }, "2026-12-02")).toBe(false);
  });

  test("today is the date in Heemstede, not in UTC", () => {
    expect(todayInHeemstede(new Date("2026-12-01T23:30:00Z"))).toBe("2026-12-02");
  });
});
