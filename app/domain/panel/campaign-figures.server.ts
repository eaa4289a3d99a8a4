// Digipanel campaigns for staff (docs/panel.md): the list, one campaign, and its figures per stratum.
import { desc, eq, sql } from "drizzle-orm";
import { panelCampaigns, panelInvitations, surveyCodes, surveys } from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { ageGroups } from "./profile";

export async function listCampaigns(db: Executor = getDb()) {
  return db
    .select({
      id: panelCampaigns.id,
      name: panelCampaigns.name,
      status: panelCampaigns.status,
      scheduledAt: panelCampaigns.scheduledAt,
      surveyTitle: surveys.title,
      isDemo: panelCampaigns.isDemo,
      invited: sql<number>`(select count(*)::int from panel_invitations i where i.campaign_id = ${panelCampaigns.id})`,
    })
    .from(panelCampaigns)
    .innerJoin(surveys, eq(surveys.id, panelCampaigns.surveyId))
    .orderBy(desc(panelCampaigns.scheduledAt));
}

export async function getCampaign(id: number, db: Executor = getDb()) {
  const [row] = await db
    .select({ campaign: panelCampaigns, surveyTitle: surveys.title, surveySlug: surveys.slug })
    .from(panelCampaigns)
    .innerJoin(surveys, eq(surveys.id, panelCampaigns.surveyId))
    .where(eq(panelCampaigns.id, id));
  return row ?? null;
}

export interface StratumFigures {
  stratum: string;
  quota: number | null;
  invited: number;
  sent: number;
  failed: number;
  started: number;
  completed: number;
  /** Completed as a percentage of delivered invitations, or null. */
  responseRate: number | null;
}

/** Campaign figures per stratum and in total. No personal data: counts only. */
export async function campaignFigures(campaignId: number, db: Executor = getDb()) {
  const [campaign] = await db.select().from(panelCampaigns).where(eq(panelCampaigns.id, campaignId));
  const rows = await db
    .select({
      stratum: panelInvitations.stratum,
      invited: sql<number>`count(*)::int`,
      sent: sql<number>`count(*) filter (where ${panelInvitations.sentAt} is not null)::int`,
      failed: sql<number>`count(*) filter (where ${panelInvitations.status} = 'failed')::int`,
      started: sql<number>`count(*) filter (where ${surveyCodes.responseId} is not null)::int`,
      completed: sql<number>`count(*) filter (where ${surveyCodes.usedAt} is not null)::int`,
      queued: sql<number>`count(*) filter (where ${panelInvitations.status} in ('queued', 'sending'))::int`,
      reminders: sql<number>`coalesce(sum(${panelInvitations.remindersSent}), 0)::int`,
    })
    .from(panelInvitations)
    .leftJoin(surveyCodes, eq(surveyCodes.id, panelInvitations.codeId))
    .where(eq(panelInvitations.campaignId, campaignId))
    .groupBy(panelInvitations.stratum)
    .orderBy(panelInvitations.stratum);
  const quotas = campaign?.mode === "sample" ? campaign.quotas : null;
  const keys = [...new Set([...rows.map((r) => r.stratum), ...Object.keys(quotas ?? {})])].sort(
    (a, b) =>
      ageGroups.indexOf(a.split("|")[0] as never) - ageGroups.indexOf(b.split("|")[0] as never) ||
      a.localeCompare(b),
  );
  const rate = (completed: number, sent: number) =>
    sent ? Math.round((1000 * completed) / sent) / 10 : null;
  const strata: StratumFigures[] = keys.map((stratum) => {
    const r = rows.find((x) => x.stratum === stratum);
    return {
      stratum,
      quota: quotas ? (quotas[stratum] ?? 0) : null,
      invited: r?.invited ?? 0,
      sent: r?.sent ?? 0,
      failed: r?.failed ?? 0,
      started: r?.started ?? 0,
      completed: r?.completed ?? 0,
      responseRate: rate(r?.completed ?? 0, r?.sent ?? 0),
    };
  });
  const sum = (k: "invited" | "sent" | "failed" | "started" | "completed" | "queued" | "reminders") =>
    rows.reduce((a, r) => a + r[k], 0);
  return {
    strata,
    total: {
      invited: sum("invited"),
      sent: sum("sent"),
      failed: sum("failed"),
      started: sum("started"),
      completed: sum("completed"),
      queued: sum("queued"),
      reminders: sum("reminders"),
      responseRate: rate(sum("completed"), sum("sent")),
    },
  };
}
