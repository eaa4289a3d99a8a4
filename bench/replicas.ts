// `npm run bench:replicas` (issue 12, point 13): two app servers (A and B, the built app as in
// production, JOBS_ENABLED=false) and one worker (`npm run worker`) on ONE PostgreSQL on this machine,
// started at the same moment on an empty database. It shows that what the docs promise for several
// servers holds: demo data loaded once; a login on A is a session on B and a logout on B ends it on A;
// rate limits are exact over both servers (N parallel requests against a limit of L let exactly L
// through); survey submits, also double clicks sent to A and B at once, give 0 duplicates and 0 lost;
// a kill -9 of server A in the middle of a burst of submits loses no submit that got an answer (every
// 2xx/3xx-answered submit is in the database), and the submits that got no answer succeed on B;
// panel invitations through the worker arrive exactly once. Prints a table, and a ratio of the burst's
// submits/s over two servers against one server in the same run (the baseline).
//
// Uses BENCH_DATABASE_URL, TEST_DATABASE_URL or DATABASE_URL (a server: a fresh database is created
// and dropped), or an embedded PostgreSQL. BENCH_RESPONDENTS (default 300) sets the burst size.
import { type ChildProcess, execSync, spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchDatabase } from "./database";

const RESPONDENTS = Number(process.env.BENCH_RESPONDENTS ?? 300);
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 2000);
const CONCURRENCY = 20;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

interface Row {
  check: string;
  expected: string;
  measured: string;
  ok: boolean;
}
const rows: Row[] = [];
function record(check: string, expected: string, measured: string, ok: boolean) {
  rows.push({ check, expected, measured, ok });
  process.stdout.write(`${ok ? "PASS" : "FAIL"}  ${check}: ${measured} (expected ${expected})\n`);
}

/** Run `fn` over `items` with at most `limit` in flight. */
async function pool<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}

