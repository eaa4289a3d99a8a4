import { index, integer, pgTable, primaryKey } from "drizzle-orm/pg-core";
import { projectPhases } from "./projects";
import { surveys } from "./surveys";

/**
 * Surveys shown with a project phase (the survey itself already belongs to a project through
 * surveys.project_id; this places it in a phase without touching the surveys table).
 */
export const phaseSurveys = pgTable(
  "phase_surveys",
  {
    phaseId: integer("phase_id")
      .notNull()
      .references(() => projectPhases.id, { onDelete: "cascade" }),
    surveyId: integer("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.phaseId, t.surveyId] }), index("phase_surveys_survey_idx").on(t.surveyId)],
);
