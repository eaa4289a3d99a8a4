import { eq, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { audit } from "../../app/domain/audit/audit.server";
import { campaignFigures } from "../../app/domain/panel/campaign-figures.server";
import {
  cancelCampaign,
  createCampaign,
  queueCampaign,
  queueDueCampaigns,
  scheduleReminders,
} from "../../app/domain/panel/campaign-queue.server";
import { panelSweep } from "../../app/domain/panel/jobs.server";
import {
  confirmSignup,
  leavePanel,
  memberBySession,
  renewConfirmation,
  requestLogin,
  signUp,
  startSession,
  unsubscribe,
} from "../../app/domain/panel/members.server";
import { deliverPanelMail } from "../../app/domain/panel/panel-delivery.server";
import { ageGroupOf } from "../../app/domain/panel/profile";
import { getDb } from "../../app/lib/db.server";
import { resetEnvForTests } from "../../app/lib/env.server";
import { deliverOutbox } from "../../app/lib/mail.server";
import {
  outbox,
  panelInvitations,
  panelMembers,
  panelUnsubscribeTokens,
  populationFigures,
  surveyCodes,
} from "../../db/schema";
import { seedWijken } from "../../db/seed/wijken";
import { withBulkMailSink } from "../support/bulk-mail";
import { createStaff } from "../support/db";
import { campaignInput, linkIn, panelFixtures, panelProfile, publishedSurvey } from "../support/panel";
import { bodyText } from "../support/smtp-sink";

const sink = withBulkMailSink({ afterReset: () => seedWijken(getDb()) });

const { lastMailTo, activeMember, queuedCampaign } = panelFixtures(sink);

describe("signing up with double opt-in", () => {
  test("sign-up sends a confirmation link over SMTP; the link activates the member", async () => {
    expect(await signUp({ ...panelProfile, email: "inwoner@example.nl" })).toEqual({ ok: true });
    const mail = await lastMailTo("inwoner@example.nl");
    expect(mail.header("Subject")).toMatch(/Bevestig uw aanmelding/);
    const [pending] = await getDb().select().from(panelMembers);
    expect(pending!.status).toBe("pending");
    expect(pending!.wijkCode).toBe("DEMO01");
    const token = linkIn(mail.raw, "/digipanel/bevestigen/").split("/").pop()!;
    expect(await confirmSignup(token)).toBe("confirmed");
    expect(await confirmSignup(token)).toBe("unknown");
    const [active] = await getDb().select().from(panelMembers);
    expect(active!.status).toBe("active");
    expect(active!.confirmTokenHash).toBeNull();
  });

  test("a postcode outside Heemstede is refused", async () => {
    expect(await signUp({ ...panelProfile, postcode: "1011", email: "a@example.nl" })).toEqual({
      ok: false,
      reason: "postcode",
    });
  });

  test("a link older than 7 days has expired and a new one can be sent", async () => {
    const then = new Date("2026-01-01T12:00:00Z");
    await signUp({ ...panelProfile, email: "laat@example.nl" }, then);
    const token = linkIn((await lastMailTo("laat@example.nl")).raw, "/bevestigen/")
      .split("/")
      .pop()!;
    expect(await confirmSignup(token, new Date("2026-01-08T13:00:00Z"))).toBe("expired");
    await renewConfirmation(token, new Date("2026-01-08T13:00:00Z"));
    const fresh = linkIn((await lastMailTo("laat@example.nl")).raw, "/bevestigen/")
      .split("/")
      .pop()!;
    expect(fresh).not.toBe(token);
    expect(await confirmSignup(fresh, new Date("2026-01-08T13:01:00Z"))).toBe("confirmed");
  });

  test("signing up twice creates one member; an active member gets a note, not a second account", async () => {
    await activeMember("dubbel@example.nl");
    await signUp({ ...panelProfile, email: "dubbel@example.nl", birthYear: 1990 });
    const rows = await getDb().select().from(panelMembers);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.birthYear).toBe(1970);
    expect((await lastMailTo("dubbel@example.nl")).header("Subject")).toMatch(/al mee/);
  });
});

