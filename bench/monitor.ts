// Bench for issue 13 (npm run bench:monitor). Seeds 2,000 agreements with 12 tertialen of history each
// (24,000 updates, half confirmed) in a throw-away database and measures in one run:
//   1. the public overview (/prestatieafspraken?jaar=2026&tertiaal=2: everything the page's loader reads, i.e.
//      publicOverview: years, organisations, stoplicht per agreement as of the tertiaal, counts per theme and
//      trekker, one page of rows) as p95 server time, against a baseline measured alongside: one plain
//      grouped SELECT (updates of that tertiaal joined to their agreements, grouped by theme and stoplicht).
//      The two are sampled alternately (baseline, overview, baseline, …) so a burst of load on the shared
//      machine hits both alike. The overview reads the maintained table monitor_stoplicht_current.
//      Target: ratio <= 2. For information it also prints the page without a period in the URL (/prestatieafspraken),
//      which first looks up the latest tertiaal with a confirmed update.
//   2. the XLSX export of the whole overview (all 2,000 rows). Target: < 5 s.

import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { publicOverview } from "../app/domain/monitor/pages.server";
import { publicExport } from "../app/domain/monitor/public-export.server";
import { loadOverview } from "../app/domain/monitor/public-read.server";
import { refreshAllCurrentStoplicht } from "../app/domain/monitor/stoplicht.server";
import { closeDb, getDb, getSql } from "../app/lib/db.server";
import { resetEnvForTests } from "../app/lib/env.server";
import { benchDatabase } from "./database";
import { p95 } from "./stats";

const AGREEMENTS = 2_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const WARMUP = 10;
const ORGS = ["gemeente-heemstede", "elan-wonen", "pre-wonen"];

/** p95 of each function, sampled alternately (one call of each per round) after a warm-up. */
async function timeAlternately(fns: readonly (() => Promise<unknown>)[]): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) for (const fn of fns) await fn();
  const samples = fns.map(() => [] as number[]);
  for (let i = 0; i < RUNS; i++)
    for (const [k, fn] of fns.entries()) {
      const t = performance.now();
      await fn();
      samples[k]!.push(performance.now() - t);
    }
  return samples.map(p95);
}

async function main() {
  const database = await benchDatabase();
  try {
    process.env.DATABASE_URL = database.url;
    process.env.LOG_LEVEL = "silent";
    resetEnvForTests();
    const sql = getSql();
    console.log(`Load average (1 min) at the start: ${loadavg()[0]!.toFixed(2)} on ${cpus().length} cores`);
    console.log(`Seeding ${AGREEMENTS} agreements x 12 tertialen of history…`);
    await sql`select setseed(0.13)`;
    await sql`insert into monitor_organisations (id, name, kind) values
      ('gemeente-heemstede', 'Gemeente Heemstede', 'municipality'), ('elan-wonen', 'Elan Wonen', 'housing_corporation'),
      ('pre-wonen', 'Pré Wonen', 'housing_corporation')`;
    await sql.unsafe(`
      insert into monitor_agreements (key, number, kind, first_year, last_year, theme, title, text, prioriteit, position)
      select 'J ' || g || ' (2024)', 'J ' || g, case when g % 4 = 0 then 'kader' else 'jaar' end, 2024, 2027,
        1 + g % 5, 'Afspraak ' || g, 'De tekst van afspraak ' || g || ' over wonen in Heemstede.',
        (array['t1','t2','t3','ongoing'])[1 + g % 4], g
      from generate_series(1, ${AGREEMENTS}) g`);
    await sql.unsafe(`
      insert into monitor_agreement_parties (agreement_id, organisation_id, role)
      select a.id, (array[${ORGS.map((o) => `'${o}'`).join(",")}])[1 + a.id % 3], 'trekker' from monitor_agreements a
      union all
      select a.id, (array[${ORGS.map((o) => `'${o}'`).join(",")}])[1 + (a.id + 1) % 3], 'party' from monitor_agreements a`);
    await sql.unsafe(`
      insert into monitor_updates (agreement_id, agreement_key, year, tertiaal, organisation_id, stoplicht, explanation,
        author_name, status)
      select a.id, a.key, 2024 + (t - 1) / 3, 1 + (t - 1) % 3, 'elan-wonen',
        (array['green','yellow','red','completed','lapsed'])[1 + floor(random() * 5)::int],
        'Toelichting bij tertiaal ' || t || ': er is voortgang geboekt en de partijen overleggen verder.', 'Bench',
        case when random() < 0.5 then 'confirmed' else 'submitted' end
      from monitor_agreements a cross join generate_series(1, 12) t`);
    // A bulk load bypasses the write paths, so fill the maintained current-stoplicht table once, as the
    // migration does for existing data.
    await refreshAllCurrentStoplicht(getDb());
    await sql`analyze`;
    const db = getDb();
    const filter = { year: 2026, tertiaal: 2, theme: null, trekker: null, stoplicht: null, q: "", page: 1 };
    const page = new URL("http://localhost/prestatieafspraken?jaar=2026&tertiaal=2");
    const landing = new URL("http://localhost/prestatieafspraken");
    const check = await publicOverview(page);
    if (check.rows.length !== 20 || check.total !== AGREEMENTS || check.filter.year !== 2026)
      throw new Error("The overview did not read the bench data");
    const [baselineP95, overviewP95, landingP95] = (await timeAlternately([
      () => sql`select a.theme, u.stoplicht, count(*) from monitor_updates u join monitor_agreements a on a.id = u.agreement_id
        where u.year = 2026 and u.tertiaal = 2 group by 1, 2`,
      () => publicOverview(page),
      () => publicOverview(landing),
    ])) as [number, number, number];
    const names = {
      "gemeente-heemstede": "Gemeente Heemstede",
      "elan-wonen": "Elan Wonen",
      "pre-wonen": "Pré Wonen",
    };
    const t0 = performance.now();
    const all = await loadOverview(filter, { pageSize: null, organisationOrder: ORGS }, db);
    const file = await publicExport("xlsx", { filter, rows: all.rows, organisationNames: names });
    const xlsxMs = performance.now() - t0;
    const ratio = overviewP95 / baselineP95;
    console.log(`baseline (one grouped SELECT) p95: ${baselineP95.toFixed(2)} ms`);
    console.log(
      `public overview p95:              ${overviewP95.toFixed(2)} ms  ratio ${ratio.toFixed(2)}x (target <= 2x)`,
    );
    console.log(
      `  without a period in the URL:     ${landingP95.toFixed(2)} ms  ratio ${(landingP95 / baselineP95).toFixed(2)}x (information)`,
    );
    console.log(
      `XLSX export of ${all.rows.length} rows:      ${xlsxMs.toFixed(0)} ms (${Math.round((file.body as Uint8Array).length / 1024)} KB, target < 5000 ms)`,
    );
  } finally {
    await closeDb();
    await database.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
