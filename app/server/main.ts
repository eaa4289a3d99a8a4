// `npm start`: build if needed, start an embedded PostgreSQL when DATABASE_URL is unset,
// migrate under an advisory lock, load demo data once, serve on PORT, run background jobs.
import fs from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { drizzle } from "drizzle-orm/postgres-js";
import * as schema from "../../db/schema";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, demoLogins, seedDemoOnce } from "../../db/seed";
import { closeDb } from "../lib/db.server";
import { getEnv, resetEnvForTests } from "../lib/env.server";
import { startJobs, stopJobs } from "../lib/jobs.server";
import { getLogger } from "../lib/logger.server";
import { type EmbeddedDb, rootAccessProblem, startEmbeddedDb } from "./embedded-db";
import { createHttpApp } from "./http";
import { jobDefinitions, startSweepers } from "./jobs";
import { migrateDatabase } from "./migrate";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const devMode = process.argv.includes("--dev");

async function main() {
  let embedded: EmbeddedDb | undefined;
  if (!process.env.DATABASE_URL) {
    const port = Number(process.env.EMBEDDED_DB_PORT ?? 54329);
    console.log(`Geen DATABASE_URL: ingebouwde PostgreSQL starten (data in .data/, poort ${port})...`);
    const dataDir = path.join(root, ".data/db");
    const problem = rootAccessProblem(dataDir);
    if (problem) {
      console.error(problem);
      process.exit(1);
    }
    try {
      embedded = await startEmbeddedDb({ dir: dataDir, port, persistent: true });
    } catch (error) {
      console.error(
        `De ingebouwde PostgreSQL start niet (${(error as Error).message?.split("\n")[0] ?? "onbekende fout"}).\n` +
          `Is poort ${port} vrij? Kies anders een poort met EMBEDDED_DB_PORT, of gebruik DATABASE_URL=postgres://...\n` +
          `The embedded PostgreSQL did not start. Is port ${port} free? Set EMBEDDED_DB_PORT or DATABASE_URL.`,
      );
      process.exit(1);
    }
    process.env.DATABASE_URL = embedded.url;
    process.env.SEED_DEMO ??= "true";
    resetEnvForTests();
  }
  let env: ReturnType<typeof getEnv>;
  try {
    env = getEnv();
  } catch (error) {
    console.error((error as Error).message);
    await embedded?.stop();
    process.exit(1);
  }
  const log = getLogger();

  let seeded = false;
  await migrateDatabase(env.DATABASE_URL, async (sql) => {
    if (env.SEED_DEMO) seeded = await seedDemoOnce(drizzle(sql, { schema }));
  });
  log.info({ seeded }, "database ready");

  let getBuild: () => Promise<ServerBuild>;
  let app: ReturnType<typeof createHttpApp>;
  if (devMode) {
    const vite = await import("vite");
    const viteServer = await vite.createServer({ server: { middlewareMode: true } });
    getBuild = () => viteServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
    app = createHttpApp({ getBuild, devMiddleware: viteServer.middlewares });
  } else {
    const buildFile = path.join(root, "build/server/index.js");
    if (!fs.existsSync(buildFile)) {
      console.error("Geen build gevonden. Draai eerst `npm run build` (npm start doet dat zelf).");
      process.exit(1);
    }
    const build = (await import(pathToFileURL(buildFile).href)) as ServerBuild;
    getBuild = async () => build;
    app = createHttpApp({ getBuild, clientDir: path.join(root, "build/client") });
  }

  let stopSweeper = () => {};
  if (env.JOBS_ENABLED) {
    await startJobs(jobDefinitions);
    stopSweeper = startSweepers();
  }

  const server: Server = app.listen(env.PORT, () => {
    console.log(`\nWij maken Heemstede draait op http://localhost:${env.PORT}`);
    if (env.SEED_DEMO) {
      console.log(seeded ? "Demodata geladen." : "Demodata was al geladen.");
      console.log(`Demo-inloggegevens voor /beheer/inloggen (wachtwoord: ${DEMO_PASSWORD}):`);
      for (const l of demoLogins) console.log(`  ${l.roles.join(", ").padEnd(12)} ${l.email}`);
      console.log(
        `De beheerder logt in met tweestapsverificatie: sleutel ${DEMO_TOTP_SECRET} in een authenticator-app,\n` +
          "of de code van dit moment met `npm run demo:code`.",
      );
    }
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    stopSweeper();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await stopJobs().catch(() => {});
    await closeDb().catch(() => {});
    await embedded?.stop().catch(() => {});
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
