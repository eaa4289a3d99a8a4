// Composition root for background work: every context adds its job definitions here.
import { sql } from "drizzle-orm";
import { pruneLoginDelays } from "../domain/auth/throttle.server";
import { consultationJobs } from "../domain/consultation/jobs.server";
import { pruneReactions } from "../domain/consultation/retention.server";
import { pruneContactMessages } from "../domain/contact/contact.server";
import { pruneRegistrations } from "../domain/events/registration-retention.server";
import { pruneFollowers } from "../domain/informed/follower-retention.server";
import { informedJobs } from "../domain/informed/jobs.server";
import { pruneFollowLinks } from "../domain/initiatives/follow-links.server";
import { pruneUnusedPrivateImages } from "../domain/initiatives/photo.server";
import { pruneDrafts } from "../domain/initiatives/submission.server";
import { foldPendingTallies } from "../domain/insights/results.server";
import { monitorJobs } from "../domain/monitor/jobs.server";
import { panelJobs, panelSweep } from "../domain/panel/jobs.server";
import { pruneOutbox } from "../domain/platform/outbox.server";
import { getDb } from "../lib/db.server";
import type { JobDefinition } from "../lib/jobs.server";
import { getLogger } from "../lib/logger.server";
import { deliverOutbox } from "../lib/mail.server";
import { pruneRateLimits } from "../lib/rate-limit.server";

export const jobDefinitions: JobDefinition[] = [
  {
    name: "maintenance-retention",
    cron: "17 * * * *",
    work: { batchSize: 1 },
    handler: async () => {
      const db = getDb();
      await pruneRateLimits(undefined, db);
      await pruneDrafts(db);
      await pruneUnusedPrivateImages(db);
      await db.execute(sql`delete from staff_sessions where expires_at < now()`);
      // Login delays older than a day and expired two-factor challenges (e-mail addresses of failed logins).
      await pruneLoginDelays(db);
      // Retention periods promised on /privacy (docs/privacy.md).
      await pruneContactMessages(undefined, db);
      await pruneOutbox(undefined, db);
      await pruneFollowLinks(db);
      // Followers, bijeenkomst registrations, consultation reactions: one transaction each, audited.
      await pruneFollowers(db);
      await pruneRegistrations(db);
      await pruneReactions(db);
    },
  },
  {
    name: "outbox-deliver",
    cron: "* * * * *",
    work: { batchSize: 1 },
    handler: async () => {
      const result = await deliverOutbox(200);
      if (result.sent || result.failed) getLogger().info(result, "outbox delivered");
    },
  },
  ...panelJobs,
  ...informedJobs,
  ...monitorJobs,
  ...consultationJobs,
];

/** Run `work` every `intervalMs`, never twice at the same time in this process; errors are logged. */
function sweep(name: string, intervalMs: number, work: () => Promise<void>, atStart = false): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await work();
    } catch (err) {
      getLogger().error({ err }, `${name} failed`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  if (atStart) void run();
  return () => clearInterval(timer);
}

/**
 * Work that should follow a change within seconds rather than at the next cron minute, in every
 * process that runs jobs:
 * - the outbox, so a mail goes out right after the change that caused it (SKIP LOCKED keeps sweeps apart);
 * - panel mail, so a restarted worker resumes within seconds after a crash (docs/panel.md);
 * - the running counts of survey answers (issue 8), so the results page counts few responses on the fly
 *   (an advisory lock per survey keeps folds apart).
 */
export function startSweepers({ outboxMs = 3000, talliesMs = 10_000, panelMs = 2000 } = {}): () => void {
  const stops = [
    sweep("outbox sweep", outboxMs, async () => {
      await deliverOutbox(100);
    }),
    // Panel delivery after a crash: orphaned rows back to the queue, due mail sent (docs/panel.md).
    sweep("panel sweep", panelMs, panelSweep, true),
    sweep("tally sweep", talliesMs, async () => {
      const folded = await foldPendingTallies();
      if (folded) getLogger().info({ folded }, "survey responses added to the tallies");
    }),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
