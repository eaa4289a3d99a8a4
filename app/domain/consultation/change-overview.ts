// The change overview between two versions of a concept document (issue 16, docs/consultation.md), paragraph
// by paragraph, matched by content (not by number).
import { diffArrays, diffWords } from "diff";
import { type ParagraphInput, paragraphLabel } from "./paragraphs";

export type ChangeKind = "unchanged" | "changed" | "moved" | "added" | "removed";

export interface ParagraphChange {
  /** The paragraph's number in the newer version ("2.3"); for a removed paragraph, its number in the older one. */
  label: string;
  /** Its number in the older version (null for a new paragraph). */
  previousLabel: string | null;
  chapterTitle: string;
  kind: ChangeKind;
  before: string | null;
  after: string | null;
  /** For a changed (or moved and edited) paragraph: the words kept, removed and added (jsdiff). */
  parts: { text: string; kind: "same" | "added" | "removed" }[];
}

function wordDiff(before: string, after: string): ParagraphChange["parts"] {
  return diffWords(before, after).map((c) => ({
    text: c.value,
    kind: c.added ? "added" : c.removed ? "removed" : "same",
  }));
}

const normalise = (text: string) => text.replace(/\s+/g, " ").trim();

function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** Share of words two paragraphs have in common (Dice coefficient over the words, 0..1). */
export function paragraphSimilarity(a: Map<string, number>, b: Map<string, number>): number {
  let total = 0;
  let shared = 0;
  for (const n of a.values()) total += n;
  for (const n of b.values()) total += n;
  if (total === 0) return 1;
  for (const [w, n] of a) shared += Math.min(n, b.get(w) ?? 0);
  return (2 * shared) / total;
}

/** An old and a new paragraph at the same place count as one edited paragraph from this share of words. */
export const EDIT_SIMILARITY = 0.4;

/** An old and a new paragraph at different places count as one moved (and edited) paragraph from this share. */
export const MOVE_SIMILARITY = 0.7;

type Op =
  | { kind: "same"; o: number; n: number }
  | { kind: "removed"; o: number; gap: number }
  | { kind: "added"; n: number; gap: number };

/**
 * The paragraph texts aligned by a longest common subsequence: kept, removed or added, with the gap (the
 * number of kept runs before it) of each removed or added one.
 */
function alignParagraphs(oldTexts: string[], newTexts: string[]): Op[] {
  const ops: Op[] = [];
  let o = 0;
  let n = 0;
  let gap = 0;
  for (const c of diffArrays(oldTexts, newTexts)) {
    for (let i = 0; i < c.count; i += 1) {
      if (c.added) ops.push({ kind: "added", n: n++, gap });
      else if (c.removed) ops.push({ kind: "removed", o: o++, gap });
      else ops.push({ kind: "same", o: o++, n: n++ });
    }
    if (!c.added && !c.removed) gap += 1;
  }
  return ops;
}

/**
 * Removed and added paragraphs paired up: the same text elsewhere (moved), a similar text in the same gap
 * (edited), a very similar text elsewhere (moved and edited).
 */
function matchParagraphs(ops: Op[], oldTexts: string[], newTexts: string[]) {
  const removed = ops.filter((x): x is Extract<Op, { kind: "removed" }> => x.kind === "removed");
  const added = ops.filter((x): x is Extract<Op, { kind: "added" }> => x.kind === "added");
  // new index -> old index, and how they were matched
  const match = new Map<number, { o: number; kind: "moved" | "changed" }>();
  const usedOld = new Set<number>();

  // 1. The same text elsewhere: moved.
  const freeOld = new Map<string, number[]>();
  for (const r of removed) freeOld.set(oldTexts[r.o]!, [...(freeOld.get(oldTexts[r.o]!) ?? []), r.o]);
  for (const a of added) {
    const candidates = freeOld.get(newTexts[a.n]!);
    const from = candidates?.shift();
    if (from === undefined) continue;
    match.set(a.n, { o: from, kind: "moved" });
    usedOld.add(from);
  }

  const oldWords = new Map<number, Map<string, number>>();
  const newWords = new Map<number, Map<string, number>>();
  const wordsOld = (i: number) => oldWords.get(i) ?? oldWords.set(i, wordCounts(oldTexts[i]!)).get(i)!;
  const wordsNew = (i: number) => newWords.get(i) ?? newWords.set(i, wordCounts(newTexts[i]!)).get(i)!;

  // 2. A similar text in the same gap: edited. In order, so the pairs never cross.
  const gaps = new Map<number, { removed: number[]; added: number[] }>();
  for (const r of removed)
    if (!usedOld.has(r.o)) {
      const g = gaps.get(r.gap) ?? { removed: [], added: [] };
      g.removed.push(r.o);
      gaps.set(r.gap, g);
    }
  for (const a of added)
    if (!match.has(a.n)) {
      const g = gaps.get(a.gap) ?? { removed: [], added: [] };
      g.added.push(a.n);
      gaps.set(a.gap, g);
    }
  for (const g of gaps.values()) {
    let next = 0;
    for (const r of g.removed) {
      let best = -1;
      let bestScore = EDIT_SIMILARITY;
      for (let j = next; j < g.added.length; j += 1) {
        const score = paragraphSimilarity(wordsOld(r), wordsNew(g.added[j]!));
        if (score >= bestScore && (best === -1 || score > bestScore)) {
          best = j;
          bestScore = score;
        }
      }
      if (best === -1) continue;
      match.set(g.added[best]!, { o: r, kind: "changed" });
      usedOld.add(r);
      next = best + 1;
    }
  }

  // 3. A very similar text elsewhere: moved and edited.
  for (const a of added) {
    if (match.has(a.n)) continue;
    let best = -1;
    let bestScore = MOVE_SIMILARITY;
    for (const r of removed) {
      if (usedOld.has(r.o)) continue;
      const score = paragraphSimilarity(wordsOld(r.o), wordsNew(a.n));
      if (score >= bestScore && (best === -1 || score > bestScore)) {
        best = r.o;
        bestScore = score;
      }
    }
    if (best === -1) continue;
    match.set(a.n, { o: best, kind: "moved" });
    usedOld.add(best);
  }

  return { match, usedOld };
}

