import { boolean, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { initiatives } from "./initiatives";
import { mediaImages } from "./media";

/**
 * The optional photo or sketch a resident sends with an idea (quickscan step "foto"). Private: the
 * image is stored with is_public = false and only becomes public when staff publish it together with
 * the initiative (`published`).
 */
export const initiativePhotos = pgTable("initiative_photos", {
  initiativeId: uuid("initiative_id")
    .primaryKey()
    .references(() => initiatives.id, { onDelete: "cascade" }),
  imageId: uuid("image_id")
    .notNull()
    .references(() => mediaImages.id, { onDelete: "cascade" }),
  /** What the resident said is on the picture (text for who cannot see it); null when left empty. */
  alt: text("alt"),
  /** Staff chose to show it on the public initiative page. */
  published: boolean("published").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
