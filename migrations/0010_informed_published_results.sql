CREATE TABLE "published_results" (
	"survey_id" integer PRIMARY KEY NOT NULL,
	"question_keys" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"weighted" boolean DEFAULT true NOT NULL,
	"quote_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"theme_responses" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"snapshot" jsonb,
	"published_at" timestamp with time zone,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "published_results" ADD CONSTRAINT "published_results_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_results" ADD CONSTRAINT "published_results_updated_by_staff_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;