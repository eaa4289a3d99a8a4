import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { projectPhases, projects } from "./projects";
import { staffUsers } from "./staff";

// Bijeenkomsten and "Blijf op de hoogte" (issue 14, points 3 and 4; docs/informed-events.md).

export const eventStatuses = ["published", "cancelled"] as const;

/** A bijeenkomst. Times are instants; pages show them in Europe/Amsterdam. */
export const events = pgTable(
  "events",
  {
    id: serial("id").primaryKey(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    /** Street address of the place, always shown as text. */
    address: text("address").notNull(),
    /** Optional point on the map (WGS84); the address is its text alternative. */
    lat: doublePrecision("lat"),
    lng: doublePrecision("lng"),
    /** Places, counted in people (a registration may bring several). */
    capacity: integer("capacity").notNull(),
    registrationDeadline: timestamp("registration_deadline", { withTimezone: true }).notNull(),
    /** Staff can close registration early and reopen it. */
    registrationOpen: boolean("registration_open").notNull().default(true),
    status: text("status", { enum: eventStatuses }).notNull().default("published"),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    projectId: integer("project_id").references(() => projects.id, { onDelete: "set null" }),
    phaseId: integer("phase_id").references(() => projectPhases.id, { onDelete: "set null" }),
    /** Label shown with demo dates. */
    isDemo: boolean("is_demo").notNull().default(false),
    createdBy: text("created_by").references(() => staffUsers.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Random key of the form that created it: a double submit stores once. */
    formKey: text("form_key").unique(),
  },
  (t) => [index("events_starts_idx").on(t.startsAt), index("events_project_idx").on(t.projectId)],
);

export const registrationStatuses = ["confirmed", "waiting", "cancelled"] as const;

/**
 * One registration: name, e-mail, number of people, optional accessibility need. An address has at
 * most one live (not cancelled) registration per event, so a double submit stores once.
 */
export const eventRegistrations = pgTable(
  "event_registrations",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    email: text("email").notNull(),
    people: integer("people").notNull(),
    accessibility: text("accessibility"),
    status: text("status", { enum: registrationStatuses }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    promotedAt: timestamp("promoted_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    /** Set in the same transaction that queues the reminder: a reminder goes out once. */
    reminderQueuedAt: timestamp("reminder_queued_at", { withTimezone: true }),
  },
  (t) => [
    // A registration cleared by its retention period has email '' and stays as a count (docs/privacy.md).
    uniqueIndex("event_registrations_live_email")
      .on(t.eventId, t.email)
      .where(sql`status <> 'cancelled' and email <> ''`),
    index("event_registrations_event_idx").on(t.eventId, t.status, t.id),
  ],
);

/** Cancel links: every mail with a cancel link carries a fresh token; only the hash is kept. */
export const eventCancelTokens = pgTable(
  "event_cancel_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    registrationId: bigint("registration_id", { mode: "number" })
      .notNull()
      .references(() => eventRegistrations.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("event_cancel_tokens_registration_idx").on(t.registrationId)],
);

export const followerStatuses = ["pending", "active", "left"] as const;

/** Someone who follows the whole site or some projects by e-mail. */
export const followers = pgTable(
  "followers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Null after unsubscribing: we keep no address of someone we no longer mail. */
    email: text("email").unique(),
    status: text("status", { enum: followerStatuses }).notNull().default("pending"),
    wholeSite: boolean("whole_site").notNull().default(false),
    /** What the open confirmation link adds: "site" or a project id. */
    pendingScope: text("pending_scope"),
    confirmTokenHash: text("confirm_token_hash"),
    confirmExpiresAt: timestamp("confirm_expires_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    leftAt: timestamp("left_at", { withTimezone: true }),
    /** Everything up to this instant has been in a digest (or predates the follow). */
    digestUntil: timestamp("digest_until", { withTimezone: true }),
    isDemo: boolean("is_demo").notNull().default(false),
  },
  (t) => [index("followers_status_idx").on(t.status), index("followers_confirm_idx").on(t.confirmTokenHash)],
);

export const followerProjects = pgTable(
  "follower_projects",
  {
    followerId: uuid("follower_id")
      .notNull()
      .references(() => followers.id, { onDelete: "cascade" }),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.followerId, t.projectId] }),
    index("follower_projects_project_idx").on(t.projectId),
  ],
);

/** Unsubscribe links: a fresh token per mail, only the hash kept; every earlier link keeps working. */
export const followerUnsubscribeTokens = pgTable(
  "follower_unsubscribe_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    followerId: uuid("follower_id")
      .notNull()
      .references(() => followers.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("follower_unsubscribe_tokens_follower_idx").on(t.followerId)],
);

/** A manual mailing by staff to the followers of one or more projects. */
export const followerMailings = pgTable("follower_mailings", {
  id: serial("id").primaryKey(),
  subject: text("subject").notNull(),
  body: text("body").notNull(),
  projectIds: integer("project_ids").array().notNull(),
  recipients: integer("recipients").notNull().default(0),
  /** Random key of the form that sent it: a double submit sends once. */
  formKey: text("form_key").unique(),
  createdBy: text("created_by").references(() => staffUsers.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const informedMailStatuses = ["queued", "sending", "sent", "failed"] as const;

/**
 * Bulk mail to followers (digests and mailings), delivered by the digipanel's delivery path
 * (queued -> sending -> sent, see docs/panel.md "Delivery"). The text is fixed when queued; the
 * unsubscribe link is added when sent. One digest per follower per day (unique).
 */
export const informedMails = pgTable(
  "informed_mails",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    followerId: uuid("follower_id").references(() => followers.id, { onDelete: "set null" }),
    kind: text("kind", { enum: ["digest", "mailing"] }).notNull(),
    digestDay: date("digest_day"),
    mailingId: integer("mailing_id").references(() => followerMailings.id, { onDelete: "cascade" }),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    status: text("status", { enum: informedMailStatuses }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    claimedBy: integer("claimed_by"),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    lastMailAt: timestamp("last_mail_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("informed_mails_digest_day").on(t.followerId, t.digestDay),
    unique("informed_mails_mailing").on(t.mailingId, t.followerId),
    index("informed_mails_due_idx").on(t.status, t.nextAttemptAt),
    index("informed_mails_last_mail_idx").on(t.lastMailAt),
  ],
);
