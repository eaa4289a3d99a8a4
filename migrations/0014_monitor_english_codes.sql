-- Custom data migration (issue 18, point 4, after 0012): the monitor's stored values (and the population
-- figures' and the Woonvisie input items' sources) as English codes.
-- Dutch stays in the labels (app/domain/monitor/vocabulary.ts) and in the words people read or keep: the
-- `?stoplicht=` filter of the public monitor and the open-data JSON export map the codes back
-- (`stoplichtWords`, `prioriteitWords`); the XLSX/CSV round trip writes labels and reads labels, codes and
-- the old Dutch codes. The columns are plain text (drizzle's enum is a type only), so no type or check
-- changes; the audit details of the monitor hold labels, not codes.
UPDATE "monitor_organisations" SET "kind" = CASE "kind"
    WHEN 'gemeente' THEN 'municipality'
    WHEN 'corporatie' THEN 'housing_corporation'
    WHEN 'huurdersorganisatie' THEN 'tenant_organisation'
    ELSE "kind" END
  WHERE "kind" IN ('gemeente', 'corporatie', 'huurdersorganisatie');--> statement-breakpoint
UPDATE "monitor_agreements" SET "prioriteit" = 'ongoing' WHERE "prioriteit" = 'doorlopend';--> statement-breakpoint
CREATE TEMPORARY TABLE "english_stoplichten" ("old" text PRIMARY KEY, "new" text NOT NULL);--> statement-breakpoint
INSERT INTO "english_stoplichten" VALUES
  ('groen', 'green'),
  ('geel', 'yellow'),
  ('rood', 'red'),
  ('afgerond', 'completed'),
  ('vervallen', 'lapsed'),
  ('nog_niet_beoordeeld', 'not_assessed');--> statement-breakpoint
UPDATE "monitor_updates" u SET "stoplicht" = m."new" FROM "english_stoplichten" m WHERE u."stoplicht" = m."old";--> statement-breakpoint
UPDATE "monitor_stoplicht_current" c SET "stoplicht" = m."new" FROM "english_stoplichten" m WHERE c."stoplicht" = m."old";--> statement-breakpoint
DROP TABLE "english_stoplichten";
--> statement-breakpoint
-- Population figures entered on /beheer/digipanel/bevolking were stored with source 'ingevuld' (the CSV
-- upload with 'csv'); the audit line of that save keeps the same source.
UPDATE "population_figures" SET "source" = 'entered' WHERE "source" = 'ingevuld';--> statement-breakpoint
UPDATE "audit_log" SET "details" = jsonb_set("details", '{source}', '"entered"')
  WHERE "action" = 'panel.population_saved' AND "details"->>'source' = 'ingevuld';
--> statement-breakpoint
-- The sources of the Woonvisie input items (labels in app/domain/insights/input-items.ts), also in the audit
-- line of each new item.
CREATE TEMPORARY TABLE "english_input_sources" ("old" text PRIMARY KEY, "new" text NOT NULL);--> statement-breakpoint
INSERT INTO "english_input_sources" VALUES
  ('bewonersavond', 'residents_evening'),
  ('werkgroep-samen-besluiten', 'working_group'),
  ('woningcorporaties', 'housing_corporations'),
  ('huurdersorganisaties', 'tenant_organisations'),
  ('overige-stakeholders', 'other_stakeholders');--> statement-breakpoint
UPDATE "input_items" i SET "source" = m."new" FROM "english_input_sources" m WHERE i."source" = m."old";--> statement-breakpoint
UPDATE "audit_log" a SET "details" = jsonb_set(a."details", '{source}', to_jsonb(m."new"))
  FROM "english_input_sources" m
  WHERE a."action" = 'insights.input_item_created' AND a."details"->>'source' = m."old";--> statement-breakpoint
DROP TABLE "english_input_sources";
