// The pg-boss job that delivers one bulk queue (follower mail, reactienota mail) through the digipanel's
// delivery path, and the kick that asks a worker for it. One definition, so every bulk queue has the
// panel's guarantees (docs/panel.md): parallel runs are safe, a killed run is retried.
import type { JobDefinition } from "../../lib/jobs.server";
import { getLogger } from "../../lib/logger.server";
import { deliverBulkQueue } from "./bulk-delivery.server";
import type { BulkQueue } from "./delivery.server";
import { deliveryJob, deliveryKick } from "./jobs.server";

export function bulkDeliveryJob(
  name: string,
  queue: BulkQueue,
  /** For the log, e.g. "follower mail". */
  what: string,
): { job: JobDefinition; kick: (startAfterSeconds?: number) => Promise<void> } {
  const kick = deliveryKick(name, what);
  // Same settings as panel-deliver.
  const job = deliveryJob(
    name,
    async () => {
      const result = await deliverBulkQueue(queue, { budgetMs: 50_000 });
      if (result.sent || result.failed || result.recovered) getLogger().info(result, `${what} delivered`);
      return result;
    },
    kick,
  );
  return { job, kick };
}
