import { getDb } from "../../lib/db.server";
import type { JobDefinition } from "../../lib/jobs.server";
import { getBoss } from "../../lib/jobs.server";
import { getLogger } from "../../lib/logger.server";
import { queueReminders } from "../events/events.server";
import { deliverBulkQueue, recoverBulkOrphans } from "../panel/delivery.server";
import { informedQueue, queueDigests } from "./followers.server";

export const INFORMED_DELIVER = "informed-deliver";
export const INFORMED_TICK = "informed-tick";

/** Ask a worker to deliver follower mail soon. Best effort: the minute tick does it anyway. */
export async function kickInformedDelivery(startAfterSeconds = 0) {
  try {
    const boss = await getBoss();
    await boss.send(INFORMED_DELIVER, {}, { startAfter: startAfterSeconds });
  } catch (err) {
    getLogger().warn({ err }, "could not queue follower mail delivery");
  }
}

export const informedJobs: JobDefinition[] = [
  {
    // Same settings as panel-deliver (docs/panel.md): parallel runs are safe, a killed run is retried.
    name: INFORMED_DELIVER,
    options: {
      name: INFORMED_DELIVER,
      policy: "standard",
      retryLimit: 5,
      retryDelay: 10,
      retryBackoff: true,
      expireInSeconds: 120,
    },
    work: { batchSize: 1, pollingIntervalSeconds: 2 },
    handler: async () => {
      const result = await deliverBulkQueue(informedQueue, { budgetMs: 50_000 });
      if (result.sent || result.failed || result.recovered)
        getLogger().info(result, "follower mail delivered");
      if (result.throttled || result.sent + result.failed > 0)
        await kickInformedDelivery(result.throttled ? 5 : 0);
    },
  },
  {
    // Every minute: digests (from 08:00, once a day per person), reminders of tomorrow's
    // bijeenkomsten (once per person), orphan recovery, and a kick for delivery.
    name: INFORMED_TICK,
    cron: "* * * * *",
    work: { batchSize: 1 },
    handler: async () => {
      const db = getDb();
      const digests = await queueDigests(db);
      const reminders = await queueReminders(db);
      const recovered = await recoverBulkOrphans(informedQueue, db);
      if (digests || reminders || recovered)
        getLogger().info({ digests, reminders, recovered }, "informed tick");
      await kickInformedDelivery();
    },
  },
];
