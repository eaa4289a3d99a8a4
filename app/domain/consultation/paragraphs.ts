// The paragraphs of a concept document (issue 16, docs/consultation.md): their labels, the editor's text
// format and the blocks of an imported Word file.

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
