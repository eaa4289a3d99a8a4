import type { JobDefinition } from "../../lib/jobs.server";
import { getBoss } from "../../lib/jobs.server";
import { getLogger } from "../../lib/logger.server";
import { queueDueCampaigns, scheduleReminders } from "./campaigns.server";
import { deliverPanelMail, recoverOrphans } from "./delivery.server";

export const PANEL_DELIVER = "panel-deliver";
export const PANEL_TICK = "panel-tick";

/** Ask a worker to deliver panel mail soon. Best effort: the minute tick does it anyway. */
export async function kickPanelDelivery(startAfterSeconds = 0) {
  try {
    const boss = await getBoss();
    await boss.send(PANEL_DELIVER, {}, { startAfter: startAfterSeconds });
  } catch (err) {
    getLogger().warn({ err }, "could not queue panel delivery");
  }
}

/** Ask a worker to queue due campaigns now instead of at the next minute. */
export async function kickPanelTick() {
  try {
    const boss = await getBoss();
    await boss.send(PANEL_TICK, {});
  } catch (err) {
    getLogger().warn({ err }, "could not queue panel tick");
  }
}

export const panelJobs: JobDefinition[] = [
  {
    // Delivery runs for at most 50 s per job and is safe to run in parallel (SKIP LOCKED), so a job
    // stuck "active" on a killed worker never blocks the next one; pg-boss retries it after expiry.
    name: PANEL_DELIVER,
    options: {
      name: PANEL_DELIVER,
      policy: "standard",
      retryLimit: 5,
      retryDelay: 10,
      retryBackoff: true,
      expireInSeconds: 120,
    },
    work: { batchSize: 1, pollingIntervalSeconds: 2 },
    handler: async () => {
      const result = await deliverPanelMail({ budgetMs: 50_000 });
      if (result.sent || result.failed || result.recovered) getLogger().info(result, "panel mail delivered");
      if (result.throttled || result.sent + result.failed > 0)
        await kickPanelDelivery(result.throttled ? 5 : 0);
    },
  },
  {
    name: PANEL_TICK,
    cron: "* * * * *",
    work: { batchSize: 1 },
    handler: async () => {
      const queued = await queueDueCampaigns();
      const reminders = await scheduleReminders();
      const recovered = await recoverOrphans();
      if (queued || reminders || recovered) getLogger().info({ queued, reminders, recovered }, "panel tick");
      await kickPanelDelivery();
    },
  },
];
