import { expect, test } from "vitest";
import { altTextProblem, parseVariantFile, widthsFor } from "~/domain/media/images";

test("widths: every standard width below the image, plus its own width; never enlarged", () => {
  expect(widthsFor(200)).toEqual([200]);
  expect(widthsFor(800)).toEqual([320, 640, 800]);
  expect(widthsFor(1600)).toEqual([320, 640, 1024, 1600]);
  expect(widthsFor(4000)).toEqual([320, 640, 1024, 1600]);
});

test("the media route accepts only <width>.webp", () => {
  expect(parseVariantFile("640.webp")).toBe(640);
  expect(["640.jpg", "abc.webp", "..%2F640.webp", "6.webp", ""].map(parseVariantFile)).toEqual([
    null,
    null,
    null,
    null,
    null,
  ]);
});

test("alt text is required and short", () => {
  expect(altTextProblem("  ")).toMatch(/Beschrijf/);
  expect(altTextProblem("x".repeat(251))).toMatch(/korter/);
  expect(altTextProblem("Bewoners bij de bewonersavond in de raadzaal")).toBeNull();
});
