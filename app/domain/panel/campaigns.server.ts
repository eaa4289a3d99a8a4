import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import {
  panelCampaigns,
  panelInvitations,
  panelMembers,
  populationFigures,
  surveyCodes,
  surveys,
} from "../../../db/schema";
import { type Executor, getDb } from "../../lib/db.server";
import { type Actor, audit } from "../audit/audit.server";
import { createPersonalCodes, personalLink } from "../surveys/codes.server";
import { invitationMail } from "./mails";
import { ageGroupOf, ageGroups } from "./profile";
import {
  computeQuotas,
  invitationsNeeded,
  pickRandom,
  planSample,
  type SamplePlan,
  stratumKey,
  toShares,
} from "./sampling";

export const campaignSchema = z
  .object({
    name: z.string().trim().min(1, "Geef de campagne een naam.").max(200, "Gebruik hoogstens 200 tekens."),
    surveyId: z.coerce
      .number({ invalid_type_error: "Kies een enquête." })
      .int()
      .positive("Kies een enquête."),
    mode: z.enum(["all", "sample"], { errorMap: () => ({ message: "Kies wie u uitnodigt." }) }),
    targetCompletes: z.string().trim().optional(),
    expectedResponseRate: z.string().trim().optional(),
    subject: z
      .string()
      .trim()
      .min(1, "Vul het onderwerp van de e-mail in.")
      .max(200, "Gebruik hoogstens 200 tekens."),
    message: z
      .string()
      .trim()
      .min(1, "Vul de tekst van de uitnodiging in.")
      .max(5000, "Gebruik hoogstens 5000 tekens."),
    scheduledAt: z.string().trim().optional(),
    reminderAfterDays: z.coerce
      .number({ invalid_type_error: "Vul een aantal dagen in." })
      .int("Vul een heel aantal dagen in.")
      .min(1, "Vul minstens 1 dag in.")
      .max(60, "Vul hoogstens 60 dagen in."),
    maxReminders: z.enum(["0", "1", "2"], { errorMap: () => ({ message: "Kies 0, 1 of 2 herinneringen." }) }),
  })
  .superRefine((v, ctx) => {
    if (v.mode !== "sample") return;
    const target = Number(v.targetCompletes);
    if (!v.targetCompletes || !Number.isInteger(target) || target < 1 || target > 100_000)
      ctx.addIssue({
        code: "custom",
        path: ["targetCompletes"],
        message: "Vul in hoeveel ingevulde enquêtes u wilt hebben (een heel getal).",
      });
    const rate = Number(v.expectedResponseRate);
    if (!v.expectedResponseRate || !Number.isInteger(rate) || rate < 1 || rate > 100)
      ctx.addIssue({
        code: "custom",
        path: ["expectedResponseRate"],
        message: "Vul de verwachte respons in als percentage van 1 tot en met 100.",
      });
  })
  .transform((v, ctx) => {
    let scheduledAt: Date | null = null;
    if (v.scheduledAt) {
      // datetime-local is Amsterdam time; "2026-11-23T14:30".
      const d = parseLocalAmsterdam(v.scheduledAt);
      if (!d) {
        ctx.addIssue({ code: "custom", path: ["scheduledAt"], message: "Vul een geldige datum en tijd in." });
        return z.NEVER;
      }
      scheduledAt = d;
    }
    return {
      ...v,
      targetCompletes: v.mode === "sample" ? Number(v.targetCompletes) : null,
      expectedResponseRate: v.mode === "sample" ? Number(v.expectedResponseRate) : null,
      maxReminders: Number(v.maxReminders),
      scheduledAt,
    };
  });

export type CampaignInput = z.infer<typeof campaignSchema>;

/** "2026-11-23T14:30" as a time in Europe/Amsterdam. */
export function parseLocalAmsterdam(value: string): Date | null {
  const m = value.match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/);
  if (!m) return null;
  const asUtc = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  if (Number.isNaN(asUtc)) return null;
  // Offset of Amsterdam at that moment (1 or 2 hours).
  const local = new Date(new Date(asUtc).toLocaleString("en-US", { timeZone: "Europe/Amsterdam" }));
  const utc = new Date(new Date(asUtc).toLocaleString("en-US", { timeZone: "UTC" }));
  return new Date(asUtc - (local.getTime() - utc.getTime()));
}

/**
 * Surveys a campaign can use: published, with personal codes or open to everyone. Each invitation
 * carries a personal code in its link; the code ties the answer to the invitation's pseudonymous
 * respondent id (channel "panel", reminders, response rates). An open survey takes the code from the
 * link and stays open to everyone else. Anonymous surveys store no respondent id, so they cannot.
 */
