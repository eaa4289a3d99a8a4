// Composition root for background work: every context adds its job definitions here.
import { sql } from "drizzle-orm";
import { pruneContactMessages } from "../domain/contact/contact.server";
import { pruneDrafts } from "../domain/initiatives/initiatives.server";
import { foldPendingTallies } from "../domain/insights/results.server";
import { panelJobs } from "../domain/panel/jobs.server";
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
      await pruneRateLimits(db);
      await pruneDrafts(db);
      await db.execute(sql`delete from staff_sessions where expires_at < now()`);
      // Retention periods promised on /privacy.
      await pruneContactMessages(db);
      await pruneOutbox(db);
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
  {
    // Submitted survey answers into the running counts the results page reads (issue 8).
    name: "insights-tally",
    cron: "* * * * *",
    work: { batchSize: 1 },
    handler: async () => {
      const folded = await foldPendingTallies();
      if (folded) getLogger().info({ folded }, "survey responses added to the tallies");
    },
  },
  ...panelJobs,
];

/**
 * The outbox is also swept every few seconds, so a mail goes out right after the change that
 * caused it instead of waiting for the next cron minute. SKIP LOCKED keeps sweeps apart.
 */
export function startOutboxSweeper(intervalMs = 3000): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await deliverOutbox(100);
    } catch (err) {
      getLogger().error({ err }, "outbox sweep failed");
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
