import { afterEach, expect, test } from "vitest";
import { functionalCookie, readCookie, readCookies } from "../../app/lib/cookies.server";
import { resetEnvForTests } from "../../app/lib/env.server";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

function withEnv(env: Record<string, string>) {
  process.env = { ...saved, DATABASE_URL: "postgres://u@localhost/db", ...env };
  resetEnvForTests();
}

test("a functional cookie is HttpOnly, SameSite=Lax and limited to its path", () => {
  withEnv({ NODE_ENV: "development" });
  expect(functionalCookie("wmh_quickscan", "abc", { path: "/idee", maxAge: 60 })).toBe(
    "wmh_quickscan=abc; Path=/idee; HttpOnly; SameSite=Lax; Max-Age=60",
  );
  expect(functionalCookie("wmh_digipanel", "t", { path: "/digipanel", expires: new Date(0) })).toBe(
    "wmh_digipanel=t; Path=/digipanel; HttpOnly; SameSite=Lax; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
  );
});

test("cookies are Secure in production unless switched off", () => {
  withEnv({ NODE_ENV: "production" });
  expect(functionalCookie("a", "b", { path: "/", maxAge: 0 })).toMatch(/; Secure$/);
  withEnv({ NODE_ENV: "production", SESSION_SECURE_COOKIE: "false" });
  expect(functionalCookie("a", "b", { path: "/", maxAge: 0 })).not.toMatch(/Secure/);
});

test("readCookie finds one cookie among others and decodes it", () => {
  const request = new Request("http://x/", { headers: { Cookie: "a=1; wmh_enquete_3=tok%2Den; b=2" } });
  expect(readCookie(request, "wmh_enquete_3")).toBe("tok-en");
  expect(readCookie(request, "missing")).toBeNull();
  expect(readCookie(new Request("http://x/"), "a")).toBeNull();
});

test("readCookies: the first cookie of a name counts, and a value that cannot be decoded is null", () => {
  const request = new Request("http://x/", { headers: { Cookie: "a=1; bad=%E0%A4%A; a=2; c=x=y" } });
  expect(readCookies(request)).toEqual(
    new Map<string, string | null>([
      ["a", "1"],
      ["bad", null],
      ["c", "x=y"],
    ]),
  );
  expect(readCookie(request, "a")).toBe("1");
  expect(readCookie(request, "bad")).toBeNull();
});
