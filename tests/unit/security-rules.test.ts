import { expect, test } from "vitest";
import { LOGIN_MAX_DELAY_SECONDS, loginDelaySeconds, waitInWords } from "../../app/domain/auth/policy";
import {
  formatRecoveryCode,
  normalizeRecoveryCode,
  totpCodeFrom,
  twoFactorRequired,
} from "../../app/domain/auth/two-factor";
import { parseEnv } from "../../app/lib/env.server";
import { refuseRequest } from "../../app/server/request-guard";
import { hstsHeader } from "../../app/server/security";

test("the per-account delay grows and never exceeds a few minutes", () => {
  expect([0, 4, 5, 6, 7, 12].map(loginDelaySeconds)).toEqual([0, 0, 1, 2, 4, 128]);
  expect(loginDelaySeconds(50)).toBe(LOGIN_MAX_DELAY_SECONDS);
  expect(waitInWords(40)).toBe("over 40 seconden");
  expect(waitInWords(180)).toBe("over 3 minuten");
});

test("HSTS only over HTTPS, with the configured max-age; 0 turns it off", () => {
  expect(hstsHeader(true, 31_536_000)).toBe("max-age=31536000");
  expect(hstsHeader(false, 31_536_000)).toBeNull();
  expect(hstsHeader(true, 0)).toBeNull();
  expect(parseEnv({ DATABASE_URL: "postgres://x@y/z" }).HSTS_MAX_AGE).toBe(31_536_000);
  expect(() => parseEnv({ DATABASE_URL: "postgres://x@y/z", HSTS_MAX_AGE: "-1" })).toThrow(/HSTS_MAX_AGE/);
});

test("two-factor rules: required for beheerder only; codes typed loosely still match", () => {
  expect(twoFactorRequired(["beheerder"])).toBe(true);
  expect(twoFactorRequired(["ambtenaar", "onderzoeker"])).toBe(false);
  expect(totpCodeFrom("123 456")).toBe("123456");
  expect(totpCodeFrom("12345")).toBeNull();
  const code = formatRecoveryCode(Array.from({ length: 16 }, (_, i) => i));
  expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  expect(normalizeRecoveryCode(` ${code.toUpperCase()} `)).toBe(code.replaceAll("-", ""));
});

test("the request guard refuses what no page can handle", () => {
  const base = { url: "/", contentType: undefined, body: undefined };
  expect(refuseRequest({ ...base, method: "TRACE" })).toBe(405);
  expect(refuseRequest({ ...base, method: "GET", url: "/beheer/audit?actie=%00" })).toBe(400);
  expect(refuseRequest({ ...base, method: "POST", contentType: "application/json" })).toBe(400);
  expect(
    refuseRequest({
      ...base,
      method: "POST",
      contentType: "multipart/form-data; boundary=x",
      body: Buffer.from("\0"),
    }),
  ).toBeNull();
  expect(refuseRequest({ ...base, method: "GET" })).toBeNull();
  // A path that cannot be decoded (route matching threw a URIError: 500).
  for (const url of ["/%", "/enquete/%E2%82", "/idee/volgen/%ZZ"])
    expect(refuseRequest({ ...base, method: "GET", url })).toBe(400);
  expect(refuseRequest({ ...base, method: "GET", url: "/enquete/caf%C3%A9?q=%" })).toBeNull();
});
