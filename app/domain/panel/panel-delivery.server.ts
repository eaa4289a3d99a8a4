// Delivery of panel invitations and reminders (docs/panel.md, "Delivery"): the queue panel_invitations
// on the delivery loop of delivery-loop.server.ts, which claims due rows, sends each over an SMTP lane
// and marks it sent after the server's 250.
import { sql } from "drizzle-orm";
import { type Executor, getDb } from "../../lib/db.server";
import { getEnv } from "../../lib/env.server";
import { personalLink } from "../surveys/codes.server";
import { afterFailure } from "./delivery";
import type { DeliveryResult } from "./delivery.server";
import {
  claimDue,
  type DeliveryOptions,
  type DeliveryQueue,
  deliverQueue,
  idList,
  type OutgoingMail,
  recoverClaims,
} from "./delivery-loop.server";
import { invitationMail, invitationMessageId } from "./mails";
import { issueUnsubscribeTokens, panelUrls } from "./members.server";

/** Rows claimed by workers that are gone go back to the queue. Returns how many. */
export function recoverOrphans(db: Executor = getDb()): Promise<number> {
  return recoverClaims("panel_invitations", db);
}

type Claimed = {
  id: number;
  member_id: string | null;
  survey_code: string | null;
  mail: "invitation" | "reminder";
  reminders_sent: number;
  attempts: number;
  email: string | null;
  subject: string;
  message: string;
  slug: string;
};

function claim(worker: number, limit: number, now: Date, db: Executor): Promise<Claimed[]> {
  return db.execute<Claimed>(sql`
    with ${claimDue("panel_invitations", worker, limit, sql`${now.toISOString()}`)}
    select u.id, u.member_id, u.survey_code, u.mail, u.reminders_sent, u.attempts,
           m.email, k.subject, k.message, s.slug
      from u
      join panel_campaigns k on k.id = u.campaign_id
      join surveys s on s.id = k.survey_id
      left join panel_members m on m.id = u.member_id and m.status = 'active'
     order by u.id`) as unknown as Promise<Claimed[]>;
}

/** The invitation or reminder of each row whose member is still active, with a fresh unsubscribe link. */
async function compose(rows: Claimed[], db: Executor): Promise<Map<number, OutgoingMail>> {
  const domain = new URL(getEnv().APP_URL).hostname;
  const live = rows.filter((r) => r.email && r.survey_code && r.member_id);
  const tokens = await issueUnsubscribeTokens([...new Set(live.map((r) => r.member_id!))], db);
  return new Map(
    live.map((row) => {
      const reminder = row.mail === "reminder" ? row.reminders_sent + 1 : 0;
      const mail = invitationMail({
        to: row.email!,
        subject: row.subject,
        message: row.message,
        surveyLink: personalLink(row.slug, row.survey_code!),
        unsubscribeLink: panelUrls.unsubscribe(tokens.get(row.member_id!)!),
        reminder,
        messageId: invitationMessageId(row.id, reminder, domain),
      });
      return [Number(row.id), mail];
    }),
  );
}

async function markSent(ids: number[], db: Executor) {
  if (ids.length === 0) return;
  await db.execute(sql`
    update panel_invitations
       set status = 'sent', claimed_by = null, claimed_at = null, attempts = 0, last_error = null,
           last_mail_at = now(),
           sent_at = coalesce(sent_at, now()),
           reminders_sent = reminders_sent + case when mail = 'reminder' then 1 else 0 end,
           last_reminder_at = case when mail = 'reminder' then now() else last_reminder_at end
     where id in (${idList(ids)}) and status = 'sending'`);
}

async function markFailed(row: Claimed, message: string, now: Date, db: Executor) {
  const attempts = row.attempts + 1;
  const next = afterFailure(attempts, now);
  // A reminder that keeps failing does not undo the invitation that was delivered.
  const status = next.status === "failed" && row.mail === "reminder" ? "sent" : next.status;
  await db.execute(sql`
    update panel_invitations
       set status = ${status}, attempts = ${attempts}, next_attempt_at = ${next.nextAttemptAt.toISOString()},
           last_error = ${message.slice(0, 500)}, claimed_by = null, claimed_at = null,
           mail = ${status === "sent" ? "invitation" : row.mail}
     where id = ${row.id} and status = 'sending'`);
}

const panelQueue: DeliveryQueue<Claimed> = {
  table: "panel_invitations",
  claim,
  compose,
  noRecipient: "Geen actief lid meer",
  markSent,
  markFailed,
  log: {
    failed: "panel mail failed",
    unreleased: "could not release panel invitations",
    fields: (id) => (id === undefined ? {} : { invitationId: id }),
  },
};

/**
 * Send due panel mail until the queue is empty, the rate limit is reached, or `budgetMs` has passed.
 * Safe to run in any number of processes at once.
 */
export function deliverPanelMail(options: DeliveryOptions = {}): Promise<DeliveryResult> {
  return deliverQueue(panelQueue, options);
}
