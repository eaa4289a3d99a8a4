// `npm run bench:panel`: 10,000 panel members, one campaign, a local SMTP sink (smtp-server).
// Targets (issue 7): queued in < 5 s; delivered unthrottled in < 60 s with zero duplicates and
// zero losses, including a kill -9 of the worker halfway. Prints delivered/sec against a baseline
// that sends the same messages straight through nodemailer in a loop, in the same run.
//
// Uses TEST_DATABASE_URL or DATABASE_URL (a server; a fresh database is created and dropped), or an
// embedded PostgreSQL when neither is set.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 10_000);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function log(line: string) {
  process.stdout.write(`${line}\n`);
}

async function main() {
  const { startSmtpSink } = await import("../tests/support/smtp-sink");
  const { createScratchDatabase } = await import("../app/server/scratch-db");
  const { migrateDatabase } = await import("../app/server/migrate");

  const database = await createScratchDatabase("wmh_bench", [
    process.env.BENCH_DATABASE_URL,
    process.env.TEST_DATABASE_URL,
    process.env.DATABASE_URL,
  ]);
  const databaseUrl = database.url;
  await migrateDatabase(databaseUrl);

  const sink = await startSmtpSink({ keepRaw: false });
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    SMTP_URL: sink.url,
    PANEL_MAILS_PER_MINUTE: "0",
    APP_URL: "http://localhost:3000",
    LOG_LEVEL: "warn",
    SEED_DEMO: "false",
  });
  const { getDb, closeDb } = await import("../app/lib/db.server");
  const { getEnv } = await import("../app/lib/env.server");
  const { seedWijken } = await import("../db/seed/wijken");
  const { panelMembers, surveys, panelInvitations } = await import("../db/schema");
  const { createCampaign, queueCampaign } = await import("../app/domain/panel/campaigns.server");
  const { invitationMail } = await import("../app/domain/panel/mails");
  const { createPanelTransport } = await import("../app/domain/panel/delivery.server");
  const { getBoss, stopJobs } = await import("../app/lib/jobs.server");
  const { sql } = await import("drizzle-orm");
  const db = getDb();

  const workers: ChildProcess[] = [];
  try {
    log(
      `Digipanel bench: ${MEMBERS} members, SMTP sink ${sink.url}, ${getEnv().PANEL_SMTP_CONNECTIONS} SMTP connections`,
    );
    await seedWijken(db);
    const [survey] = await db
      .insert(surveys)
      .values({ slug: "bench", title: "Bench", status: "published", accessMode: "code" })
      .returning();
    const year = new Date().getUTCFullYear();
    const postcodes = ["2101", "2102", "2103", "2104", "2105", "2106"];
    for (let start = 0; start < MEMBERS; start += 2000) {
      await db.insert(panelMembers).values(
        Array.from({ length: Math.min(2000, MEMBERS - start) }, (_, j) => {
          const i = start + j;
          return {
            email: `lid${i}@bench.test`,
            status: "active" as const,
            birthYear: year - 18 - (i % 70),
            postcode: postcodes[i % 6]!,
            wijkCode: `DEMO0${(i % 6) + 1}`,
            household: "paar" as const,
            tenure: "koop" as const,
          };
        }),
      );
    }

    // Baseline: the same messages, straight through nodemailer in a loop, one message after the
    // other over one connection (with TCP_NODELAY too: without it nodemailer manages ~7/s here).
    const baseline = createPanelTransport(sink.url, 1);
    const t0 = performance.now();
    for (let i = 0; i < MEMBERS; i++) {
      const mail = invitationMail({
        to: `lid${i}@bench.test`,
        subject: "Uw mening over wonen",
        message: "Wij horen graag wat u vindt.",
        surveyLink: `http://localhost:3000/enquete/bench?code=ABCD-EFGH-JKM${i % 10}`,
        unsubscribeLink: `http://localhost:3000/digipanel/afmelden/${randomBytes(32).toString("base64url")}`,
        reminder: 0,
        messageId: `<baseline-${i}@localhost>`,
      });
      await baseline.sendMail({ from: getEnv().MAIL_FROM, ...mail });
    }
    const baselineSeconds = (performance.now() - t0) / 1000;
    baseline.close();
    const baselineRate = MEMBERS / baselineSeconds;
    log(
      `baseline  nodemailer loop: ${MEMBERS} in ${baselineSeconds.toFixed(2)} s = ${baselineRate.toFixed(0)}/s`,
    );
    sink.messages.length = 0;

    let recovered = 0;
    // Start the worker (the real `npm run worker` entry point) before queueing, as in production.
    const startWorker = () =>
      new Promise<ChildProcess>((resolve, reject) => {
        const child = spawn(process.execPath, ["--import", "tsx", "app/cli/worker.ts"], {
          cwd: root,
          env: { ...process.env, LOG_LEVEL: "info", NODE_ENV: "production" },
          stdio: ["ignore", "pipe", "inherit"],
        });
        workers.push(child);
        child.stdout!.on("data", (chunk: Buffer) => {
          const text = chunk.toString();
          if (text.includes("worker started")) resolve(child);
          for (const m of text.matchAll(/"recovered":(\d+)/g)) recovered += Number(m[1]);
        });
        child.on("exit", (code) => reject(new Error(`worker exited with ${code}`)));
      });
    await startWorker();
    const boss = await getBoss();

    const staff = { id: null as unknown as string, email: "bench@localhost" };
    const q0 = performance.now();
    const campaignId = await createCampaign(staff, {
      name: "Bench",
      surveyId: survey!.id,
      mode: "all",
      targetCompletes: null,
      expectedResponseRate: null,
      subject: "Uw mening over wonen",
      message: "Wij horen graag wat u vindt.",
      scheduledAt: null,
      reminderAfterDays: 7,
      maxReminders: 0,
    });
    const queued = await queueCampaign(campaignId);
    const queueSeconds = (performance.now() - q0) / 1000;
    log(`queue     ${queued} invitations with personal codes in ${queueSeconds.toFixed(2)} s (target < 5 s)`);

    const d0 = performance.now();
    await boss.send("panel-deliver", {});
    const waitFor = async (done: () => boolean, timeoutMs: number) => {
      const end = Date.now() + timeoutMs;
      while (!done() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    };
    await waitFor(() => sink.messages.length >= queued / 2, 120_000);
    const first = workers[0]!;
    first.kill("SIGKILL");
    const atKill = sink.messages.length;
    const steadyRate = atKill / ((performance.now() - d0) / 1000);
    log(`kill -9   worker ${first.pid} after ${atKill} delivered`);
    await new Promise((r) => first.once("exit", r));
    await startWorker();
    await boss.send("panel-deliver", {});
    const open = async () => {
      const [r] = await db.execute<{ n: number }>(
        sql`select count(*)::int as n from ${panelInvitations} where status in ('queued', 'sending')`,
      );
      return r?.n ?? 0;
    };
    for (let i = 0; i < 1200; i++) {
      if (sink.messages.length >= queued && (await open()) === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const deliverSeconds = (performance.now() - d0) / 1000;
    await new Promise((r) => setTimeout(r, 500));

    const perRecipient = new Map<string, number>();
    for (const m of sink.messages)
      for (const to of m.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    const duplicates = [...perRecipient.values()].reduce((a, n) => a + (n - 1), 0);
    const losses = queued - perRecipient.size;
    const [status] = await db.execute<{ sent: number; other: number }>(sql`
      select count(*) filter (where status = 'sent')::int as sent, count(*) filter (where status <> 'sent')::int as other
        from ${panelInvitations}`);
    const rate = perRecipient.size / deliverSeconds;
    log(
      `deliver   ${perRecipient.size} unique in ${deliverSeconds.toFixed(2)} s including the kill and restart (target < 60 s)`,
    );
    log(`recover   ${recovered} rows claimed by the killed worker went back to the queue`);
    log(
      `check     duplicates ${duplicates}, losses ${losses}, rows sent ${status?.sent}, rows not sent ${status?.other}`,
    );
    log(
      `result    ${rate.toFixed(0)}/s vs baseline ${baselineRate.toFixed(0)}/s: ratio ${(rate / baselineRate).toFixed(2)}`,
    );
    log(
      `          before the kill: ${steadyRate.toFixed(0)}/s, ratio ${(steadyRate / baselineRate).toFixed(2)} (one worker, ${getEnv().PANEL_SMTP_CONNECTIONS} SMTP connections)`,
    );
    const ok = queueSeconds < 5 && deliverSeconds < 60 && duplicates === 0 && losses === 0;
    log(ok ? "PASS" : "FAIL");
    process.exitCode = ok ? 0 : 1;
  } finally {
    for (const w of workers) if (w.exitCode === null) w.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1000));
    await stopJobs().catch(() => {});
    await closeDb();
    await sink.close();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
