import { boolean, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

// Population of Heemstede, shared by the digipanel (composition, quotas) and insights
// (representativeness, weighting). Category codes: app/domain/population/categories.ts; wijk codes
// are those of the wijken table.

export const populationDimensions = ["age", "tenure", "wijk", "household", "age_tenure"] as const;
export type PopulationDimension = (typeof populationDimensions)[number];

/**
 * Number of residents per category of one dimension. `age_tenure` holds the joint table
 * (category "45-64|koop"); when present, weighting post-stratifies on it.
 */
export const populationFigures = pgTable(
  "population_figures",
  {
    id: serial("id").primaryKey(),
    dimension: text("dimension", { enum: populationDimensions }).notNull(),
    category: text("category").notNull(),
    count: integer("count").notNull(),
    source: text("source").notNull().default(""),
    isDemo: boolean("is_demo").notNull().default(false),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("population_figures_dimension_category_uq").on(t.dimension, t.category)],
);
