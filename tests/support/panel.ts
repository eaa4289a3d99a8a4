// Digipanel fixtures for integration tests that deliver panel mail over the SMTP sink of bulk-mail.ts:
// members who signed up and confirmed through the real double opt-in, a published survey and a queued
// campaign. Used by panel.test.ts and delivery-faults.test.ts.
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { createCampaign, queueCampaign } from "../../app/domain/panel/campaign-queue.server";
import { confirmSignup, signUp } from "../../app/domain/panel/members.server";
import { getDb } from "../../app/lib/db.server";
import { deliverOutbox } from "../../app/lib/mail.server";
import { panelMembers, surveys } from "../../db/schema";
import { createStaff } from "./db";
import { bodyText, type SmtpSink } from "./smtp-sink";

/** A sign-up's profile (postcode 2101 is in wijk DEMO01 of seedWijken). */
export const panelProfile = {
  birthYear: 1970,
  postcode: "2101",
  household: "paar" as const,
  tenure: "koop" as const,
  consent: "ja" as const,
};

/** The first link in a mail's text whose path contains `path`. */
export function linkIn(raw: string, path: string): string {
  const m = bodyText(raw).match(new RegExp(`https?://[^\\s<"]*${path}[^\\s<"]*`));
  if (!m) throw new Error(`no ${path} link in mail`);
  return m[0];
}

export async function publishedSurvey() {
  const [s] = await getDb()
    .insert(surveys)
    .values({ slug: "woonvisie", title: "Woonvisie", status: "published", accessMode: "code" })
    .returning();
  return s!;
}

export function campaignInput(surveyId: number, overrides: Record<string, unknown> = {}) {
  return {
    name: "Woonvisie ronde 1",
    surveyId,
    mode: "all" as "all" | "sample",
    targetCompletes: null as number | null,
    expectedResponseRate: null as number | null,
    subject: "Wat vindt u van wonen in Heemstede?",
    message: "Wij horen graag uw mening over wonen.",
    scheduledAt: null as Date | null,
    reminderAfterDays: 7,
    maxReminders: 2,
    ...overrides,
  };
}

/** The fixtures that read mail from `sink` (the one of withBulkMailSink). */
export function panelFixtures(sink: SmtpSink) {
  /** Deliver the outbox and return the last mail to `to`. */
  async function lastMailTo(to: string) {
    await deliverOutbox(100);
    const mine = sink.messages.filter((m) => m.to.includes(to));
    if (!mine.length) throw new Error(`no mail to ${to}`);
    return mine[mine.length - 1]!;
  }

  /** A member who signed up and clicked the confirmation link. */
  async function activeMember(email: string, overrides: Partial<typeof panelProfile> = {}) {
    await signUp({ ...panelProfile, ...overrides, email });
    const token = linkIn((await lastMailTo(email)).raw, "/digipanel/bevestigen/")
      .split("/")
      .pop()!;
    expect(await confirmSignup(token)).toBe("confirmed");
    const [m] = await getDb().select().from(panelMembers).where(eq(panelMembers.email, email));
    return m!;
  }

  /**
   * A published survey, an active member per address and a campaign to all of them, queued: one
   * invitation per member. The sink is emptied of the sign-up mails. Returns the campaign's id.
   */
  async function queuedCampaign(emails: string[]) {
    const survey = await publishedSurvey();
    const staff = await createStaff(["onderzoeker"]);
    for (const email of emails) await activeMember(email);
    sink.messages.length = 0;
    const id = await createCampaign(staff, campaignInput(survey.id));
    expect(await queueCampaign(id)).toBe(emails.length);
    return id;
  }

  return { lastMailTo, activeMember, queuedCampaign };
}
