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
CREATE TABLE "panel_population" (
	"id" serial PRIMARY KEY NOT NULL,
	"dimension" text NOT NULL,
	"category" text NOT NULL,
	"count" integer NOT NULL,
	"source" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "panel_population_dimension_category" UNIQUE("dimension","category")
);
--> statement-breakpoint
CREATE TABLE "panel_unsubscribe_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "panel_campaigns" ADD CONSTRAINT "panel_campaigns_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_campaigns" ADD CONSTRAINT "panel_campaigns_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_invitations" ADD CONSTRAINT "panel_invitations_campaign_id_panel_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."panel_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_invitations" ADD CONSTRAINT "panel_invitations_member_id_panel_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."panel_members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_invitations" ADD CONSTRAINT "panel_invitations_code_id_survey_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."survey_codes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_unsubscribe_tokens" ADD CONSTRAINT "panel_unsubscribe_tokens_member_id_panel_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."panel_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "panel_invitations_due_idx" ON "panel_invitations" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "panel_invitations_member_idx" ON "panel_invitations" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "panel_invitations_last_mail_idx" ON "panel_invitations" USING btree ("last_mail_at");--> statement-breakpoint
CREATE INDEX "panel_members_status_idx" ON "panel_members" USING btree ("status");--> statement-breakpoint
CREATE INDEX "panel_members_confirm_idx" ON "panel_members" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE INDEX "panel_members_login_idx" ON "panel_members" USING btree ("login_token_hash");--> statement-breakpoint
CREATE INDEX "panel_members_session_idx" ON "panel_members" USING btree ("session_token_hash");--> statement-breakpoint
CREATE INDEX "panel_unsubscribe_tokens_member_idx" ON "panel_unsubscribe_tokens" USING btree ("member_id");