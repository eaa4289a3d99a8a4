CREATE TABLE "paper_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"survey_id" integer NOT NULL,
	"survey_version_id" integer NOT NULL,
	"code_id" integer NOT NULL,
	"status" text NOT NULL,
	"first_answers" jsonb NOT NULL,
	"first_by" text NOT NULL,
	"first_at" timestamp with time zone DEFAULT now() NOT NULL,
	"second_answers" jsonb,
	"second_by" text,
	"second_at" timestamp with time zone,
	"response_id" uuid,
	"resolved_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "paper_entries" ADD CONSTRAINT "paper_entries_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_entries" ADD CONSTRAINT "paper_entries_survey_version_id_survey_versions_id_fk" FOREIGN KEY ("survey_version_id") REFERENCES "public"."survey_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_entries" ADD CONSTRAINT "paper_entries_code_id_survey_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."survey_codes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_entries" ADD CONSTRAINT "paper_entries_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "paper_entries_code_uq" ON "paper_entries" USING btree ("code_id");--> statement-breakpoint
CREATE INDEX "paper_entries_survey_status_idx" ON "paper_entries" USING btree ("survey_id","status");