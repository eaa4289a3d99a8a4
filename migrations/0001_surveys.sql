CREATE TABLE "answers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"response_id" uuid NOT NULL,
	"survey_id" integer NOT NULL,
	"question_key" text NOT NULL,
	"sub_key" text DEFAULT '' NOT NULL,
	"value_text" text,
	"value_number" double precision,
	"value_option" text,
	"value_options" text[],
	"value_lat" double precision,
	"value_lng" double precision,
	"dont_know" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"phase" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" integer NOT NULL,
	"survey_version_id" integer NOT NULL,
	"respondent_id" text,
	"channel" text DEFAULT 'open' NOT NULL,
	"status" text DEFAULT 'in_progress' NOT NULL,
	"resume_token_hash" text,
	"current_page" integer DEFAULT 0 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "responses_resume_token_hash_unique" UNIQUE("resume_token_hash")
);
--> statement-breakpoint
CREATE TABLE "survey_codes" (
	"id" serial PRIMARY KEY NOT NULL,
	"survey_id" integer NOT NULL,
	"code_hash" text NOT NULL,
	"channel" text NOT NULL,
	"respondent_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"response_id" uuid,
	"used_at" timestamp with time zone,
	CONSTRAINT "survey_codes_code_hash_unique" UNIQUE("code_hash"),
	CONSTRAINT "survey_codes_response_id_unique" UNIQUE("response_id")
);
--> statement-breakpoint
CREATE TABLE "survey_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"survey_id" integer NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"access_mode" text DEFAULT 'open' NOT NULL,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "surveys_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_survey_version_id_survey_versions_id_fk" FOREIGN KEY ("survey_version_id") REFERENCES "public"."survey_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_codes" ADD CONSTRAINT "survey_codes_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_versions" ADD CONSTRAINT "survey_versions_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "answers_response_question_sub_uq" ON "answers" USING btree ("response_id","question_key","sub_key");--> statement-breakpoint
CREATE INDEX "answers_survey_question_option_idx" ON "answers" USING btree ("survey_id","question_key","value_option");--> statement-breakpoint
CREATE INDEX "answers_survey_question_sub_number_idx" ON "answers" USING btree ("survey_id","question_key","sub_key","value_number");--> statement-breakpoint
CREATE INDEX "answers_question_option_idx" ON "answers" USING btree ("question_key","value_option");--> statement-breakpoint
CREATE INDEX "answers_options_gin_idx" ON "answers" USING gin ("value_options");--> statement-breakpoint
CREATE INDEX "responses_survey_status_idx" ON "responses" USING btree ("survey_id","status");--> statement-breakpoint
CREATE INDEX "responses_respondent_idx" ON "responses" USING btree ("respondent_id");--> statement-breakpoint
CREATE INDEX "survey_codes_survey_idx" ON "survey_codes" USING btree ("survey_id","used_at");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_versions_survey_version_uq" ON "survey_versions" USING btree ("survey_id","version");--> statement-breakpoint
CREATE INDEX "surveys_status_idx" ON "surveys" USING btree ("status");--> statement-breakpoint
CREATE INDEX "surveys_project_idx" ON "surveys" USING btree ("project_id");