import { describe, expect, test } from "vitest";
import { filterParams, parseOverviewFilter, parseStaffListFilter } from "../../app/domain/monitor/forms";
import { diffImport, type ImportContext } from "../../app/domain/monitor/import-diff";
import {
  barWidths,
  checkRound,
  mayReact,
  mayUpdate,
  reminderDue,
  selectForCopy,
  stoplichtAt,
  summarise,
  type UpdateLike,
} from "../../app/domain/monitor/rules";
import { parseStoplicht, STOPLICHTEN, stoplichtWords } from "../../app/domain/monitor/vocabulary";

const u = (
  id: number,
  year: number,
  tertiaal: number,
  stoplicht: UpdateLike["stoplicht"],
  status: UpdateLike["status"] = "confirmed",
): UpdateLike => ({
  id,
  year,
  tertiaal,
  stoplicht,
  status,
});

describe("stoplicht of a tertiaal", () => {
  test("the latest confirmed update up to the tertiaal counts; pending and sent back never", () => {
    const updates = [
      u(1, 2024, 1, "red"),
      u(2, 2024, 2, "yellow"),
      u(3, 2024, 3, "green", "submitted"),
      u(4, 2024, 3, "completed", "returned"),
    ];
    expect(stoplichtAt(updates, { year: 2024, tertiaal: 1 })).toBe("red");
    expect(stoplichtAt(updates, { year: 2024, tertiaal: 3 })).toBe("yellow");
    expect(stoplichtAt(updates, { year: 2025, tertiaal: 1 })).toBe("yellow");
    expect(stoplichtAt(updates, { year: 2023, tertiaal: 3 })).toBe("not_assessed");
    expect(stoplichtAt([], { year: 2024, tertiaal: 1 })).toBe("not_assessed");
  });
  test("two confirmed updates in one tertiaal: the later one wins", () => {
    expect(stoplichtAt([u(7, 2024, 2, "green"), u(5, 2024, 2, "red")], { year: 2024, tertiaal: 2 })).toBe(
      "green",
    );
  });
});

describe("stoplicht summary", () => {
  test("counts per theme (all five) and per trekker; two trekkers count for both", () => {
    const s = summarise(
      [
        { theme: 1, trekkers: ["elan", "pre"], stoplicht: "green" },
        { theme: 1, trekkers: ["gemeente"], stoplicht: "red" },
        { theme: 4, trekkers: ["pre"], stoplicht: "not_assessed" },
      ],
      ["gemeente", "elan", "pre", "bewonersraad"],
    );
    expect(s.byTheme.map((t) => t.counts.total)).toEqual([2, 0, 0, 1, 0]);
    expect(s.total).toMatchObject({ green: 1, red: 1, not_assessed: 1, total: 3 });
    expect(s.byTrekker.map((t) => [t.organisationId, t.counts.total])).toEqual([
      ["gemeente", 1],
      ["elan", 1],
      ["pre", 2],
    ]);
  });
  test("bar widths add up to 100", () => {
    const w = barWidths({
      green: 1,
      yellow: 1,
      red: 1,
      completed: 0,
      lapsed: 0,
      not_assessed: 0,
      total: 3,
    });
    expect(w.reduce((a, p) => a + p.percent, 0)).toBe(100);
    expect(w.map((p) => p.stoplicht)).toEqual(["green", "yellow", "red"]);
  });
});

