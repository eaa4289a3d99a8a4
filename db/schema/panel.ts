import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { households, tenures } from "./categories";
import { staffUsers } from "./staff";
import { surveyCodes, surveys } from "./surveys";

// The digipanel (issue 7). Personal data lives only in panel_members; answers are stored by the
// surveys context under the pseudonymous respondent id of an invitation. Leaving the panel clears
// the personal columns and cuts every invitation loose from the member (docs/panel.md).

export const panelMemberStatuses = ["pending", "active", "left"] as const;

export const panelMembers = pgTable(
  "panel_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    status: text("status", { enum: panelMemberStatuses }).notNull().default("pending"),
    /** Personal data: null after leaving. */
    email: text("email").unique(),
    birthYear: smallint("birth_year"),
    /** Only the four digits are kept: enough to derive the wijk. */
    postcode: text("postcode"),
    wijkCode: text("wijk_code"),
    household: text("household", { enum: households }),
    tenure: text("tenure", { enum: tenures }),
    consentAt: timestamp("consent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    leftAt: timestamp("left_at", { withTimezone: true }),
    confirmTokenHash: text("confirm_token_hash"),
    confirmExpiresAt: timestamp("confirm_expires_at", { withTimezone: true }),
    loginTokenHash: text("login_token_hash"),
    loginExpiresAt: timestamp("login_expires_at", { withTimezone: true }),
    sessionTokenHash: text("session_token_hash"),
    sessionExpiresAt: timestamp("session_expires_at", { withTimezone: true }),
    isDemo: boolean("is_demo").notNull().default(false),
  },
  (t) => [
    index("panel_members_status_idx").on(t.status),
    index("panel_members_confirm_idx").on(t.confirmTokenHash),
    index("panel_members_login_idx").on(t.loginTokenHash),
    index("panel_members_session_idx").on(t.sessionTokenHash),
  ],
);

/**
 * Unsubscribe links: every panel mail carries a fresh token; only its hash is kept, and every
 * earlier link keeps working. Deleted with the member's personal data.
 */
export const panelUnsubscribeTokens = pgTable(
  "panel_unsubscribe_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    memberId: uuid("member_id")
      .notNull()
      .references(() => panelMembers.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("panel_unsubscribe_tokens_member_idx").on(t.memberId)],
);

export const campaignStatuses = ["scheduled", "queued", "done", "cancelled"] as const;

export const panelCampaigns = pgTable("panel_campaigns", {
  id: serial("id").primaryKey(),
  name: text("name").notNull(),
  surveyId: integer("survey_id")
    .notNull()
    .references(() => surveys.id, { onDelete: "cascade" }),
  mode: text("mode", { enum: ["all", "sample"] }).notNull(),
  targetCompletes: integer("target_completes"),
  /** Expected response rate in percent (1-100). */
  expectedResponseRate: integer("expected_response_rate"),
  /** Planned invitations per stratum ("age|wijk" -> count), fixed when the campaign is queued. */
  quotas: jsonb("quotas").$type<Record<string, number>>().notNull().default({}),
  subject: text("subject").notNull(),
  message: text("message").notNull(),
  scheduledAt: timestamp("scheduled_at", { withTimezone: true }).notNull(),
  reminderAfterDays: integer("reminder_after_days").notNull().default(7),
  /** 0, 1 or 2. */
  maxReminders: integer("max_reminders").notNull().default(0),
  status: text("status", { enum: campaignStatuses }).notNull().default("scheduled"),
  queuedAt: timestamp("queued_at", { withTimezone: true }),
  createdBy: text("created_by").references(() => staffUsers.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  isDemo: boolean("is_demo").notNull().default(false),
});

export const invitationStatuses = ["queued", "sending", "sent", "failed"] as const;

/**
 * One row per member per campaign (unique). `status` follows the pending mail: queued -> sending
 * (claimed by a live worker) -> sent, or back to queued with a backoff, or failed after the last
 * attempt. A reminder puts a sent row back to queued with mail = 'reminder'.
 */
export const panelInvitations = pgTable(
  "panel_invitations",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => panelCampaigns.id, { onDelete: "cascade" }),
    /** Null once the member left: the invitation (and its answers) no longer point to a person. */
    memberId: uuid("member_id").references(() => panelMembers.id, { onDelete: "set null" }),
    /** Pseudonymous id under which the survey stores the answers. */
    respondentId: uuid("respondent_id").notNull().unique().defaultRandom(),
    /** "ageGroup|wijkCode" at the time of invitation, for figures per stratum. */
    stratum: text("stratum").notNull(),
    /** survey_codes row of the personal code: tells whether the member started or completed. */
    codeId: integer("code_id").references(() => surveyCodes.id, { onDelete: "set null" }),
    /** The personal survey code (needed again for reminders); cleared when the member leaves. */
    surveyCode: text("survey_code"),
    mail: text("mail", { enum: ["invitation", "reminder"] })
      .notNull()
      .default("invitation"),
    status: text("status", { enum: invitationStatuses }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    claimedBy: integer("claimed_by"),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    remindersSent: integer("reminders_sent").notNull().default(0),
    lastReminderAt: timestamp("last_reminder_at", { withTimezone: true }),
    /** Every successful send (invitation or reminder), for the global rate limit. */
    lastMailAt: timestamp("last_mail_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("panel_invitations_campaign_member").on(t.campaignId, t.memberId),
    index("panel_invitations_due_idx").on(t.status, t.nextAttemptAt),
    index("panel_invitations_member_idx").on(t.memberId),
    index("panel_invitations_last_mail_idx").on(t.lastMailAt),
  ],
);
