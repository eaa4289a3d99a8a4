// Pure rules of the consultation on a concept document (issue 16, docs/consultation.md): the editor text
// format, the reaction period, withdrawal, merging reactions into points, the change overview between
// versions and the structure of the reactienota.

import { diffArrays, diffWords } from "diff";
import { type ThemeId, themeLabels } from "../insights/themes";

export interface ParagraphInput {
  chapter: number;
  chapterTitle: string;
  number: number;
  text: string;
}

/** Ids and numbers stored in an integer column: larger ones, fractions and words never reach a query. */
export const MAX_DB_INT = 2_147_483_647;
export const isDbId = (n: unknown): n is number =>
  typeof n === "number" && Number.isInteger(n) && n > 0 && n <= MAX_DB_INT;
/** A form or URL value as an id: only plain digits ("12"), else null. */
export function parseDbId(raw: unknown): number | null {
  if (typeof raw !== "string" || !/^\d{1,10}$/.test(raw.trim())) return null;
  const n = Number(raw.trim());
  return isDbId(n) ? n : null;
}

/** "2.3": chapter 2, paragraph 3. */
export const paragraphLabel = (p: { chapter: number; number: number }) => `${p.chapter}.${p.number}`;

/**
 * The editor's plain-text format: a line starting with "#" starts a chapter ("# Passend wonen"); other
 * text is split into paragraphs at empty lines. Text before the first chapter goes into chapter 1
 * "Inleiding". Numbers follow the order, so staff never type them.
 */
export function parseEditorText(source: string): ParagraphInput[] {
  const out: ParagraphInput[] = [];
  let chapter = 0;
  let chapterTitle = "";
  let number = 0;
  let buffer: string[] = [];
  const flush = () => {
    const text = buffer.join(" ").replace(/\s+/g, " ").trim();
    buffer = [];
    if (!text) return;
    if (chapter === 0) {
      chapter = 1;
      chapterTitle = "Inleiding";
    }
    number += 1;
    out.push({ chapter, chapterTitle, number, text });
  };
  for (const raw of source.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trim();
    if (line.startsWith("#")) {
      flush();
      chapter += 1;
      chapterTitle = line.replace(/^#+\s*/, "").trim() || `Hoofdstuk ${chapter}`;
      number = 0;
    } else if (line === "") flush();
    else buffer.push(line);
  }
  flush();
  return out;
}

/** Paragraphs back to the editor format (round-trips with parseEditorText). */
export function toEditorText(paragraphs: readonly ParagraphInput[]): string {
  const lines: string[] = [];
  let chapter = -1;
  for (const p of paragraphs) {
    if (p.chapter !== chapter) {
      chapter = p.chapter;
      lines.push(`# ${p.chapterTitle}`, "");
    }
    lines.push(p.text, "");
  }
  return lines.join("\n").trim();
}

/** Blocks as a converter reads them from a Word file, in order. */
export type ImportBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "image"; description: string }
  | { kind: "table"; text: string };

/**
 * Headings become chapters and paragraphs keep their text. Images and tables cannot be numbered
 * paragraphs: they are listed for staff (and a table's text is kept as a paragraph so nothing is lost).
 */
