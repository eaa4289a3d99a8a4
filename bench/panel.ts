// `npm run bench:panel`: 10,000 panel members, a local SMTP sink (smtp-server), five campaigns in a
// row, each with a kill -9 of the worker at a random moment and an immediate restart.
// Targets (issues 7 and 12), per run: zero invitations lost; delivered unthrottled in < 60 s
// including the kill; repeated messages at most one per SMTP connection, each with the Message-ID
// of the first; the restarted worker resumes within seconds; queued in < 5 s. Prints delivered/sec
// against a baseline that sends the same messages straight through nodemailer in a loop.
//
// Uses TEST_DATABASE_URL or DATABASE_URL (a server; a fresh database is created and dropped), or an
// embedded PostgreSQL when neither is set.
import { randomBytes } from "node:crypto";
import { log, mailBench, waitFor } from "./support";

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

async function main() {
  const bench = await mailBench();
  const { sink } = bench;
  const { getDb } = await import("../app/lib/db.server");
  const { getEnv } = await import("../app/lib/env.server");
  const { seedWijken } = await import("../db/seed/wijken");
  const { panelMembers, surveys, panelInvitations } = await import("../db/schema");
  const { createCampaign, queueCampaign } = await import("../app/domain/panel/campaign-queue.server");
  const { invitationMail } = await import("../app/domain/panel/mails");
  const { createPanelTransport } = await import("../app/domain/panel/delivery.server");
  const { getBoss } = await import("../app/lib/jobs.server");
  const { sql } = await import("drizzle-orm");
  const db = getDb();

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
    // Start the worker before queueing, as in production.
    const startWorker = () => bench.startWorker((rows) => (recovered += rows));
    let worker = await startWorker();
    const boss = await getBoss();
    const connections = getEnv().PANEL_SMTP_CONNECTIONS;
    const staff = { id: null as unknown as string, email: "bench@localhost" };
    const runs: string[] = [];
    let allOk = true;

    for (let run = 1; run <= RUNS; run++) {
      sink.messages.length = 0;
      recovered = 0;
      const [runSurvey] =
        run === 1
          ? [survey!]
          : await db
              .insert(surveys)
              .values({ slug: `bench-${run}`, title: "Bench", status: "published", accessMode: "code" })
              .returning();
      const q0 = performance.now();
      const campaignId = await createCampaign(staff, {
        name: `Bench ${run}`,
        surveyId: runSurvey!.id,
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

      const d0 = performance.now();
      await boss.send("panel-deliver", {});
      // The kill comes at a random moment: after 2% to 98% of the messages.
      const killAfter = Math.max(1, Math.floor(queued * (0.02 + Math.random() * 0.96)));
      await waitFor(() => sink.messages.length >= killAfter, 120_000);
      const killedPid = worker.pid;
      worker.kill("SIGKILL");
      const tKill = performance.now();
      const atKill = sink.messages.length;
      await new Promise((r) => worker.once("exit", r));
      // Restart at once, as a process supervisor would; nothing else nudges the new worker.
      worker = await startWorker();
      const tStarted = performance.now();
      const atStart = sink.messages.length;
      await waitFor(() => sink.messages.length > atStart, 60_000);
      const tResumed = performance.now();
      const open = async () => {
        const [r] = await db.execute<{ n: number }>(
          sql`select count(*)::int as n from ${panelInvitations}
               where campaign_id = ${campaignId} and status in ('queued', 'sending')`,
        );
        return r?.n ?? 0;
      };
      await waitFor(async () => (await open()) === 0, 900_000);
      const deliverSeconds = (performance.now() - d0) / 1000;
      // Messages still on their way (the last "." may be a few ms behind the database).
      await new Promise((r) => setTimeout(r, 1000));

      // Only this run's messages (Message-ID <panel-<invitation id>-<reminder>@host>).
      const [range] = await db.execute<{ lo: number; hi: number }>(
        sql`select min(id)::int as lo, max(id)::int as hi from ${panelInvitations} where campaign_id = ${campaignId}`,
      );
      const ofRun = (messageId: string | null) => {
        const id = Number(messageId?.match(/^<panel-(\d+)-/)?.[1] ?? -1);
        return id >= (range?.lo ?? 0) && id <= (range?.hi ?? -1);
      };
      const perRecipient = new Map<string, string[]>();
      for (const m of sink.messages.filter((x) => ofRun(x.messageId)))
        for (const to of m.to) perRecipient.set(to, [...(perRecipient.get(to) ?? []), m.messageId ?? ""]);
      const repeated = [...perRecipient.values()].reduce((a, ids) => a + ids.length - 1, 0);
      // A repeated message carries the Message-ID of the first one, so a mail program can drop it.
      const recognisable = [...perRecipient.values()].every((ids) => new Set(ids).size === 1);
      const [status] = await db.execute<{ sent: number; other: number }>(sql`
        select count(*) filter (where status = 'sent')::int as sent, count(*) filter (where status <> 'sent')::int as other
          from ${panelInvitations} where campaign_id = ${campaignId}`);
      const lost = queued - perRecipient.size;
      const rate = perRecipient.size / deliverSeconds;
      const ok =
        lost === 0 && deliverSeconds < 60 && repeated <= connections && recognisable && status?.other === 0;
      allOk &&= ok;
      const reasons = [
        lost ? `${lost} lost` : "",
        deliverSeconds < 60 ? "" : "delivery over 60 s",
        repeated <= connections ? "" : "repeats over the connection count",
        recognisable ? "" : "repeats with another Message-ID",
        status?.other === 0 ? "" : "rows not sent",
      ].filter(Boolean);
      const line =
        `run ${run}: kill -9 of worker ${killedPid} after ${atKill} of ${queued}; ` +
        `restart ${((tStarted - tKill) / 1000).toFixed(2)} s, resumed ${((tResumed - tStarted) / 1000).toFixed(2)} s after start; ` +
        `recovered ${recovered}; lost ${lost}, repeated ${repeated} (same Message-ID: ${recognisable ? "yes" : "NO"}); ` +
        `rows sent ${status?.sent}, not sent ${status?.other}; queue ${queueSeconds.toFixed(2)} s, ` +
        `delivery incl. kill ${deliverSeconds.toFixed(2)} s = ${rate.toFixed(0)}/s, ratio ${(rate / baselineRate).toFixed(2)}; ` +
        `${ok ? "PASS" : `FAIL (${reasons.join(", ")})`}${queueSeconds < 5 ? "" : "; queue over 5 s"}`;
      runs.push(line);
      log(line);
    }
    log(
      `summary   ${RUNS} runs, ${MEMBERS} members, ${connections} SMTP connections, baseline ${baselineRate.toFixed(0)}/s: ${allOk ? "PASS" : "FAIL"}`,
    );
    process.exitCode = allOk ? 0 : 1;
  } finally {
    await bench.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
