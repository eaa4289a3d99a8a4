CREATE TABLE "event_cancel_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"registration_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_registrations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"people" integer NOT NULL,
	"accessibility" text,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"promoted_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"reminder_queued_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"address" text NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"capacity" integer NOT NULL,
	"registration_deadline" timestamp with time zone NOT NULL,
	"registration_open" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"cancelled_at" timestamp with time zone,
	"project_id" integer,
	"phase_id" integer,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"form_key" text,
	CONSTRAINT "events_form_key_unique" UNIQUE("form_key")
);
--> statement-breakpoint
CREATE TABLE "follower_mailings" (
	"id" serial PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"project_ids" integer[] NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL,
	"form_key" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follower_mailings_form_key_unique" UNIQUE("form_key")
);
--> statement-breakpoint
CREATE TABLE "follower_projects" (
	"follower_id" uuid NOT NULL,
	"project_id" integer NOT NULL,
	CONSTRAINT "follower_projects_follower_id_project_id_pk" PRIMARY KEY("follower_id","project_id")
);
--> statement-breakpoint
CREATE TABLE "follower_unsubscribe_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"follower_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "followers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"whole_site" boolean DEFAULT false NOT NULL,
	"pending_scope" text,
	"confirm_token_hash" text,
	"confirm_expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"left_at" timestamp with time zone,
	"digest_until" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "followers_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "informed_mails" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"follower_id" uuid,
	"kind" text NOT NULL,
	"digest_day" date,
	"mailing_id" integer,
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
	CONSTRAINT "informed_mails_digest_day" UNIQUE("follower_id","digest_day"),
	CONSTRAINT "informed_mails_mailing" UNIQUE("mailing_id","follower_id")
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "attachments" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "event_cancel_tokens" ADD CONSTRAINT "event_cancel_tokens_registration_id_event_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."event_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_phase_id_project_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."project_phases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follower_mailings" ADD CONSTRAINT "follower_mailings_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follower_projects" ADD CONSTRAINT "follower_projects_follower_id_followers_id_fk" FOREIGN KEY ("follower_id") REFERENCES "public"."followers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follower_projects" ADD CONSTRAINT "follower_projects_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follower_unsubscribe_tokens" ADD CONSTRAINT "follower_unsubscribe_tokens_follower_id_followers_id_fk" FOREIGN KEY ("follower_id") REFERENCES "public"."followers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "informed_mails" ADD CONSTRAINT "informed_mails_follower_id_followers_id_fk" FOREIGN KEY ("follower_id") REFERENCES "public"."followers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "informed_mails" ADD CONSTRAINT "informed_mails_mailing_id_follower_mailings_id_fk" FOREIGN KEY ("mailing_id") REFERENCES "public"."follower_mailings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_cancel_tokens_registration_idx" ON "event_cancel_tokens" USING btree ("registration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_live_email" ON "event_registrations" USING btree ("event_id","email") WHERE status <> 'cancelled';--> statement-breakpoint
CREATE INDEX "event_registrations_event_idx" ON "event_registrations" USING btree ("event_id","status","id");--> statement-breakpoint
CREATE INDEX "events_starts_idx" ON "events" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "events_project_idx" ON "events" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "follower_projects_project_idx" ON "follower_projects" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "follower_unsubscribe_tokens_follower_idx" ON "follower_unsubscribe_tokens" USING btree ("follower_id");--> statement-breakpoint
CREATE INDEX "followers_status_idx" ON "followers" USING btree ("status");--> statement-breakpoint
CREATE INDEX "followers_confirm_idx" ON "followers" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE INDEX "informed_mails_due_idx" ON "informed_mails" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "informed_mails_last_mail_idx" ON "informed_mails" USING btree ("last_mail_at");