import { sql } from "drizzle-orm";
import { getDb } from "../../lib/db.server";
import type { JobDefinition } from "../../lib/jobs.server";
import { getBoss } from "../../lib/jobs.server";
import { getLogger } from "../../lib/logger.server";
import { queueDueCampaigns, scheduleReminders } from "./campaign-queue.server";
import type { DeliveryResult } from "./delivery.server";
import { deliverPanelMail, recoverOrphans } from "./panel-delivery.server";

export const PANEL_DELIVER = "panel-deliver";
export const PANEL_TICK = "panel-tick";

/**
 * Ask a worker to run a delivery job soon. Best effort: the queue's minute tick does it anyway. `what` is
 * for the log, e.g. "panel" or "follower mail".
 */
export function deliveryKick(name: string, what: string) {
  return async (startAfterSeconds = 0): Promise<void> => {
    try {
      const boss = await getBoss();
      await boss.send(name, {}, { startAfter: startAfterSeconds });
    } catch (err) {
      getLogger().warn({ err }, `could not queue ${what} delivery`);
    }
  };
}

/**
 * A delivery job, the panel's and every bulk queue's (docs/panel.md): a run takes at most 50 s and is safe
 * to run in parallel (SKIP LOCKED), so a job stuck "active" on a killed worker never blocks the next one;
 * pg-boss retries it after expiry. A run that sent or failed something, or was throttled, asks for the next.
 */
export function deliveryJob(
  name: string,
  run: () => Promise<DeliveryResult | undefined>,
  kick: (startAfterSeconds?: number) => Promise<void>,
): JobDefinition {
  return {
    name,
    options: {
      name,
      policy: "standard",
      retryLimit: 5,
      retryDelay: 10,
      retryBackoff: true,
      expireInSeconds: 120,
    },
    work: { batchSize: 1, pollingIntervalSeconds: 2 },
    handler: async () => {
      const result = await run();
      if (result && (result.throttled || result.sent + result.failed > 0))
        await kick(result.throttled ? 5 : 0);
    },
  };
}

/** Ask a worker to deliver panel mail soon. Best effort: the minute tick does it anyway. */
export const kickPanelDelivery = deliveryKick(PANEL_DELIVER, "panel");

/** Ask a worker to queue due campaigns now instead of at the next minute. */
export async function kickPanelTick() {
  try {
    const boss = await getBoss();
    await boss.send(PANEL_TICK, {});
  } catch (err) {
    getLogger().warn({ err }, "could not queue panel tick");
  }
}

let running: Promise<DeliveryResult> | undefined;

/**
 * One delivery run at a time in this process (the pg-boss job and the sweep share it); other
 * processes run their own, kept apart by SKIP LOCKED. Returns undefined if a run was already busy.
 */
export async function runPanelDelivery(): Promise<DeliveryResult | undefined> {
  if (running) return undefined;
  running = deliverPanelMail({ budgetMs: 50_000 });
  try {
    const result = await running;
    if (result.sent || result.failed || result.recovered) getLogger().info(result, "panel mail delivered");
    return result;
  } finally {
    running = undefined;
  }
}

/**
 * Every few seconds in every process that runs jobs (and once at start): rows of a worker that
 * died go back to the queue, and due mail is sent. This is what makes a restarted or surviving
 * worker resume within seconds, instead of waiting for the minute tick or for pg-boss to expire
 * the job the dead worker had active (docs/panel.md, "Delivery").
 */
export async function panelSweep(): Promise<void> {
  if (running) return;
  const db = getDb();
  const recovered = await recoverOrphans(db);
  if (recovered) getLogger().info({ recovered }, "panel invitations of a stopped worker back in the queue");
  const [due] = await db.execute<{ due: boolean }>(
    sql`select exists (select 1 from panel_invitations where status = 'queued' and next_attempt_at <= now()) as due`,
  );
  if (due?.due) await runPanelDelivery();
}

export const panelJobs: JobDefinition[] = [
  deliveryJob(PANEL_DELIVER, runPanelDelivery, kickPanelDelivery),
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
