-- Custom data migration (issue 18, point 4, after 0015): the quickscan's other answer values as English codes.
-- Dutch stays in the labels (app/domain/initiatives/quickscan-form.ts `options`); no value is in a URL, a CSV
-- column, the routing rules (theme and wijk only) or the audit details. The values are stored in two places:
-- the answers kept with the initiative and the answers of a quickscan in progress (a draft keeps its
-- updated_at, which is its expiry). A single choice is a JSON string, a multiple choice (parties,
-- contribution) a JSON array (in a draft possibly a string: one ticked box); both are mapped per field, in
-- order; a value that is not in the table stays as it was. `school` and `later` stay (already English).
-- The municipality as a party takes the organisation kind's code `municipality` (0014).
CREATE TEMPORARY TABLE "english_quickscan_answers" (
  "field" text NOT NULL, "old" text NOT NULL, "new" text NOT NULL, PRIMARY KEY ("field", "old"));--> statement-breakpoint
INSERT INTO "english_quickscan_answers" VALUES
  ('parties', 'buren', 'neighbours'),
  ('parties', 'vereniging', 'association'),
  ('parties', 'bedrijf', 'business'),
  ('parties', 'gemeente', 'municipality'),
  ('partyCount', 'alleen', 'alone'),
  ('partyCount', 'enkele', 'few'),
  ('partyCount', 'veel', 'many'),
  ('impact', 'geen', 'none'),
  ('impact', 'klein', 'small'),
  ('impact', 'groot', 'large'),
  ('interests', 'geen', 'none'),
  ('interests', 'enkele', 'some'),
  ('interests', 'veel', 'many'),
  ('otherPlans', 'ja', 'yes'),
  ('otherPlans', 'nee', 'no'),
  ('otherPlans', 'weet_niet', 'unknown'),
  ('publicSpace', 'ja', 'yes'),
  ('publicSpace', 'nee', 'no'),
  ('permit', 'ja', 'yes'),
  ('permit', 'nee', 'no'),
  ('permit', 'weet_niet', 'unknown'),
  ('policy', 'past', 'fits'),
  ('policy', 'regels', 'exception'),
  ('policy', 'omgevingsplan', 'plan_change'),
  ('policy', 'weet_niet', 'unknown'),
  ('contribution', 'tijd', 'time'),
  ('contribution', 'geld', 'money'),
  ('contribution', 'mensen', 'people'),
  ('contribution', 'materiaal', 'materials'),
  ('timing', 'snel', 'soon'),
  ('timing', 'dit_jaar', 'this_year'),
  ('timing', 'weet_niet', 'unknown');--> statement-breakpoint
CREATE FUNCTION pg_temp.english_quickscan_answers(a jsonb) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT coalesce(jsonb_object_agg(e.key, CASE jsonb_typeof(e.value)
    WHEN 'string' THEN coalesce(
      (SELECT to_jsonb(m."new") FROM "english_quickscan_answers" m WHERE m."field" = e.key AND m."old" = e.value #>> '{}'),
      e.value)
    WHEN 'array' THEN (
      SELECT coalesce(jsonb_agg(coalesce(
        (SELECT to_jsonb(m."new") FROM "english_quickscan_answers" m
          WHERE m."field" = e.key AND m."old" = x.v #>> '{}'),
        x.v) ORDER BY x.n), '[]'::jsonb)
      FROM jsonb_array_elements(e.value) WITH ORDINALITY x(v, n))
    ELSE e.value END), '{}'::jsonb)
  FROM jsonb_each(a) e
$$;--> statement-breakpoint
UPDATE "initiatives" SET "answers" = pg_temp.english_quickscan_answers("answers")
  WHERE jsonb_typeof("answers") = 'object'
    AND "answers" ?| ARRAY(SELECT DISTINCT "field" FROM "english_quickscan_answers");--> statement-breakpoint
UPDATE "quickscan_drafts" SET "answers" = pg_temp.english_quickscan_answers("answers")
  WHERE jsonb_typeof("answers") = 'object'
    AND "answers" ?| ARRAY(SELECT DISTINCT "field" FROM "english_quickscan_answers");--> statement-breakpoint
DROP FUNCTION pg_temp.english_quickscan_answers(jsonb);--> statement-breakpoint
DROP TABLE "english_quickscan_answers";
