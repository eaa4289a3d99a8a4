import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { readDocx } from "../../app/domain/consultation/docx.server";
import {
  buildNota,
  canWithdraw,
  changeOverview,
  classifyUpload,
  parseEditorText,
  periodState,
  planMerge,
  reactionsByParagraph,
  toEditorText,
  uploadMessages,
} from "../../app/domain/consultation/rules";

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
  test("the change overview shows changed, new and removed paragraphs by number", () => {
    const before = parseEditorText("# A\nEen twee drie.\n\nBlijft.\n\nWeg.");
    const after = parseEditorText("# A\nEen vier drie.\n\nBlijft.");
    const changes = changeOverview(before, after);
    expect(changes.map((c) => [c.label, c.kind])).toEqual([
      ["1.1", "changed"],
      ["1.2", "unchanged"],
      ["1.3", "removed"],
    ]);
    expect(changes[0]!.parts.filter((p) => p.kind !== "same").map((p) => [p.kind, p.text.trim()])).toEqual([
      ["removed", "twee"],
      ["added", "vier"],
    ]);
    const longer = parseEditorText("# A\nEen twee drie.\n\nBlijft.\n\nWeg.\n\nNieuw.");
    expect(changeOverview(before, longer).map((c) => c.kind)).toEqual([
      "unchanged",
      "unchanged",
      "unchanged",
      "added",
    ]);
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
