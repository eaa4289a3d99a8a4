// A digipanel campaign from creation to the queue (docs/panel.md): create (drawing the sample), cancel,
// queue its invitations when due, and schedule reminders. Delivery is panel-delivery.server.ts.
import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { panelCampaigns, panelInvitations, surveys } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { type Actor, audit } from "../audit/audit.server";
import { createPersonalCodes } from "../surveys/codes.server";
import {
  type CampaignInput,
  campaignAccessModes,
  countBy,
  type EligibleMember,
  eligibleMembers,
  planCampaign,
} from "./campaign-planning.server";
import { pickRandom, planSample } from "./sampling";

/** Schedule a campaign; the quotas shown in the preview are fixed here. */
export async function createCampaign(
  actor: Actor,
  input: CampaignInput,
  now = new Date(),
  db: Executor = getDb(),
): Promise<number> {
  const plan = await planCampaign(input, now, db);
  return db.transaction(async (tx) => {
    const [survey] = await tx
      .select({ id: surveys.id })
      .from(surveys)
      .where(
        and(
          eq(surveys.id, input.surveyId),
          eq(surveys.status, "published"),
          inArray(surveys.accessMode, campaignAccessModes),
        ),
      );
    if (!survey) throw new Response("Deze enquête is niet gepubliceerd", { status: 400 });
    const [row] = await tx
      .insert(panelCampaigns)
      .values({
        name: input.name,
        surveyId: input.surveyId,
        mode: input.mode,
        targetCompletes: input.targetCompletes,
        expectedResponseRate: input.expectedResponseRate,
        quotas: input.mode === "sample" ? plan.quotas : {},
        subject: input.subject,
        message: input.message,
        scheduledAt: input.scheduledAt ?? now,
        reminderAfterDays: input.reminderAfterDays,
        maxReminders: input.maxReminders,
        createdBy: actor.id,
      })
      .returning({ id: panelCampaigns.id });
    await audit(
      actor,
      {
        action: "panel.campaign_scheduled",
        entityType: "panel_campaign",
        entityId: row!.id,
        details: { surveyId: input.surveyId, mode: input.mode, planned: plan.plan.total },
      },
      tx,
    );
    return row!.id;
  });
}

export async function cancelCampaign(actor: Actor, campaignId: number, db: Executor = getDb()) {
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(panelCampaigns)
      .set({ status: "cancelled" })
      .where(and(eq(panelCampaigns.id, campaignId), eq(panelCampaigns.status, "scheduled")))
      .returning({ id: panelCampaigns.id });
    if (rows.length)
      await audit(
        actor,
        {
          action: "panel.campaign_cancelled",
          entityType: "panel_campaign",
          entityId: campaignId,
        },
        tx,
      );
  });
}

/**
 * Create the invitations of a scheduled campaign, with one personal survey code each, in one
 * transaction. The campaign row is locked and its status moves to "queued", so a campaign is
 * never queued twice; the unique (campaign, member) constraint guards the same at row level.
 */
export async function queueCampaign(
  campaignId: number,
  now = new Date(),
  db: Executor = getDb(),
  random: () => number = Math.random,
): Promise<number> {
  return db.transaction(async (tx) => {
    const [campaign] = await tx
      .select()
      .from(panelCampaigns)
      .where(and(eq(panelCampaigns.id, campaignId), eq(panelCampaigns.status, "scheduled")))
      .for("update");
    if (!campaign) return 0;
    // Campaigns of one survey are queued one at a time, so two cannot both give a member a link.
    await tx.execute(sql`select pg_advisory_xact_lock(7017, ${campaign.surveyId})`);
    const members = await eligibleMembers(now, tx, campaign.surveyId);
    let chosen: EligibleMember[];
    if (campaign.mode === "all") chosen = members;
    else {
      const byStratum = new Map<string, EligibleMember[]>();
      for (const m of members) byStratum.set(m.stratum, [...(byStratum.get(m.stratum) ?? []), m]);
      const plan = planSample(
        campaign.quotas,
        countBy(members, (m) => m.stratum),
      );
      chosen = Object.entries(plan.take).flatMap(([key, n]) =>
        pickRandom(byStratum.get(key) ?? [], n, random),
      );
    }
    const respondentIds = chosen.map(() => randomUUID());
    const codes = await createPersonalCodes(campaign.surveyId, chosen.length, "panel", tx, respondentIds);
    for (let start = 0; start < chosen.length; start += 1000) {
      await tx
        .insert(panelInvitations)
        .values(
          chosen.slice(start, start + 1000).map((m, i) => ({
            campaignId,
            memberId: m.id,
            respondentId: respondentIds[start + i]!,
            stratum: m.stratum,
            codeId: codes[start + i]!.codeId,
            surveyCode: codes[start + i]!.code,
            nextAttemptAt: now,
          })),
        )
        .onConflictDoNothing();
    }
    await tx
      .update(panelCampaigns)
      .set({ status: "queued", queuedAt: now })
      .where(eq(panelCampaigns.id, campaignId));
    return chosen.length;
  });
}

/** Queue every scheduled campaign whose time has come. */
export async function queueDueCampaigns(now = new Date(), db: Executor = getDb()): Promise<number> {
  const due = await db
    .select({ id: panelCampaigns.id })
    .from(panelCampaigns)
    .where(
      and(eq(panelCampaigns.status, "scheduled"), sql`${panelCampaigns.scheduledAt} <= ${now.toISOString()}`),
    );
  let total = 0;
  for (const c of due) total += await queueCampaign(c.id, now, db);
  return total;
}

/**
 * Put reminders in the queue: to members who were mailed at least N days ago, have not completed
 * (their code is not used up) and had fewer reminders than the campaign allows (at most 2).
 */
export async function scheduleReminders(now = new Date(), db: Executor = getDb()): Promise<number> {
  const rows = await db.execute<{ id: number }>(sql`
    update panel_invitations i
       set mail = 'reminder', status = 'queued', attempts = 0, next_attempt_at = now()
      from panel_campaigns c, survey_codes sc, surveys s
     where c.id = i.campaign_id and sc.id = i.code_id and s.id = c.survey_id
       and c.status = 'queued' and s.status = 'published'
       and i.status = 'sent' and i.member_id is not null and i.survey_code is not null
       and sc.used_at is null
       and i.reminders_sent < least(c.max_reminders, 2)
       and coalesce(i.last_reminder_at, i.sent_at) <= ${now.toISOString()}::timestamptz - make_interval(days => c.reminder_after_days)
    returning i.id`);
  return rows.length;
}
