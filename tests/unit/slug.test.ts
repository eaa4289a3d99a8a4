import { expect, test } from "vitest";
import { slugify } from "~/domain/news/news";
import { slugOf } from "~/lib/slug";

test.each([
  ["Café in de Vijverstraat!", 80, "cafe-in-de-vijverstraat"],
  ["  --Wonen & zorg 2027--  ", 80, "wonen-zorg-2027"],
  ["Één twee drie", 8, "een-twee"],
  ["abc def", 4, "abc"],
  ["!!!", 80, ""],
])("slugOf(%j, %i) is %j", (title, max, slug) => {
  expect(slugOf(title, max)).toBe(slug);
});

test("a news title without letters or digits gets the fallback", () => {
  expect(slugify("???")).toBe("bericht");
});
