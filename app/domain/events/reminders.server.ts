// The reminder mail the day before a bijeenkomst (a job). docs/informed-events.md.
import { and, eq, gte, sql } from "drizzle-orm";
import { eventRegistrations, events } from "../../../db/schema";
import { amsterdamDay } from "../../lib/amsterdam-time";
import type { Executor } from "../../lib/db.server";
import { queueMail } from "../../lib/mail.server";
import { issueCancelLink, mailFacts } from "./event-mail.server";
import { reminderMail } from "./mails";

/**
 * Queue the reminder for every confirmed registration of bijeenkomsten that take place tomorrow
 * (Amsterdam days). The mark and the mail are written in one transaction, and only unmarked rows
 * are taken, so however often the job runs (or runs in parallel), each person gets one reminder.
 */
export async function queueReminders(db: Executor, now = new Date()): Promise<number> {
  const tomorrow = amsterdamDay(new Date(now.getTime() + 36 * 3_600_000));
  const today = amsterdamDay(now);
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(events)
      .where(
        and(
          eq(events.status, "published"),
          gte(events.startsAt, now),
          sql`(${events.startsAt} at time zone 'Europe/Amsterdam')::date > ${today}::date`,
          sql`(${events.startsAt} at time zone 'Europe/Amsterdam')::date <= ${tomorrow}::date`,
        ),
      );
    let n = 0;
    for (const e of due) {
      const regs = await tx
        .update(eventRegistrations)
        .set({ reminderQueuedAt: now })
        .where(
          and(
            eq(eventRegistrations.eventId, e.id),
            eq(eventRegistrations.status, "confirmed"),
            sql`${eventRegistrations.reminderQueuedAt} is null`,
          ),
        )
        .returning();
      for (const r of regs) {
        const link = await issueCancelLink(r.id, tx);
        await queueMail(reminderMail(r.email, r.name, mailFacts(e), link), tx);
        n++;
      }
    }
    return n;
  });
}
