// Bench for issue 5 (npm run bench:map). Seeds 10,000 published initiatives in a throw-away
// database and measures, in one run:
//   1. the whole-town request of /api/initiatieven.geojson at town zoom: p95 server time and gzipped
//      size, as a ratio against a baseline: a plain SELECT of the same rows + JSON.stringify;
//   2. the JavaScript the map page can load (gzipped, from the production build), Leaflet included.
// Targets: p95 < 50 ms, < 150 KB gzipped, map page JS ≤ 200 KB gzipped.

import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { TOWN_ZOOM } from "../app/domain/places/heemstede";
import { closeDb, getSql } from "../app/lib/db.server";
import { resetEnvForTests } from "../app/lib/env.server";
import { benchDatabase } from "./database";
import { p95 } from "./stats";

const COUNT = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const WARMUP = 10;
const TOWN_BBOX = "4.57,52.32,4.67,52.38";

async function measure(fn: () => Promise<string>) {
  let body = "";
  for (let i = 0; i < WARMUP; i++) body = await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    body = await fn();
    samples.push(performance.now() - t);
  }
  return { p95: p95(samples), gzipBytes: gzipSync(body).length, rawBytes: Buffer.byteLength(body) };
}

/** Every JS file the map page can load: entry, root, the route and what they import, lazily too. */
function mapPageJavaScript(): { files: number; gzipBytes: number } {
  execSync("npx tsx app/cli/build-if-needed.ts", { stdio: "inherit" });
  const assets = "build/client/assets";
  const manifestFile = fs.readdirSync(assets).find((f) => /^manifest-.*\.js$/.test(f));
  if (!manifestFile) throw new Error("no Remix manifest in the build");
  const manifest = JSON.parse(
    fs
      .readFileSync(path.join(assets, manifestFile), "utf8")
      .replace(/^window\.__remixManifest\s*=\s*/, "")
      .replace(/;\s*$/, ""),
  ) as {
    entry: { module: string; imports: string[] };
    routes: Record<string, { module: string; imports?: string[] }>;
  };
  const start = [manifest.entry.module, ...manifest.entry.imports];
  for (const id of ["root", "routes/initiatieven._index"]) {
    const route = manifest.routes[id];
    if (!route) throw new Error(`route ${id} not in the build`);
    start.push(route.module, ...(route.imports ?? []));
  }
  const seen = new Set<string>();
  const queue = start.map((u) => path.basename(u));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = fs.readFileSync(path.join(assets, file), "utf8");
    for (const m of text.matchAll(/["'`]\.\/([\w.$-]+\.js)["'`]/g)) queue.push(m[1]!);
  }
  let gzipBytes = 0;
  for (const f of seen) gzipBytes += gzipSync(fs.readFileSync(path.join(assets, f))).length;
  return { files: seen.size, gzipBytes };
}

async function main() {
  const database = await benchDatabase();
  const url = new URL(database.url);
  try {
    process.env.DATABASE_URL = url.toString();
    process.env.LOG_LEVEL = "silent";
    resetEnvForTests();
    const sql = getSql();
    console.log(`Seeding ${COUNT} published initiatives…`);
    await sql`select setseed(0.42)`;
    await sql.unsafe(`
      insert into initiatives (title, description, theme, location_kind, answers, initiator_name, initiator_email,
        consent_contact, proposed_decider, proposed_complex, decider, complex, status,
        public_title, public_summary, public_lat, public_lng, location_precision, is_published, published_at, wijk_code)
      select 'Initiatief ' || g, 'Beschrijving ' || g, (array['groen','spelen-sport','verkeer','wonen','duurzaam','samenleven','cultuur','ondernemen','anders'])[1 + g % 9],
        'address', '{}'::jsonb, 'Naam ' || g, 'init' || g || '@voorbeeld.nl', true, 'initiator', false,
        'initiator', false, (array['in_review','planning','in_execution','realised'])[1 + g % 4],
        'Initiatief nummer ' || g, 'Een samenvatting van initiatief ' || g || ' voor de buurt.',
        52.33 + random() * 0.04, 4.59 + random() * 0.06, 'exact', true, now() - (g || ' minutes')::interval, 'DEMO0' || (1 + g % 6)
      from generate_series(1, ${COUNT}) g`);
    await sql`analyze initiatives`;

    const { loader } = await import("../app/routes/api.initiatieven[.]geojson");
    const context = { nonce: "", requestId: "bench", clientIp: "127.0.0.1" };
    const town = await measure(async () => {
      const res = (await loader({
        request: new Request(`http://localhost/api/initiatieven.geojson?bbox=${TOWN_BBOX}&zoom=${TOWN_ZOOM}`),
        params: {},
        context,
      })) as Response;
      return res.text();
    });
    const baseline = await measure(async () => {
      const rows = await sql`
        select id, public_title, public_summary, theme, status, wijk_code, public_lat, public_lng
        from initiatives where is_published and public_lat is not null`;
      return JSON.stringify(rows);
    });
    const js = mapPageJavaScript();

    const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
    const ms = (n: number) => `${n.toFixed(1)} ms`;
    console.log(`\nWhole town at zoom ${TOWN_ZOOM}, ${COUNT} published initiatives, ${RUNS} runs`);
    console.log(
      `  GeoJSON endpoint : p95 ${ms(town.p95)}, ${kb(town.gzipBytes)} gzipped (${kb(town.rawBytes)} raw)`,
    );
    console.log(
      `  baseline SELECT  : p95 ${ms(baseline.p95)}, ${kb(baseline.gzipBytes)} gzipped (${kb(baseline.rawBytes)} raw)`,
    );
    console.log(
      `  ratio endpoint/baseline: time ${(town.p95 / baseline.p95).toFixed(2)}×, size ${(town.gzipBytes / baseline.gzipBytes).toFixed(3)}×`,
    );
    console.log(
      `  targets: p95 < 50 ms ${town.p95 < 50 ? "OK" : "MISSED"}; < 150 KB gzipped ${town.gzipBytes < 150 * 1024 ? "OK" : "MISSED"}`,
    );
    console.log(
      `\nMap page JavaScript (${js.files} files, Leaflet included): ${kb(js.gzipBytes)} gzipped; target ≤ 200 KB ${js.gzipBytes <= 200 * 1024 ? "OK" : "MISSED"}`,
    );
  } finally {
    await closeDb();
    await database.drop();
  }
}

await main();