export function paragraphsFromBlocks(blocks: readonly ImportBlock[]): {
  paragraphs: ParagraphInput[];
  notes: string[];
} {
  const lines: string[] = [];
  const notes: string[] = [];
  let images = 0;
  let tables = 0;
  for (const b of blocks) {
    if (b.kind === "heading") lines.push(`# ${b.text}`, "");
    else if (b.kind === "paragraph") lines.push(b.text.replace(/^#+/, ""), "");
    else if (b.kind === "image") {
      images += 1;
      notes.push(`Afbeelding ${images}${b.description ? ` (${b.description})` : ""} is niet overgenomen.`);
    } else {
      tables += 1;
      notes.push(`Tabel ${tables} is overgenomen als gewone tekst. Controleer of de tekst klopt.`);
      if (b.text.trim()) lines.push(b.text, "");
    }
  }
  return { paragraphs: parseEditorText(lines.join("\n")), notes };
}

// ---------------------------------------------------------------------------------------------
// Reaction period (Europe/Amsterdam; the instants are stored, the wall clock is shown)

export type PeriodState = "not_set" | "upcoming" | "open" | "closed";

export function periodState(
  period: { reactionStartsAt: Date | null; reactionEndsAt: Date | null },
  now: Date,
): PeriodState {
  if (!period.reactionStartsAt || !period.reactionEndsAt) return "not_set";
  if (now < period.reactionStartsAt) return "upcoming";
  if (now >= period.reactionEndsAt) return "closed";
  return "open";
}

/**
 * Retention (docs/privacy.md). The text of a counted reaction stays (the reactienota is a public record
 * and names no resident); the name and e-mail address of whoever sent it go REACTION_AFTER_NOTA_DAYS
 * after the version's reactienota was published, or REACTION_WITHOUT_NOTA_DAYS after the reaction
 * period ended when no reactienota came. Reactions that never counted (never confirmed, or withdrawn)
 * are deleted REACTION_UNCOUNTED_DAYS after the period ended (both can happen only during the period).
 */
export const REACTION_AFTER_NOTA_DAYS = 180;
export const REACTION_WITHOUT_NOTA_DAYS = 365;
export const REACTION_UNCOUNTED_DAYS = 30;

/** A reaction counts when confirmed; it can be withdrawn by its author until the period ends. */
export function canWithdraw(
  reaction: { status: "pending" | "confirmed" | "withdrawn" },
  period: { reactionStartsAt: Date | null; reactionEndsAt: Date | null },
  now: Date,
): boolean {
  if (reaction.status === "withdrawn") return false;
  return periodState(period, now) === "open";
}

// ---------------------------------------------------------------------------------------------
// Rate limits on the public reaction form (counted in PostgreSQL before the work, app/lib/rate-limit.server.ts).
// Per IP address: generous enough for a shared connection (a library, an evening in the town hall).
// Per e-mail address: an organisation reacting on several paragraphs stays well under it; a flood of
// confirmation mails to one address does not.

export const REACTION_IP_LIMIT = { windowSeconds: 60 * 60, max: 20 } as const;
export const REACTION_EMAIL_LIMIT = { windowSeconds: 60 * 60, max: 10 } as const;

export const reactionLimitMessages = {
  ip: "Vanaf deze internetverbinding zijn in korte tijd veel reacties gestuurd. Probeer het over een uur opnieuw. Uw tekst staat nog in het formulier.",
  email:
    "Met dit e-mailadres zijn in korte tijd veel reacties gestuurd. Probeer het over een uur opnieuw. Uw tekst staat nog in het formulier.",
} as const;

// ---------------------------------------------------------------------------------------------
// Respondents (seed 000, "Deelnemers en rollen")

export const organisationRoles = {
  adviseur: "Adviseur (meedenken)",
  geraadpleegd: "Wordt geraadpleegd",
  geinformeerd: "Wordt geïnformeerd",
  "co-producent": "Co-producent (mee ontwerpen)",
} as const;
export type OrganisationRole = keyof typeof organisationRoles;

export function organisationRoleLabel(role: string | null): string {
  return role && role in organisationRoles ? organisationRoles[role as OrganisationRole] : "Organisatie";
}

export interface Respondent {
  kind: "resident" | "organisation";
  organisationName: string | null;
  organisationRole: string | null;
}

/** How a respondent appears in public and in the reactienota: residents anonymous, organisations named. */
export function publicRespondent(r: Respondent): string {
  if (r.kind === "resident" || !r.organisationName) return "Een inwoner";
  return `${r.organisationName} (${organisationRoleLabel(r.organisationRole)})`;
}

// ---------------------------------------------------------------------------------------------
// Decisions

export const decisionLabels = {
  adopted: "Overgenomen",
  partly_adopted: "Deels overgenomen",
  not_adopted: "Niet overgenomen",
} as const;
export type Decision = keyof typeof decisionLabels;

// ---------------------------------------------------------------------------------------------
// Attachment: each reaction stays on the paragraph and version it was made on.

export interface ReactionRef {
  id: number;
  versionId: number;
  paragraphId: number | null;
}

/** The reactions of one version by paragraph (null = the whole document); other versions' reactions stay out. */
export function reactionsByParagraph<R extends ReactionRef>(versionId: number, reactions: readonly R[]) {
  const map = new Map<number | null, R[]>();
  for (const r of reactions) {
    if (r.versionId !== versionId) continue;
    const list = map.get(r.paragraphId) ?? [];
    list.push(r);
    map.set(r.paragraphId, list);
  }
  return map;
}

// ---------------------------------------------------------------------------------------------
// Merging reactions into points

export interface MergeCandidate extends ReactionRef {
  pointId: number | null;
  theme: number | null;
}

export type MergePlan =
  | { ok: true; versionId: number; paragraphId: number | null; theme: number | null; reactionIds: number[] }
  | { ok: false; error: string };

/**
 * Similar reactions become one point. They must be on the same version; when they are on different
 * paragraphs of it, the point is about the whole document. The theme is the one most of them share.
 */
export function planMerge(reactions: readonly MergeCandidate[]): MergePlan {
  if (reactions.length === 0) return { ok: false, error: "Kies minstens één reactie." };
  const versions = new Set(reactions.map((r) => r.versionId));
  if (versions.size > 1)
    return { ok: false, error: "Reacties op verschillende versies kunt u niet samenvoegen." };
  const paragraphs = new Set(reactions.map((r) => r.paragraphId));
  const counts = new Map<number, number>();
  for (const r of reactions) if (r.theme !== null) counts.set(r.theme, (counts.get(r.theme) ?? 0) + 1);
  const theme = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? null;
  return {
    ok: true,
    versionId: reactions[0]!.versionId,
    paragraphId: paragraphs.size === 1 ? reactions[0]!.paragraphId : null,
    theme,
    reactionIds: reactions.map((r) => r.id),
  };
}

export function themeLabel(theme: number | null): string {
  return theme !== null && theme in themeLabels ? themeLabels[theme as ThemeId] : "Nog geen thema";
}

// ---------------------------------------------------------------------------------------------
// Change overview between two versions, paragraph by paragraph, matched by content (not by number)

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
  type Op =
    | { kind: "same"; o: number; n: number }
    | { kind: "removed"; o: number; gap: number }
    | { kind: "added"; n: number; gap: number };
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

export const changeKindLabels: Record<ChangeKind, string> = {
  unchanged: "Niet gewijzigd",
  changed: "Gewijzigd",
  moved: "Verplaatst",
  added: "Nieuw",
  removed: "Vervallen",
};

// ---------------------------------------------------------------------------------------------
// The reactienota

export interface NotaParagraph extends ParagraphInput {
  id: number;
}

export interface NotaPoint {
  id: number;
  paragraphId: number | null;
  summary: string;
  answer: string;
  decision: Decision | null;
  reason: string;
  changedParagraph: string | null;
  changeNote: string;
}

export interface NotaReaction extends Respondent {
  pointId: number | null;
}

export interface NotaSection {
  /** null: reactions on the document as a whole. */
  chapter: number | null;
  chapterTitle: string;
  paragraphs: {
    label: string | null;
    text: string | null;
    points: (NotaPoint & { respondents: string[]; decisionLabel: string })[];
  }[];
}

export interface Nota {
  sections: NotaSection[];
  summary: {
    points: number;
    reactions: number;
    byDecision: Record<Decision | "open", number>;
    byRespondent: { resident: number; organisation: number };
  };
}

/**
 * The reactienota of one version: per chapter and paragraph the points with who raised them (residents
 * anonymous, organisations named), the answer, decision and change; the whole-document points first; a
 * summary with counts per decision and per kind of respondent. Reactions not in a point are not in it.
 */
export function buildNota(
  paragraphs: readonly NotaParagraph[],
  points: readonly NotaPoint[],
  reactions: readonly NotaReaction[],
): Nota {
  const byPoint = new Map<number, NotaReaction[]>();
  for (const r of reactions) {
    if (r.pointId === null) continue;
    const list = byPoint.get(r.pointId) ?? [];
    list.push(r);
    byPoint.set(r.pointId, list);
  }
  const view = (p: NotaPoint) => {
    const names = (byPoint.get(p.id) ?? []).map(publicRespondent);
    const residents = names.filter((n) => n === "Een inwoner").length;
    const orgs = [...new Set(names.filter((n) => n !== "Een inwoner"))];
    const respondents = [
      ...orgs,
      ...(residents ? [residents === 1 ? "1 inwoner" : `${residents} inwoners`] : []),
    ];
    return {
      ...p,
      respondents,
      decisionLabel: p.decision ? decisionLabels[p.decision] : "Nog geen besluit",
    };
  };
  const sections: NotaSection[] = [];
  const whole = points.filter((p) => p.paragraphId === null);
  if (whole.length)
    sections.push({
      chapter: null,
      chapterTitle: "Het document als geheel",
      paragraphs: [{ label: null, text: null, points: whole.map(view) }],
    });
  for (const para of paragraphs) {
    const own = points.filter((p) => p.paragraphId === para.id);
    if (!own.length) continue;
    let section = sections.find((s) => s.chapter === para.chapter);
    if (!section) {
      section = { chapter: para.chapter, chapterTitle: para.chapterTitle, paragraphs: [] };
      sections.push(section);
    }
    section.paragraphs.push({ label: paragraphLabel(para), text: para.text, points: own.map(view) });
  }
  const counted = reactions.filter((r) => r.pointId !== null);
  const byDecision = { adopted: 0, partly_adopted: 0, not_adopted: 0, open: 0 };
  for (const p of points) byDecision[p.decision ?? "open"] += 1;
  return {
    sections,
    summary: {
      points: points.length,
      reactions: counted.length,
      byDecision,
      byRespondent: {
        resident: counted.filter((r) => r.kind === "resident").length,
        organisation: counted.filter((r) => r.kind === "organisation").length,
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Uploaded Word files

export const MAX_DOCX_BYTES = 10 * 1024 * 1024;

export type UploadKind = "docx" | "encrypted" | "other";

/**
 * What an uploaded file is, from its first bytes: a .docx is a ZIP package ("PK"). A password-protected
 * Word file is an OLE compound file (D0 CF 11 E0) holding an "EncryptionInfo" stream; other compound
 * files (old .doc) and everything else are not a .docx.
 */
export function classifyUpload(bytes: Uint8Array): UploadKind {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return "docx";
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (bytes.length >= 8 && ole.every((b, i) => bytes[i] === b)) {
    const marker = Buffer.from("EncryptionInfo", "utf16le");
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(marker)) return "encrypted";
  }
  return "other";
}

export const uploadMessages = {
  missing: "Kies een Word-bestand (.docx).",
  tooLarge: "Dit bestand is groter dan 10 MB. Maak het bestand kleiner, bijvoorbeeld zonder afbeeldingen.",
  encrypted:
    "Dit Word-bestand is beveiligd met een wachtwoord. Haal het wachtwoord eraf in Word en probeer het opnieuw.",
  notWord: "Dit is geen Word-bestand (.docx). Sla het document in Word op als .docx en probeer het opnieuw.",
  empty: "In dit Word-bestand staat geen tekst die wij kunnen overnemen.",
} as const;
