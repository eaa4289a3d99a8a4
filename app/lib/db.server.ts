import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "../../db/schema";
import { getEnv } from "./env.server";

export type Database = PostgresJsDatabase<typeof schema>;
/** A transaction or the database itself: domain functions accept either, so callers can compose them. */
export type Executor = Database | Parameters<Parameters<Database["transaction"]>[0]>[0];

let client: postgres.Sql | undefined;
let database: Database | undefined;

export function getSql(): postgres.Sql {
  client ??= postgres(getEnv().DATABASE_URL, {
    max: getEnv().DATABASE_POOL_MAX,
    onnotice: () => {},
    connection: { application_name: "wij-maken-heemstede" },
  });
  return client;
}

export function getDb(): Database {
  database ??= drizzle(getSql(), { schema });
  return database;
}

export async function closeDb() {
  const c = client;
  client = undefined;
  database = undefined;
  await c?.end({ timeout: 5 });
}

export { schema };

/**
 * The postgres.js client under a Database or a transaction, for what Drizzle does not offer (COPY ...
 * FROM STDIN). Inside a transaction it is the transaction's own connection.
 */
export function rawClient(db: Executor): postgres.Sql {
  const session = (db as unknown as { session?: { client?: postgres.Sql } }).session;
  if (!session?.client) throw new Error("no postgres.js client under this executor");
  return session.client;
}

/**
 * Run one read statement as a prepared statement of the connection (postgres.js keeps it per connection by
 * its text): a repeated page view then only binds its parameters, without parsing and planning again.
 * `db.execute` never prepares, so the hot public reads (monitor overview, home Actueel, /actueel) go through
 * here. Uses drizzle's session.prepareQuery: typed, but low level.
 */
const dialect = new PgDialect();
export async function executePrepared<T>(name: string, query: SQL, db: Executor): Promise<T[]> {
  return (await db._.session
    .prepareQuery(dialect.sqlToQuery(query), undefined, name, false)
    .execute()) as T[];
}
