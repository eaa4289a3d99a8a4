// Planning a digipanel campaign (docs/panel.md): the form, the surveys to invite for, the eligible members
// and quota shares, the plan's figures and a preview of the mail.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import {
  panelCampaigns,
  panelInvitations,
  panelMembers,
  populationFigures,
  surveys,
} from "../../../db/schema";
import { amsterdamToInstant } from "../../lib/amsterdam-time";
import { type Executor, getDb } from "../../lib/db.server";
import { personalLink } from "../surveys/codes.server";
import { invitationMail } from "./mails";
import { ageGroupOf } from "./profile";
import {
  computeQuotas,
  invitationsNeeded,
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
      const d = amsterdamToInstant(v.scheduledAt);
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

export interface EligibleMember {
  id: string;
  stratum: string;
}

/**
 * Active members, without those who already hold an invitation (a personal link) for `surveyId` from
 * an earlier campaign: a member gets one personal link per survey, so answers once as a panel member.
 */
export async function eligibleMembers(now: Date, db: Executor, surveyId?: number): Promise<EligibleMember[]> {
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

export function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
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
