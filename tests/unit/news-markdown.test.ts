import { expect, test } from "vitest";
import { parseBody, parseInline, plainText, safeHref } from "~/domain/news/markdown";

test("blank lines make paragraphs; single line breaks join", () => {
  expect(parseBody("Eerste regel\ntweede regel\n\nNieuwe alinea")).toEqual([
    { type: "paragraph", content: [{ type: "text", text: "Eerste regel tweede regel" }] },
    { type: "paragraph", content: [{ type: "text", text: "Nieuwe alinea" }] },
  ]);
});

test("headings, bullet and numbered lists", () => {
  const blocks = parseBody("## Wat gebeurt er?\n- een\n- twee\n1. eerst\n2. dan");
  expect(blocks.map((b) => b.type)).toEqual(["heading", "list", "list"]);
  expect(blocks[1]).toMatchObject({ ordered: false, items: [[{ text: "een" }], [{ text: "twee" }]] });
  expect(blocks[2]).toMatchObject({ ordered: true });
});

test("HTML stays text: it is never markup", () => {
  const blocks = parseBody('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">');
  expect(blocks).toEqual([
    { type: "paragraph", content: [{ type: "text", text: "<script>alert(1)</script>" }] },
    { type: "paragraph", content: [{ type: "text", text: '<img src=x onerror="alert(1)">' }] },
  ]);
});

test("bold and links; unsafe link targets stay plain text", () => {
  expect(parseInline("Lees **dit** en [de enquête](/enquete/woonvisie).")).toEqual([
    { type: "text", text: "Lees " },
    { type: "strong", text: "dit" },
    { type: "text", text: " en " },
    { type: "link", text: "de enquête", href: "/enquete/woonvisie" },
    { type: "text", text: "." },
  ]);
  expect(parseInline("[klik](javascript:alert(1))")).toEqual([
    { type: "text", text: "[klik](javascript:alert(1))" },
  ]);
  expect(safeHref("//evil.example/x")).toBeNull();
  expect(safeHref("data:text/html,hi")).toBeNull();
  expect(safeHref("https://www.heemstede.nl/wonen")).toBe("https://www.heemstede.nl/wonen");
});

test("plain text drops the marks", () => {
  expect(plainText("## Kop\n\nMet **nadruk** en [link](/x)\n- punt")).toBe(
    "Kop\n\nMet nadruk en link\n\npunt",
  );
});
