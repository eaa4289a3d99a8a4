import {
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
import { responses, surveyCodes, surveys, surveyVersions } from "./surveys";

// Paper questionnaires typed in by staff (issue 15, docs/paper.md). One row per paper form with a
// letter code. Without double entry the row is counted at once; with double entry it waits for a
// second person, and differences between the two entries must be resolved before it counts.

export const paperEntryStatuses = ["awaiting_second", "disagreement", "counted"] as const;
export type PaperEntryStatus = (typeof paperEntryStatuses)[number];

export const paperEntries = pgTable(
  "paper_entries",
  {
    id: serial("id").primaryKey(),
    surveyId: integer("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    surveyVersionId: integer("survey_version_id")
      .notNull()
      .references(() => surveyVersions.id),
    /** One paper form per letter code. */
    codeId: integer("code_id")
      .notNull()
      .references(() => surveyCodes.id, { onDelete: "cascade" }),
    status: text("status", { enum: paperEntryStatuses }).notNull(),
    /** Typed answers (app/domain/surveys/answers.ts `Answers`) of the first and second entry. */
    firstAnswers: jsonb("first_answers").notNull(),
    firstBy: text("first_by").notNull(),
    firstAt: timestamp("first_at", { withTimezone: true }).notNull().defaultNow(),
    secondAnswers: jsonb("second_answers"),
    secondBy: text("second_by"),
    secondAt: timestamp("second_at", { withTimezone: true }),
    /** The submitted response (channel papier) once the entry counts. */
    responseId: uuid("response_id").references(() => responses.id, { onDelete: "set null" }),
    resolvedBy: text("resolved_by"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("paper_entries_code_uq").on(t.codeId),
    index("paper_entries_survey_status_idx").on(t.surveyId, t.status),
  ],
);
