import { describe, expect, test } from "vitest";
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
import { parseStoplicht } from "../../app/domain/monitor/vocabulary";

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
      u(1, 2024, 1, "rood"),
      u(2, 2024, 2, "geel"),
      u(3, 2024, 3, "groen", "submitted"),
      u(4, 2024, 3, "afgerond", "returned"),
    ];
    expect(stoplichtAt(updates, { year: 2024, tertiaal: 1 })).toBe("rood");
    expect(stoplichtAt(updates, { year: 2024, tertiaal: 3 })).toBe("geel");
    expect(stoplichtAt(updates, { year: 2025, tertiaal: 1 })).toBe("geel");
    expect(stoplichtAt(updates, { year: 2023, tertiaal: 3 })).toBe("nog_niet_beoordeeld");
    expect(stoplichtAt([], { year: 2024, tertiaal: 1 })).toBe("nog_niet_beoordeeld");
  });
  test("two confirmed updates in one tertiaal: the later one wins", () => {
    expect(stoplichtAt([u(7, 2024, 2, "groen"), u(5, 2024, 2, "rood")], { year: 2024, tertiaal: 2 })).toBe(
      "groen",
    );
  });
});

describe("stoplicht summary", () => {
  test("counts per theme (all five) and per trekker; two trekkers count for both", () => {
    const s = summarise(
      [
        { theme: 1, trekkers: ["elan", "pre"], stoplicht: "groen" },
        { theme: 1, trekkers: ["gemeente"], stoplicht: "rood" },
        { theme: 4, trekkers: ["pre"], stoplicht: "nog_niet_beoordeeld" },
      ],
      ["gemeente", "elan", "pre", "bewonersraad"],
    );
    expect(s.byTheme.map((t) => t.counts.total)).toEqual([2, 0, 0, 1, 0]);
    expect(s.total).toMatchObject({ groen: 1, rood: 1, nog_niet_beoordeeld: 1, total: 3 });
    expect(s.byTrekker.map((t) => [t.organisationId, t.counts.total])).toEqual([
      ["gemeente", 1],
      ["elan", 1],
      ["pre", 2],
    ]);
  });
  test("bar widths add up to 100", () => {
    const w = barWidths({
      groen: 1,
      geel: 1,
      rood: 1,
      afgerond: 0,
      vervallen: 0,
      nog_niet_beoordeeld: 0,
      total: 3,
    });
    expect(w.reduce((a, p) => a + p.percent, 0)).toBe(100);
    expect(w.map((p) => p.stoplicht)).toEqual(["groen", "geel", "rood"]);
  });
});

describe("round rules", () => {
  const parties = [
    { organisationId: "elan-wonen", role: "trekker" as const },
    { organisationId: "gemeente-heemstede", role: "party" as const },
  ];
  test.each([
    ["trekker corporatie", { organisationId: "elan-wonen", organisationKind: "corporatie" as const }, true],
    ["party gemeente", { organisationId: "gemeente-heemstede", organisationKind: "gemeente" as const }, true],
    ["other corporatie", { organisationId: "pre-wonen", organisationKind: "corporatie" as const }, false],
    [
      "huurdersorganisatie",
      { organisationId: "bewonersraad", organisationKind: "huurdersorganisatie" as const },
      false,
    ],
  ])("%s may update: %s", (_n, writer, expected) => expect(mayUpdate(writer, parties)).toBe(expected));
  test("only huurdersorganisaties react", () => {
    expect(mayReact({ organisationId: "x", organisationKind: "huurdersorganisatie" })).toBe(true);
    expect(mayReact({ organisationId: "x", organisationKind: "corporatie" })).toBe(false);
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
      stoplicht: "geel" as const,
      ...over,
    });
    const picked = selectForCopy(
      [
        a("unfinished", {}),
        a("done", { stoplicht: "afgerond" }),
        a("dropped", { stoplicht: "vervallen" }),
        a("doorlopend-done", { prioriteit: "doorlopend", stoplicht: "afgerond" }),
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
      ["elan-wonen", { id: "elan-wonen", name: "Elan Wonen", kind: "corporatie" as const }],
      ["elan wonen", { id: "elan-wonen", name: "Elan Wonen", kind: "corporatie" as const }],
      ["pre-wonen", { id: "pre-wonen", name: "Pré Wonen", kind: "corporatie" as const }],
      ["pré wonen", { id: "pre-wonen", name: "Pré Wonen", kind: "corporatie" as const }],
    ]),
    current: new Map([["J 1.3 (2024)|elan-wonen", { stoplicht: "geel" as const, explanation: "Bezig." }]]),
  };
  const header = ["Sleutel", "Titel", "Organisatie", "Stoplicht", "Toelichting"];
  test("changes, unchanged and skipped rows", () => {
    expect(
      diffImport([header, ["J 1.3 (2024)", "", "Elan Wonen", "Groen", "Klaar."]], ctx).changes,
    ).toMatchObject([{ line: 2, stoplicht: "groen", before: { stoplicht: "geel" } }]);
    const same = diffImport(
      [
        header,
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
  test("stoplicht labels and codes are both accepted", () => {
    expect(parseStoplicht("Nog niet beoordeeld")).toBe("nog_niet_beoordeeld");
    expect(parseStoplicht(" GROEN ")).toBe("groen");
    expect(parseStoplicht("paars")).toBeNull();
  });
});
