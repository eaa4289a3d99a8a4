import { expect, test } from "vitest";
import { atomFeed } from "~/domain/news/atom";

const item = (slug: string, title: string, at: string) => ({
  slug,
  title,
  summary: `Samenvatting van ${title}`,
  body: "Tekst met **nadruk** & <b>html</b>",
  publishAt: new Date(at),
  updatedAt: new Date(at),
  projectTitle: "Woonvisie Heemstede",
});

test("an Atom 1.0 feed with absolute links, escaped text and one entry per item", () => {
  const xml = atomFeed("https://wijmaken.heemstede.nl/", [
    item("b", "Tweede & laatste", "2026-05-02T10:00:00Z"),
    item("a", "Eerste <bericht>", "2026-05-01T10:00:00Z"),
  ]);
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  expect(xml.match(/<entry>/g)).toHaveLength(2);
  expect(xml).toContain("<id>https://wijmaken.heemstede.nl/actueel/b</id>");
  expect(xml).toContain('href="https://wijmaken.heemstede.nl/actueel.xml"');
  expect(xml).toContain("<updated>2026-05-02T10:00:00.000Z</updated>");
  // title, summary and content are type="html": text is escaped, only the subset becomes markup.
  expect(xml).not.toContain("<bericht>");
  expect(xml).toContain("Eerste &lt;bericht&gt;");
  expect(xml).not.toContain("<b>html</b>");
  expect(xml).toContain("<p>Tekst met <strong>nadruk</strong> &amp; &lt;b&gt;html&lt;/b&gt;</p>");
  expect(xml).not.toContain("**");
});

test("site-relative links in the body become absolute; unsafe ones stay text", () => {
  const xml = atomFeed("https://x.nl", [
    {
      ...item("a", "A", "2026-05-01T10:00:00Z"),
      body: "[enquête](/enquete/woonvisie) [x](javascript:alert(1))",
    },
  ]);
  expect(xml).toContain('<a href="https://x.nl/enquete/woonvisie">enquête</a>');
  expect(xml).not.toContain('href="javascript');
});

test("an empty feed is still valid Atom", () => {
  const xml = atomFeed("http://localhost:3000", [], new Date("2026-01-01T00:00:00Z"));
  expect(xml).toContain("<updated>2026-01-01T00:00:00.000Z</updated>");
  expect(xml).not.toContain("<entry>");
});
