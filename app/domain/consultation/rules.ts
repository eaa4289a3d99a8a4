// Pure rules of the consultation on a concept document (issue 16, docs/consultation.md): the editor text
// format, the reaction period, withdrawal, merging reactions into points, the change overview between
// versions and the structure of the reactienota.

import { diffWords } from "diff";
import { type ThemeId, themeLabels } from "../insights/themes";

export interface ParagraphInput {
  chapter: number;
  chapterTitle: string;
  number: number;
  text: string;
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
// Change overview between two versions, paragraph by paragraph (matched by their number "2.3")

export type ChangeKind = "unchanged" | "changed" | "added" | "removed";

export interface ParagraphChange {
  label: string;
  chapterTitle: string;
  kind: ChangeKind;
  before: string | null;
  after: string | null;
  /** For a changed paragraph: the words kept, removed and added (jsdiff), to show what changed. */
  parts: { text: string; kind: "same" | "added" | "removed" }[];
}

function wordDiff(before: string, after: string): ParagraphChange["parts"] {
  return diffWords(before, after).map((c) => ({
    text: c.value,
    kind: c.added ? "added" : c.removed ? "removed" : "same",
  }));
}

export function changeOverview(
  before: readonly ParagraphInput[],
  after: readonly ParagraphInput[],
): ParagraphChange[] {
  const old = new Map(before.map((p) => [paragraphLabel(p), p]));
  const seen = new Set<string>();
  const out: ParagraphChange[] = [];
  for (const p of after) {
    const label = paragraphLabel(p);
    seen.add(label);
    const prev = old.get(label);
    if (!prev)
      out.push({
        label,
        chapterTitle: p.chapterTitle,
        kind: "added",
        before: null,
        after: p.text,
        parts: [],
      });
    else {
      const same = prev.text === p.text && prev.chapterTitle === p.chapterTitle;
      out.push({
        label,
        chapterTitle: p.chapterTitle,
        kind: same ? "unchanged" : "changed",
        before: prev.text,
        after: p.text,
        parts: same ? [] : wordDiff(prev.text, p.text),
      });
    }
  }
  for (const p of before) {
    const label = paragraphLabel(p);
    if (!seen.has(label))
      out.push({
        label,
        chapterTitle: p.chapterTitle,
        kind: "removed",
        before: p.text,
        after: null,
        parts: [],
      });
  }
  return out;
}

export const changeKindLabels: Record<ChangeKind, string> = {
  unchanged: "Niet gewijzigd",
  changed: "Gewijzigd",
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