async function main() {
  execSync("npx tsx app/cli/build-if-needed.ts", { cwd: root, stdio: "inherit" });
  const { startAppServer } = await import("../tests/support/app-server");
  const { startSmtpSink } = await import("../tests/support/smtp-sink");

  const database = await benchDatabase("wmh_repl", { migrate: false });
  const sink = await startSmtpSink({ keepRaw: false });
  const shared = {
    SEED_DEMO: "true",
    JOBS_ENABLED: "false",
    // Every bench "visitor" has its own address in X-Forwarded-For, as behind a load balancer.
    TRUST_PROXY: "true",
    SMTP_URL: sink.url,
    DATABASE_POOL_MAX: "10",
  };
  Object.assign(process.env, {
    DATABASE_URL: database.url,
    SMTP_URL: sink.url,
    PANEL_MAILS_PER_MINUTE: "0",
    LOG_LEVEL: "warn",
    SEED_DEMO: "false",
  });

  process.stdout.write(
    `Replicas bench: 2 app servers + 1 worker on one PostgreSQL; load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}\n`,
  );
  // Both servers start at the same moment on an empty database: migrations and demo data race.
  const [a, b] = await Promise.all([
    startAppServer(database.url, shared),
    startAppServer(database.url, shared),
  ]);
  let worker: ChildProcess | undefined;
  const { getDb, closeDb } = await import("../app/lib/db.server");
  const { stopJobs } = await import("../app/lib/jobs.server");
  try {
    worker = spawn(process.execPath, ["--import", "tsx", "app/cli/worker.ts"], {
      cwd: root,
      env: { ...process.env, ...shared, LOG_LEVEL: "info", NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve, reject) => {
      worker!.stdout!.on("data", (c: Buffer) => c.toString().includes("worker started") && resolve());
      worker!.once("exit", (code) => reject(new Error(`worker exited with ${code}`)));
    });
    await run({ a, b, getDb });
  } finally {
    worker?.kill("SIGTERM");
    await a.stop();
    await b.stop();
    await stopJobs().catch(() => {});
    await closeDb();
    await sink.close();
    await database.drop();
  }
  const width = Math.max(...rows.map((r) => r.check.length));
  process.stdout.write(`\n${"check".padEnd(width)} | expected | measured | result\n`);
  for (const r of rows)
    process.stdout.write(
      `${r.check.padEnd(width)} | ${r.expected} | ${r.measured} | ${r.ok ? "PASS" : "FAIL"}\n`,
    );
  const ok = rows.every((r) => r.ok);
  process.stdout.write(
    `summary   ${rows.filter((r) => r.ok).length}/${rows.length} checks: ${ok ? "PASS" : "FAIL"}; load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}\n`,
  );
  process.exitCode = ok ? 0 : 1;

  async function run({
    a,
    b,
    getDb,
  }: {
    a: { baseUrl: string; kill(): void };
    b: { baseUrl: string };
    getDb: typeof import("../app/lib/db.server").getDb;
  }) {
    const { sql } = await import("drizzle-orm");
    const schema = await import("../db/schema");
    const { demoLogins, DEMO_PASSWORD } = await import("../db/seed");
    const { fieldName } = await import("../app/domain/surveys/answers");
    const { createPersonalCodes } = await import("../app/domain/surveys/codes.server");
    const { createCampaign, queueCampaign } = await import("../app/domain/panel/campaign-queue.server");
    const { getBoss } = await import("../app/lib/jobs.server");
    const db = getDb();
    const count = async (query: ReturnType<typeof sql>) =>
      Number((await db.execute<{ n: number }>(query))[0]?.n ?? 0);

    type Answer = { status: number; location: string | null; cookie: string | null };
    const post = async (
      base: string,
      url: string,
      form: Record<string, string>,
      ip: string,
      cookie?: string,
    ) => {
      const res = await fetch(`${base}${url}`, {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Origin: base,
          "X-Forwarded-For": ip,
          ...(cookie ? { Cookie: cookie } : {}),
        },
        body: new URLSearchParams(form),
        redirect: "manual",
      });
      await res.arrayBuffer();
      return {
        status: res.status,
        location: res.headers.get("location"),
        cookie: res.headers.get("set-cookie")?.split(";")[0] ?? null,
      } satisfies Answer;
    };
    const get = async (base: string, url: string, cookie: string) => {
      const res = await fetch(`${base}${url}`, { headers: { Cookie: cookie }, redirect: "manual" });
      await res.arrayBuffer();
      return res.status;
    };
    const servers = [a.baseUrl, b.baseUrl];
    // Addresses are only header values (X-Forwarded-For), never contacted.
    let nextIp = 0;
    const ip = () => `127.1.${Math.floor(++nextIp / 250)}.${(nextIp % 250) + 1}`;

    // 1. Demo data once, although both servers migrated and seeded at the same moment.
    const demoStaff = await count(
      sql`select count(*)::int as n from ${schema.staffUsers} where email like '%@demo.wijmakenheemstede.nl'`,
    );
    record(
      "simultaneous start: demo staff users",
      `${demoLogins.length}`,
      `${demoStaff}`,
      demoStaff === demoLogins.length,
    );

    // 2. A login on A is a session on B; a logout on B ends it on A.
    const ambtenaar = demoLogins.find(
      (l) => l.roles.includes("ambtenaar") && !l.roles.includes("beheerder"),
    )!;
    // One after the other: parallel logins of one account meet its growing delay (by design).
    const logins = await pool(
      Array.from({ length: 20 }, (_, i) => i),
      1,
      async (i) => {
        const from = servers[i % 2]!;
        const other = servers[(i + 1) % 2]!;
        const res = await post(
          from,
          "/beheer/inloggen",
          { email: ambtenaar.email, password: DEMO_PASSWORD },
          ip(),
        );
        const cookie = res.cookie ?? "";
        const onOther = res.status === 302 && cookie ? await get(other, "/beheer", cookie) : 0;
        return { logged: res.status === 302 && !!cookie, onOther, cookie, from, other };
      },
    );
    const works = logins.filter((l) => l.logged && l.onOther === 200).length;
    record("login on one server, session used on the other", "20 / 20", `${works} / 20`, works === 20);
    const first = logins[0]!;
    const out = await post(first.other, "/beheer/uitloggen", {}, ip(), first.cookie);
    const afterLogout = await get(first.from, "/beheer", first.cookie);
    record(
      "logout on one server ends the session on the other",
      "302 to login",
      `logout ${out.status}, then ${afterLogout}`,
      afterLogout === 302,
    );

    // 3. Rate limits: N parallel requests over both servers against a limit of L let exactly L through.
    const limitCheck = async (
      name: string,
      n: number,
      limit: number,
      send: (server: string, i: number) => Promise<Answer>,
    ) => {
      const answers = await Promise.all(Array.from({ length: n }, (_, i) => send(servers[i % 2]!, i)));
      const refused = answers.filter((r) => r.status === 429).length;
      const other = answers.filter((r) => r.status >= 500 || r.status === 0).length;
      record(
        `${name}: ${n} parallel over A+B, limit ${limit}`,
        `${limit} through, ${n - limit} × 429`,
        `${n - refused} through, ${refused} × 429${other ? `, ${other} errors` : ""}`,
        refused === n - limit && other === 0,
      );
    };
    const loginIp = ip();
    await limitCheck("wrong logins from one address (address limit)", 40, 30, (s, i) =>
      post(
        s,
        "/beheer/inloggen",
        { email: `niemand${i}@bench.test`, password: "fout-wachtwoord-123" },
        loginIp,
      ),
    );
    const accountIp = ip();
    const { LOGIN_FREE_ATTEMPTS } = await import("../app/domain/auth/policy");
    // The account's growing delay (over all addresses) binds first: exactly its free attempts pass.
    await limitCheck("wrong passwords for one account (account delay)", 20, LOGIN_FREE_ATTEMPTS, (s) =>
      post(
        s,
        "/beheer/inloggen",
        { email: "beheerder@demo.wijmakenheemstede.nl", password: "fout-wachtwoord-123" },
        accountIp,
      ),
    );

    const [survey] = await db
      .insert(schema.surveys)
      .values({ slug: "bench-replicas", title: "Bench", status: "published", accessMode: "code" })
      .returning();
    const definition = {
      title: "Bench",
      intro: "",
      pages: [
        {
          key: "vragen",
          title: "Vragen",
          kind: "questions",
          blocks: [],
          questions: [
            {
              key: "idee",
              type: "open",
              text: "Wat is uw idee?",
              required: true,
              maxLength: 1000,
              multiline: true,
            },
          ],
        },
      ],
    };
    const { surveyDefinitionSchema } = await import("../app/domain/surveys/definition");
    await db.insert(schema.surveyVersions).values({
      surveyId: survey!.id,
      version: 1,
      definition: surveyDefinitionSchema.parse(definition),
      publishedAt: new Date(),
    });
    const codeIp = ip();
    await limitCheck("wrong survey codes from one address", 30, 20, (s, i) =>
      post(s, "/enquete/bench-replicas", { intent: "start", code: `FOUT-${i}` }, codeIp),
    );
    const contactIp = ip();
    await limitCheck("contact form from one address", 12, 5, (s, i) =>
      post(
        s,
        "/contact",
        { name: "Bench", email: `bench${i}@bench.test`, subject: "bench-replicas", message: "Een vraag." },
        contactIp,
      ),
    );
    const contacts = await count(
      sql`select count(*)::int as n from ${schema.contactMessages} where subject = 'bench-replicas'`,
    );
    record("contact messages stored", "5", `${contacts}`, contacts === 5);

    // 4. Survey submits: start on one server, submit on the other; a third of them double-clicked on
    // A and B at the same moment.
    const codes = await createPersonalCodes(survey!.id, 2 * RESPONDENTS + 60, "panel", db);
    const start = async (code: string, i: number) => {
      const res = await post(servers[i % 2]!, "/enquete/bench-replicas", { intent: "start", code }, ip());
      if (res.status !== 302 || !res.cookie) throw new Error(`start: ${res.status}`);
      return res.cookie;
    };
    const submitForm = (marker: string) => ({
      intent: "submit",
      pagina: "0",
      [fieldName("idee")]: `Antwoord ${marker} over wonen`,
    });
    const accepted = (r: Answer) => r.status >= 200 && r.status < 400 && r.status !== 0;
    const markersIn = async (prefix: string) =>
      db.execute<{ marker: string; n: number }>(sql`
        select substring(a.value_text from 'Antwoord (\\S+) over') as marker, count(*)::int as n
          from ${schema.answers} a join ${schema.responses} r on r.id = a.response_id
         where a.survey_id = ${survey!.id} and r.status = 'submitted' and a.value_text like ${`Antwoord ${prefix}-%`}
         group by 1`);

    const doubleCodes = codes.slice(0, 60);
    const doubleCookies = await pool(doubleCodes, CONCURRENCY, (c, i) => start(c.code, i));
    const doubleAnswers = await pool(doubleCookies, 10, async (cookie, i) => {
      const form = submitForm(`dubbel-${i}`);
      return Promise.all(servers.map((s) => post(s, "/enquete/bench-replicas", form, ip(), cookie)));
    });
    const doubleRows = await markersIn("dubbel");
    const doubleDup = doubleRows.filter((r) => r.n > 1).length;
    const doubleErrors = doubleAnswers.flat().filter((r) => !accepted(r)).length;
    record(
      "double-clicked submits (same response to A and B at once)",
      "60 stored, 0 duplicates, 0 errors",
      `${doubleRows.length} stored, ${doubleDup} duplicates, ${doubleErrors} errors`,
      doubleRows.length === 60 && doubleDup === 0 && doubleErrors === 0,
    );

    // Baseline: a burst of submits to ONE server (B).
    const half = Math.floor(RESPONDENTS / 2);
    const baseCookies = await pool(codes.slice(60, 60 + half), CONCURRENCY, (c, i) => start(c.code, i));
    let t0 = performance.now();
    await pool(baseCookies, CONCURRENCY, (cookie, i) =>
      post(b.baseUrl, "/enquete/bench-replicas", submitForm(`een-${i}`), ip(), cookie),
    );
    const oneServerRate = baseCookies.length / ((performance.now() - t0) / 1000);

    // The burst over A and B with a kill -9 of A after a third of the answers.
    const burstCookies = await pool(codes.slice(60 + half, 60 + half + RESPONDENTS), CONCURRENCY, (c, i) =>
      start(c.code, i),
    );
    let answered = 0;
    let killedAt = -1;
    t0 = performance.now();
    const burst = await pool(burstCookies, CONCURRENCY, async (cookie, i) => {
      const server = servers[i % 2]!;
      let res: Answer;
      try {
        res = await post(server, "/enquete/bench-replicas", submitForm(`burst-${i}`), ip(), cookie);
      } catch {
        res = { status: 0, location: null, cookie: null };
      }
      if (++answered === Math.floor(RESPONDENTS / 3)) {
        killedAt = answered;
        a.kill();
      }
      return { i, cookie, res };
    });
    const burstSeconds = (performance.now() - t0) / 1000;
    const okOnes = burst.filter((x) => accepted(x.res));
    const failed = burst.filter((x) => x.res.status === 0);
    const refused = burst.filter((x) => x.res.status !== 0 && !accepted(x.res)).length;
    const stored = new Map((await markersIn("burst")).map((r) => [r.marker, r.n]));
    const lost = okOnes.filter((x) => !stored.has(`burst-${x.i}`)).length;
    record(
      `kill -9 of A after ${killedAt} of ${RESPONDENTS} answered submits`,
      "every answered submit stored (0 lost), 0 refused",
      `${okOnes.length} answered 2xx/3xx, ${lost} of them lost; ${failed.length} without answer (A gone); ${refused} refused`,
      lost === 0 && refused === 0 && killedAt > 0 && okOnes.length > 0,
    );
    // What a load balancer does: the ones without an answer go to B.
    const retried = await pool(failed, CONCURRENCY, (x) =>
      post(b.baseUrl, "/enquete/bench-replicas", submitForm(`burst-${x.i}`), ip(), x.cookie),
    );
    const after = await markersIn("burst");
    const dup = after.filter((r) => r.n > 1).length;
    record(
      "those without an answer sent again to B",
      `${RESPONDENTS} stored, 0 duplicates`,
      `${after.length} stored, ${dup} duplicates, retries ${retried.filter(accepted).length}/${failed.length} answered`,
      after.length === RESPONDENTS && dup === 0,
    );
    const burstRate = RESPONDENTS / burstSeconds;
    record(
      "submits/s: burst over A+B (A killed) vs one server",
      "reported",
      `${burstRate.toFixed(0)}/s vs ${oneServerRate.toFixed(0)}/s, ratio ${(burstRate / oneServerRate).toFixed(2)}`,
      true,
    );
    const survivor = await get(b.baseUrl, "/healthz", "");
    record("server B after A was killed", "200 on /healthz", `${survivor}`, survivor === 200);

    // 5. Panel invitations through the worker: each member exactly once.
    const year = new Date().getUTCFullYear();
    for (let s = 0; s < MEMBERS; s += 1000)
      await db.insert(schema.panelMembers).values(
        Array.from({ length: Math.min(1000, MEMBERS - s) }, (_, j) => ({
          email: `lid${s + j}@bench.test`,
          status: "active" as const,
          birthYear: year - 18 - ((s + j) % 70),
          postcode: "2101",
          household: "paar" as const,
          tenure: "koop" as const,
        })),
      );
    const before = sink.messages.length;
    const campaignId = await createCampaign(
      { id: null as unknown as string, email: "bench@localhost" },
      {
        name: "Replicas",
        surveyId: survey!.id,
        mode: "all",
        targetCompletes: null,
        expectedResponseRate: null,
        subject: "Uw mening",
        message: "Wij horen graag wat u vindt.",
        scheduledAt: null,
        reminderAfterDays: 7,
        maxReminders: 0,
      },
    );
    const queued = await queueCampaign(campaignId);
    await (await getBoss()).send("panel-deliver", {});
    const p0 = performance.now();
    for (const end = Date.now() + 600_000; Date.now() < end; ) {
      const open = await count(sql`select count(*)::int as n from ${schema.panelInvitations}
        where campaign_id = ${campaignId} and status in ('queued', 'sending')`);
      if (open === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 1000));
    const perRecipient = new Map<string, number>();
    for (const m of sink.messages.slice(before))
      for (const to of m.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    const panelDup = [...perRecipient.values()].filter((n) => n > 1).length;
    const panelLost = queued - perRecipient.size;
    record(
      `panel invitations through the worker (${queued} queued)`,
      "0 lost, 0 duplicates",
      `${panelLost} lost, ${panelDup} duplicates, ${((performance.now() - p0) / 1000).toFixed(1)} s`,
      panelLost === 0 && panelDup === 0,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