describe("my panel page", () => {
  test("a magic link starts a session once; an unknown address gets nothing", async () => {
    await activeMember("mijn@example.nl");
    await requestLogin("onbekend@example.nl");
    await requestLogin("mijn@example.nl");
    await deliverOutbox(100);
    expect(sink.messages.filter((m) => m.to.includes("onbekend@example.nl"))).toHaveLength(0);
    const token = linkIn((await lastMailTo("mijn@example.nl")).raw, "/digipanel/mijn/inloggen/")
      .split("/")
      .pop()!;
    const session = await startSession(token);
    expect(session).not.toBeNull();
    expect(await startSession(token)).toBeNull();
    expect((await memberBySession(session!.sessionToken))?.email).toBe("mijn@example.nl");
  });

  test("leaving removes all personal data; sent invitations stay without a link to the person", async () => {
    const survey = await publishedSurvey();
    const staff = await createStaff(["onderzoeker"]);
    const member = await activeMember("weg@example.nl");
    const id = await createCampaign(staff, campaignInput(survey.id));
    await queueCampaign(id);
    await deliverPanelMail({ budgetMs: 10_000 });
    await leavePanel(member.id);
    const [m] = await getDb().select().from(panelMembers).where(eq(panelMembers.id, member.id));
    expect(m).toMatchObject({ status: "left", email: null, birthYear: null, postcode: null, wijkCode: null });
    expect(m!.household).toBeNull();
    expect(m!.tenure).toBeNull();
    const invitations = await getDb().select().from(panelInvitations);
    expect(invitations).toHaveLength(1);
    expect(invitations[0]!.memberId).toBeNull();
    expect(invitations[0]!.surveyCode).toBeNull();
    expect(await getDb().select().from(panelUnsubscribeTokens)).toHaveLength(0);
  });
});

