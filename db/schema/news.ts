import { boolean, index, integer, pgTable, serial, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { mediaImages } from "./media";
import { projectPhases, projects } from "./projects";
import { staffUsers } from "./staff";

// News context ("Actueel", issue 14). An item is public once publish_at has passed and it is not withdrawn.

export const newsItems = pgTable(
  "news_items",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    /** Plain paragraphs or the small Markdown subset of app/domain/news/markdown.ts. Never HTML. */
    body: text("body").notNull().default(""),
    imageId: uuid("image_id").references(() => mediaImages.id, { onDelete: "set null" }),
    /** Required whenever image_id is set (checked in the domain). */
    imageAlt: text("image_alt"),
    projectId: integer("project_id").references(() => projects.id, { onDelete: "set null" }),
    phaseId: integer("phase_id").references(() => projectPhases.id, { onDelete: "set null" }),
    /** null = concept; in the future = scheduled. */
    publishAt: timestamp("publish_at", { withTimezone: true }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    isDemo: boolean("is_demo").notNull().default(false),
    createdBy: text("created_by").references(() => staffUsers.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("news_items_publish_idx").on(t.publishAt.desc(), t.id.desc()),
    index("news_items_project_idx").on(t.projectId, t.publishAt.desc()),
  ],
);