describe("round rules", () => {
  const parties = [
    { organisationId: "elan-wonen", role: "trekker" as const },
    { organisationId: "gemeente-heemstede", role: "party" as const },
  ];
  test.each([
    [
      "trekker corporatie",
      { organisationId: "elan-wonen", organisationKind: "housing_corporation" as const },
      true,
    ],
    [
      "party gemeente",
      { organisationId: "gemeente-heemstede", organisationKind: "municipality" as const },
      true,
    ],
    [
      "other corporatie",
      { organisationId: "pre-wonen", organisationKind: "housing_corporation" as const },
      false,
    ],
    [
      "huurdersorganisatie",
      { organisationId: "bewonersraad", organisationKind: "tenant_organisation" as const },
      false,
    ],
  ])("%s may update: %s", (_n, writer, expected) => expect(mayUpdate(writer, parties)).toBe(expected));
  test("only huurdersorganisaties react", () => {
    expect(mayReact({ organisationId: "x", organisationKind: "tenant_organisation" })).toBe(true);
    expect(mayReact({ organisationId: "x", organisationKind: "housing_corporation" })).toBe(false);
  });
  test("a closed round, no round, or a year outside the agreement is refused", () => {
    const a = { firstYear: 2024, lastYear: 2024 };
    expect(checkRound({ id: 1, year: 2024, tertiaal: 2, status: "open" }, a)).toEqual({ ok: true });
    expect(checkRound(null, a).ok).toBe(false);
    expect(checkRound({ id: 1, year: 2024, tertiaal: 2, status: "closed" }, a)).toMatchObject({
      ok: false,
      message: expect.stringContaining("gesloten"),
    });
    expect(checkRound({ id: 1, year: 2025, tertiaal: 1, status: "open" }, a).ok).toBe(false);
  });
  test("a reminder is due after N days, only while open", () => {
    const openedAt = new Date("2025-01-01T00:00:00Z");
    expect(
      reminderDue({ status: "open", openedAt, reminderAfterDays: 7 }, new Date("2025-01-07T23:00:00Z")),
    ).toBe(false);
    expect(
      reminderDue({ status: "open", openedAt, reminderAfterDays: 7 }, new Date("2025-01-08T00:00:00Z")),
    ).toBe(true);
    expect(
      reminderDue({ status: "closed", openedAt, reminderAfterDays: 7 }, new Date("2025-02-01T00:00:00Z")),
    ).toBe(false);
  });
});

describe("copy to a new year", () => {
  test("doorlopende and unfinished jaarafspraken go; finished ones, kaderafspraken and other years stay", () => {
    const a = (key: string, over: object) => ({
      key,
      kind: "jaar" as const,
      lastYear: 2024,
      prioriteit: "t1" as const,
      stoplicht: "yellow" as const,
      ...over,
    });
    const picked = selectForCopy(
      [
        a("unfinished", {}),
        a("done", { stoplicht: "completed" }),
        a("dropped", { stoplicht: "lapsed" }),
        a("doorlopend-done", { prioriteit: "ongoing", stoplicht: "completed" }),
        a("kader", { kind: "kader", lastYear: 2027 }),
        a("last-year", { lastYear: 2023 }),
      ],
      2024,
    );
    expect(picked.map((p) => p.key)).toEqual(["unfinished", "doorlopend-done"]);
  });
});

describe("import diff", () => {
  const ctx: ImportContext = {
    agreements: new Map([
      [
        "J 1.3 (2024)",
        { id: 3, title: "Woningsplitsing", parties: [{ organisationId: "elan-wonen", role: "trekker" }] },
      ],
    ]),
    organisations: new Map([
      ["elan-wonen", { id: "elan-wonen", name: "Elan Wonen", kind: "housing_corporation" as const }],
      ["elan wonen", { id: "elan-wonen", name: "Elan Wonen", kind: "housing_corporation" as const }],
      ["pre-wonen", { id: "pre-wonen", name: "Pré Wonen", kind: "housing_corporation" as const }],
      ["pré wonen", { id: "pre-wonen", name: "Pré Wonen", kind: "housing_corporation" as const }],
    ]),
    current: new Map([["J 1.3 (2024)|elan-wonen", { stoplicht: "yellow" as const, explanation: "Bezig." }]]),
  };
  const header = ["Sleutel", "Titel", "Organisatie", "Stoplicht", "Toelichting"];
  test("changes, unchanged and skipped rows", () => {
    expect(
      diffImport([header, ["J 1.3 (2024)", "", "Elan Wonen", "Groen", "Klaar."]], ctx).changes,
    ).toMatchObject([{ line: 2, stoplicht: "green", before: { stoplicht: "yellow" } }]);
    const same = diffImport(
      [
        header,
        // A file exported before migration 0014 holds the old Dutch code.
        ["J 1.3 (2024)", "", "elan-wonen", "geel", "Bezig."],
        ["J 1.3 (2024)", "", "Elan Wonen", "", ""],
      ],
      ctx,
    );
    expect(same).toMatchObject({ changes: [], unchanged: 1, skipped: 1, errors: [] });
  });
  test("unknown key, unknown or wrong organisation, unknown stoplicht, missing explanation", () => {
    const d = diffImport(
      [
        header,
        ["J 9.9 (2024)", "", "Elan Wonen", "Groen", "x"],
        ["J 1.3 (2024)", "", "Pré Wonen", "Groen", "x"],
        ["J 1.3 (2024)", "", "Woonzorg", "Oranje", ""],
      ],
      ctx,
    );
    expect(d.changes).toHaveLength(0);
    expect(d.errors.map((e) => [e.line, e.messages.length])).toEqual([
      [2, 1],
      [3, 1],
      [4, 3],
    ]);
    expect(d.errors[0]!.messages[0]).toContain("bestaat niet");
    expect(d.errors[1]!.messages[0]).toBe("Pré Wonen is geen trekker of partij van deze afspraak.");
  });
  test("a file without the right columns", () => {
    expect(diffImport([["a", "b"]], ctx).fileErrors[0]).toContain("ontbreekt");
  });
  test("stoplicht labels, codes and the Dutch words of URLs and older files are all accepted", () => {
    expect(parseStoplicht("Nog niet beoordeeld")).toBe("not_assessed");
    expect(parseStoplicht(" GROEN ")).toBe("green");
    expect(parseStoplicht("not_assessed")).toBe("not_assessed");
    expect(parseStoplicht("nog_niet_beoordeeld")).toBe("not_assessed");
    expect(parseStoplicht("vervallen")).toBe("lapsed");
    for (const s of STOPLICHTEN) expect(parseStoplicht(stoplichtWords[s])).toBe(s);
    expect(parseStoplicht("paars")).toBeNull();
  });
});

