ALTER TABLE "news_items" ADD COLUMN "submission_key" text;--> statement-breakpoint
ALTER TABLE "news_items" ADD CONSTRAINT "news_items_submission_key_unique" UNIQUE("submission_key");