import {
  bigserial,
  boolean,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { projects } from "./projects";

// Consultation context (issue 16): a concept document per project, frozen published versions, reactions
// per paragraph and version, staff points with answer and decision, and the reactienota per version.

/** One concept document per project, with its reaction period (instants; shown in Europe/Amsterdam). */
export const consultationDocuments = pgTable("consultation_documents", {
  id: serial("id").primaryKey(),
  projectId: integer("project_id")
    .notNull()
    .unique()
    .references(() => projects.id, { onDelete: "cascade" }),
  title: text("title").notNull(),
  reactionStartsAt: timestamp("reaction_starts_at", { withTimezone: true }),
  reactionEndsAt: timestamp("reaction_ends_at", { withTimezone: true }),
  isDemo: boolean("is_demo").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const consultationVersionStatuses = ["draft", "published"] as const;

/** A version of the document. A published version is frozen: its paragraphs never change again. */
export const consultationVersions = pgTable(
  "consultation_versions",
  {
    id: serial("id").primaryKey(),
    documentId: integer("document_id")
      .notNull()
      .references(() => consultationDocuments.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    status: text("status", { enum: consultationVersionStatuses }).notNull().default("draft"),
    /** Where the text came from: "editor" or the name of the imported .docx. */
    source: text("source").notNull().default("editor"),
    /** What the .docx converter could not carry over (images, tables), listed for staff. */
    importNotes: text("import_notes").array().notNull().default([]),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    notaPublishedAt: timestamp("nota_published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("consultation_versions_number").on(t.documentId, t.number)],
);

/** Numbered paragraphs of one version, grouped into chapters ("2.3" = chapter 2, paragraph 3). */
export const consultationParagraphs = pgTable(
  "consultation_paragraphs",
  {
    id: serial("id").primaryKey(),
    versionId: integer("version_id")
      .notNull()
      .references(() => consultationVersions.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    chapter: integer("chapter").notNull(),
    chapterTitle: text("chapter_title").notNull(),
    number: integer("number").notNull(),
    text: text("text").notNull(),
  },
  (t) => [index("consultation_paragraphs_version_idx").on(t.versionId, t.position)],
);

export const consultationDecisions = ["adopted", "partly_adopted", "not_adopted"] as const;
export type ConsultationDecision = (typeof consultationDecisions)[number];

/** A point: one or more similar reactions merged by staff, with the answer, decision and resulting change. */
export const consultationPoints = pgTable(
  "consultation_points",
  {
    id: serial("id").primaryKey(),
    versionId: integer("version_id")
      .notNull()
      .references(() => consultationVersions.id, { onDelete: "cascade" }),
    /** Null: about the whole document. */
    paragraphId: integer("paragraph_id").references(() => consultationParagraphs.id, {
      onDelete: "set null",
    }),
    theme: integer("theme"),
    summary: text("summary").notNull(),
    answer: text("answer").notNull().default(""),
    decision: text("decision", { enum: consultationDecisions }),
    reason: text("reason").notNull().default(""),
    /** The paragraph of a later version that carries the change. */
    changedParagraphId: integer("changed_paragraph_id").references(() => consultationParagraphs.id, {
      onDelete: "set null",
    }),
    changeNote: text("change_note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("consultation_points_version_idx").on(t.versionId)],
);

export const consultationReactionKinds = ["resident", "organisation"] as const;
export const consultationReactionStatuses = ["pending", "confirmed", "withdrawn"] as const;

/**
 * A reaction on one paragraph (or the whole document) of one version. It counts once the e-mail address
 * is confirmed. Name and e-mail are never shown in public (docs/consultation.md).
 */
export const consultationReactions = pgTable(
  "consultation_reactions",
  {
    id: serial("id").primaryKey(),
    versionId: integer("version_id")
      .notNull()
      .references(() => consultationVersions.id, { onDelete: "cascade" }),
    paragraphId: integer("paragraph_id").references(() => consultationParagraphs.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: consultationReactionKinds }).notNull(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    organisationName: text("organisation_name"),
    organisationRole: text("organisation_role"),
    text: text("text").notNull(),
    /** The text as staff cleared it for publication (likely personal data removed). */
    publicText: text("public_text"),
    status: text("status", { enum: consultationReactionStatuses }).notNull().default("pending"),
    tokenHash: text("token_hash").notNull().unique(),
    theme: integer("theme"),
    pointId: integer("point_id").references(() => consultationPoints.id, { onDelete: "set null" }),
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
  },
  (t) => [
    index("consultation_reactions_version_idx").on(t.versionId, t.status, t.paragraphId),
    index("consultation_reactions_point_idx").on(t.pointId),
  ],
);

export const consultationMailStatuses = ["queued", "sending", "sent", "failed"] as const;

/** "The reactienota is published" mails, on the digipanel's bulk delivery path (decision 004). */
export const consultationMails = pgTable(
  "consultation_mails",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    versionId: integer("version_id")
      .notNull()
      .references(() => consultationVersions.id, { onDelete: "cascade" }),
    reactionId: integer("reaction_id").references(() => consultationReactions.id, { onDelete: "set null" }),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    status: text("status", { enum: consultationMailStatuses }).notNull().default("queued"),
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
    unique("consultation_mails_once").on(t.versionId, t.reactionId),
    index("consultation_mails_due_idx").on(t.status, t.nextAttemptAt),
    index("consultation_mails_last_mail_idx").on(t.lastMailAt),
  ],
);
