import { getDb } from "../../lib/db.server";
import type { JobDefinition } from "../../lib/jobs.server";
import { getLogger } from "../../lib/logger.server";
import { sendDueReminders } from "./rounds.server";

/** Hourly: the one reminder per partner of an open round, reminderAfterDays after it opened (exactly once). */
export const monitorJobs: JobDefinition[] = [
  {
    name: "monitor-reminders",
    cron: "23 * * * *",
    work: { batchSize: 1 },
    handler: async () => {
      const mailed = await sendDueReminders(getDb());
      if (mailed) getLogger().info({ mailed }, "monitor reminders queued");
    },
  },
];
