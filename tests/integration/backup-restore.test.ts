// Backups (README "Backups"): a database with the demo data, backed up with pg_dump and restored with
// pg_restore into a new database, has the same rows in every table; a restore into a database that
// is not empty is refused.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { getDb } from "../../app/lib/db.server";
import { backupDatabase, RestoreRefused, restoreDatabase, tableCounts } from "../../app/server/backup";
import { withDatabase } from "../../app/server/scratch-db";
import { seedDemoOnce } from "../../db/seed";
import { resetDatabase } from "../support/db";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wmh-backup-"));
const file = path.join(dir, "demo.dump");
const target = `wmh_restore_${Date.now().toString(36)}`;
const admin = postgres(inject("dbServerUrl"), { max: 1, onnotice: () => {} });
const targetUrl = withDatabase(inject("dbServerUrl"), target);

/** pg_dump refuses a server newer than itself (e.g. the embedded PostgreSQL 18 with Debian's pg_dump 15). */
async function toolsFitServer(): Promise<boolean> {
  const [row] = await admin<{ server_version_num: string }[]>`show server_version_num`;
  const tool = execFileSync("pg_dump", ["--version"], { encoding: "utf8" }).match(/(\d+)\./)?.[1];
  return Number(tool) >= Math.floor(Number(row?.server_version_num) / 10000);
}

beforeAll(async () => {
  await resetDatabase();
  await seedDemoOnce(getDb());
  await admin.unsafe(`create database ${target}`);
}, 120_000);

afterAll(async () => {
  await admin.unsafe(`drop database if exists ${target} with (force)`);
  await admin.end();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("a backup of the demo database restores into a new database with the same rows in every table", async (ctx) => {
  if (!(await toolsFitServer())) ctx.skip();
  const source = process.env.DATABASE_URL!;
  await backupDatabase(source, file);
  expect(fs.statSync(file).size).toBeGreaterThan(10_000);
  await restoreDatabase(targetUrl, file);

  const before = await tableCounts(source);
  const after = await tableCounts(targetUrl);
  expect(after).toEqual(before);
  // The demo data really is there (not two empty databases).
  expect(before["public.staff_users"]).toBeGreaterThan(3);
  expect(Object.values(before).reduce((a, n) => a + n, 0)).toBeGreaterThan(500);

  // A second restore into the now filled database is refused.
  await expect(restoreDatabase(targetUrl, file)).rejects.toBeInstanceOf(RestoreRefused);
}, 120_000);