describe("the overview filter in the URL", () => {
  test("keeps the Dutch stoplicht word while the filter holds the English code", () => {
    const known = { years: [2024], organisations: ["elan-wonen"] };
    const filter = parseOverviewFilter(
      new URLSearchParams("jaar=2024&tertiaal=2&stoplicht=nog_niet_beoordeeld"),
      { year: 2024, tertiaal: 3 },
      known,
    );
    expect(filter.stoplicht).toBe("not_assessed");
    expect(filterParams(filter).get("stoplicht")).toBe("nog_niet_beoordeeld");
    expect(filterParams(filter, { stoplicht: "green" }).toString()).toContain("stoplicht=groen");
  });
});

describe("the filter of the gemeente's list", () => {
  test("takes an organisation as trekker or party and names the values it left out", () => {
    const known = { years: [2024, 2025], organisations: ["elan-wonen", "pre-wonen"] };
    const ok = parseStaffListFilter(
      new URLSearchParams(
        "jaar=2025&tertiaal=1&organisatie=pre-wonen&stoplicht=Nog niet beoordeeld&pagina=2",
      ),
      { year: 2024, tertiaal: 3 },
      known,
    );
    expect(ok.ignored).toEqual([]);
    expect(ok.filter).toMatchObject({ year: 2025, tertiaal: 1, organisation: "pre-wonen", trekker: null });
    expect(ok.filter).toMatchObject({ stoplicht: "not_assessed", page: 2 });
    expect(filterParams(ok.filter).toString()).toBe(
      "jaar=2025&tertiaal=1&organisatie=pre-wonen&stoplicht=nog_niet_beoordeeld&pagina=2",
    );
    const bad = parseStaffListFilter(
      new URLSearchParams("jaar=2030&thema=0&organisatie=x&stoplicht=paars&pagina=0&zoek=%20%20"),
      { year: 2024, tertiaal: 3 },
      known,
    );
    expect(bad.filter).toMatchObject({ year: 2024, tertiaal: 3, theme: null, organisation: null });
    expect(bad.filter).toMatchObject({ stoplicht: null, page: 1, q: "" });
    expect(bad.ignored.sort()).toEqual(["jaar", "organisatie", "pagina", "stoplicht", "thema"]);
  });

  test("the public filter keeps ignoring what does not fit, without the staff organisation", () => {
    const f = parseOverviewFilter(
      new URLSearchParams(`jaar=x&tertiaal=2&thema=3&organisatie=elan-wonen&zoek=${"a".repeat(150)}`),
      { year: 2024, tertiaal: 3 },
      { years: [2024], organisations: ["elan-wonen"] },
    );
    expect(f).toEqual({
      year: 2024,
      tertiaal: 2,
      theme: 3,
      trekker: null,
      stoplicht: null,
      q: "a".repeat(100),
      page: 1,
    });
  });
});
