// The pg-boss job that delivers one bulk queue (follower mail, reactienota mail) through the digipanel's
// delivery path, and the kick that asks a worker for it. One definition, so every bulk queue has the
// panel's guarantees (docs/panel.md): parallel runs are safe, a killed run is retried.
import type { JobDefinition } from "../../lib/jobs.server";
import { getBoss } from "../../lib/jobs.server";
import { getLogger } from "../../lib/logger.server";
import { deliverBulkQueue } from "./bulk-delivery.server";
import type { BulkQueue } from "./delivery.server";

export function bulkDeliveryJob(
  name: string,
  queue: BulkQueue,
  /** For the log, e.g. "follower mail". */
  what: string,
): { job: JobDefinition; kick: (startAfterSeconds?: number) => Promise<void> } {
  /** Ask a worker to deliver soon. Best effort: the queue's minute tick does it anyway. */
  async function kick(startAfterSeconds = 0) {
    try {
      const boss = await getBoss();
      await boss.send(name, {}, { startAfter: startAfterSeconds });
    } catch (err) {
      getLogger().warn({ err }, `could not queue ${what} delivery`);
    }
  }
  const job: JobDefinition = {
    // Same settings as panel-deliver.
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
      const result = await deliverBulkQueue(queue, { budgetMs: 50_000 });
      if (result.sent || result.failed || result.recovered) getLogger().info(result, `${what} delivered`);
      if (result.throttled || result.sent + result.failed > 0) await kick(result.throttled ? 5 : 0);
    },
  };
  return { job, kick };
}
