CREATE TABLE "consultation_documents" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"title" text NOT NULL,
	"reaction_starts_at" timestamp with time zone,
	"reaction_ends_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_documents_project_id_unique" UNIQUE("project_id")
);
--> statement-breakpoint
CREATE TABLE "consultation_mails" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"version_id" integer NOT NULL,
	"reaction_id" integer,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"claimed_by" integer,
	"claimed_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"last_mail_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_mails_once" UNIQUE("version_id","reaction_id")
);
--> statement-breakpoint
CREATE TABLE "consultation_paragraphs" (
	"id" serial PRIMARY KEY NOT NULL,
	"version_id" integer NOT NULL,
	"position" integer NOT NULL,
	"chapter" integer NOT NULL,
	"chapter_title" text NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_points" (
	"id" serial PRIMARY KEY NOT NULL,
	"version_id" integer NOT NULL,
	"paragraph_id" integer,
	"theme" integer,
	"summary" text NOT NULL,
	"answer" text DEFAULT '' NOT NULL,
	"decision" text,
	"reason" text DEFAULT '' NOT NULL,
	"changed_paragraph_id" integer,
	"change_note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultation_reactions" (
	"id" serial PRIMARY KEY NOT NULL,
	"version_id" integer NOT NULL,
	"paragraph_id" integer,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"organisation_name" text,
	"organisation_role" text,
	"text" text NOT NULL,
	"public_text" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"token_hash" text NOT NULL,
	"theme" integer,
	"point_id" integer,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "consultation_reactions_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "consultation_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"document_id" integer NOT NULL,
	"number" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"source" text DEFAULT 'editor' NOT NULL,
	"import_notes" text[] DEFAULT '{}' NOT NULL,
	"published_at" timestamp with time zone,
	"nota_published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_versions_number" UNIQUE("document_id","number")
);
--> statement-breakpoint
CREATE TABLE "initiative_photos" (
	"initiative_id" uuid PRIMARY KEY NOT NULL,
	"image_id" uuid NOT NULL,
	"alt" text,
	"published" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitor_stoplicht_current" (
	"agreement_id" integer NOT NULL,
	"year" integer NOT NULL,
	"tertiaal" smallint NOT NULL,
	"stoplicht" text NOT NULL,
	"explanation" text,
	"update_id" bigint,
	CONSTRAINT "monitor_stoplicht_current_year_tertiaal_agreement_id_pk" PRIMARY KEY("year","tertiaal","agreement_id"),
	CONSTRAINT "monitor_stoplicht_current_tertiaal" CHECK ("monitor_stoplicht_current"."tertiaal" between 1 and 3)
);
--> statement-breakpoint
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
CREATE TABLE "report_summaries" (
	"project_id" integer NOT NULL,
	"theme" integer NOT NULL,
	"text" text NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_summaries_project_id_theme_pk" PRIMARY KEY("project_id","theme")
);
--> statement-breakpoint
ALTER TABLE "media_images" ADD COLUMN "is_public" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "consultation_documents" ADD CONSTRAINT "consultation_documents_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_mails" ADD CONSTRAINT "consultation_mails_version_id_consultation_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."consultation_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_mails" ADD CONSTRAINT "consultation_mails_reaction_id_consultation_reactions_id_fk" FOREIGN KEY ("reaction_id") REFERENCES "public"."consultation_reactions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_paragraphs" ADD CONSTRAINT "consultation_paragraphs_version_id_consultation_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."consultation_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_points" ADD CONSTRAINT "consultation_points_version_id_consultation_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."consultation_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_points" ADD CONSTRAINT "consultation_points_paragraph_id_consultation_paragraphs_id_fk" FOREIGN KEY ("paragraph_id") REFERENCES "public"."consultation_paragraphs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_points" ADD CONSTRAINT "consultation_points_changed_paragraph_id_consultation_paragraphs_id_fk" FOREIGN KEY ("changed_paragraph_id") REFERENCES "public"."consultation_paragraphs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_reactions" ADD CONSTRAINT "consultation_reactions_version_id_consultation_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."consultation_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_reactions" ADD CONSTRAINT "consultation_reactions_paragraph_id_consultation_paragraphs_id_fk" FOREIGN KEY ("paragraph_id") REFERENCES "public"."consultation_paragraphs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_reactions" ADD CONSTRAINT "consultation_reactions_point_id_consultation_points_id_fk" FOREIGN KEY ("point_id") REFERENCES "public"."consultation_points"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_versions" ADD CONSTRAINT "consultation_versions_document_id_consultation_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."consultation_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_photos" ADD CONSTRAINT "initiative_photos_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_photos" ADD CONSTRAINT "initiative_photos_image_id_media_images_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."media_images"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_stoplicht_current" ADD CONSTRAINT "monitor_stoplicht_current_agreement_id_monitor_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."monitor_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_stoplicht_current" ADD CONSTRAINT "monitor_stoplicht_current_update_id_monitor_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."monitor_updates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_entries" ADD CONSTRAINT "paper_entries_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_entries" ADD CONSTRAINT "paper_entries_survey_version_id_survey_versions_id_fk" FOREIGN KEY ("survey_version_id") REFERENCES "public"."survey_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_entries" ADD CONSTRAINT "paper_entries_code_id_survey_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."survey_codes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "paper_entries" ADD CONSTRAINT "paper_entries_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_results" ADD CONSTRAINT "published_results_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "published_results" ADD CONSTRAINT "published_results_updated_by_staff_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_summaries" ADD CONSTRAINT "report_summaries_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_summaries" ADD CONSTRAINT "report_summaries_updated_by_staff_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultation_mails_due_idx" ON "consultation_mails" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "consultation_mails_last_mail_idx" ON "consultation_mails" USING btree ("last_mail_at");--> statement-breakpoint
CREATE INDEX "consultation_paragraphs_version_idx" ON "consultation_paragraphs" USING btree ("version_id","position");--> statement-breakpoint
CREATE INDEX "consultation_points_version_idx" ON "consultation_points" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "consultation_reactions_version_idx" ON "consultation_reactions" USING btree ("version_id","status","paragraph_id");--> statement-breakpoint
CREATE INDEX "consultation_reactions_point_idx" ON "consultation_reactions" USING btree ("point_id");--> statement-breakpoint
CREATE INDEX "monitor_stoplicht_current_agreement_idx" ON "monitor_stoplicht_current" USING btree ("agreement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "paper_entries_code_uq" ON "paper_entries" USING btree ("code_id");--> statement-breakpoint
CREATE INDEX "paper_entries_survey_status_idx" ON "paper_entries" USING btree ("survey_id","status");