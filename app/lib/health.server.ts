import { sql } from "drizzle-orm";
import { getDb } from "./db.server";

export async function checkDatabase(): Promise<{ ok: boolean; ms: number }> {
  const started = Date.now();
  try {
    await getDb().execute(sql`select 1`);
    return { ok: true, ms: Date.now() - started };
  } catch {
    return { ok: false, ms: Date.now() - started };
  }
}
