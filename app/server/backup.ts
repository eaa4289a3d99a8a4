// Backups with PostgreSQL's own tools (README "Backups"): pg_dump in its custom format (compressed,
// restorable table by table), and pg_restore into an EMPTY database, in one transaction, stopping at
// the first error. Everything the app keeps is in the database (data, uploaded media, sessions,
// outbox, jobs), so this one file is the whole backup.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import postgres from "postgres";

const run = promisify(execFile);

/** pg_dump/pg_restore from PATH, or from PG_BIN (e.g. /usr/lib/postgresql/16/bin) to match the server. */
function tool(name: "pg_dump" | "pg_restore"): string {
  return process.env.PG_BIN ? `${process.env.PG_BIN.replace(/\/$/, "")}/${name}` : name;
}

/** Connection options as environment variables, so the password never shows in the process list. */
function connectionEnv(databaseUrl: string): NodeJS.ProcessEnv {
  const url = new URL(databaseUrl);
  return {
    ...process.env,
    PGHOST: url.hostname,
    PGPORT: url.port || "5432",
    PGUSER: decodeURIComponent(url.username),
    PGPASSWORD: decodeURIComponent(url.password),
    PGDATABASE: decodeURIComponent(url.pathname.slice(1)),
    ...(url.searchParams.get("sslmode") ? { PGSSLMODE: url.searchParams.get("sslmode")! } : {}),
  };
}

export async function backupDatabase(databaseUrl: string, file: string): Promise<void> {
  await run(tool("pg_dump"), ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`], {
    env: connectionEnv(databaseUrl),
    maxBuffer: 64 * 1024 * 1024,
  });
}

export class RestoreRefused extends Error {}

/** Restore into an empty database only: a restore never mixes with or silently replaces live data. */
export async function restoreDatabase(databaseUrl: string, file: string): Promise<void> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`;
    if ((row?.n ?? 0) > 0)
      throw new RestoreRefused(
        "The target database is not empty. Restore into a new, empty database (createdb), then point DATABASE_URL at it.",
      );
  } finally {
    await sql.end();
  }
  await run(
    tool("pg_restore"),
    [
      "--no-owner",
      "--no-privileges",
      "--single-transaction",
      "--exit-on-error",
      `--dbname=${connectionEnv(databaseUrl).PGDATABASE}`,
      file,
    ],
    { env: connectionEnv(databaseUrl), maxBuffer: 64 * 1024 * 1024 },
  );
}

/** Exact row counts of every table (public, drizzle and pg-boss schemas), to compare a restore. */
export async function tableCounts(databaseUrl: string): Promise<Record<string, number>> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const tables = await sql<{ name: string }[]>`
      select quote_ident(schemaname) || '.' || quote_ident(tablename) as name from pg_tables
       where schemaname not in ('pg_catalog', 'information_schema') order by 1`;
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const [r] = await sql.unsafe<{ n: number }[]>(`select count(*)::int as n from ${name}`);
      counts[name] = r?.n ?? 0;
    }
    return counts;
  } finally {
    await sql.end();
  }
}
