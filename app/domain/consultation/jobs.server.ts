import { getDb } from "../../lib/db.server";
import type { JobDefinition } from "../../lib/jobs.server";
import { getLogger } from "../../lib/logger.server";
import { recoverBulkOrphans } from "../panel/bulk-delivery.server";
import { bulkDeliveryJob } from "../panel/bulk-jobs.server";
import { consultationQueue } from "./nota.server";

export const CONSULTATION_DELIVER = "consultation-deliver";

const delivery = bulkDeliveryJob(CONSULTATION_DELIVER, consultationQueue, "reactienota mail");
/** Ask a worker to deliver reactienota mail soon. Best effort: the minute tick does it anyway. */
export const kickConsultationDelivery = delivery.kick;

export const consultationJobs: JobDefinition[] = [
  delivery.job,
  {
    name: "consultation-tick",
    cron: "* * * * *",
    work: { batchSize: 1 },
    handler: async () => {
      const recovered = await recoverBulkOrphans(consultationQueue, getDb());
      if (recovered) getLogger().info({ recovered }, "consultation tick");
      await kickConsultationDelivery();
    },
  },
];
