// Bench for issue 6: 200 concurrent respondents submit the 25-question Woonvisie survey through the
// real HTTP action (the built app behind Express, as in production), against a baseline in the
// same run that inserts the same rows with postgres.js directly at the same concurrency.
// Also prints the JavaScript the survey page ships, gzipped, from the production build.
//
//   npm run bench:surveys            (uses TEST_DATABASE_URL / DATABASE_URL, or an embedded PostgreSQL)
//   BENCH_RESPONDENTS=500 npm run bench:surveys
//   BENCH_PROFILE=1 npm run bench:surveys   (also writes a CPU profile of the server during the timed burst)
//
// Besides latency it reports the CPU time the server process, its database connections and this
// bench process (the HTTP clients) spent during the timed burst, per submit (Linux /proc, local
// PostgreSQL only), and the SQL statements one submit runs (counted in-process with the same code).
import { type ChildProcess, execSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { answerColumns, fieldName, toRows, validateQuestion } from "../app/domain/surveys/answers";
import { createPersonalCodes } from "../app/domain/surveys/codes.server";
import { resumeCookie } from "../app/domain/surveys/cookie.server";
import {
  listQuestions,
  type Question,
  type SurveyDefinition,
  surveyDefinitionSchema,
} from "../app/domain/surveys/definition";
import { handleSurveyPost } from "../app/domain/surveys/flow.server";
import { findPublicSurvey } from "../app/domain/surveys/public-surveys.server";
import { startWithCode } from "../app/domain/surveys/response-start.server";
import { woonvisieDefinition } from "../app/domain/surveys/woonvisie";
import { freePort } from "../app/server/scratch-db";
import * as schema from "../db/schema";
import { seedWijken } from "../db/seed/wijken";
import { benchDatabase } from "./database";
import { surveyPageJs } from "./survey-page-js";

const RESPONDENTS = Number(process.env.BENCH_RESPONDENTS ?? 200);
const POOL = Number(process.env.BENCH_POOL ?? 10);
const DOUBLE_CLICKS = Math.min(20, RESPONDENTS);
/** Paced phase: the same number of respondents, their submits arriving at this rate per second. */
const PACED_RATE = Number(process.env.BENCH_PACED_RATE ?? 40);

/** Seconds between arrivals of a Poisson process at `rate` per second (fixed seed: same run, same gaps). */
function poissonGaps(count: number, rate: number): number[] {
  let state = 0x9e3779b9;
  const random = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => -Math.log(1 - random()) / rate);
}
const root = path.resolve(import.meta.dirname, "..");

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1))] ?? 0;
}
const p95 = (values: number[]) => percentile(values, 0.95);
const ms = (n: number) => `${n.toFixed(1)} ms`;
const latencyLine = (values: number[]) =>
  `p50 ${ms(percentile(values, 0.5))}  p95 ${ms(p95(values))}  max ${ms(Math.max(...values))}`;

/** CPU time (user + system, ms) of the processes matching `filter`, from /proc; 0 where unreadable. */
function procCpuMs(filter: (pid: number, processGroup: number) => boolean): number {
  const ticks = 100; // USER_HZ on Linux
  let total = 0;
  let pids: string[] = [];
  try {
    pids = fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (!filter(Number(pid), Number(fields[2]))) continue;
      total += ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** The Woonvisie questions on one page: one submit carries all 25+ answers. */
function onePageDefinition(): SurveyDefinition {
  const def = surveyDefinitionSchema.parse(woonvisieDefinition);
  const questions = listQuestions(def).map(
    ({ pageIndex: _p, ...q }) => ({ ...q, showIf: undefined }) as Question,
  );
  return {
    ...def,
    pages: [{ key: "alles", title: "Alle vragen", kind: "questions", blocks: [], questions }],
  };
}

/** A complete, valid answer form for every question. */
function answerForm(def: SurveyDefinition): Record<string, string | string[]> {
  const form: Record<string, string | string[]> = {};
  for (const q of listQuestions(def)) {
    const n = fieldName(q.key);
    switch (q.type) {
      case "single":
        form[n] = q.options[0]!.value;
        break;
      case "multiple":
        form[n] = q.options.slice(0, Math.min(2, q.max ?? 2)).map((o) => o.value);
        break;
      case "agree":
        form[n] = "4";
        break;
      case "grade":
        form[n] = "8";
        break;
      case "ranking":
        q.items.slice(0, q.top ?? q.items.length).forEach((item, i) => {
          form[fieldName(q.key, item.value)] = String(i + 1);
        });
        break;
      case "matrix":
        for (const row of q.rows) form[fieldName(q.key, row.value)] = q.scale[0]!.value;
        break;
      case "open":
        form[n] = "Meer betaalbare woningen voor jongeren en ouderen in het centrum.";
        break;
      case "number":
        form[n] = "12";
        break;
      case "birthYear":
        form[n] = "1972";
        break;
      case "postcode":
        form[n] = "2102 AB";
        break;
      case "mapPoint":
        form[fieldName(q.key, "locatie")] = q.locations[0]?.value ?? "";
        form[fieldName(q.key, "opmerking")] = "Dichtbij het station";
        break;
    }
  }
  return form;
}

function encode(form: Record<string, string | string[]>): string {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form))
    for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
  return body.toString();
}

