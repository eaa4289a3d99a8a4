-- Custom data migration (issue 18, point 4, after 0012 and 0014): the initiative's location kind as English
-- codes: adres → address, punt → point, heel → whole_town; `wijk` stays (a glossary term, like the location
-- precision `wijk` of 0012). Dutch stays in the labels (app/domain/initiatives/quickscan-form.ts `options`);
-- the kind is in no URL and no CSV column. The code is stored in three places: the column, the quickscan
-- answers kept with the initiative, and the answers of a quickscan in progress (so a resident halfway
-- through keeps the choice). Audit details hold no location kind. The column is plain text without a check.
CREATE TEMPORARY TABLE "english_location_kinds" ("old" text PRIMARY KEY, "new" text NOT NULL);--> statement-breakpoint
INSERT INTO "english_location_kinds" VALUES
  ('adres', 'address'),
  ('punt', 'point'),
  ('heel', 'whole_town');--> statement-breakpoint
UPDATE "initiatives" i SET "location_kind" = m."new"
  FROM "english_location_kinds" m WHERE i."location_kind" = m."old";--> statement-breakpoint
UPDATE "initiatives" i SET "answers" = jsonb_set(i."answers", '{locationKind}', to_jsonb(m."new"))
  FROM "english_location_kinds" m WHERE i."answers"->>'locationKind' = m."old";--> statement-breakpoint
UPDATE "quickscan_drafts" d SET "answers" = jsonb_set(d."answers", '{locationKind}', to_jsonb(m."new"))
  FROM "english_location_kinds" m WHERE d."answers"->>'locationKind' = m."old";--> statement-breakpoint
DROP TABLE "english_location_kinds";
