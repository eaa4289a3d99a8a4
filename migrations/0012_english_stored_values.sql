-- Custom data migration (issue 18, point 4): stored values as English codes, as the README glossary says.
-- Dutch stays in the labels (app/domain/initiatives/statuses.ts, app/domain/monitor/vocabulary.ts).
-- The migrator runs all pending migrations in one transaction, so a failure leaves the old values.
-- Checks and the partial index name the old values: drop them first, convert, then add them again.
ALTER TABLE "initiatives" DROP CONSTRAINT "initiatives_status_check";--> statement-breakpoint
ALTER TABLE "initiatives" DROP CONSTRAINT "initiatives_decider_check";--> statement-breakpoint
ALTER TABLE "initiative_messages" DROP CONSTRAINT "initiative_messages_kind_check";--> statement-breakpoint
ALTER TABLE "initiative_documents" DROP CONSTRAINT "initiative_documents_kind_check";--> statement-breakpoint
DROP INDEX "monitor_updates_one_pending";--> statement-breakpoint
CREATE TEMPORARY TABLE "english_initiative_statuses" ("old" text PRIMARY KEY, "new" text NOT NULL);--> statement-breakpoint
INSERT INTO "english_initiative_statuses" VALUES
  ('nieuw', 'new'),
  ('in_behandeling', 'in_review'),
  ('planvorming', 'planning'),
  ('vastgesteld', 'adopted'),
  ('in_uitvoering', 'in_execution'),
  ('gerealiseerd', 'realised'),
  ('afgewezen', 'rejected'),
  ('ingetrokken', 'withdrawn');--> statement-breakpoint
UPDATE "initiatives" i SET "status" = m."new" FROM "english_initiative_statuses" m WHERE i."status" = m."old";--> statement-breakpoint
UPDATE "initiative_events" e SET "status" = m."new" FROM "english_initiative_statuses" m WHERE e."status" = m."old";--> statement-breakpoint
-- The audit trail of status changes keeps its codes in details.from / details.to (shown with the labels).
UPDATE "audit_log" SET "details" = "details"
    || coalesce((SELECT jsonb_build_object('from', m."new") FROM "english_initiative_statuses" m WHERE m."old" = "details"->>'from'), '{}'::jsonb)
    || coalesce((SELECT jsonb_build_object('to', m."new") FROM "english_initiative_statuses" m WHERE m."old" = "details"->>'to'), '{}'::jsonb)
  WHERE "action" = 'initiative.status_changed';--> statement-breakpoint
DROP TABLE "english_initiative_statuses";--> statement-breakpoint
UPDATE "initiatives" SET
    "decider" = CASE "decider" WHEN 'initiatiefnemer' THEN 'initiator' WHEN 'ambtenaren' THEN 'officials'
      WHEN 'college' THEN 'executive' WHEN 'raad' THEN 'council' ELSE "decider" END,
    "proposed_decider" = CASE "proposed_decider" WHEN 'initiatiefnemer' THEN 'initiator' WHEN 'ambtenaren' THEN 'officials'
      WHEN 'college' THEN 'executive' WHEN 'raad' THEN 'council' ELSE "proposed_decider" END,
    "adopted_by" = CASE "adopted_by" WHEN 'college' THEN 'executive' WHEN 'raad' THEN 'council' ELSE "adopted_by" END;--> statement-breakpoint
UPDATE "initiatives" SET "location_precision" = 'none' WHERE "location_precision" = 'geen';--> statement-breakpoint
UPDATE "audit_log" SET "details" = jsonb_set("details", '{precision}', '"none"')
  WHERE "action" IN ('initiative.published', 'initiative.publication_changed') AND "details"->>'precision' = 'geen';--> statement-breakpoint