async function main() {
  execSync("npx tsx app/cli/build-if-needed.ts", { cwd: root, stdio: "inherit" });

  const database = await benchDatabase();
  const dbUrl = new URL(database.url);
  // createPersonalCodes reads the environment (APP_URL for links): point it at the bench database.
  process.env.DATABASE_URL = dbUrl.toString();

  const sql = postgres(dbUrl.toString(), { max: POOL, onnotice: () => {} });
  const db = drizzle(sql, { schema });
  let server: ChildProcess | undefined;
  try {
    await seedWijken(db);
    const definition = onePageDefinition();
    const questionCount = listQuestions(definition).length;
    const [survey] = await db
      .insert(schema.surveys)
      .values({ slug: "bench-woonvisie", title: definition.title, status: "published", accessMode: "code" })
      .returning();
    const [version] = await db
      .insert(schema.surveyVersions)
      .values({ surveyId: survey!.id, version: 1, definition, publishedAt: new Date() })
      .returning();
    const allCodes = await createPersonalCodes(survey!.id, 3 * RESPONDENTS + DOUBLE_CLICKS + 2, "panel", db);
    const codes = allCodes.slice(0, RESPONDENTS);
    const pacedCodes = allCodes.slice(RESPONDENTS, 2 * RESPONDENTS);
    const doubleClickCodes = allCodes.slice(2 * RESPONDENTS, 2 * RESPONDENTS + DOUBLE_CLICKS);
    const countCodes = allCodes.slice(2 * RESPONDENTS + DOUBLE_CLICKS, 2 * RESPONDENTS + DOUBLE_CLICKS + 2);
    const randomCodes = allCodes.slice(2 * RESPONDENTS + DOUBLE_CLICKS + 2);

    // Untimed: the SQL statements of one submit, counted with the same code in this process (the
    // second of two submits on one connection, so its prepared statements are warm, as in the server).
    let statements = 0;
    const countingSql = postgres(dbUrl.toString(), { max: 1, onnotice: () => {}, debug: () => statements++ });
    const countingDb = drizzle(countingSql, { schema });
    const submitStatements: number[] = [];
    for (const c of countCodes) {
      const target = await findPublicSurvey("bench-woonvisie", countingDb);
      const started = await startWithCode(target!, c.code, countingDb);
      if (started.status !== "ok") throw new Error("count: start failed");
      const request = new Request("http://bench/enquete/bench-woonvisie", {
        method: "POST",
        headers: { Cookie: resumeCookie(survey!.id, started.token).split(";")[0]! },
      });
      const form = new FormData();
      for (const [k, v] of new URLSearchParams(
        encode({ intent: "submit", pagina: "0", ...answerForm(definition) }),
      ))
        form.append(k, v);
      statements = 0;
      const outcome = await handleSurveyPost(request, "bench-woonvisie", form, "127.0.0.1", countingDb);
      if (outcome.kind !== "submitted") throw new Error(`count: submit ${outcome.kind}`);
      submitStatements.push(statements);
    }
    await countingSql.end();

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const profileMarker = process.env.BENCH_PROFILE
      ? path.join(os.tmpdir(), `wmh-bench-profile-${Date.now()}`)
      : undefined;
    const profileArgs = profileMarker ? ["--import", path.join(root, "bench/profile-hook.mjs")] : [];
    server = spawn("npx", ["tsx", ...profileArgs, "app/server/main.ts"], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: dbUrl.toString(),
        DATABASE_POOL_MAX: String(POOL),
        SEED_DEMO: "false",
        PORT: String(port),
        APP_URL: baseUrl,
        // As in production (docker-compose.yml): every request is logged (to /dev/null here).
        LOG_LEVEL: "info",
        JOBS_ENABLED: "false",
        SMTP_URL: "",
        ...(profileMarker ? { BENCH_PROFILE_MARKER: profileMarker } : {}),
      },
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    });
    for (const deadline = Date.now() + 60_000; ; ) {
      try {
        if ((await fetch(`${baseUrl}/healthz`)).ok) break;
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) throw new Error("server did not start");
      await new Promise((r) => setTimeout(r, 300));
    }

    const slugUrl = `${baseUrl}/enquete/bench-woonvisie`;
    const headers = { "Content-Type": "application/x-www-form-urlencoded" };
    // Untimed: every respondent opens their personal link and starts (gets the resume cookie).
    const startAll = async (list: typeof codes) => {
      const out: string[] = [];
      for (let i = 0; i < list.length; i += 20) {
        const batch = await Promise.all(
          list.slice(i, i + 20).map(async (c) => {
            const res = await fetch(slugUrl, {
              method: "POST",
              headers,
              body: encode({ intent: "start", code: c.code }),
              redirect: "manual",
            });
            const cookie = res.headers.get("set-cookie")?.split(";")[0];
            if (res.status !== 302 || !cookie) throw new Error(`start failed: ${res.status}`);
            return cookie;
          }),
        );
        out.push(...batch);
      }
      return out;
    };
    const cookies = await startAll(codes);
    const doubleClickCookies = await startAll(doubleClickCodes);
    const pacedCookies = await startAll(pacedCodes);
    const randomCookies = await startAll(randomCodes);
    const form = encode({ intent: "submit", pagina: "0", ...answerForm(definition) });
    // Warm up the route module and connection pool with one extra request that is not counted.
    await fetch(slugUrl, { headers: { Cookie: cookies[0]! } });

    // Timed: all respondents press "Versturen" at once.
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    const submit = async (cookie: string) => {
      const t = performance.now();
      const res = await fetch(slugUrl, {
        method: "POST",
        headers: { ...headers, Cookie: cookie },
        body: form,
        redirect: "manual",
      });
      await res.arrayBuffer();
      latencies.push(performance.now() - t);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status !== 302 || !res.headers.get("location")?.endsWith("/bedankt"))
        throw new Error(`submit: ${res.status}`);
    };
    const serverGroup = server.pid!;
    const dbPids = new Set(
      (
        await sql<{ pid: number }[]>`
          select pid from pg_stat_activity
          where datname = current_database() and application_name = 'wij-maken-heemstede'`
      ).map((r) => r.pid),
    );
    const cpuNow = () => ({
      server: procCpuMs((_pid, group) => group === serverGroup),
      db: procCpuMs((pid) => dbPids.has(pid)),
      bench: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
    });
    if (profileMarker) fs.writeFileSync(profileMarker, "");
    const cpuBefore = cpuNow();
    const httpStart = performance.now();
    await Promise.all(cookies.map(submit));
    const httpWall = performance.now() - httpStart;
    const cpuAfter = cpuNow();
    if (profileMarker) fs.rmSync(profileMarker);
    const httpLatencies = [...latencies];
    // Untimed: DOUBLE_CLICKS more respondents press "Versturen" twice at the same moment.
    await Promise.all(doubleClickCookies.flatMap((c) => [submit(c), submit(c)]));
    // Paced: respondents who are answering at the same time do not all click in the same
    // millisecond; here their submits arrive evenly at PACED_RATE per second.
    latencies.length = 0;
    await Promise.all(
      pacedCookies.map(
        (c, i) =>
          new Promise<void>((resolve, reject) =>
            setTimeout(() => submit(c).then(resolve, reject), (i * 1000) / PACED_RATE),
          ),
      ),
    );
    const pacedLatencies = [...latencies];
    // Random arrivals: the same mean rate, but independent respondents (a Poisson process), so
    // submits sometimes bunch up.
    latencies.length = 0;
    let at = 0;
    const arrivals = poissonGaps(randomCookies.length, PACED_RATE).map((gap) => (at += gap * 1000));
    await Promise.all(
      randomCookies.map(
        (c, i) =>
          new Promise<void>((resolve, reject) =>
            setTimeout(() => submit(c).then(resolve, reject), arrivals[i]),
          ),
      ),
    );
    const randomLatencies = [...latencies];
    const accepted = 3 * RESPONDENTS + DOUBLE_CLICKS + countCodes.length;

    const [{ submitted } = { submitted: 0 }] = await sql<{ submitted: number }[]>`
      select count(*)::int as submitted from responses where survey_id = ${survey!.id} and status = 'submitted'`;
    const perResponse = await sql<{ n: number }[]>`
      select count(*)::int as n from answers a join responses r on r.id = a.response_id
      where r.survey_id = ${survey!.id} group by a.response_id`;
    const usedCodes = await sql<{ n: number }[]>`
      select count(*)::int as n from survey_codes where survey_id = ${survey!.id} and used_at is not null`;
    const rowsPerResponse = new Set(perResponse.map((r) => r.n));

    // Baseline: the same rows, inserted with postgres.js directly, same concurrency and pool size.
    const raw = answerForm(definition);
    const answerRows = listQuestions(definition).flatMap((q) => toRowsFor(q, raw));
    const baseLatencies: number[] = [];
    const baseStart = performance.now();
    await Promise.all(
      Array.from({ length: RESPONDENTS }, async () => {
        const t = performance.now();
        await sql.begin(async (tx) => {
          const id = randomUUID();
          await tx`insert into responses (id, survey_id, survey_version_id, channel, status)
                   values (${id}, ${survey!.id}, ${version!.id}, 'panel', 'in_progress')`;
          await tx`insert into answers ${tx(
            answerRows.map((r) => ({ response_id: id, survey_id: survey!.id, ...answerColumns(r) })),
          )}`;
          await tx`update responses set status = 'submitted', submitted_at = now() where id = ${id}`;
        });
        baseLatencies.push(performance.now() - t);
      }),
    );
    const baseWall = performance.now() - baseStart;

    const httpThroughput = (RESPONDENTS / httpWall) * 1000;
    const baseThroughput = (RESPONDENTS / baseWall) * 1000;
    const ratio = httpThroughput / baseThroughput;
    const js = surveyPageJs(root);
    const ok = (b: boolean) => (b ? "OK" : "NOT MET");
    const exactlyOnce = submitted === accepted && rowsPerResponse.size === 1 && usedCodes[0]!.n === accepted;

    console.log(
      `\nSurveys bench: ${RESPONDENTS} concurrent respondents, ${questionCount} questions, pool ${POOL}, ${os.cpus().length} CPUs`,
    );
    console.log(
      `  HTTP submits sent:           ${RESPONDENTS} at once (timed), ${DOUBLE_CLICKS} respondents clicking twice, ${RESPONDENTS} paced, ${RESPONDENTS} random (+${countCodes.length} in-process for counting); statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    console.log(
      `  responses stored:            ${submitted} of ${accepted}, answer rows per response ${[...rowsPerResponse].join("/")}, codes used ${usedCodes[0]!.n}  -> exactly once: ${ok(exactlyOnce)}`,
    );
    console.log(
      `  HTTP action   ${latencyLine(httpLatencies)}  wall ${ms(httpWall)}  ${httpThroughput.toFixed(0)} responses/s`,
    );
    console.log(
      `  postgres.js   ${latencyLine(baseLatencies)}  wall ${ms(baseWall)}  ${baseThroughput.toFixed(0)} responses/s`,
    );
    console.log(
      `  HTTP paced    ${latencyLine(pacedLatencies)}  (${RESPONDENTS} submits arriving evenly at ${PACED_RATE}/s)`,
    );
    console.log(
      `  HTTP random   ${latencyLine(randomLatencies)}  (${RESPONDENTS} submits, random (Poisson) arrivals at ${PACED_RATE}/s on average)`,
    );
    const perSubmit = (k: keyof typeof cpuBefore) => ms((cpuAfter[k] - cpuBefore[k]) / RESPONDENTS);
    console.log(
      `  CPU per submit in the burst: server ${perSubmit("server")}, its DB connections ${perSubmit("db")}, bench clients ${perSubmit("bench")} (${dbPids.size} connections); SQL statements per submit ${[...new Set(submitStatements)].join("/")}`,
    );
    console.log(
      `  p95 submit latency target < 150 ms: all ${RESPONDENTS} at once ${ms(p95(httpLatencies))} -> ${ok(p95(httpLatencies) < 150)}; ${RESPONDENTS} arriving at ${PACED_RATE}/s ${ms(p95(pacedLatencies))} -> ${ok(p95(pacedLatencies) < 150)}; random arrivals ${ms(p95(randomLatencies))} -> ${ok(p95(randomLatencies) < 150)}`,
    );
    console.log(
      `  throughput ratio HTTP / direct: ${ratio.toFixed(2)} (target >= 0.25) -> ${ok(ratio >= 0.25)}`,
    );
    console.log(
      `  survey page JavaScript: ${(js.shell.bytes / 1024).toFixed(1)} KB gzipped in ${js.shell.files.length} files (target <= 90 KB, tests/unit/survey-page-size.test.ts) -> ${ok(js.shell.bytes <= 90 * 1024)}`,
    );
    console.log(
      `  with every question type's module: ${(js.everyType.bytes / 1024).toFixed(1)} KB (target <= 100 KB) -> ${ok(js.everyType.bytes <= 100 * 1024)}`,
    );
  } finally {
    if (server?.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    await sql.end();
    await new Promise((r) => setTimeout(r, 500));
    await database.drop();
  }
}

function toRowsFor(q: Question, raw: Record<string, string | string[]>) {
  const result = validateQuestion(q, raw);
  if (!result.value) throw new Error(`bench form invalid for ${q.key}: ${result.error}`);
  const value = result.value.kind === "postcode" ? { ...result.value, wijk: "DEMO02" } : result.value;
  return toRows(q, value);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
