// Runs once per `npm test`: find a PostgreSQL server (TEST_DATABASE_URL, DATABASE_URL, or an
// embedded one), create a migrated template database, and hand its name to the test files.
// Each test file then gets its own database cloned from the template (per-file-db.ts).
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../../app/server/migrate";
import { createScratchDatabase } from "../../app/server/scratch-db";

declare module "vitest" {
  export interface ProvidedContext {
    dbServerUrl: string;
    dbTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const template = await createScratchDatabase("wmh_tmpl", [
    process.env.TEST_DATABASE_URL,
    process.env.DATABASE_URL,
  ]);
  await migrateDatabase(template.url);
  const templateName = new URL(template.url).pathname.slice(1);
  project.provide("dbServerUrl", template.serverUrl);
  project.provide("dbTemplate", templateName);

  return async () => {
    // Drop what the run created; databases left by crashed test files too.
    const admin = postgres(template.serverUrl, { max: 1, onnotice: () => {} });
    const leftovers = await admin<{ datname: string }[]>`
      select datname from pg_database where datname like ${`wmh_t_${templateName.slice(9)}_%`}`;
    for (const { datname } of leftovers)
      await admin.unsafe(`drop database if exists ${datname} with (force)`);
    await admin.end();
    await template.drop();
  };
}
