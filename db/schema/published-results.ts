import { boolean, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { staffUsers } from "./staff";
import { surveys } from "./surveys";

// "Wat we hebben gehoord" (issue 14, point 5): what staff chose to show the public of one survey's results.
// The choice is kept while a page is withdrawn, so publishing again starts from it.

export const publishedResults = pgTable("published_results", {
  surveyId: integer("survey_id")
    .primaryKey()
    .references(() => surveys.id, { onDelete: "cascade" }),
  /** Keys of the closed questions to show, in survey order. */
  questionKeys: jsonb("question_keys").$type<string[]>().notNull().default([]),
  /** Show weighted shares (true) or the plain shares of the respondents (false); the page says which. */
  weighted: boolean("weighted").notNull().default(true),
  /** answer ids of marked quotes (insights `quotes`) to show. */
  quoteIds: jsonb("quote_ids").$type<number[]>().notNull().default([]),
  /** "Wat doet de gemeente ermee", per Woonvisie theme ("1".."5"), plain paragraphs. */
  themeResponses: jsonb("theme_responses").$type<Record<string, string>>().notNull().default({}),
  /**
   * The public page's content, computed once at publication from the choice above (the cache the
   * public pages read; recomputed on every publish, removed on withdraw). null = not public.
   */
  snapshot: jsonb("snapshot"),
  publishedAt: timestamp("published_at", { withTimezone: true }),
  updatedBy: text("updated_by").references(() => staffUsers.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
