import {
  boolean,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { staffUsers } from "./staff";

// Media context: uploaded images, stored in PostgreSQL so every app server can serve them.
// app/domain/media checks the content, strips metadata and writes one row per width.

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/** An uploaded image. The original is not kept: only the cleaned, resized variants. */
export const mediaImages = pgTable(
  "media_images",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** SHA-256 of the uploaded bytes plus uploader: a double submit finds the image it already stored. */
    sourceHash: text("source_hash").notNull().unique(),
    /** Size after orientation, before resizing. */
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    createdBy: text("created_by").references(() => staffUsers.id, { onDelete: "set null" }),
    /**
     * False for a resident's photo with an idea: /media/ refuses it; only the follow page and the staff
     * pages serve it, until staff publish it with the initiative (docs/ideas.md, "Foto bij een idee").
     */
    isPublic: boolean("is_public").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("media_images_created_idx").on(t.createdAt)],
);

/** One resized, metadata-free rendition of an image. */
export const mediaImageVariants = pgTable(
  "media_image_variants",
  {
    imageId: uuid("image_id")
      .notNull()
      .references(() => mediaImages.id, { onDelete: "cascade" }),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    /** e.g. image/webp */
    contentType: text("content_type").notNull(),
    bytes: bytea("bytes").notNull(),
  },
  (t) => [primaryKey({ columns: [t.imageId, t.width] })],
);
