import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { outbox } from "./platform";
import { staffUsers } from "./staff";

// Prestatieafspraken monitor (issue 13, docs/monitor.md): the agreements between the gemeente, the
// corporaties and the huurdersorganisaties, with a stoplicht per tertiaal. Stoplicht values, kinds and
// prioriteiten are closed lists whose Dutch labels live in app/domain/monitor/vocabulary.ts.

export const organisationKinds = ["municipality", "housing_corporation", "tenant_organisation"] as const;
export const agreementKinds = ["kader", "jaar"] as const;
export const prioriteiten = ["t1", "t2", "t3", "ongoing"] as const;
export const stoplichten = ["green", "yellow", "red", "completed", "lapsed", "not_assessed"] as const;
export const updateStatuses = ["submitted", "confirmed", "returned"] as const;

export const monitorOrganisations = pgTable("monitor_organisations", {
  /** A readable slug, e.g. "elan-wonen": used in exports and imports. */
  id: text("id").primaryKey(),
  name: text("name").notNull().unique(),
  kind: text("kind", { enum: organisationKinds }).notNull(),
});

/**
 * One agreement for a span of years. A kaderafspraak spans the period (2024–2027); a jaarafspraak one
 * year. Copying a jaarafspraak to the next year makes a new row with the same key, so the history
 * (updates by key) follows it.
 */
export const monitorAgreements = pgTable(
  "monitor_agreements",
  {
    id: serial("id").primaryKey(),
    /** Stable over copies, e.g. "J 1.1 (2024)". */
    key: text("key").notNull(),
    /** As numbered in the document, e.g. "J 1.1". */
    number: text("number").notNull(),
    kind: text("kind", { enum: agreementKinds }).notNull(),
    firstYear: integer("first_year").notNull(),
    lastYear: integer("last_year").notNull(),
    theme: smallint("theme").notNull(),
    subTheme: text("sub_theme"),
    subThemeLabel: text("sub_theme_label"),
    title: text("title").notNull(),
    text: text("text").notNull(),
    /** The parties as the document names them, e.g. "Corporaties en gemeente". */
    partiesAsWritten: text("parties_as_written"),
    prioriteit: text("prioriteit", { enum: prioriteiten }),
    /** The prioriteit as the monitor writes it when it is not plain, e.g. "Zie Haarlem". */
    prioriteitAsWritten: text("prioriteit_as_written"),
    /** The order of the document. */
    position: integer("position").notNull().default(0),
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("monitor_agreements_key_year").on(t.key, t.firstYear),
    index("monitor_agreements_years_idx").on(t.firstYear, t.lastYear),
    index("monitor_agreements_key_idx").on(t.key),
    check("monitor_agreements_theme", sql`${t.theme} between 1 and 5`),
    check("monitor_agreements_years", sql`${t.lastYear} >= ${t.firstYear}`),
  ],
);

/** Trekker(s) and other parties of an agreement. */
export const monitorAgreementParties = pgTable(
  "monitor_agreement_parties",
  {
    agreementId: integer("agreement_id")
      .notNull()
      .references(() => monitorAgreements.id, { onDelete: "cascade" }),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => monitorOrganisations.id),
    role: text("role", { enum: ["trekker", "party"] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agreementId, t.organisationId] }),
    index("monitor_parties_org_idx").on(t.organisationId),
  ],
);

/** A staff user with role "partner" speaks for exactly one organisation. */
export const monitorPartners = pgTable("monitor_partners", {
  userId: text("user_id")
    .primaryKey()
    .references(() => staffUsers.id, { onDelete: "cascade" }),
  organisationId: text("organisation_id")
    .notNull()
    .references(() => monitorOrganisations.id),
});

