// Question texts in LimeSurvey are HTML. We clean them with sanitize-html (keeping headings, paragraphs,
// lists, bold/italic and http(s)/mailto links; dropping scripts, event handlers, styles, iframes and
// images) and then store them as our plain text, because every text in a survey definition is plain
// text that React escapes when it renders it (docs/import.md, "Texts"). Server-only: never imported by
// the survey page.

import { parseDocument } from "htmlparser2";
import sanitizeHtml from "sanitize-html";

/** The tags a question text may keep; everything else is dropped (its text stays, unless it is code). */
export const KEPT_TAGS = [
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "p",
  "br",
  "ul",
  "ol",
  "li",
  "b",
  "strong",
  "i",
  "em",
  "a",
];

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: KEPT_TAGS,
  allowedAttributes: { a: ["href"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  // The contents of these go entirely (not only the tag).
  nonTextTags: [
    "script",
    "style",
    "textarea",
    "option",
    "noscript",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "template",
  ],
  disallowedTagsMode: "discard",
};

/** What the sanitiser took out, in words for the import report. */
export type Dropped = "script" | "style" | "iframe" | "image" | "handler" | "other";

export const droppedLabels: Record<Dropped, string> = {
  script: "JavaScript",
  style: "opmaak (stijlen)",
  iframe: "ingesloten pagina (iframe)",
  image: "afbeelding",
  handler: "JavaScript in een attribuut",
  other: "andere HTML-code",
};

const KEPT = new Set(KEPT_TAGS);

/** A quick look at what the raw HTML holds that will not survive, only for the report. */
function whatIsDropped(html: string): Dropped[] {
  const found = new Set<Dropped>();
  if (/<script\b/i.test(html) || /javascript:/i.test(html)) found.add("script");
  if (/<style\b/i.test(html) || /\sstyle\s*=/i.test(html)) found.add("style");
  if (/<(iframe|object|embed)\b/i.test(html)) found.add("iframe");
  if (/<img\b/i.test(html)) found.add("image");
  if (/\son[a-z]+\s*=/i.test(html)) found.add("handler");
  for (const m of html.matchAll(/<([a-z][a-z0-9]*)\b/gi)) {
    const tag = m[1]!.toLowerCase();
    if (
      !KEPT.has(tag) &&
      !["script", "style", "iframe", "object", "embed", "img", "span", "div"].includes(tag)
    )
      found.add("other");
  }
  return [...found];
}

export interface CleanText {
  /** Plain text with paragraphs separated by a blank line and list items as "• item". */
  text: string;
  dropped: Dropped[];
  /** True when the HTML had formatting (bold, headings, lists, links) that plain text shows simply. */
  simplified: boolean;
}

const BLOCKS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "div"]);

type DomNode = {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
};

/**
 * Answer texts repeat a lot (the same scale under every question); a small memo saves the sanitiser's
 * work within one import (importLss clears it first, so no text outlives its import). Bounded.
 */
const memo = new Map<string, CleanText>();
const MEMO_MAX = 5000;
export function clearHtmlMemo() {
  memo.clear();
}

/** Clean LimeSurvey HTML and turn it into our plain text. */
export function cleanHtml(html: string): CleanText {
  const known = memo.get(html);
  if (known) return { ...known, dropped: [...known.dropped] };
  const result = cleanHtmlUncached(html);
  if (html.length < 2000) {
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(html, result);
  }
  return { ...result, dropped: [...result.dropped] };
}

function cleanHtmlUncached(html: string): CleanText {
  if (!/[<&]/.test(html)) return { text: normalise(html), dropped: [], simplified: false };
  const dropped = whatIsDropped(html);
  const safe = sanitizeHtml(html, SANITIZE_OPTIONS);
  const doc = parseDocument(safe, { decodeEntities: true }) as unknown as DomNode;
  let simplified = false;
  const out: string[] = [];
  let line = "";
  const flush = () => {
    if (line.trim())
      out.push(
        line
          .replace(/[ \t]+/g, " ")
          .replace(/ *\n */g, "\n")
          .trim(),
      );
    line = "";
  };
  const walk = (node: DomNode, listDepth: number, ordered: number[]) => {
    if (node.type === "text") {
      line += (node.data ?? "").replace(/\s+/g, " ");
      return;
    }
    const name = node.name ?? "";
    if (name === "br") {
      line += "\n";
      return;
    }
    if (["b", "strong", "i", "em", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "a"].includes(name))
      simplified = true;
    if (BLOCKS.has(name)) flush();
    if (name === "li") {
      const n = ordered[ordered.length - 1];
      line += n !== undefined && n > 0 ? `${n}. ` : "• ";
      if (n !== undefined && n > 0) ordered[ordered.length - 1] = n + 1;
    }
    const nextOrdered = name === "ol" ? [...ordered, 1] : name === "ul" ? [...ordered, 0] : ordered;
    for (const child of node.children ?? [])
      walk(child, listDepth + (name === "ul" || name === "ol" ? 1 : 0), nextOrdered);
    if (name === "a") {
      const href = node.attribs?.href ?? "";
      const shown = href.replace(/^mailto:/, "");
      if (href && !line.includes(shown)) line += ` (${shown})`;
    }
    if (BLOCKS.has(name)) flush();
  };
  walk(doc, 0, []);
  flush();
  return { text: out.join("\n\n").replace(/\n\n(?=(• |\d+\. ))/g, "\n"), dropped, simplified };
}

function normalise(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Our plain text → HTML for the LimeSurvey export (escaped; paragraphs and list items kept). */
export function textToHtml(text: string): string {
  const esc = (s: string) =>
    s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  if (!text.includes("\n")) return esc(text);
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${esc(p).replace(/\n/g, "<br>")}</p>`)
    .join("");
}
