import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { projects } from "./projects";
import { staffUsers } from "./staff";
import { answers, surveys } from "./surveys";

// Insights context (issue 8): coding of open answers, quotes, and the input of the other participation
// tracks for the Woonvisie report. Population figures are shared with the panel: ./population.ts.

export const codeKinds = ["theme", "cluster", "custom"] as const;
export type CodeKind = (typeof codeKinds)[number];
export const codeStatuses = ["suggested", "accepted"] as const;
export type CodeStatus = (typeof codeStatuses)[number];

/** A code for the open answers of one survey question: a theme sub-code, a proposed cluster, or staff's own. */
export const codes = pgTable(
  "codes",
  {
    id: serial("id").primaryKey(),
    surveyId: integer("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    questionKey: text("question_key").notNull(),
    kind: text("kind", { enum: codeKinds }).notNull(),
    /** Woonvisie theme 1–5; null for a cluster that staff have not placed yet. */
    theme: integer("theme"),
    /** Sub-code of the theme list, e.g. "1.5"; null for clusters and own codes. */
    subCode: text("sub_code"),
    label: text("label").notNull(),
    /** The top terms of a proposed cluster, to explain where it came from. */
    topTerms: text("top_terms").array().notNull().default([]),
    status: text("status", { enum: codeStatuses }).notNull().default("suggested"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("codes_survey_question_idx").on(t.surveyId, t.questionKey)],
);

export const answerCodeSources = ["suggested", "manual"] as const;
export type AnswerCodeSource = (typeof answerCodeSources)[number];

export const answerCodes = pgTable(
  "answer_codes",
  {
    answerId: bigint("answer_id", { mode: "number" })
      .notNull()
      .references(() => answers.id, { onDelete: "cascade" }),
    codeId: integer("code_id")
      .notNull()
      .references(() => codes.id, { onDelete: "cascade" }),
    source: text("source", { enum: answerCodeSources }).notNull().default("suggested"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.answerId, t.codeId] }), index("answer_codes_code_idx").on(t.codeId)],
);

/** An open answer marked as a quote for the report; `text` is the version shown, without personal data. */
export const quotes = pgTable("quotes", {
  answerId: bigint("answer_id", { mode: "number" })
    .primaryKey()
    .references(() => answers.id, { onDelete: "cascade" }),
  surveyId: integer("survey_id")
    .notNull()
    .references(() => surveys.id, { onDelete: "cascade" }),
  text: text("text").notNull(),
  markedBy: text("marked_by").references(() => staffUsers.id, { onDelete: "set null" }),
  markedAt: timestamp("marked_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Where staff heard the input (labels in app/domain/insights/input-items.ts). */
export const inputSources = [
  "residents_evening",
  "working_group",
  "housing_corporations",
  "tenant_organisations",
  "other_stakeholders",
] as const;
export type InputSource = (typeof inputSources)[number];

/** Input from the other participation tracks (seed 000), entered by staff, tagged by theme and source. */
export const inputItems = pgTable(
  "input_items",
  {
    id: serial("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    theme: integer("theme").notNull(),
    source: text("source", { enum: inputSources }).notNull(),
    title: text("title").notNull(),
    text: text("text").notNull(),
    itemDate: date("item_date", { mode: "string" }).notNull(),
    authorId: text("author_id").references(() => staffUsers.id, { onDelete: "set null" }),
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("input_items_project_theme_idx").on(t.projectId, t.theme)],
);

/**
 * Computed results per survey, reused while nothing they depend on has changed (the fingerprint covers
 * submitted responses, the survey version, population figures and wijken). Lives in PostgreSQL, so app
 * servers keep no state (docs/policy.md).
 */
export const resultsCache = pgTable("results_cache", {
  surveyId: integer("survey_id")
    .primaryKey()
    .references(() => surveys.id, { onDelete: "cascade" }),
  fingerprint: text("fingerprint").notNull(),
  results: jsonb("results").notNull(),
  computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
});

export const tallyKinds = ["respondents", "week", "value", "answered", "text", "point", "pointtext"] as const;
export type TallyKind = (typeof tallyKinds)[number];

/**
 * Running counts of submitted answers per question, value and respondent background, so the results
 * page reads a few thousand rows instead of every answer (issue 8). Kinds: `respondents` (question_key
 * '': respondents per background class), `week` (sub_key = channel, value = ISO week start),
 * `value` (answers per value; one row per ticked option of a multiple choice), `answered` (answers
 * with options or "weet niet": the base of a multiple choice), `text` (answers with text), and for
 * map-point questions `point` and `pointtext` (answers, and answers with a comment, per rounded spot
 * "lat,lng" in value — '' without a point — and chosen place in sub_key; no background).
 * Unknown background categories are ''. Filled by foldTallies; see tally_states for when they reset.
 */
export const answerTallies = pgTable(
  "answer_tallies",
  {
    surveyId: integer("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    questionKey: text("question_key").notNull(),
    subKey: text("sub_key").notNull(),
    kind: text("kind", { enum: tallyKinds }).notNull(),
    value: text("value").notNull(),
    age: text("age").notNull(),
    tenure: text("tenure").notNull(),
    wijk: text("wijk").notNull(),
    household: text("household").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [
    primaryKey({
      name: "answer_tallies_pk",
      columns: [t.surveyId, t.questionKey, t.subKey, t.kind, t.value, t.age, t.tenure, t.wijk, t.household],
    }),
  ],
);

/** Which background questions the tallies of a survey were counted with; a new basis starts them over. */
export const tallyStates = pgTable("tally_states", {
  surveyId: integer("survey_id")
    .primaryKey()
    .references(() => surveys.id, { onDelete: "cascade" }),
  basis: text("basis").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
