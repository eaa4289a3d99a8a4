import { expect, test } from "vitest";
import { downloadResponse } from "~/lib/download";

test("a download is an attachment with its name, never cached and never sniffed", async () => {
  const res = downloadResponse("a;b\n1;2\n", "text/csv; charset=utf-8", "deelnemers-bijeenkomst-7.csv");
  expect(Object.fromEntries(res.headers)).toEqual({
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": 'attachment; filename="deelnemers-bijeenkomst-7.csv"',
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  expect(await res.text()).toBe("a;b\n1;2\n");
});
