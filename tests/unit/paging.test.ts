import { expect, test } from "vitest";
import { countPages, pageParam } from "~/lib/forms";

test("an empty list is one page; a partly filled last page counts", () => {
  expect([0, 1, 25, 26, 50, 51].map((total) => countPages(total, 25))).toEqual([1, 1, 1, 2, 2, 3]);
});

test("the page parameter is a whole number from 1 to 100,000, otherwise page 1", () => {
  const page = (q: string) => pageParam(new URL(`http://x/?${q}`));
  expect([page("pagina=3"), page("pagina=0"), page("pagina=abc"), page(""), page("pagina=100001")]).toEqual([
    3, 1, 1, 1, 1,
  ]);
});
