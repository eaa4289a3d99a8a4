import { getDb } from "../../lib/db.server";
import type { JobDefinition } from "../../lib/jobs.server";
import { getBoss } from "../../lib/jobs.server";
import { getLogger } from "../../lib/logger.server";
import { deliverBulkQueue, recoverBulkOrphans } from "../panel/delivery.server";
import { consultationQueue } from "./nota.server";

export const CONSULTATION_DELIVER = "consultation-deliver";

/** Ask a worker to deliver reactienota mails soon. Best effort: the minute tick does it anyway. */
export async function kickConsultationDelivery(startAfterSeconds = 0) {
  try {
    const boss = await getBoss();
    await boss.send(CONSULTATION_DELIVER, {}, { startAfter: startAfterSeconds });
  } catch (err) {
    getLogger().warn({ err }, "could not queue reactienota mail delivery");
  }
}

export const consultationJobs: JobDefinition[] = [
  {
    // Same settings as panel-deliver (docs/panel.md): parallel runs are safe, a killed run is retried.
    name: CONSULTATION_DELIVER,
    options: {
      name: CONSULTATION_DELIVER,
      policy: "standard",
      retryLimit: 5,
      retryDelay: 10,
      retryBackoff: true,
      expireInSeconds: 120,
    },
    work: { batchSize: 1, pollingIntervalSeconds: 2 },
    handler: async () => {
      const result = await deliverBulkQueue(consultationQueue, { budgetMs: 50_000 });
      if (result.sent || result.failed || result.recovered)
        getLogger().info(result, "reactienota mail delivered");
      if (result.throttled || result.sent + result.failed > 0)
        await kickConsultationDelivery(result.throttled ? 5 : 0);
    },
  },
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
