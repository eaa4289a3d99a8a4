import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { changeOverview } from "../../app/domain/consultation/change-overview";
import { readDocx } from "../../app/domain/consultation/docx.server";
import { buildNota } from "../../app/domain/consultation/nota";
import { parseEditorText, toEditorText } from "../../app/domain/consultation/paragraphs";
import { planMerge } from "../../app/domain/consultation/points";
import { canWithdraw, periodState, reactionsByParagraph } from "../../app/domain/consultation/reactions";
import { classifyUpload, uploadMessages } from "../../app/domain/consultation/upload";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/consultation/${name}`, import.meta.url));
const period = {
  reactionStartsAt: new Date("2026-12-01T08:00:00Z"),
  reactionEndsAt: new Date("2026-12-15T22:59:00Z"),
};

describe("editor text", () => {
  test("chapters start with #, paragraphs are split at empty lines and numbered per chapter", () => {
    const p = parseEditorText("# Passend wonen\nEerste\nregel.\n\nTweede.\n\n# Duurzaam\nDerde.");
    expect(p).toEqual([
      { chapter: 1, chapterTitle: "Passend wonen", number: 1, text: "Eerste regel." },
      { chapter: 1, chapterTitle: "Passend wonen", number: 2, text: "Tweede." },
      { chapter: 2, chapterTitle: "Duurzaam", number: 1, text: "Derde." },
    ]);
    expect(parseEditorText(toEditorText(p))).toEqual(p);
  });
  test("text before the first chapter goes into an introduction", () => {
    expect(parseEditorText("Los.")[0]).toMatchObject({ chapter: 1, chapterTitle: "Inleiding", number: 1 });
  });
});

describe("version attachment", () => {
  test("a reaction stays on the paragraph and version it was made on", () => {
    const reactions = [
      { id: 1, versionId: 1, paragraphId: 10 },
      { id: 2, versionId: 1, paragraphId: null },
      { id: 3, versionId: 2, paragraphId: 20 },
    ];
    const v1 = reactionsByParagraph(1, reactions);
    expect(v1.get(10)?.map((r) => r.id)).toEqual([1]);
    expect(v1.get(null)?.map((r) => r.id)).toEqual([2]);
    expect(v1.has(20)).toBe(false);
    expect(
      reactionsByParagraph(2, reactions)
        .get(20)
        ?.map((r) => r.id),
    ).toEqual([3]);
  });
});

describe("change overview (paragraphs matched by content)", () => {
  const kinds = (changes: ReturnType<typeof changeOverview>) =>
    changes.map((c) => [c.previousLabel, c.label, c.kind]);

  test("an edit is shown word by word; a removed paragraph as removed", () => {
    const before = parseEditorText("# A\nEen twee drie vier vijf.\n\nBlijft.\n\nWeg met deze alinea.");
    const after = parseEditorText("# A\nEen zes drie vier vijf.\n\nBlijft.");
    const changes = changeOverview(before, after);
    expect(kinds(changes)).toEqual([
      ["1.1", "1.1", "changed"],
      ["1.2", "1.2", "unchanged"],
      ["1.3", "1.3", "removed"],
    ]);
    expect(changes[0]!.parts.filter((p) => p.kind !== "same").map((p) => [p.kind, p.text.trim()])).toEqual([
      ["removed", "twee"],
      ["added", "zes"],
    ]);
  });

  test("inserting one paragraph shows one new paragraph, not every following one as changed", () => {
    const before = parseEditorText("# A\nEerste.\n\nTweede.\n\nDerde.\n\n# B\nVierde.");
    const after = parseEditorText(
      "# A\nEerste.\n\nIngevoegd nieuw stuk.\n\nTweede.\n\nDerde.\n\n# B\nVierde.",
    );
    expect(kinds(changeOverview(before, after))).toEqual([
      ["1.1", "1.1", "unchanged"],
      [null, "1.2", "added"],
      ["1.2", "1.3", "unchanged"],
      ["1.3", "1.4", "unchanged"],
      ["2.1", "2.1", "unchanged"],
    ]);
  });

  test("removing one paragraph shows one removed paragraph; the rest are renumbered, not changed", () => {
    const before = parseEditorText("# A\nEerste.\n\nTweede.\n\nDerde.\n\nVierde.");
    const after = parseEditorText("# A\nEerste.\n\nDerde.\n\nVierde.");
    expect(kinds(changeOverview(before, after))).toEqual([
      ["1.1", "1.1", "unchanged"],
      ["1.2", "1.2", "removed"],
      ["1.3", "1.2", "unchanged"],
      ["1.4", "1.3", "unchanged"],
    ]);
  });

  test("insert, remove and edit in one go; paragraphs after them stay unchanged", () => {
    const before = parseEditorText(
      "# A\nWij bouwen 300 sociale huurwoningen tot 2030.\n\nStarters krijgen voorrang.\n\nOuderen blijven thuis wonen.\n\n# B\nIsoleren.",
    );
    const after = parseEditorText(
      "# A\nNieuw: de gemeente koopt grond aan.\n\nWij bouwen 450 sociale huurwoningen tot 2030.\n\nOuderen blijven thuis wonen.\n\n# B\nIsoleren.",
    );
    const changes = changeOverview(before, after);
    expect(kinds(changes)).toEqual([
      [null, "1.1", "added"],
      ["1.1", "1.2", "changed"],
      ["1.2", "1.2", "removed"],
      ["1.3", "1.3", "unchanged"],
      ["2.1", "2.1", "unchanged"],
    ]);
    expect(changes[1]!.parts.filter((p) => p.kind !== "same").map((p) => p.text.trim())).toEqual([
      "300",
      "450",
    ]);
  });

  test("a paragraph moved within a chapter is shown as moved, once", () => {
    const before = parseEditorText(
      "# A\nEerste alinea.\n\nTweede alinea.\n\nDerde alinea.\n\nVierde alinea.",
    );
    const after = parseEditorText("# A\nTweede alinea.\n\nDerde alinea.\n\nEerste alinea.\n\nVierde alinea.");
    const changes = changeOverview(before, after);
    expect(kinds(changes)).toEqual([
      ["1.2", "1.1", "unchanged"],
      ["1.3", "1.2", "unchanged"],
      ["1.1", "1.3", "moved"],
      ["1.4", "1.4", "unchanged"],
    ]);
    expect(changes[2]!.parts).toEqual([]);
  });

  test("a paragraph moved and slightly edited is a move with the edit word by word", () => {
    const before = parseEditorText(
      "# A\nDe gemeente bouwt samen met de corporaties veel nieuwe woningen.\n\nTweede.\n\nDerde.",
    );
    const after = parseEditorText(
      "# A\nTweede.\n\nDerde.\n\nDe gemeente bouwt samen met de corporaties veel betaalbare woningen.",
    );
    const changes = changeOverview(before, after);
    expect(kinds(changes)).toEqual([
      ["1.2", "1.1", "unchanged"],
      ["1.3", "1.2", "unchanged"],
      ["1.1", "1.3", "moved"],
    ]);
    expect(changes[2]!.parts.filter((p) => p.kind !== "same").map((p) => [p.kind, p.text.trim()])).toEqual([
      ["removed", "nieuwe"],
      ["added", "betaalbare"],
    ]);
  });

  test("an unrelated paragraph in the place of another is removed plus new, not an edit", () => {
    const before = parseEditorText("# A\nEerste.\n\nHuurders willen meer groen in de wijk.\n\nDerde.");
    const after = parseEditorText("# A\nEerste.\n\nDe parkeernorm gaat omlaag bij nieuwbouw.\n\nDerde.");
    expect(kinds(changeOverview(before, after))).toEqual([
      ["1.1", "1.1", "unchanged"],
      ["1.2", "1.2", "removed"],
      [null, "1.2", "added"],
      ["1.3", "1.3", "unchanged"],
    ]);
  });

  test("a paragraph added at the end and identical versions", () => {
    const before = parseEditorText("# A\nEen.\n\nTwee.");
    expect(kinds(changeOverview(before, parseEditorText("# A\nEen.\n\nTwee.\n\nDrie.")))).toEqual([
      ["1.1", "1.1", "unchanged"],
      ["1.2", "1.2", "unchanged"],
      [null, "1.3", "added"],
    ]);
    expect(changeOverview(before, before).every((c) => c.kind === "unchanged")).toBe(true);
    expect(changeOverview([], before).map((c) => c.kind)).toEqual(["added", "added"]);
    expect(changeOverview(before, []).map((c) => c.kind)).toEqual(["removed", "removed"]);
  });

  test("300 paragraphs with every other one rewritten stays fast", () => {
    const text = (i: number, v: string) =>
      `Alinea ${i} over wonen in Heemstede, versie ${v}, met woorden ${i * 7}.`;
    const before = Array.from({ length: 300 }, (_, i) => ({
      chapter: 1,
      chapterTitle: "A",
      number: i + 1,
      text: text(i, "een"),
    }));
    const after = before.map((p, i) =>
      i % 2 ? { ...p, text: `Geheel nieuwe tekst ${i} zonder overlap.` } : p,
    );
    const started = performance.now();
    const changes = changeOverview(before, after);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(changes.filter((c) => c.kind === "unchanged")).toHaveLength(150);
  });
});

describe("reaction period (Europe/Amsterdam instants)", () => {
  test.each([
    ["before", "2026-12-01T07:59:59Z", "upcoming"],
    ["at the start", "2026-12-01T08:00:00Z", "open"],
    ["just before the end", "2026-12-15T22:58:59Z", "open"],
    ["at the end", "2026-12-15T22:59:00Z", "closed"],
  ])("%s", (_n, at, state) => expect(periodState(period, new Date(at))).toBe(state));
  test("no period set", () =>
    expect(periodState({ reactionStartsAt: null, reactionEndsAt: null }, new Date())).toBe("not_set"));
  test("withdrawal only while the period is open and not twice", () => {
    expect(canWithdraw({ status: "confirmed" }, period, new Date("2026-12-10T00:00:00Z"))).toBe(true);
    expect(canWithdraw({ status: "confirmed" }, period, new Date("2026-12-16T00:00:00Z"))).toBe(false);
    expect(canWithdraw({ status: "withdrawn" }, period, new Date("2026-12-10T00:00:00Z"))).toBe(false);
  });
});

describe("merging reactions into points", () => {
  const r = (id: number, paragraphId: number | null, theme: number | null, versionId = 1) => ({
    id,
    versionId,
    paragraphId,
    theme,
    pointId: null,
  });
  test("reactions on one paragraph keep that paragraph and the most shared theme", () => {
    expect(planMerge([r(1, 5, 1), r(2, 5, 4), r(3, 5, 4)])).toEqual({
      ok: true,
      versionId: 1,
      paragraphId: 5,
      theme: 4,
      reactionIds: [1, 2, 3],
    });
  });
  test("reactions on different paragraphs make a point about the whole document", () => {
    expect(planMerge([r(1, 5, null), r(2, 6, null)])).toMatchObject({
      ok: true,
      paragraphId: null,
      theme: null,
    });
  });
  test("reactions on different versions cannot be merged", () => {
    expect(planMerge([r(1, 5, 1, 1), r(2, 7, 1, 2)]).ok).toBe(false);
    expect(planMerge([]).ok).toBe(false);
  });
});

describe("reactienota structure", () => {
  const paragraphs = [
    { id: 10, chapter: 1, chapterTitle: "Passend wonen", number: 1, text: "Tekst 1.1" },
    { id: 11, chapter: 1, chapterTitle: "Passend wonen", number: 2, text: "Tekst 1.2" },
    { id: 20, chapter: 2, chapterTitle: "Duurzaam", number: 1, text: "Tekst 2.1" },
  ];
  const point = (id: number, paragraphId: number | null, decision: "adopted" | "not_adopted" | null) => ({
    id,
    paragraphId,
    summary: `Punt ${id}`,
    answer: "Antwoord",
    decision,
    reason: "Reden",
    changedParagraph: null,
    changeNote: "",
  });
  const nota = buildNota(
    paragraphs,
    [point(1, 20, "adopted"), point(2, null, "not_adopted"), point(3, 10, null)],
    [
      { kind: "resident", organisationName: null, organisationRole: null, pointId: 1 },
      { kind: "resident", organisationName: null, organisationRole: null, pointId: 1 },
      { kind: "organisation", organisationName: "Elan Wonen", organisationRole: "adviseur", pointId: 1 },
      { kind: "organisation", organisationName: "Pré Wonen", organisationRole: "adviseur", pointId: 2 },
      { kind: "resident", organisationName: null, organisationRole: null, pointId: null },
    ],
  );
  test("whole-document points first, then per chapter and paragraph in document order", () => {
    expect(nota.sections.map((s) => [s.chapter, s.paragraphs.map((p) => p.label)])).toEqual([
      [null, [null]],
      [1, ["1.1"]],
      [2, ["2.1"]],
    ]);
  });
  test("residents are counted anonymously, organisations are named with their role", () => {
    const p1 = nota.sections[2]!.paragraphs[0]!.points[0]!;
    expect(p1.respondents).toEqual(["Elan Wonen (Adviseur (meedenken))", "2 inwoners"]);
    expect(p1.decisionLabel).toBe("Overgenomen");
  });
  test("the summary counts points per decision and reactions per kind of respondent", () => {
    expect(nota.summary).toEqual({
      points: 3,
      reactions: 4,
      byDecision: { adopted: 1, partly_adopted: 0, not_adopted: 1, open: 1 },
      byRespondent: { resident: 2, organisation: 2 },
    });
  });
});

describe("Word import", () => {
  test("headings become chapters, paragraphs keep their text, images and tables are listed", async () => {
    const b = fixture("concept-woonvisie.docx");
    const r = await readDocx({ size: b.length, bytes: new Uint8Array(b) });
    if (!r.ok) throw new Error(r.error);
    expect(r.paragraphs.map((p) => [p.chapter, p.number, p.chapterTitle])).toEqual([
      [1, 1, "Passend wonen voor iedereen"],
      [1, 2, "Passend wonen voor iedereen"],
      [2, 1, "Duurzaam wonen"],
      [2, 2, "Duurzaam wonen"],
    ]);
    expect(r.paragraphs[0]!.text).toContain("starters en ouderen");
    expect(r.paragraphs[3]!.text).toContain("500 woningen geïsoleerd");
    expect(r.notes).toEqual([
      "Afbeelding 1 (Kaart van Heemstede) is niet overgenomen.",
      "Tabel 1 is overgenomen als gewone tekst. Controleer of de tekst klopt.",
    ]);
  });
  test.each([
    ["beveiligd.docx", uploadMessages.encrypted],
    ["geen-word.docx", uploadMessages.notWord],
    ["zip-geen-word.docx", uploadMessages.notWord],
  ])("%s gets one clear message", async (name, message) => {
    const b = fixture(name);
    expect(await readDocx({ size: b.length, bytes: new Uint8Array(b) })).toEqual({
      ok: false,
      error: message,
    });
  });
  test("a file over 10 MB is refused before it is read", async () => {
    expect(await readDocx({ size: 10 * 1024 * 1024 + 1, bytes: new Uint8Array() })).toEqual({
      ok: false,
      error: uploadMessages.tooLarge,
    });
  });
  test("the upload check looks at the first bytes", () => {
    expect(classifyUpload(new Uint8Array([0x50, 0x4b, 3, 4]))).toBe("docx");
    expect(classifyUpload(new TextEncoder().encode("hallo"))).toBe("other");
  });
});
