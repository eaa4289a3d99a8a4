import postgres from "postgres";
import { expect, inject, test } from "vitest";
import { migrateDatabase } from "../../app/server/migrate";
import { withDatabase } from "../../app/server/scratch-db";

test("migrations apply to an empty database, twice in parallel, without racing", async () => {
  const serverUrl = inject("dbServerUrl");
  const name = `wmh_t_${inject("dbTemplate").slice(9)}_empty${Date.now() % 100000}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  try {
    const url = withDatabase(serverUrl, name);
    await Promise.all([migrateDatabase(url), migrateDatabase(url)]);
    const check = postgres(url, { max: 1 });
    const tables = await check<
      { tablename: string }[]
    >`select tablename from pg_tables where schemaname = 'public'`;
    const migrations = await check`select count(*)::int as n from drizzle.__drizzle_migrations`;
    await check.end();
    expect(tables.map((t) => t.tablename)).toEqual(
      expect.arrayContaining([
        "staff_users",
        "staff_sessions",
        "audit_log",
        "wijken",
        "settings",
        "outbox",
        "contact_messages",
      ]),
    );
    expect(migrations[0]!.n).toBeGreaterThan(0);
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
});
