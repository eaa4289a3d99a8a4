import { describe, expect, test } from "vitest";
import { parseEnv } from "../../app/lib/env.server";

describe("configuration", () => {
  test("a missing DATABASE_URL fails fast with a clear message", () => {
    expect(() => parseEnv({})).toThrow(/DATABASE_URL ontbreekt/);
  });

  test("an invalid value names the variable", () => {
    const run = () => parseEnv({ DATABASE_URL: "mysql://x@y/z", PORT: "99999" });
    expect(run).toThrow(/DATABASE_URL: DATABASE_URL moet beginnen met postgres/);
    expect(run).toThrow(/- PORT: /);
  });

  test("defaults are filled in and booleans parsed", () => {
    const env = parseEnv({
      DATABASE_URL: "postgres://u@localhost/db",
      SEED_DEMO: "true",
      JOBS_ENABLED: "false",
    });
    expect(env.PORT).toBe(3000);
    expect(env.SEED_DEMO).toBe(true);
    expect(env.JOBS_ENABLED).toBe(false);
    expect(env.SMTP_URL).toBeUndefined();
  });

  test("empty strings count as unset", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://u@localhost/db", SMTP_URL: "" }).SMTP_URL).toBeUndefined();
  });
});