export async function publishedSurveys(db: Executor = getDb()) {
  return db
    .select({ id: surveys.id, title: surveys.title, slug: surveys.slug, accessMode: surveys.accessMode })
    .from(surveys)
    .where(and(eq(surveys.status, "published"), inArray(surveys.accessMode, campaignAccessModes)))
    .orderBy(asc(surveys.title));
}

/** Access modes a campaign can invite to (personal links work for both). */
export const campaignAccessModes = ["code", "open"] as const;

interface EligibleMember {
  id: string;
  stratum: string;
}

/**
 * Active members, without those who already hold an invitation (a personal link) for `surveyId` from
 * an earlier campaign: a member gets one personal link per survey, so answers once as a panel member.
 */
async function eligibleMembers(now: Date, db: Executor, surveyId?: number): Promise<EligibleMember[]> {
  const rows = await db
    .select({ id: panelMembers.id, birthYear: panelMembers.birthYear, wijkCode: panelMembers.wijkCode })
    .from(panelMembers)
    .where(
      and(
        eq(panelMembers.status, "active"),
        surveyId === undefined
          ? undefined
          : sql`not exists (select 1 from ${panelInvitations} i join ${panelCampaigns} c on c.id = i.campaign_id
                where i.member_id = ${panelMembers.id} and c.survey_id = ${surveyId})`,
      ),
    );
  const year = now.getUTCFullYear();
  return rows.map((r) => ({
    id: r.id,
    stratum: stratumKey(ageGroupOf(r.birthYear ?? year, year), r.wijkCode ?? ""),
  }));
}

function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
}

/** Population shares for quotas; without figures for a dimension, the panel's own spread is used. */
async function quotaShares(members: EligibleMember[], db: Executor) {
  const pop = await db.select().from(populationFigures);
  const byDim = (d: string) =>
    Object.fromEntries(pop.filter((p) => p.dimension === d).map((p) => [p.category, p.count]));
  let age = toShares(byDim("age"));
  let wijk = toShares(byDim("wijk"));
  const fromPanel = { age: false, wijk: false };
  if (Object.keys(age).length === 0) {
    age = toShares(countBy(members, (m) => m.stratum.split("|")[0]!));
    fromPanel.age = true;
  }
  if (Object.keys(wijk).length === 0) {
    wijk = toShares(countBy(members, (m) => m.stratum.split("|")[1]!));
    fromPanel.wijk = true;
  }
  return { age, wijk, fromPanel };
}

export interface CampaignPlan {
  mode: "all" | "sample";
  activeMembers: number;
  needed: number;
  quotas: Record<string, number>;
  plan: SamplePlan;
  sharesFromPanel: { age: boolean; wijk: boolean };
}

/** Who would be invited: everyone, or quotas per age group × wijk sized to reach the target. */
export async function planCampaign(
  input: Pick<CampaignInput, "mode" | "targetCompletes" | "expectedResponseRate"> & { surveyId?: number },
  now = new Date(),
  db: Executor = getDb(),
): Promise<CampaignPlan> {
  const members = await eligibleMembers(now, db, input.surveyId);
  const available = countBy(members, (m) => m.stratum);
  if (input.mode === "all") {
    return {
      mode: "all",
      activeMembers: members.length,
      needed: members.length,
      quotas: available,
      plan: planSample(available, available),
      sharesFromPanel: { age: false, wijk: false },
    };
  }
  const needed = invitationsNeeded(input.targetCompletes ?? 0, input.expectedResponseRate ?? 0);
  const shares = await quotaShares(members, db);
  const quotas = computeQuotas(needed, shares.age, shares.wijk);
  return {
    mode: "sample",
    activeMembers: members.length,
    needed,
    quotas,
    plan: planSample(quotas, available),
    sharesFromPanel: shares.fromPanel,
  };
}

/** The invitation as a member would get it, with placeholder links. */
export function previewMail(input: { subject: string; message: string }, slug: string) {
  return invitationMail({
    to: "voorbeeld@voorbeeld.nl",
    subject: input.subject,
    message: input.message,
    surveyLink: personalLink(slug, "ABCD-EFGH-JKMN"),
    unsubscribeLink: `${personalLink(slug, "X").split("/enquete/")[0]}/digipanel/afmelden/(persoonlijke-link)`,
    reminder: 0,
    messageId: "<voorbeeld@wijmakenheemstede.nl>",
  });
}

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
