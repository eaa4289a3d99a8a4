import { getDb } from "../../lib/db.server";
import type { JobDefinition } from "../../lib/jobs.server";
import { getLogger } from "../../lib/logger.server";
import { queueReminders } from "../events/reminders.server";
import { recoverBulkOrphans } from "../panel/bulk-delivery.server";
import { bulkDeliveryJob } from "../panel/bulk-jobs.server";
import { queueDigests } from "./digest.server";
import { informedQueue } from "./informed-queue.server";

export const INFORMED_DELIVER = "informed-deliver";
export const INFORMED_TICK = "informed-tick";

const delivery = bulkDeliveryJob(INFORMED_DELIVER, informedQueue, "follower mail");
/** Ask a worker to deliver follower mail soon. Best effort: the minute tick does it anyway. */
export const kickInformedDelivery = delivery.kick;

export const informedJobs: JobDefinition[] = [
  delivery.job,
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
