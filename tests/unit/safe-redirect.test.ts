import { expect, test } from "vitest";
import { safeRedirect, safeRedirectWithin } from "../../app/lib/safe-redirect";

test.each([
  ["/beheer/initiatieven?status=nieuw", "/beheer/initiatieven?status=nieuw"],
  ["//evil.example", "/"],
  ["/\\evil.example", "/"],
  ["https://evil.example", "/"],
  ["javascript:alert(1)", "/"],
  ["/ok/<script>", "/"],
  ["", "/"],
  [undefined, "/"],
])("safeRedirect(%j) -> %j", (input, expected) => {
  expect(safeRedirect(input)).toBe(expected);
});

test("safeRedirectWithin keeps redirects inside the prefix", () => {
  expect(safeRedirectWithin("/beheer/audit", "/beheer", "/beheer")).toBe("/beheer/audit");
  expect(safeRedirectWithin("/beheerder-evil", "/beheer", "/beheer")).toBe("/beheer");
  expect(safeRedirectWithin("/idee", "/beheer", "/beheer")).toBe("/beheer");
});
