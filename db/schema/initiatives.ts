import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { staffUsers } from "./staff";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * An idea of a resident, from the quickscan to realisation (issue 4). The public_* columns,
 * theme, wijk_code, status, is_published, is_featured and published_at are what the public map
 * (/initiatieven) reads; everything else is private to the initiator and staff.
 */
export const initiatives = pgTable(
  "initiatives",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    theme: text("theme").notNull(),
    /** address | point | wijk | whole_town (all of Heemstede); labels in quickscan-form.ts `options` */
    locationKind: text("location_kind").notNull(),
    address: text("address"),
    /** Exact point as given by the initiator (private). */
    lat: doublePrecision("lat"),
    lng: doublePrecision("lng"),
    wijkCode: text("wijk_code"),
    /** All quickscan answers as typed (QuickscanAnswers). */
    answers: jsonb("answers").$type<Record<string, unknown>>().notNull(),
    budgetRequested: integer("budget_requested"),
    initiatorName: text("initiator_name").notNull(),
    initiatorEmail: text("initiator_email").notNull(),
    initiatorPhone: text("initiator_phone"),
    consentContact: boolean("consent_contact").notNull().default(false),
    showName: boolean("show_name").notNull().default(false),
    allowExactLocation: boolean("allow_exact_location").notNull().default(false),
    /** What the quickscan proposed, and what the civil servant confirmed or overrode. */
    proposedDecider: text("proposed_decider").notNull(),
    proposedComplex: boolean("proposed_complex").notNull(),
    decider: text("decider").notNull(),
    complex: boolean("complex").notNull(),
    deciderConfirmed: boolean("decider_confirmed").notNull().default(false),
    status: text("status").notNull().default("new"),
    statusReason: text("status_reason"),
    accountManagerId: text("account_manager_id").references(() => staffUsers.id, { onDelete: "set null" }),
    /** Team that handles the idea when no accounthouder is linked (routing fallback). */
    team: text("team"),
    respondBy: date("respond_by"),
    /** Basisstappen 1–5 of the proceskader reached so far (0 = not started). */
    processStep: integer("process_step").notNull().default(0),
    adoptedBy: text("adopted_by"),
    adoptedOn: date("adopted_on"),
    adoptionReference: text("adoption_reference"),
    // Public side, moderated by staff.
    publicTitle: text("public_title"),
    publicSummary: text("public_summary"),
    publicLat: doublePrecision("public_lat"),
    publicLng: doublePrecision("public_lng"),
    /** none | wijk | buurt | exact — how precisely the public location is shown. */
    locationPrecision: text("location_precision").notNull().default("none"),
    isPublished: boolean("is_published").notNull().default(false),
    isFeatured: boolean("is_featured").notNull().default(false),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    isDemo: boolean("is_demo").notNull().default(false),
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`to_tsvector('dutch'::regconfig, coalesce(title, '') || ' ' || coalesce(description, '') || ' ' || coalesce(public_title, '') || ' ' || coalesce(address, ''))`,
    ),
  },
  (t) => [
    index("initiatives_search_idx").using("gin", t.searchVector),
    index("initiatives_status_idx").on(t.status, t.createdAt),
    index("initiatives_published_idx").on(t.isPublished, t.publishedAt),
    index("initiatives_account_manager_idx").on(t.accountManagerId),
    index("initiatives_email_idx").on(t.initiatorEmail),
    check(
      "initiatives_status_check",
      sql`${t.status} in ('new','in_review','planning','adopted','in_execution','realised','rejected','withdrawn')`,
    ),
    check("initiatives_decider_check", sql`${t.decider} in ('initiator','officials','executive','council')`),
    check("initiatives_process_step_check", sql`${t.processStep} between 0 and 5`),
    check("initiatives_public_point_check", sql`(${t.publicLat} is null) = (${t.publicLng} is null)`),
    check(
      "initiatives_published_check",
      sql`not ${t.isPublished} or (${t.publicTitle} is not null and ${t.publishedAt} is not null)`,
    ),
  ],
);

/** Status changes, decider changes and other milestones: the initiator's timeline and the staff history. */
export const initiativeEvents = pgTable(
  "initiative_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** status | assigned | decider | published | adopted | step */
    kind: text("kind").notNull(),
    status: text("status"),
    text: text("text"),
    /** Shown to the initiator on the private page. */
    public: boolean("public").notNull().default(true),
    actorId: text("actor_id").references(() => staffUsers.id, { onDelete: "set null" }),
  },
  (t) => [index("initiative_events_initiative_idx").on(t.initiativeId, t.at)],
);

/** Messages both ways, additions by the initiator, and internal notes (never shown to the initiator). */
export const initiativeMessages = pgTable(
  "initiative_messages",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** from_initiator | addition | to_initiator | note */
    kind: text("kind").notNull(),
    body: text("body").notNull(),
    staffUserId: text("staff_user_id").references(() => staffUsers.id, { onDelete: "set null" }),
  },
  (t) => [
    index("initiative_messages_initiative_idx").on(t.initiativeId, t.at),
    check(
      "initiative_messages_kind_check",
      sql`${t.kind} in ('from_initiator','addition','to_initiator','note')`,
    ),
  ],
);

/** Planomschrijving and participatieplan of a complex opgave; every save is a new version. */
export const initiativeDocuments = pgTable(
  "initiative_documents",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    version: integer("version").notNull(),
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: text("created_by").references(() => staffUsers.id, { onDelete: "set null" }),
  },
  (t) => [
    unique("initiative_documents_version_unique").on(t.initiativeId, t.kind, t.version),
    check("initiative_documents_kind_check", sql`${t.kind} in ('plan_description','participation_plan')`),
  ],
);

/**
 * Theme and wijk → accounthouder (or team). The most specific matching rule wins; a rule with
 * neither theme nor wijk is the fallback.
 */
export const routingRules = pgTable(
  "initiative_routing_rules",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    theme: text("theme"),
    wijkCode: text("wijk_code"),
    accountManagerId: text("account_manager_id").references(() => staffUsers.id, { onDelete: "cascade" }),
    team: text("team"),
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("initiative_routing_rules_match_unique").on(t.theme, t.wijkCode).nullsNotDistinct(),
    check(
      "initiative_routing_rules_target_check",
      sql`${t.accountManagerId} is not null or ${t.team} is not null`,
    ),
  ],
);

/** A quickscan in progress, kept server-side between steps; keyed by the hash of a cookie token. */
export const quickscanDrafts = pgTable(
  "quickscan_drafts",
  {
    tokenHash: text("token_hash").primaryKey(),
    answers: jsonb("answers").$type<Record<string, string | string[]>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("quickscan_drafts_updated_idx").on(t.updatedAt)],
);

/**
 * Links to the initiator's private page: only the sha256 of each token is stored. Every mail to
 * the initiator carries a fresh token (the old ones keep working), so no token ever needs to be kept.
 */
export const initiativeFollowTokens = pgTable(
  "initiative_follow_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    initiativeId: uuid("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Last time the link opened the page; a link unused for a while expires (docs/privacy.md). */
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("initiative_follow_tokens_initiative_idx").on(t.initiativeId),
    index("initiative_follow_tokens_last_used_idx").on(t.lastUsedAt),
  ],
);
