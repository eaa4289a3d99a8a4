// Bench for issue 8: 100,000 responses × 25 questions.
//   1. The full results computation (everything /beheer/enquetes/:id/resultaten shows) p50/p95, against one
//      hand-written GROUP BY over the same answers table in the same run, printed as a ratio; computed
//      from the running counts (answer_tallies) after the fold, and again with --pending N responses not folded.
//   2. The XLSX export streamed to nowhere: wall time and peak RSS of the exporting process.
// Usage: npm run bench:insights [-- --responses 100000 --runs 7 --pending 2000 --keep]
// Uses BENCH_DATABASE_URL, TEST_DATABASE_URL or DATABASE_URL (a server; a fresh database is created and dropped).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import postgres from "postgres";
import { computeSurveyResults, getSurveyResults } from "../app/domain/insights/results.server";
import { foldTallies } from "../app/domain/insights/tallies.server";
import { listQuestions } from "../app/domain/surveys/definition";
import { closeDb, getDb, getSql } from "../app/lib/db.server";
import { resetEnvForTests } from "../app/lib/env.server";
import { migrateDatabase } from "../app/server/migrate";
import {
  createSurveyWithDefinition,
  generateResponses,
  insertResponses,
  insightsDemoDefinition,
} from "../db/seed/insights";
import { seedPopulation } from "../db/seed/population";
import { seedWijken } from "../db/seed/wijken";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};

function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function connectTo(url: string) {
  process.env.DATABASE_URL = url;
  process.env.SEED_DEMO = "false";
  resetEnvForTests();
}

/** Child process: export the survey as XLSX into nothing, report time, bytes and peak RSS as JSON. */
async function exportOnly(url: string, surveyId: number) {
  connectTo(url);
  const { exportXlsx } = await import("../app/domain/insights/exports.server");
  const { createStaffUserForBench } = await import("./support");
  const actor = await createStaffUserForBench();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const start = performance.now();
  const file = await exportXlsx(actor, surveyId);
  let bytes = 0;
  const reader = file!.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
  }
  const ms = performance.now() - start;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  await closeDb();
  process.stdout.write(`${JSON.stringify({ ms, bytes, peakRss: peak })}\n`);
}

async function main() {
  if (args[0] === "--export-only") return exportOnly(args[1]!, Number(args[2]));
  const serverUrl =
    process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!serverUrl)
    throw new Error("Set BENCH_DATABASE_URL, TEST_DATABASE_URL or DATABASE_URL to a PostgreSQL server.");
  const count = arg("responses", 100_000);
  const runs = arg("runs", 7);
  const name = `wmh_bench_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    await migrateDatabase(url.toString());
    connectTo(url.toString());
    const db = getDb();
    await seedWijken(db);
    await seedPopulation(db);
    // 14 questions in the demo definition + 11 extra statements = 25 questions.
    const definition = insightsDemoDefinition(11);
    const questionCount = listQuestions(definition).length;
    const { surveyId, versionId } = await createSurveyWithDefinition(db, definition, { slug: "bench" });

    let t = performance.now();
    for (let start = 0; start < count; start += 5000) {
      const batch = generateResponses(definition, Math.min(5000, count - start), 1000 + start);
      await insertResponses(db, surveyId, versionId, batch, { batch: 5000 });
    }
    await getSql().unsafe("analyze");
    const [{ n }] = (await getSql()`select count(*)::int as n from answers`) as unknown as [{ n: number }];
    console.log(
      `data: ${count} responses × ${questionCount} questions = ${n} answer rows, loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    // A sweeper adds submitted responses to the running counts (answer_tallies) every 10 s; here all
    // 100,000 at once, as after a bulk import. Then the computation reads the counts.
    t = performance.now();
    const folded = await foldTallies(surveyId, definition, db);
    // What autovacuum does within a minute in production: clear the row versions the fold replaced.
    await getSql().unsafe("vacuum analyze responses, answer_tallies");
    console.log(
      `tallies: ${folded} responses folded in ${((performance.now() - t) / 1000).toFixed(1)} s (in production: each 10 seconds' new responses, by the sweeper)`,
    );

    // Warm both once, then alternate so both see the same cache and load.
    await computeSurveyResults(surveyId);
    const baselineSql = () => getSql()`
      select question_key, sub_key, coalesce(value_option, value_number::text) as value, count(*)::int
      from answers where survey_id = ${surveyId} group by 1, 2, 3`;
    await baselineSql();
    const full: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < runs; i++) {
      t = performance.now();
      await baselineSql();
      baseline.push(performance.now() - t);
      t = performance.now();
      await computeSurveyResults(surveyId);
      full.push(performance.now() - t);
    }
    const f95 = percentile(full, 95);
    const b95 = percentile(baseline, 95);
    console.log(
      `full results computation (cold): p50 ${percentile(full, 50).toFixed(0)} ms, p95 ${f95.toFixed(0)} ms (target < 1000 ms)`,
    );
    console.log(
      `hand-written GROUP BY:    p50 ${percentile(baseline, 50).toFixed(0)} ms, p95 ${b95.toFixed(0)} ms`,
    );
    console.log(`ratio full / GROUP BY (p95): ${(f95 / b95).toFixed(2)}×`);
    // Responses submitted since the last fold are counted from their answers on the fly.
    const pending = arg("pending", 2000);
    await insertResponses(db, surveyId, versionId, generateResponses(definition, pending, 999_999));
    const fresh: number[] = [];
    for (let i = 0; i < runs; i++) {
      t = performance.now();
      await computeSurveyResults(surveyId);
      fresh.push(performance.now() - t);
    }
    console.log(
      `full results computation with ${pending} responses not folded yet: p50 ${percentile(fresh, 50).toFixed(0)} ms, p95 ${percentile(fresh, 95).toFixed(0)} ms; ratio to GROUP BY (p95): ${(percentile(fresh, 95) / b95).toFixed(2)}×`,
    );
    await foldTallies(surveyId, definition, db);
    // What the page does: the stored results while no new response came in (first call fills the cache).
    await getSurveyResults(surveyId);
    const page: number[] = [];
    for (let i = 0; i < runs * 3; i++) {
      t = performance.now();
      await getSurveyResults(surveyId);
      page.push(performance.now() - t);
    }
    const p95 = percentile(page, 95);
    console.log(
      `results page with stored results: p50 ${percentile(page, 50).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms; ratio to GROUP BY (p95): ${(p95 / b95).toFixed(2)}×`,
    );
    await closeDb();

    const child = spawn(process.execPath, [
      ...process.execArgv,
      import.meta.filename,
      "--export-only",
      url.toString(),
      String(surveyId),
    ]);
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.pipe(process.stderr);
    await new Promise((resolve) => child.on("close", resolve));
    const line = out.trim().split("\n").at(-1);
    const result = JSON.parse(line ?? "{}") as { ms: number; bytes: number; peakRss: number };
    console.log(
      `XLSX export: ${(result.ms / 1000).toFixed(1)} s (target < 30 s), ${(result.bytes / 1e6).toFixed(1)} MB, peak RSS ${(result.peakRss / 1e6).toFixed(0)} MB (target < 300 MB)`,
    );
  } finally {
    await closeDb();
    if (!args.includes("--keep")) await admin.unsafe(`drop database if exists ${name} with (force)`);
    else console.log(`kept database ${name}`);
    await admin.end();
  }
}

await main();
