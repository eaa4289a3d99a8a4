// `npm run bench:informed`: 10,000 followers' digest through the digipanel's delivery path
// (app/domain/panel/bulk-delivery.server.ts, deliverBulkQueue) to a local SMTP sink, with a kill -9 of the
// worker at a random moment and a second worker started. Targets (issue 14): 0 lost, no repeat
// beyond the messages in flight at the kill (same Message-ID), total under 60 s. Prints
// delivered/sec as a ratio against a plain nodemailer loop (as bench/panel.ts), in the same run.
//
// Uses BENCH_DATABASE_URL, TEST_DATABASE_URL or DATABASE_URL (a fresh database is created and dropped).
import { randomBytes } from "node:crypto";
import { log, mailBench, waitFor } from "./support";

const FOLLOWERS = Number(process.env.BENCH_FOLLOWERS ?? 10_000);
/** The baseline loop sends this many (a rate; on a loaded machine 10,000 would take minutes). */
const BASELINE = Number(process.env.BENCH_BASELINE ?? 1_000);

async function main() {
  const bench = await mailBench();
  const { sink } = bench;
  const { getDb } = await import("../app/lib/db.server");
  const { getEnv } = await import("../app/lib/env.server");
  const { followers, events, informedMails } = await import("../db/schema");
  const { queueDigests } = await import("../app/domain/informed/digest.server");
  const { withUnsubscribe } = await import("../app/domain/informed/mails");
  const { createPanelTransport } = await import("../app/domain/panel/delivery.server");
  const { getBoss } = await import("../app/lib/jobs.server");
  const { sql } = await import("drizzle-orm");
  const db = getDb();
  try {
    log(`Informed bench: ${FOLLOWERS} followers, ${getEnv().PANEL_SMTP_CONNECTIONS} SMTP connections`);
    // A fixed digest moment after 08:00 Amsterdam; the bijeenkomst was announced the day before.
    const now = new Date();
    const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 11));
    for (let start = 0; start < FOLLOWERS; start += 2000)
      await db.insert(followers).values(
        Array.from({ length: Math.min(2000, FOLLOWERS - start) }, (_, j) => ({
          email: `volger${start + j}@bench.test`,
          status: "active" as const,
          wholeSite: true,
          digestUntil: new Date(at.getTime() - 2 * 86_400_000),
        })),
      );
    await db.insert(events).values({
      title: "Bewonersavond Woonvisie",
      startsAt: new Date(at.getTime() + 14 * 86_400_000),
      endsAt: new Date(at.getTime() + 14 * 86_400_000 + 7_200_000),
      address: "Raadhuisplein 1, Heemstede",
      capacity: 80,
      registrationDeadline: new Date(at.getTime() + 13 * 86_400_000),
      createdAt: new Date(at.getTime() - 86_400_000),
    });

    // Baseline: the same kind of mail, straight through nodemailer in a loop over one connection.
    const baseline = createPanelTransport(sink.url, 1);
    const t0 = performance.now();
    for (let i = 0; i < BASELINE; i++) {
      const mail = withUnsubscribe(
        {
          to: `volger${i}@bench.test`,
          subject: "Nieuw op Wij maken Heemstede: Bewonersavond Woonvisie",
          paragraphs: [
            "Beste lezer,",
            "Nieuwe bijeenkomsten:\n- Bewonersavond Woonvisie\n  http://localhost:3000/bijeenkomsten/1",
          ],
          kind: "follower.digest",
          messageId: `<baseline-${i}@localhost>`,
        },
        `http://localhost:3000/blijf-op-de-hoogte/afmelden/${randomBytes(32).toString("base64url")}`,
      );
      await baseline.sendMail({ from: getEnv().MAIL_FROM, ...mail });
    }
    const baselineSeconds = (performance.now() - t0) / 1000;
    baseline.close();
    const baselineRate = BASELINE / baselineSeconds;
    log(
      `baseline  nodemailer loop: ${BASELINE} in ${baselineSeconds.toFixed(2)} s = ${baselineRate.toFixed(0)}/s`,
    );
    sink.messages.length = 0;

    let recovered = 0;
    const startWorker = () => bench.startWorker((rows) => (recovered += rows));
    const first = await startWorker();
    const boss = await getBoss();

    const total0 = performance.now();
    const q0 = performance.now();
    const queued = await queueDigests(db, at);
    const queueSeconds = (performance.now() - q0) / 1000;
    log(`queue     ${queued} digests in ${queueSeconds.toFixed(2)} s`);

    const d0 = performance.now();
    await boss.send("informed-deliver", {});
    // Kill at a random moment between 10% and 90% delivered.
    const killAt = Math.floor(queued * (0.1 + Math.random() * 0.8));
    await waitFor(() => sink.messages.length >= killAt, 120_000, 10);
    const killSeconds = (performance.now() - d0) / 1000;
    first.kill("SIGKILL");
    await new Promise((r) => first.once("exit", r));
    const atKill = sink.messages.length;
    const [flight] = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from ${informedMails} where status = 'sending'`,
    );
    const inFlight = flight?.n ?? 0;
    log(
      `kill -9   worker ${first.pid} after ${atKill} delivered at ${killSeconds.toFixed(2)} s (target ${killAt}); ${inFlight} rows claimed ("sending")`,
    );
    const r0 = performance.now();
    await startWorker();
    log(`restart   second worker ready after ${((performance.now() - r0) / 1000).toFixed(2)} s`);
    await boss.send("informed-deliver", {});
    const open = async () => {
      const [r] = await db.execute<{ n: number }>(
        sql`select count(*)::int as n from ${informedMails} where status in ('queued', 'sending')`,
      );
      return r?.n ?? 0;
    };
    for (let i = 0; i < 1200; i++) {
      if (sink.messages.length >= queued && (await open()) === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const deliverSeconds = (performance.now() - d0) / 1000;
    const totalSeconds = (performance.now() - total0) / 1000;
    await new Promise((r) => setTimeout(r, 500));

    const perId = new Map<string, number>();
    for (const m of sink.messages) perId.set(m.messageId ?? "?", (perId.get(m.messageId ?? "?") ?? 0) + 1);
    const repeats = [...perId.values()].reduce((a, n) => a + (n - 1), 0);
    const recipients = new Set(sink.messages.flatMap((m) => m.to));
    const lost = queued - recipients.size;
    const [status] = await db.execute<{ sent: number; other: number }>(sql`
      select count(*) filter (where status = 'sent')::int as sent, count(*) filter (where status <> 'sent')::int as other
        from ${informedMails}`);
    const rate = recipients.size / deliverSeconds;
    log(
      `deliver   ${recipients.size} unique in ${deliverSeconds.toFixed(2)} s incl. kill and restart; total ${totalSeconds.toFixed(2)} s (target < 60 s)`,
    );
    log(`recover   ${recovered} rows of the killed worker went back to the queue`);
    log(
      `check     lost ${lost}, repeats (same Message-ID) ${repeats} (allowed: ≤ ${inFlight} in flight), rows sent ${status?.sent}, not sent ${status?.other}`,
    );
    log(
      `result    ${rate.toFixed(0)}/s vs baseline ${baselineRate.toFixed(0)}/s: ratio ${(rate / baselineRate).toFixed(2)}`,
    );
    const ok = lost === 0 && repeats <= inFlight && totalSeconds < 60 && (status?.other ?? 1) === 0;
    log(ok ? "PASS" : "FAIL");
    process.exitCode = ok ? 0 : 1;
  } finally {
    await bench.stop();
  }
}

main()
  .then(() => process.exit(process.exitCode ?? 0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