-- Decider changes keep {decider, complex} in details.from / details.to.
UPDATE "audit_log" SET "details" = jsonb_set(jsonb_set("details",
    '{from,decider}', to_jsonb(CASE "details"#>>'{from,decider}' WHEN 'initiatiefnemer' THEN 'initiator' WHEN 'ambtenaren' THEN 'officials'
      WHEN 'college' THEN 'executive' WHEN 'raad' THEN 'council' ELSE "details"#>>'{from,decider}' END)),
    '{to,decider}', to_jsonb(CASE "details"#>>'{to,decider}' WHEN 'initiatiefnemer' THEN 'initiator' WHEN 'ambtenaren' THEN 'officials'
      WHEN 'college' THEN 'executive' WHEN 'raad' THEN 'council' ELSE "details"#>>'{to,decider}' END))
  WHERE "action" = 'initiative.decider_confirmed' AND "details"#>>'{from,decider}' IS NOT NULL
    AND "details"#>>'{to,decider}' IS NOT NULL;--> statement-breakpoint
UPDATE "initiative_events" SET "kind" = CASE "kind"
    WHEN 'toegewezen' THEN 'assigned'
    WHEN 'beslisser' THEN 'decider'
    WHEN 'gepubliceerd' THEN 'published'
    WHEN 'vastgesteld' THEN 'adopted'
    WHEN 'stap' THEN 'step'
    ELSE "kind" END
  WHERE "kind" IN ('toegewezen', 'beslisser', 'gepubliceerd', 'vastgesteld', 'stap');--> statement-breakpoint
UPDATE "initiative_messages" SET "kind" = CASE "kind"
    WHEN 'van_initiatiefnemer' THEN 'from_initiator'
    WHEN 'aanvulling' THEN 'addition'
    WHEN 'aan_initiatiefnemer' THEN 'to_initiator'
    WHEN 'notitie' THEN 'note'
    ELSE "kind" END
  WHERE "kind" IN ('van_initiatiefnemer', 'aanvulling', 'aan_initiatiefnemer', 'notitie');--> statement-breakpoint
UPDATE "initiative_documents" SET "kind" = CASE "kind"
    WHEN 'planomschrijving' THEN 'plan_description'
    WHEN 'participatieplan' THEN 'participation_plan'
    ELSE "kind" END
  WHERE "kind" IN ('planomschrijving', 'participatieplan');--> statement-breakpoint
UPDATE "monitor_updates" SET "status" = CASE "status"
    WHEN 'ingediend' THEN 'submitted'
    WHEN 'bevestigd' THEN 'confirmed'
    WHEN 'teruggestuurd' THEN 'returned'
    ELSE "status" END
  WHERE "status" IN ('ingediend', 'bevestigd', 'teruggestuurd');--> statement-breakpoint
UPDATE "monitor_rounds" SET "status" = 'closed' WHERE "status" = 'gesloten';--> statement-breakpoint
UPDATE "monitor_round_mails" SET "kind" = CASE "kind"
    WHEN 'uitnodiging' THEN 'invitation'
    WHEN 'herinnering' THEN 'reminder'
    ELSE "kind" END
  WHERE "kind" IN ('uitnodiging', 'herinnering');--> statement-breakpoint
-- The outbox kind of those mails is monitor.round_<kind> (labels in app/lib/mail-kinds.ts).
UPDATE "outbox" SET "kind" = CASE "kind"
    WHEN 'monitor.round_uitnodiging' THEN 'monitor.round_invitation'
    WHEN 'monitor.round_herinnering' THEN 'monitor.round_reminder'
    ELSE "kind" END
  WHERE "kind" IN ('monitor.round_uitnodiging', 'monitor.round_herinnering');--> statement-breakpoint
UPDATE "monitor_agreement_parties" SET "role" = 'party' WHERE "role" = 'partij';--> statement-breakpoint
ALTER TABLE "initiatives" ALTER COLUMN "status" SET DEFAULT 'new';--> statement-breakpoint
ALTER TABLE "initiatives" ALTER COLUMN "location_precision" SET DEFAULT 'none';--> statement-breakpoint
ALTER TABLE "monitor_updates" ALTER COLUMN "status" SET DEFAULT 'submitted';--> statement-breakpoint
CREATE UNIQUE INDEX "monitor_updates_one_pending" ON "monitor_updates" USING btree ("agreement_id","year","tertiaal","organisation_id") WHERE "monitor_updates"."status" = 'submitted';--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_decider_check" CHECK ("initiatives"."decider" in ('initiator','officials','executive','council'));--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_status_check" CHECK ("initiatives"."status" in ('new','in_review','planning','adopted','in_execution','realised','rejected','withdrawn'));--> statement-breakpoint
ALTER TABLE "initiative_messages" ADD CONSTRAINT "initiative_messages_kind_check" CHECK ("initiative_messages"."kind" in ('from_initiator','addition','to_initiator','note'));--> statement-breakpoint
ALTER TABLE "initiative_documents" ADD CONSTRAINT "initiative_documents_kind_check" CHECK ("initiative_documents"."kind" in ('plan_description','participation_plan'));
