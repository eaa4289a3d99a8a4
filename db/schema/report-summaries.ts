import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { projects } from "./projects";
import { staffUsers } from "./staff";

/**
 * The researcher's own wording of a theme's summary at the front of the Woonvisie input report (one row
 * per project and theme, only when edited). Without a row the report shows the summary generated from the
 * data (app/domain/insights/summary.ts); "reset to generated" deletes the row.
 */
export const reportSummaries = pgTable(
  "report_summaries",
  {
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    theme: integer("theme").notNull(),
    /** One finding per line. */
    text: text("text").notNull(),
    updatedBy: text("updated_by").references(() => staffUsers.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.theme] })],
);
