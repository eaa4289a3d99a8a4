import path from "node:path";
import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";

const here = path.dirname(fileURLToPath(import.meta.url));
export const migrationsFolder = path.resolve(here, "../../migrations");

// Any constant works; it only has to be the same for every app server of this project.
const MIGRATION_LOCK = 72_410_001;

/**
 * Apply the committed drizzle-kit migrations under a PostgreSQL advisory lock, so that
 * several app servers starting at once do not race. `afterMigrate` runs while the lock is held.
 */
export async function migrateDatabase(
  url: string,
  afterMigrate?: (sql: postgres.Sql) => Promise<void>,
): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`;
    try {
      await migrate(drizzle(sql), { migrationsFolder });
      if (afterMigrate) await afterMigrate(sql);
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}
