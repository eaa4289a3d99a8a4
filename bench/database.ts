// A scratch database for one bench run, on the server of BENCH_DATABASE_URL, TEST_DATABASE_URL or
// DATABASE_URL (the first one set); `drop()` removes it. Migrated unless told otherwise (a bench that
// starts an app server lets the server migrate). Imports lazily, so a bench can set the environment
// before the app's modules read it.
export async function benchDatabase(name = "wmh_bench", { migrate = true } = {}) {
  const { createScratchDatabase } = await import("../app/server/scratch-db");
  const database = await createScratchDatabase(name, [
    process.env.BENCH_DATABASE_URL,
    process.env.TEST_DATABASE_URL,
    process.env.DATABASE_URL,
  ]);
  if (migrate) {
    const { migrateDatabase } = await import("../app/server/migrate");
    try {
      await migrateDatabase(database.url);
    } catch (error) {
      await database.drop();
      throw error;
    }
  }
  return database;
}