describe("invitations", () => {
  test("every active member gets one invitation with a personal link and unsubscribe headers", async () => {
    const survey = await publishedSurvey();
    const staff = await createStaff(["onderzoeker"]);
    for (const e of ["a@example.nl", "b@example.nl", "c@example.nl"]) await activeMember(e);
    await signUp({ ...panelProfile, email: "pending@example.nl" });
    sink.messages.length = 0;
    const id = await createCampaign(staff, campaignInput(survey.id));
    expect(await queueCampaign(id)).toBe(3);
    expect(await queueCampaign(id)).toBe(0);
    const result = await deliverPanelMail({ budgetMs: 10_000 });
    expect(result.sent).toBe(3);
    expect(sink.messages).toHaveLength(3);
    const mail = sink.messages[0]!;
    expect(mail.header("List-Unsubscribe")).toMatch(
      /^<http:\/\/localhost:3000\/digipanel\/afmelden\/[A-Za-z0-9_-]{43}>$/,
    );
    expect(mail.header("List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(bodyText(mail.raw)).toMatch(/\/enquete\/woonvisie\?code=[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/);
    expect(mail.raw).not.toMatch(/<img/i);
    // One code per invitation, carrying the pseudonymous respondent id, never the e-mail.
    const codes = await getDb().select().from(surveyCodes);
    const invitations = await getDb().select().from(panelInvitations);
    expect(codes).toHaveLength(3);
    expect(new Set(codes.map((c) => c.respondentId))).toEqual(
      new Set(invitations.map((i) => i.respondentId)),
    );
    expect(await deliverPanelMail({ budgetMs: 5_000 })).toMatchObject({ sent: 0 });
  });

  test("the database allows one invitation per member per campaign", async () => {
    const survey = await publishedSurvey();
    const staff = await createStaff(["onderzoeker"]);
    const member = await activeMember("uniek@example.nl");
    const id = await createCampaign(staff, campaignInput(survey.id));
    await queueCampaign(id);
    await expect(
      getDb().insert(panelInvitations).values({ campaignId: id, memberId: member.id, stratum: "x" }),
    ).rejects.toThrow();
  });

  test("an SMTP failure is recorded on the invitation and retried after a backoff", async () => {
    const survey = await publishedSurvey();
    const staff = await createStaff(["onderzoeker"]);
    await activeMember("stuk@example.nl");
    await activeMember("goed@example.nl");
    sink.rejectTo("stuk@example.nl");
    const id = await createCampaign(staff, campaignInput(survey.id));
    await queueCampaign(id);
    const result = await deliverPanelMail({ budgetMs: 5_000 });
    expect(result).toMatchObject({ sent: 1, failed: 1 });
    const [broken] = await getDb()
      .select()
      .from(panelInvitations)
      .where(sql`${panelInvitations.lastError} is not null`);
    expect(broken).toMatchObject({ status: "queued", attempts: 1 });
    expect(broken!.lastError).toMatch(/550|unavailable/i);
    expect(broken!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    // After the last attempt the invitation counts as failed.
    await getDb()
      .update(panelInvitations)
      .set({ attempts: 4, nextAttemptAt: new Date(0) })
      .where(eq(panelInvitations.id, broken!.id));
    await deliverPanelMail({ budgetMs: 5_000 });
    const figures = await campaignFigures(id);
    expect(figures.total).toMatchObject({ invited: 2, sent: 1, failed: 1 });
  });

  test("a refusal after the whole message (451 at the end of DATA) is recorded and retried", async () => {
    await queuedCampaign(["later-weer@example.nl"]);
    sink.failNext(1);
    expect(await deliverPanelMail({ budgetMs: 5_000 })).toMatchObject({ sent: 0, failed: 1 });
    const [row] = await getDb().select().from(panelInvitations);
    expect(row).toMatchObject({ status: "queued", attempts: 1, sentAt: null });
    expect(row!.lastError).toMatch(/451|later/i);
    await getDb()
      .update(panelInvitations)
      .set({ nextAttemptAt: new Date(0) });
    expect(await deliverPanelMail({ budgetMs: 5_000 })).toMatchObject({ sent: 1 });
    expect(sink.messages).toHaveLength(1);
  });

  test("rows of a killed worker are sent again; rows of a live worker are left alone", async () => {
    await queuedCampaign(["k1@example.nl", "k2@example.nl"]);
    // Worker 42 claimed both and died (it holds no advisory lock).
    await getDb().update(panelInvitations).set({ status: "sending", claimedBy: 42 });
    const result = await deliverPanelMail({ budgetMs: 5_000 });
    expect(result).toMatchObject({ recovered: 2, sent: 2 });
  });

  test("the panel sweep of a restarted worker resends a dead worker's rows with the same Message-ID", async () => {
    await queuedCampaign(["s1@example.nl", "s2@example.nl"]);
    await deliverPanelMail({ budgetMs: 5_000 });
    const first = sink.messages.map((m) => m.messageId).sort();
    // The server took both, but worker 43 died before committing one confirmation.
    await getDb()
      .update(panelInvitations)
      .set({ status: "sending", claimedBy: 43, sentAt: null })
      .where(eq(panelInvitations.id, (await getDb().select().from(panelInvitations))[0]!.id));
    await panelSweep();
    expect(sink.messages).toHaveLength(3);
    const ids = sink.messages.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(2);
    expect([...new Set(ids)].sort()).toEqual(first);
    const rows = await getDb().select().from(panelInvitations);
    expect(rows.every((r) => r.status === "sent" && r.claimedBy === null)).toBe(true);
  });
});

describe("rate and schedule", () => {
  test("PANEL_MAILS_PER_MINUTE caps delivery over all workers", async () => {
    const survey = await publishedSurvey();
    const staff = await createStaff(["onderzoeker"]);
    for (const e of ["r1@example.nl", "r2@example.nl", "r3@example.nl"]) await activeMember(e);
    sink.messages.length = 0;
    process.env.PANEL_MAILS_PER_MINUTE = "2";
    resetEnvForTests();
    try {
      const id = await createCampaign(staff, campaignInput(survey.id));
      await queueCampaign(id);
      expect(await deliverPanelMail({ budgetMs: 5_000 })).toMatchObject({ sent: 2, throttled: true });
      expect(sink.messages).toHaveLength(2);
    } finally {
      process.env.PANEL_MAILS_PER_MINUTE = "0";
      resetEnvForTests();
    }
    expect(await deliverPanelMail({ budgetMs: 5_000 })).toMatchObject({ sent: 1 });
  });

  test("a campaign is queued when its time has come, not before, and not after cancelling", async () => {
    const survey = await publishedSurvey();
    const staff = await createStaff(["onderzoeker"]);
    await activeMember("later@example.nl");
    const at = new Date(Date.now() + 3600_000);
    const id = await createCampaign(staff, campaignInput(survey.id, { scheduledAt: at }));
    const cancelled = await createCampaign(staff, campaignInput(survey.id, { scheduledAt: at }));
    await cancelCampaign(staff, cancelled);
    expect(await queueDueCampaigns(new Date())).toBe(0);
    expect(await queueDueCampaigns(new Date(at.getTime() + 1000))).toBe(1);
    expect((await campaignFigures(id)).total.invited).toBe(1);
    expect((await campaignFigures(cancelled)).total.invited).toBe(0);
  });
});

describe("reminders", () => {
  test("up to the allowed reminders go to members who have not completed, after N days", async () => {
    const survey = await publishedSurvey();
    const staff = await createStaff(["onderzoeker"]);
    await activeMember("klaar@example.nl");
    await activeMember("nog-niet@example.nl");
    const id = await createCampaign(
      staff,
      campaignInput(survey.id, { reminderAfterDays: 3, maxReminders: 2 }),
    );
    await queueCampaign(id);
    await deliverPanelMail({ budgetMs: 5_000 });
    // klaar@ completes the survey.
    const [done] = await getDb()
      .select({ codeId: panelInvitations.codeId })
      .from(panelInvitations)
      .innerJoin(panelMembers, eq(panelMembers.id, panelInvitations.memberId))
      .where(eq(panelMembers.email, "klaar@example.nl"));
    await getDb().update(surveyCodes).set({ usedAt: new Date() }).where(eq(surveyCodes.id, done!.codeId!));
    sink.messages.length = 0;

    const day = 24 * 3600 * 1000;
    expect(await scheduleReminders(new Date(Date.now() + 2 * day))).toBe(0);
    expect(await scheduleReminders(new Date(Date.now() + 3 * day + 60_000))).toBe(1);
    await deliverPanelMail({ budgetMs: 5_000 });
    expect(sink.messages).toHaveLength(1);
    expect(sink.messages[0]!.to).toEqual(["nog-niet@example.nl"]);
    expect(sink.messages[0]!.header("Subject")).toMatch(/^Herinnering:/);
    expect(bodyText(sink.messages[0]!.raw)).toMatch(/\/enquete\/woonvisie\?code=/);

    expect(await scheduleReminders(new Date(Date.now() + 4 * day))).toBe(1);
    await deliverPanelMail({ budgetMs: 5_000 });
    expect(await scheduleReminders(new Date(Date.now() + 30 * day))).toBe(0);
    expect(sink.messages).toHaveLength(2);
    expect((await campaignFigures(id)).total).toMatchObject({ sent: 2, completed: 1, reminders: 2 });
  });
});

describe("unsubscribe", () => {
  test("the link in an invitation takes the member out of the panel", async () => {
    await queuedCampaign(["stop@example.nl"]);
    await deliverPanelMail({ budgetMs: 5_000 });
    const token = sink.messages[0]!.header("List-Unsubscribe")!.slice(1, -1).split("/").pop()!;
    expect(await unsubscribe(token)).toBe(true);
    expect(await unsubscribe(token)).toBe(false);
    const [m] = await getDb().select().from(panelMembers);
    expect(m).toMatchObject({ status: "left", email: null });
  });
});

describe("stratified sample", () => {
  test("the sample meets its quotas per age group × wijk", async () => {
    const survey = await publishedSurvey();
    const staff = await createStaff(["onderzoeker"]);
    const year = new Date().getUTCFullYear();
    // 2 age groups × 2 wijken, 30 members each: plenty to fill every quota.
    const values = [];
    for (const birthYear of [year - 25, year - 50])
      for (const [postcode, wijkCode] of [
        ["2101", "DEMO01"],
        ["2102", "DEMO02"],
      ] as const)
        for (let i = 0; i < 30; i++)
          values.push({
            email: `m${birthYear}-${wijkCode}-${i}@example.nl`,
            status: "active" as const,
            birthYear,
            postcode,
            wijkCode,
            household: "alleenstaand" as const,
            tenure: "koop" as const,
          });
    await getDb().insert(panelMembers).values(values);
    await getDb()
      .insert(populationFigures)
      .values([
        { dimension: "age", category: "16-29", count: 3000 },
        { dimension: "age", category: "45-64", count: 1000 },
        { dimension: "wijk", category: "DEMO01", count: 500 },
        { dimension: "wijk", category: "DEMO02", count: 500 },
      ]);
    // 20 completes at 50% response: 40 invitations; 75/25 by age, 50/50 by wijk.
    const id = await createCampaign(
      staff,
      campaignInput(survey.id, { mode: "sample", targetCompletes: 20, expectedResponseRate: 50 }),
    );
    await queueCampaign(id);
    const figures = await campaignFigures(id);
    const invited = Object.fromEntries(figures.strata.map((s) => [s.stratum, s.invited]));
    expect(invited).toEqual({
      "16-29|DEMO01": 15,
      "16-29|DEMO02": 15,
      "45-64|DEMO01": 5,
      "45-64|DEMO02": 5,
    });
    for (const s of figures.strata) expect(s.invited).toBe(s.quota);
    const rows = await getDb()
      .select({
        birthYear: panelMembers.birthYear,
        stratum: panelInvitations.stratum,
        wijk: panelMembers.wijkCode,
      })
      .from(panelInvitations)
      .innerJoin(panelMembers, eq(panelMembers.id, panelInvitations.memberId));
    for (const r of rows) expect(r.stratum).toBe(`${ageGroupOf(r.birthYear!, year)}|${r.wijk}`);
  });

  test("scheduling a campaign is in the audit log", async () => {
    const survey = await publishedSurvey();
    const staff = await createStaff(["onderzoeker"]);
    await createCampaign(staff, campaignInput(survey.id));
    const rows = await getDb().execute<{ action: string }>(sql`select action from audit_log`);
    expect(rows.map((r) => r.action)).toContain("panel.campaign_scheduled");
    expect(audit).toBeTypeOf("function");
    expect(await getDb().select().from(outbox)).toHaveLength(0);
  });
});
