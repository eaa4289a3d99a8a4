import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { getDb } from "../app/lib/db.server";
import { staffUsers } from "../db/schema";
import { benchDatabase } from "./database";

/** A staff user for the audit line of the bench export. */
export async function createStaffUserForBench() {
  const id = randomUUID();
  const email = `bench-${id.slice(0, 8)}@heemstede.test`;
  await getDb()
    .insert(staffUsers)
    .values({ id, email, name: "Bench", roles: ["onderzoeker"] });
  return { id, email };
}

/** One line of bench output. */
export function log(line: string) {
  process.stdout.write(`${line}\n`);
}

/** Poll `done` every `everyMs` until it holds or `timeoutMs` has passed. */
export async function waitFor(done: () => boolean | Promise<boolean>, timeoutMs: number, everyMs = 50) {
  const end = Date.now() + timeoutMs;
  while (!(await done()) && Date.now() < end) await new Promise((r) => setTimeout(r, everyMs));
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * What the mail benches (bench/panel.ts, bench/informed.ts) run in: a scratch database, a local SMTP
 * sink, the environment that sends through it unthrottled, and worker processes to kill. Call it before
 * the app's modules are imported (they read the environment).
 */
export async function mailBench() {
  const { startSmtpSink } = await import("../tests/support/smtp-sink");
  const database = await benchDatabase();
  const sink = await startSmtpSink({ keepRaw: false });
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    SMTP_URL: sink.url,
    PANEL_MAILS_PER_MINUTE: "0",
    APP_URL: "http://localhost:3000",
    LOG_LEVEL: "warn",
    SEED_DEMO: "false",
  });
  const workers: ChildProcess[] = [];
  return {
    database,
    sink,
    /**
     * Starts a worker (the real `npm run worker` entry point) and resolves once it runs. `onRecovered`
     * hears how many rows of a killed worker it put back in the queue.
     */
    startWorker: (onRecovered: (rows: number) => void) =>
      new Promise<ChildProcess>((resolve, reject) => {
        const child = spawn(process.execPath, ["--import", "tsx", "app/cli/worker.ts"], {
          cwd: root,
          env: { ...process.env, LOG_LEVEL: "info", NODE_ENV: "production" },
          stdio: ["ignore", "pipe", "inherit"],
        });
        workers.push(child);
        child.stdout!.on("data", (chunk: Buffer) => {
          const text = chunk.toString();
          if (text.includes("worker started")) resolve(child);
          for (const m of text.matchAll(/"recovered":(\d+)/g)) onRecovered(Number(m[1]));
        });
        child.on("exit", (code, signal) => {
          if (signal !== "SIGKILL") reject(new Error(`worker exited with ${code ?? signal}`));
        });
      }),
    /** Stops the workers still running, the job queue and the database pool; removes sink and database. */
    async stop() {
      for (const w of workers) if (w.exitCode === null) w.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 1000));
      const { stopJobs } = await import("../app/lib/jobs.server");
      const { closeDb } = await import("../app/lib/db.server");
      await stopJobs().catch(() => {});
      await closeDb();
      await sink.close();
      await database.drop();
    },
  };
}
