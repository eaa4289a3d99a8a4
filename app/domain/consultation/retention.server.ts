import { sql } from "drizzle-orm";
import type { Executor } from "../../lib/db.server";
import { audit } from "../audit/audit.server";
import { EXPIRED } from "../privacy/subject";
import { REACTION_AFTER_NOTA_DAYS, REACTION_UNCOUNTED_DAYS, REACTION_WITHOUT_NOTA_DAYS } from "./reactions";

// Retention of reactions on concept documents (docs/privacy.md, rules.ts: REACTION_*).

/**
 * Counted reactions keep their text, kind and organisation (what the reactienota shows) but lose the name
 * and e-mail address of the sender after the period; never a reaction whose "the reactienota is ready"
 * mail is still waiting to go. Reactions that never counted are deleted. One transaction, audited with
 * the numbers only when something changed; running it again finds nothing.
 */
export async function pruneReactions(
  db: Executor,
  now = new Date(),
  days: { afterNota?: number; withoutNota?: number; uncounted?: number } = {},
): Promise<{ anonymised: number; unconfirmed: number; withdrawn: number }> {
  const older = (n: number) => sql`${now.toISOString()}::timestamptz - make_interval(days => ${n})`;
  const uncounted = older(days.uncounted ?? REACTION_UNCOUNTED_DAYS);
  return db.transaction(async (tx) => {
    // A pending reaction can be confirmed, and a reaction withdrawn, only during the period (rules.ts).
    const uncountedRows = await tx.execute<{ status: string }>(sql`
      delete from consultation_reactions r
       using consultation_versions v, consultation_documents d
       where v.id = r.version_id and d.id = v.document_id and r.status in ('pending', 'withdrawn')
         and coalesce(d.reaction_ends_at, r.withdrawn_at, r.created_at) < ${uncounted}
      returning r.status`);
    const anonymised = await tx.execute<{ id: number }>(sql`
      update consultation_reactions r set name = ${EXPIRED}, email = ''
        from consultation_versions v
        join consultation_documents d on d.id = v.document_id
       where v.id = r.version_id and r.status = 'confirmed' and r.email <> ''
         and (case when v.nota_published_at is not null
                   then v.nota_published_at < ${older(days.afterNota ?? REACTION_AFTER_NOTA_DAYS)}
                   else d.reaction_ends_at < ${older(days.withoutNota ?? REACTION_WITHOUT_NOTA_DAYS)} end)
         and not exists (select 1 from consultation_mails m
                          where m.reaction_id = r.id and m.status in ('queued', 'sending'))
      returning r.id`);
    const counts = {
      anonymised: anonymised.length,
      unconfirmed: uncountedRows.filter((r) => r.status === "pending").length,
      withdrawn: uncountedRows.filter((r) => r.status === "withdrawn").length,
    };
    if (counts.anonymised || counts.unconfirmed || counts.withdrawn)
      await audit(
        null,
        {
          action: "consultation_reaction.retention_erased",
          entityType: "consultation_reaction",
          details: counts,
        },
        tx,
      );
    return counts;
  });
}
