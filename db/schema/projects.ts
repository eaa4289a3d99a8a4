import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

// Projects context (issue 14). A participation project (e.g. the Woonvisie) with ordered phases.
// Surveys, bijeenkomsten and news items point at a project and optionally at one of its phases.

export const projectStatuses = ["draft", "active", "completed"] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

/** A participation project; public at /meedenken/<slug> unless it is a draft. */
export const projects = pgTable("projects", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  /** One or two sentences for lists and the top of the project page. */
  summary: text("summary").notNull().default(""),
  description: text("description").notNull().default(""),
  /** Free text shown to residents, e.g. "Ophalen van input" (older field; phases replace it). */
  phase: text("phase").notNull().default(""),
  /** draft: staff only · active: public · completed: public, listed as finished. */
  status: text("status", { enum: projectStatuses }).notNull().default("active"),
  /** Theme codes (app/domain/insights/themes.ts for the Woonvisie themes). */
  themes: text("themes").array().notNull().default(sql`'{}'::text[]`),
  /** Wijk codes the project concerns; empty = the whole municipality. */
  wijken: text("wijken").array().notNull().default(sql`'{}'::text[]`),
  /** A team mailbox, never a person's address. */
  contactEmail: text("contact_email"),
  sortOrder: integer("sort_order").notNull().default(0),
  isDemo: boolean("is_demo").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A project's phases in order. Dates are calendar days in Europe/Amsterdam. The current phase follows
 * the dates (app/domain/projects/phases.ts) unless staff pin one (at most one pinned per project).
 */
export const projectPhases = pgTable(
  "project_phases",
  {
    id: serial("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    startsOn: date("starts_on", { mode: "string" }),
    endsOn: date("ends_on", { mode: "string" }),
    /** Staff pinned this phase as the current one, whatever the dates say. */
    pinned: boolean("pinned").notNull().default(false),
    /** The dates are examples (demo data); the page says so. */
    datesAreDemo: boolean("dates_are_demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("project_phases_project_idx").on(t.projectId, t.position),
    uniqueIndex("project_phases_one_pinned_uq").on(t.projectId).where(sql`${t.pinned}`),
    index("project_phases_starts_idx").on(t.startsOn),
  ],
);
