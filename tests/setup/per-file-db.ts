// Gives every integration test file its own database, cloned from the migrated template, and
// points the app's DATABASE_URL at it. Tests clean their tables with resetTables() where needed.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, inject } from "vitest";
import { closeDb } from "../../app/lib/db.server";
import { resetEnvForTests } from "../../app/lib/env.server";
import { withDatabase } from "../../app/server/scratch-db";

const serverUrl = inject("dbServerUrl");
const template = inject("dbTemplate");
const name = `wmh_t_${template.slice(9)}_${randomBytes(4).toString("hex")}`;

const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name} template ${template}`);
process.env.DATABASE_URL = withDatabase(serverUrl, name);
process.env.SEED_DEMO = "false";
delete process.env.SMTP_URL;
resetEnvForTests();

afterAll(async () => {
  await closeDb();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});
