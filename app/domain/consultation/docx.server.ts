import mammoth from "mammoth";
import { type ImportBlock, type ParagraphInput, paragraphsFromBlocks } from "./paragraphs";
import { classifyUpload, MAX_DOCX_BYTES, uploadMessages } from "./upload";

// Word import with mammoth (a well-kept .docx converter): we read its document model rather than its
// HTML, so headings become chapters and every Word paragraph one numbered paragraph. Images and tables
// are listed for staff (rules.ts: paragraphsFromBlocks).

export type DocxResult =
  | { ok: true; paragraphs: ParagraphInput[]; notes: string[] }
  | { ok: false; error: string };

// mammoth's document model (lib/documents.js); only what we read.
interface MammothElement {
  type: string;
  styleId?: string | null;
  styleName?: string | null;
  value?: string;
  altText?: string | null;
  children?: MammothElement[];
}

function textOf(el: MammothElement): string {
  if (el.type === "text") return el.value ?? "";
  if (el.type === "tab") return " ";
  if (el.type === "break") return " ";
  return (el.children ?? []).map(textOf).join("");
}

function imagesIn(el: MammothElement): MammothElement[] {
  if (el.type === "image") return [el];
  return (el.children ?? []).flatMap(imagesIn);
}

const isHeading = (el: MammothElement) =>
  /^(heading|kop)\s*\d|^title$|^titel$/i.test(el.styleName ?? "") ||
  /^(heading|kop)\d/i.test(el.styleId ?? "");

function blocksOf(doc: MammothElement): ImportBlock[] {
  const blocks: ImportBlock[] = [];
  for (const el of doc.children ?? []) {
    if (el.type === "paragraph") {
      for (const img of imagesIn(el)) blocks.push({ kind: "image", description: img.altText ?? "" });
      const text = textOf(el).replace(/\s+/g, " ").trim();
      if (!text) continue;
      blocks.push({ kind: isHeading(el) ? "heading" : "paragraph", text });
    } else if (el.type === "table") {
      const rows = (el.children ?? []).map((row) =>
        (row.children ?? []).map((cell) => textOf(cell).replace(/\s+/g, " ").trim()).join(" | "),
      );
      blocks.push({ kind: "table", text: rows.filter(Boolean).join(" / ") });
      for (const img of imagesIn(el)) blocks.push({ kind: "image", description: img.altText ?? "" });
    }
  }
  return blocks;
}

/** Read an uploaded .docx. Bad input (not Word, too large, password-protected) gets one clear message. */
export async function readDocx(file: { size: number; bytes: Uint8Array }): Promise<DocxResult> {
  if (file.size === 0) return { ok: false, error: uploadMessages.missing };
  if (file.size > MAX_DOCX_BYTES) return { ok: false, error: uploadMessages.tooLarge };
  const kind = classifyUpload(file.bytes);
  if (kind === "encrypted") return { ok: false, error: uploadMessages.encrypted };
  if (kind !== "docx") return { ok: false, error: uploadMessages.notWord };
  let blocks: ImportBlock[] = [];
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(file.bytes) },
      {
        // Images are listed, not read: skip decoding them.
        convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
        transformDocument: (doc: MammothElement) => {
          blocks = blocksOf(doc);
          return doc;
        },
      },
    );
  } catch {
    // A ZIP that is no Word document (e.g. an .xlsx or a damaged file).
    return { ok: false, error: uploadMessages.notWord };
  }
  const { paragraphs, notes } = paragraphsFromBlocks(blocks);
  if (paragraphs.length === 0) return { ok: false, error: uploadMessages.empty };
  return { ok: true, paragraphs, notes };
}
