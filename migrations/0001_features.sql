CREATE TABLE "initiative_documents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"initiative_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	CONSTRAINT "initiative_documents_version_unique" UNIQUE("initiative_id","kind","version"),
	CONSTRAINT "initiative_documents_kind_check" CHECK ("initiative_documents"."kind" in ('planomschrijving','participatieplan'))
);
--> statement-breakpoint
CREATE TABLE "initiative_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"initiative_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"status" text,
	"text" text,
	"public" boolean DEFAULT true NOT NULL,
	"actor_id" text
);
--> statement-breakpoint
CREATE TABLE "initiative_follow_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"initiative_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"initiative_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"staff_user_id" text,
	CONSTRAINT "initiative_messages_kind_check" CHECK ("initiative_messages"."kind" in ('van_initiatiefnemer','aanvulling','aan_initiatiefnemer','notitie'))
);
--> statement-breakpoint
CREATE TABLE "initiatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"theme" text NOT NULL,
	"location_kind" text NOT NULL,
	"address" text,
	"lat" double precision,
	"lng" double precision,
	"wijk_code" text,
	"answers" jsonb NOT NULL,
	"budget_requested" integer,
	"initiator_name" text NOT NULL,
	"initiator_email" text NOT NULL,
	"initiator_phone" text,
	"consent_contact" boolean DEFAULT false NOT NULL,
	"show_name" boolean DEFAULT false NOT NULL,
	"allow_exact_location" boolean DEFAULT false NOT NULL,
	"proposed_decider" text NOT NULL,
	"proposed_complex" boolean NOT NULL,
	"decider" text NOT NULL,
	"complex" boolean NOT NULL,
	"decider_confirmed" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'nieuw' NOT NULL,
	"status_reason" text,
	"account_manager_id" text,
	"team" text,
	"respond_by" date,
	"process_step" integer DEFAULT 0 NOT NULL,
	"adopted_by" text,
	"adopted_on" date,
	"adoption_reference" text,
	"public_title" text,
	"public_summary" text,
	"public_lat" double precision,
	"public_lng" double precision,
	"location_precision" text DEFAULT 'geen' NOT NULL,
	"is_published" boolean DEFAULT false NOT NULL,
	"is_featured" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('dutch'::regconfig, coalesce(title, '') || ' ' || coalesce(description, '') || ' ' || coalesce(public_title, '') || ' ' || coalesce(address, ''))) STORED,
	CONSTRAINT "initiatives_status_check" CHECK ("initiatives"."status" in ('nieuw','in_behandeling','planvorming','vastgesteld','in_uitvoering','gerealiseerd','afgewezen','ingetrokken')),
	CONSTRAINT "initiatives_decider_check" CHECK ("initiatives"."decider" in ('initiatiefnemer','ambtenaren','college','raad')),
	CONSTRAINT "initiatives_process_step_check" CHECK ("initiatives"."process_step" between 0 and 5),
	CONSTRAINT "initiatives_public_point_check" CHECK (("initiatives"."public_lat" is null) = ("initiatives"."public_lng" is null)),
	CONSTRAINT "initiatives_published_check" CHECK (not "initiatives"."is_published" or ("initiatives"."public_title" is not null and "initiatives"."published_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "quickscan_drafts" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_routing_rules" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"theme" text,
	"wijk_code" text,
	"account_manager_id" text,
	"team" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "initiative_routing_rules_match_unique" UNIQUE NULLS NOT DISTINCT("theme","wijk_code"),
	CONSTRAINT "initiative_routing_rules_target_check" CHECK ("initiative_routing_rules"."account_manager_id" is not null or "initiative_routing_rules"."team" is not null)
);
--> statement-breakpoint
CREATE TABLE "answer_codes" (
	"answer_id" bigint NOT NULL,
	"code_id" integer NOT NULL,
	"source" text DEFAULT 'suggested' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "answer_codes_answer_id_code_id_pk" PRIMARY KEY("answer_id","code_id")
);
--> statement-breakpoint
CREATE TABLE "codes" (
	"id" serial PRIMARY KEY NOT NULL,
	"survey_id" integer NOT NULL,
	"question_key" text NOT NULL,
	"kind" text NOT NULL,
	"theme" integer,
	"sub_code" text,
	"label" text NOT NULL,
	"top_terms" text[] DEFAULT '{}' NOT NULL,
	"status" text DEFAULT 'suggested' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "input_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"theme" integer NOT NULL,
	"source" text NOT NULL,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"item_date" date NOT NULL,
	"author_id" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quotes" (
	"answer_id" bigint PRIMARY KEY NOT NULL,
	"survey_id" integer NOT NULL,
	"text" text NOT NULL,
	"marked_by" text,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "results_cache" (
	"survey_id" integer PRIMARY KEY NOT NULL,
	"fingerprint" text NOT NULL,
	"results" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "panel_campaigns" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"survey_id" integer NOT NULL,
	"mode" text NOT NULL,
	"target_completes" integer,
	"expected_response_rate" integer,
	"quotas" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"subject" text NOT NULL,
	"message" text NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"reminder_after_days" integer DEFAULT 7 NOT NULL,
	"max_reminders" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"queued_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "panel_invitations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"member_id" uuid,
	"respondent_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"stratum" text NOT NULL,
	"code_id" integer,
	"survey_code" text,
	"mail" text DEFAULT 'invitation' NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"claimed_by" integer,
	"claimed_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"reminders_sent" integer DEFAULT 0 NOT NULL,
	"last_reminder_at" timestamp with time zone,
	"last_mail_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "panel_invitations_respondent_id_unique" UNIQUE("respondent_id"),
	CONSTRAINT "panel_invitations_campaign_member" UNIQUE("campaign_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "panel_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"email" text,
	"birth_year" smallint,
	"postcode" text,
	"wijk_code" text,
	"household" text,
	"tenure" text,
	"consent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"left_at" timestamp with time zone,
	"confirm_token_hash" text,
	"confirm_expires_at" timestamp with time zone,
	"login_token_hash" text,
	"login_expires_at" timestamp with time zone,
	"session_token_hash" text,
	"session_expires_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "panel_members_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "panel_unsubscribe_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "population_figures" (
	"id" serial PRIMARY KEY NOT NULL,
	"dimension" text NOT NULL,
	"category" text NOT NULL,
	"count" integer NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
ALTER TABLE "initiative_documents" ADD CONSTRAINT "initiative_documents_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_documents" ADD CONSTRAINT "initiative_documents_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_events" ADD CONSTRAINT "initiative_events_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_events" ADD CONSTRAINT "initiative_events_actor_id_staff_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_follow_tokens" ADD CONSTRAINT "initiative_follow_tokens_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_messages" ADD CONSTRAINT "initiative_messages_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_messages" ADD CONSTRAINT "initiative_messages_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_account_manager_id_staff_users_id_fk" FOREIGN KEY ("account_manager_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_routing_rules" ADD CONSTRAINT "initiative_routing_rules_account_manager_id_staff_users_id_fk" FOREIGN KEY ("account_manager_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_codes" ADD CONSTRAINT "answer_codes_answer_id_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answer_codes" ADD CONSTRAINT "answer_codes_code_id_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."codes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "codes" ADD CONSTRAINT "codes_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "input_items" ADD CONSTRAINT "input_items_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "input_items" ADD CONSTRAINT "input_items_author_id_staff_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_answer_id_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_marked_by_staff_users_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results_cache" ADD CONSTRAINT "results_cache_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_campaigns" ADD CONSTRAINT "panel_campaigns_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_campaigns" ADD CONSTRAINT "panel_campaigns_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_invitations" ADD CONSTRAINT "panel_invitations_campaign_id_panel_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."panel_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_invitations" ADD CONSTRAINT "panel_invitations_member_id_panel_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."panel_members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_invitations" ADD CONSTRAINT "panel_invitations_code_id_survey_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."survey_codes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_unsubscribe_tokens" ADD CONSTRAINT "panel_unsubscribe_tokens_member_id_panel_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."panel_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_survey_version_id_survey_versions_id_fk" FOREIGN KEY ("survey_version_id") REFERENCES "public"."survey_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_codes" ADD CONSTRAINT "survey_codes_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_versions" ADD CONSTRAINT "survey_versions_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "initiative_events_initiative_idx" ON "initiative_events" USING btree ("initiative_id","at");--> statement-breakpoint
CREATE INDEX "initiative_follow_tokens_initiative_idx" ON "initiative_follow_tokens" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "initiative_messages_initiative_idx" ON "initiative_messages" USING btree ("initiative_id","at");--> statement-breakpoint
CREATE INDEX "initiatives_search_idx" ON "initiatives" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "initiatives_status_idx" ON "initiatives" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "initiatives_published_idx" ON "initiatives" USING btree ("is_published","published_at");--> statement-breakpoint
CREATE INDEX "initiatives_account_manager_idx" ON "initiatives" USING btree ("account_manager_id");--> statement-breakpoint
CREATE INDEX "initiatives_email_idx" ON "initiatives" USING btree ("initiator_email");--> statement-breakpoint
CREATE INDEX "quickscan_drafts_updated_idx" ON "quickscan_drafts" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "answer_codes_code_idx" ON "answer_codes" USING btree ("code_id");--> statement-breakpoint
CREATE INDEX "codes_survey_question_idx" ON "codes" USING btree ("survey_id","question_key");--> statement-breakpoint
CREATE INDEX "input_items_project_theme_idx" ON "input_items" USING btree ("project_id","theme");--> statement-breakpoint
CREATE INDEX "panel_invitations_due_idx" ON "panel_invitations" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "panel_invitations_member_idx" ON "panel_invitations" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "panel_invitations_last_mail_idx" ON "panel_invitations" USING btree ("last_mail_at");--> statement-breakpoint
CREATE INDEX "panel_members_status_idx" ON "panel_members" USING btree ("status");--> statement-breakpoint
CREATE INDEX "panel_members_confirm_idx" ON "panel_members" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE INDEX "panel_members_login_idx" ON "panel_members" USING btree ("login_token_hash");--> statement-breakpoint
CREATE INDEX "panel_members_session_idx" ON "panel_members" USING btree ("session_token_hash");--> statement-breakpoint
CREATE INDEX "panel_unsubscribe_tokens_member_idx" ON "panel_unsubscribe_tokens" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "population_figures_dimension_category_uq" ON "population_figures" USING btree ("dimension","category");--> statement-breakpoint
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