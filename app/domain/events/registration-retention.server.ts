// Retention of registrations for bijeenkomsten (docs/privacy.md).
import { inArray, sql } from "drizzle-orm";
import { eventCancelTokens, events } from "../../../db/schema";
import type { Executor } from "../../lib/db.server";
import { audit } from "../audit/audit.server";
import { EXPIRED } from "../privacy/subject";
import { REGISTRATION_ACCESSIBILITY_DAYS, REGISTRATION_CANCELLED_DAYS, REGISTRATION_DAYS } from "./rules";

/**
 * Clear personal data of registrations whose bijeenkomst is long over (rules.ts: REGISTRATION_*): first
 * the accessibility need, later name and e-mail; a registration the person cancelled loses them sooner.
 * Rows stay (people and status keep the counts right); cancel links of cleared rows are deleted. Capacity
 * is not touched, so no event lock is needed. One transaction, audited with the numbers only when
 * something changed; running it again finds nothing.
 */
export async function pruneRegistrations(
  db: Executor,
  now = new Date(),
  days: { accessibility?: number; all?: number; cancelled?: number } = {},
): Promise<{ accessibility: number; anonymised: number }> {
  const older = (n: number) => sql`${now.toISOString()}::timestamptz - make_interval(days => ${n})`;
  // The moment a bijeenkomst is over: its end, or when it was cancelled (if that was earlier).
  const overAt = sql`(case when ${events.status} = 'cancelled'
                          then least(${events.endsAt}, coalesce(${events.cancelledAt}, ${events.endsAt}))
                          else ${events.endsAt} end)`;
  return db.transaction(async (tx) => {
    const accessibility = await tx.execute<{ id: number }>(sql`
      update event_registrations r set accessibility = null
        from events
       where events.id = r.event_id and r.accessibility is not null
         and ${overAt} < ${older(days.accessibility ?? REGISTRATION_ACCESSIBILITY_DAYS)}
      returning r.id`);
    const anonymised = await tx.execute<{ id: number }>(sql`
      update event_registrations r set name = ${EXPIRED}, email = '', accessibility = null
        from events
       where events.id = r.event_id and r.email like '%@%'
         and (${overAt} < ${older(days.all ?? REGISTRATION_DAYS)}
              or (r.status = 'cancelled'
                  and r.cancelled_at < ${older(days.cancelled ?? REGISTRATION_CANCELLED_DAYS)}))
      returning r.id`);
    const ids = anonymised.map((r) => Number(r.id));
    for (let i = 0; i < ids.length; i += 1000)
      await tx
        .delete(eventCancelTokens)
        .where(inArray(eventCancelTokens.registrationId, ids.slice(i, i + 1000)));
    const counts = { accessibility: accessibility.length, anonymised: anonymised.length };
    if (counts.accessibility || counts.anonymised)
      await audit(
        null,
        {
          action: "event_registration.retention_erased",
          entityType: "event_registration",
          details: counts,
        },
        tx,
      );
    return counts;
  });
}
