import { Feed } from "feed";
import { type Inline, parseBody } from "./markdown";

// The Atom feed /actueel.xml, built with the "feed" package. That package marks title, summary and
// content as type="html", so feed readers interpret them as HTML: every text is escaped here first,
// and the body becomes HTML only through the parsed Markdown subset (markdown.ts).

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function inlineHtml(nodes: Inline[]): string {
  return nodes
    .map((n) =>
      n.type === "text"
        ? escapeHtml(n.text)
        : n.type === "strong"
          ? `<strong>${escapeHtml(n.text)}</strong>`
          : `<a href="${escapeHtml(n.href)}">${escapeHtml(n.text)}</a>`,
    )
    .join("");
}

/** The body as HTML for feed readers, from the safe subset only. Site-relative links become absolute. */
export function bodyHtml(body: string, base: string): string {
  return parseBody(body)
    .map((b) => {
      if (b.type === "paragraph") return `<p>${inlineHtml(b.content)}</p>`;
      if (b.type === "heading") return `<h${b.level}>${inlineHtml(b.content)}</h${b.level}>`;
      const tag = b.ordered ? "ol" : "ul";
      return `<${tag}>${b.items.map((i) => `<li>${inlineHtml(i)}</li>`).join("")}</${tag}>`;
    })
    .join("")
    .replace(/href="\//g, `href="${base}/`);
}

export interface FeedItem {
  slug: string;
  title: string;
  summary: string;
  body: string;
  publishAt: Date;
  updatedAt: Date;
  projectTitle: string | null;
}

export function atomFeed(baseUrl: string, items: FeedItem[], now = new Date()): string {
  const base = baseUrl.replace(/\/+$/, "");
  const feed = new Feed({
    title: "Actueel - Wij maken Heemstede",
    description: "Nieuws over meedenken en meedoen in Heemstede.",
    id: `${base}/actueel`,
    link: `${base}/actueel`,
    language: "nl",
    updated: items.reduce((max, i) => (i.updatedAt > max ? i.updatedAt : max), items[0]?.updatedAt ?? now),
    feedLinks: { atom: `${base}/actueel.xml` },
    copyright: "Gemeente Heemstede",
    author: { name: "Gemeente Heemstede" },
  });
  for (const item of items) {
    feed.addItem({
      title: escapeHtml(item.title),
      id: `${base}/actueel/${item.slug}`,
      link: `${base}/actueel/${item.slug}`,
      description: escapeHtml(item.summary),
      content: bodyHtml(item.body, base),
      date: item.publishAt,
      published: item.publishAt,
      category: item.projectTitle ? [{ name: escapeHtml(item.projectTitle) }] : undefined,
    });
  }
  return feed.atom1();
}