/** The changes in the order of the newer version, with removed paragraphs where they stood. */
function listChanges(
  before: readonly ParagraphInput[],
  after: readonly ParagraphInput[],
  texts: { oldTexts: string[]; newTexts: string[] },
  ops: Op[],
  { match, usedOld }: ReturnType<typeof matchParagraphs>,
): ParagraphChange[] {
  const { oldTexts, newTexts } = texts;
  const out: ParagraphChange[] = [];
  const removedAt = (i: number) => {
    const p = before[i]!;
    out.push({
      label: paragraphLabel(p),
      previousLabel: paragraphLabel(p),
      chapterTitle: p.chapterTitle,
      kind: "removed",
      before: p.text,
      after: null,
      parts: [],
    });
  };
  // Removed paragraphs of a gap wait until the new paragraph edited from a later old one, so the list
  // reads in document order.
  let waiting: number[] = [];
  // For each op, the old index of the next paragraph that keeps its place (unchanged or edited).
  const nextAnchor: number[] = new Array(ops.length);
  let upcoming = Number.POSITIVE_INFINITY;
  for (let k = ops.length - 1; k >= 0; k -= 1) {
    const op = ops[k]!;
    if (op.kind === "same") upcoming = op.o;
    else if (op.kind === "added" && match.get(op.n)?.kind === "changed") upcoming = match.get(op.n)!.o;
    nextAnchor[k] = upcoming;
  }
  for (const [k, op] of ops.entries()) {
    if (op.kind === "removed") {
      if (!usedOld.has(op.o)) waiting.push(op.o);
      continue;
    }
    const p = after[op.n]!;
    const from = op.kind === "same" ? { o: op.o, kind: "unchanged" as const } : match.get(op.n);
    const anchor = op.kind === "same" || from?.kind === "changed" ? from!.o : null;
    if (anchor !== null) {
      for (const i of waiting.filter((i) => i < anchor)) removedAt(i);
      waiting = waiting.filter((i) => i > anchor);
    }
    if (op.kind === "same") {
      for (const i of waiting) removedAt(i);
      waiting = [];
    }
    if (!from) {
      // A new paragraph comes after the removed ones that stood before the next kept paragraph.
      for (const i of waiting.filter((i) => i < nextAnchor[k]!)) removedAt(i);
      waiting = waiting.filter((i) => i > nextAnchor[k]!);
      out.push({
        label: paragraphLabel(p),
        previousLabel: null,
        chapterTitle: p.chapterTitle,
        kind: "added",
        before: null,
        after: p.text,
        parts: [],
      });
      continue;
    }
    const prev = before[from.o]!;
    const edited = oldTexts[from.o] !== newTexts[op.n];
    out.push({
      label: paragraphLabel(p),
      previousLabel: paragraphLabel(prev),
      chapterTitle: p.chapterTitle,
      kind: from.kind,
      before: prev.text,
      after: p.text,
      parts: edited ? wordDiff(prev.text, p.text) : [],
    });
  }
  for (const i of waiting) removedAt(i);
  return out;
}

/**
 * What changed between two versions. Paragraphs are matched by their text, not their number: a longest
 * common subsequence of the paragraph texts (jsdiff's diffArrays) keeps the unchanged ones together, so
 * inserting one paragraph shows one new paragraph and renumbers the rest silently. Of what is left, the
 * same text elsewhere is a move; a similar text in the same gap is an edit (word by word); a similar text
 * elsewhere is a move with an edit; the rest is new or removed. The list follows the newer version, with
 * removed paragraphs where they stood.
 */
export function changeOverview(
  before: readonly ParagraphInput[],
  after: readonly ParagraphInput[],
): ParagraphChange[] {
  const oldTexts = before.map((p) => normalise(p.text));
  const newTexts = after.map((p) => normalise(p.text));
  const ops = alignParagraphs(oldTexts, newTexts);
  return listChanges(before, after, { oldTexts, newTexts }, ops, matchParagraphs(ops, oldTexts, newTexts));
}

export const changeKindLabels: Record<ChangeKind, string> = {
  unchanged: "Niet gewijzigd",
  changed: "Gewijzigd",
  moved: "Verplaatst",
  added: "Nieuw",
  removed: "Vervallen",
};
