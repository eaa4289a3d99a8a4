import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { projects } from "./projects";

// Surveys context (issue 6). A survey's questions live in an immutable published version; answers
// are one row per answer with typed value columns so results can be aggregated in SQL.

export const surveyStatuses = ["draft", "published", "closed"] as const;
export type SurveyStatus = (typeof surveyStatuses)[number];
export const accessModes = ["open", "code", "anonymous"] as const;
export type AccessMode = (typeof accessModes)[number];

export const surveys = pgTable(
  "surveys",
  {
    id: serial("id").primaryKey(),
    projectId: integer("project_id").references(() => projects.id, { onDelete: "set null" }),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    status: text("status", { enum: surveyStatuses }).notNull().default("draft"),
    /** open: anyone (rate-limited) · code: personal code or link, one response per code · anonymous: nothing personal stored. */
    accessMode: text("access_mode", { enum: accessModes }).notNull().default("open"),
    opensAt: timestamp("opens_at", { withTimezone: true }),
    closesAt: timestamp("closes_at", { withTimezone: true }),
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("surveys_status_idx").on(t.status), index("surveys_project_idx").on(t.projectId)],
);

/**
 * Versions of a survey's definition. The newest unpublished one is the draft staff edit; once
 * published_at is set the row never changes (responses point at it), and editing starts a new version.
 */
export const surveyVersions = pgTable(
  "survey_versions",
  {
    id: serial("id").primaryKey(),
    surveyId: integer("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    /** A SurveyDefinition (app/domain/surveys/definition.ts). */
    definition: jsonb("definition").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: text("created_by"),
  },
  (t) => [uniqueIndex("survey_versions_survey_version_uq").on(t.surveyId, t.version)],
);

export const codeChannels = ["panel", "letter"] as const;
export type CodeChannel = (typeof codeChannels)[number];

/** Personal codes (panel invitation or printed letter). Only the hash is stored; a code is used up at submit. */
export const surveyCodes = pgTable(
  "survey_codes",
  {
    id: serial("id").primaryKey(),
    surveyId: integer("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull().unique(),
    channel: text("channel", { enum: codeChannels }).notNull(),
    /** Optional pseudonymous id given by the caller (e.g. the panel), copied onto the response. */
    respondentId: text("respondent_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** The response started with this code (one per code). */
    responseId: uuid("response_id").unique(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("survey_codes_survey_idx").on(t.surveyId, t.usedAt)],
);

/** papier: a paper questionnaire typed in by staff; bureau: answers typed by a bureau and imported (docs/paper.md). */
export const responseChannels = ["open", "panel", "letter", "papier", "bureau"] as const;
export type ResponseChannel = (typeof responseChannels)[number];
export const responseStatuses = ["in_progress", "submitted"] as const;
export type ResponseStatus = (typeof responseStatuses)[number];

export const responses = pgTable(
  "responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    surveyId: integer("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    surveyVersionId: integer("survey_version_id")
      .notNull()
      .references(() => surveyVersions.id),
    /** Pseudonymous id (never personal data); null for open and anonymous responses. */
    respondentId: text("respondent_id"),
    channel: text("channel", { enum: responseChannels }).notNull().default("open"),
    status: text("status", { enum: responseStatuses }).notNull().default("in_progress"),
    /** Hash of the resume token kept in the resident's cookie (or mailed link). */
    resumeTokenHash: text("resume_token_hash").unique(),
    currentPage: integer("current_page").notNull().default(0),
    isDemo: boolean("is_demo").notNull().default(false),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** When this submitted response was added to answer_tallies (app/domain/insights/tallies.server.ts). */
    talliedAt: timestamp("tallied_at", { withTimezone: true }),
  },
  (t) => [
    index("responses_survey_status_idx").on(t.surveyId, t.status),
    index("responses_untallied_idx").on(t.surveyId).where(sql`status = 'submitted' and tallied_at is null`),
    index("responses_respondent_idx").on(t.respondentId),
  ],
);

/**
 * One row per answer. sub_key is the matrix row or ranking item ('' otherwise); value columns are
 * typed: value_option (single choice, agree as text, matrix scale, wijk of a postcode, chosen
 * location), value_options (multiple choice), value_number (agree 1–5, grade, number, year of
 * birth, rank), value_text (open text, "anders, namelijk", postcode, comment, address), value_lat/lng.
 */
export const answers = pgTable(
  "answers",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    responseId: uuid("response_id")
      .notNull()
      .references(() => responses.id, { onDelete: "cascade" }),
    /** Denormalised from the response so results per survey need no join. */
    surveyId: integer("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    questionKey: text("question_key").notNull(),
    subKey: text("sub_key").notNull().default(""),
    valueText: text("value_text"),
    valueNumber: doublePrecision("value_number"),
    valueOption: text("value_option"),
    valueOptions: text("value_options").array(),
    valueLat: doublePrecision("value_lat"),
    valueLng: doublePrecision("value_lng"),
    dontKnow: boolean("dont_know").notNull().default(false),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("answers_response_question_sub_uq").on(t.responseId, t.questionKey, t.subKey),
    index("answers_survey_question_option_idx").on(t.surveyId, t.questionKey, t.valueOption),
    index("answers_survey_question_sub_number_idx").on(t.surveyId, t.questionKey, t.subKey, t.valueNumber),
    index("answers_question_option_idx").on(t.questionKey, t.valueOption),
    index("answers_options_gin_idx").using("gin", t.valueOptions),
  ],
);