/** A tertiaal round: opened by staff, partners update, then closed. */
export const monitorRounds = pgTable(
  "monitor_rounds",
  {
    id: serial("id").primaryKey(),
    year: integer("year").notNull(),
    tertiaal: smallint("tertiaal").notNull(),
    status: text("status", { enum: ["open", "closed"] })
      .notNull()
      .default("open"),
    /** A reminder goes to partners who have not updated yet this many days after opening. */
    reminderAfterDays: integer("reminder_after_days").notNull().default(14),
    deadline: date("deadline"),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    openedBy: text("opened_by").references(() => staffUsers.id, { onDelete: "set null" }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    unique("monitor_rounds_year_tertiaal").on(t.year, t.tertiaal),
    check("monitor_rounds_tertiaal", sql`${t.tertiaal} between 1 and 3`),
  ],
);

/** The mails of a round: one invitation and at most one reminder per partner (the key makes it exactly once). */
export const monitorRoundMails = pgTable(
  "monitor_round_mails",
  {
    roundId: integer("round_id")
      .notNull()
      .references(() => monitorRounds.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => staffUsers.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["invitation", "reminder"] }).notNull(),
    outboxId: bigint("outbox_id", { mode: "number" }).references(() => outbox.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.userId, t.kind] })],
);

/**
 * The history of an agreement: one row per update, never overwritten once confirmed or sent back.
 * The public stoplicht of a tertiaal is the latest confirmed update up to that tertiaal.
 */
export const monitorUpdates = pgTable(
  "monitor_updates",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    agreementId: integer("agreement_id")
      .notNull()
      .references(() => monitorAgreements.id, { onDelete: "cascade" }),
    /** The agreement's key: the history follows the key when an agreement is copied to the next year. */
    agreementKey: text("agreement_key").notNull(),
    year: integer("year").notNull(),
    tertiaal: smallint("tertiaal").notNull(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => monitorOrganisations.id),
    stoplicht: text("stoplicht", { enum: stoplichten }).notNull(),
    explanation: text("explanation").notNull(),
    authorId: text("author_id").references(() => staffUsers.id, { onDelete: "set null" }),
    /** Kept when the account goes, and for updates taken over from a document. */
    authorName: text("author_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    status: text("status", { enum: updateStatuses }).notNull().default("submitted"),
    reviewedBy: text("reviewed_by").references(() => staffUsers.id, { onDelete: "set null" }),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    reviewNote: text("review_note"),
  },
  (t) => [
    index("monitor_updates_agreement_idx").on(t.agreementId, t.year, t.tertiaal),
    index("monitor_updates_key_idx").on(t.agreementKey, t.status, t.year, t.tertiaal),
    index("monitor_updates_status_idx").on(t.status),
    // The public monitor's default period: the latest confirmed tertiaal (docs/monitor.md).
    index("monitor_updates_confirmed_period_idx")
      .on(t.year.desc().nullsFirst(), t.tertiaal.desc().nullsFirst())
      .where(sql`status = 'confirmed'`),
    // One pending update per organisation per agreement per tertiaal: a second submit replaces it.
    uniqueIndex("monitor_updates_one_pending")
      .on(t.agreementId, t.year, t.tertiaal, t.organisationId)
      .where(sql`${t.status} = 'submitted'`),
    check("monitor_updates_tertiaal", sql`${t.tertiaal} between 1 and 3`),
    check("monitor_updates_explanation", sql`length(trim(${t.explanation})) > 0`),
  ],
);

/** A huurdersorganisatie's reaction to an agreement, one per tertiaal (a second one replaces the first). */
export const monitorReactions = pgTable(
  "monitor_reactions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    agreementId: integer("agreement_id")
      .notNull()
      .references(() => monitorAgreements.id, { onDelete: "cascade" }),
    agreementKey: text("agreement_key").notNull(),
    year: integer("year").notNull(),
    tertiaal: smallint("tertiaal").notNull(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => monitorOrganisations.id),
    text: text("text").notNull(),
    authorId: text("author_id").references(() => staffUsers.id, { onDelete: "set null" }),
    authorName: text("author_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("monitor_reactions_one").on(t.agreementId, t.year, t.tertiaal, t.organisationId),
    index("monitor_reactions_key_idx").on(t.agreementKey),
    check("monitor_reactions_tertiaal", sql`${t.tertiaal} between 1 and 3`),
  ],
);
