import { boolean, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Wijken and buurten of Heemstede (CBS codes), optionally with a boundary in EPSG:4326. */
export const wijken = pgTable("wijken", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  kind: text("kind", { enum: ["wijk", "buurt"] })
    .notNull()
    .default("wijk"),
  parentCode: text("parent_code"),
  /** GeoJSON Polygon or MultiPolygon geometry. */
  geometry: jsonb("geometry"),
  /** Postcode digits (4) that lie mostly in this wijk, for deriving the wijk from a postcode. */
  postcodes: text("postcodes").array().notNull().default([]),
  isDemo: boolean("is_demo").notNull().default(false),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
