import { sql } from "drizzle-orm";

process.env.DATABASE_URL = "postgres://postgres@127.0.0.1:5432/wmh_bench_782ef18d";
const { getDb, closeDb } = await import("../app/lib/db.server");
const db = getDb();
const origTx = db.transaction.bind(db);
// biome-ignore lint: debug
(db as any).transaction = (fn: any, cfg: any) =>
  origTx(async (tx: any) => {
    const orig = tx.execute.bind(tx);
    tx.execute = async (q: any) => {
      const r = await orig(q);
      if ((r.length > 20000 && r.length < 25000) || r.length === 26685) {
        const p = await orig(sql`explain (analyze) ${q}`);
        console.log(p.map((x: any) => x["QUERY PLAN"]).join("\n"));
      }
      return r;
    };
    return fn(tx);
  }, cfg);
const mod = await import("../app/domain/insights/results.server");
await mod.computeSurveyResults(1);
await closeDb();
