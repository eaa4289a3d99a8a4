// `npm run worker`: background jobs only (for a separate worker process in production).
import { closeDb } from "../lib/db.server";
import { getEnv } from "../lib/env.server";
import { startJobs, stopJobs } from "../lib/jobs.server";
import { getLogger } from "../lib/logger.server";
import { jobDefinitions, startSweepers } from "../server/jobs";
import { migrateDatabase } from "../server/migrate";

const env = getEnv();
await migrateDatabase(env.DATABASE_URL);
await startJobs(jobDefinitions);
const stopSweeper = startSweepers();
getLogger().info("worker started");

const shutdown = async () => {
  stopSweeper();
  await stopJobs();
  await closeDb();
  process.exit(0);
};
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
