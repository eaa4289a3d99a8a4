import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, primaryKey, smallint, text } from "drizzle-orm/pg-core";
import { monitorAgreements, monitorUpdates, stoplichten } from "./monitor";

/**
 * The public stoplicht of every agreement for every tertiaal of its years: the latest update of the key
 * confirmed up to that tertiaal, or "nog niet beoordeeld". Derived data, kept in the same transaction as
 * every write that changes it (confirm, import, copy, seed) by app/domain/monitor/stoplicht.server.ts, so
 * the public overview is one grouped SELECT (docs/monitor.md, "Performance").
 */
export const monitorStoplichtCurrent = pgTable(
  "monitor_stoplicht_current",
  {
    agreementId: integer("agreement_id")
      .notNull()
      .references(() => monitorAgreements.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    tertiaal: smallint("tertiaal").notNull(),
    stoplicht: text("stoplicht", { enum: stoplichten }).notNull(),
    explanation: text("explanation"),
    updateId: bigint("update_id", { mode: "number" }).references(() => monitorUpdates.id, {
      onDelete: "set null",
    }),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.tertiaal, t.agreementId] }),
    index("monitor_stoplicht_current_agreement_idx").on(t.agreementId),
    check("monitor_stoplicht_current_tertiaal", sql`${t.tertiaal} between 1 and 3`),
  ],
);
