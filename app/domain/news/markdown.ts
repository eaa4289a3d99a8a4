// The small, safe text format of news items: plain paragraphs, plus a few Markdown marks.
// Parsed into a tree of plain strings that React renders (and so escapes): HTML in the text stays
// visible text and is never interpreted. Supported:
//   blank line      → new paragraph
//   "## " / "### "  → heading (level 2 / 3)
//   "- " or "* "    → bullet list item;  "1. " → numbered list item
//   **bold**, [text](https://… or /path) → strong text, link (other link targets stay plain text)

export type Inline =
  | { type: "text"; text: string }
  | { type: "strong"; text: string }
  | { type: "link"; text: string; href: string };

export type Block =
  | { type: "paragraph"; content: Inline[] }
  | { type: "heading"; level: 2 | 3; content: Inline[] }
  | { type: "list"; ordered: boolean; items: Inline[][] };

/** A link target we allow: http(s) URLs and site-relative paths (never javascript:, data: …). */
export function safeHref(href: string): string | null {
  if (/^\/(?!\/)[^\s]*$/.test(href)) return href;
  try {
    const url = new URL(href);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

const INLINE = /\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  const push = (node: Inline) => {
    const prev = out[out.length - 1];
    if (node.type === "text" && prev?.type === "text") prev.text += node.text;
    else if (node.type !== "text" || node.text) out.push(node);
  };
  for (const m of text.matchAll(INLINE)) {
    push({ type: "text", text: text.slice(last, m.index) });
    if (m[1] !== undefined) push({ type: "strong", text: m[1] });
    else {
      const href = safeHref(m[3]!);
      push(href ? { type: "link", text: m[2]!, href } : { type: "text", text: m[0] });
    }
    last = m.index! + m[0].length;
  }
  push({ type: "text", text: text.slice(last) });
  return out;
}

const BULLET = /^[-*]\s+(.*)$/;
const NUMBERED = /^\d{1,3}[.)]\s+(.*)$/;

/** Parse a news body into blocks. Lines inside a paragraph are joined with a space. */
export function parseBody(body: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of body.replace(/\r\n?/g, "\n").split(/\n\s*\n/)) {
    const lines = chunk
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    let paragraph: string[] = [];
    const flush = () => {
      if (paragraph.length) blocks.push({ type: "paragraph", content: parseInline(paragraph.join(" ")) });
      paragraph = [];
    };
    for (const line of lines) {
      const heading = /^(#{2,3})\s+(.*)$/.exec(line);
      const bullet = BULLET.exec(line);
      const numbered = NUMBERED.exec(line);
      if (heading) {
        flush();
        blocks.push({
          type: "heading",
          level: heading[1]!.length as 2 | 3,
          content: parseInline(heading[2]!),
        });
      } else if (bullet || numbered) {
        flush();
        const ordered = !bullet;
        const item = parseInline((bullet ?? numbered)![1]!);
        const prev = blocks[blocks.length - 1];
        if (prev?.type === "list" && prev.ordered === ordered) prev.items.push(item);
        else blocks.push({ type: "list", ordered, items: [item] });
      } else {
        paragraph.push(line);
      }
    }
    flush();
  }
  return blocks;
}

/** The body as plain text (feed summaries, search): marks removed. */
export function plainText(body: string): string {
  return parseBody(body)
    .flatMap((b) => (b.type === "list" ? b.items : [b.content]))
    .map((inlines) => inlines.map((i) => i.text).join(""))
    .join("\n\n");
}
