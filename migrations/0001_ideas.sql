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
ALTER TABLE "initiative_documents" ADD CONSTRAINT "initiative_documents_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_documents" ADD CONSTRAINT "initiative_documents_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_events" ADD CONSTRAINT "initiative_events_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_events" ADD CONSTRAINT "initiative_events_actor_id_staff_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_follow_tokens" ADD CONSTRAINT "initiative_follow_tokens_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_messages" ADD CONSTRAINT "initiative_messages_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_messages" ADD CONSTRAINT "initiative_messages_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_account_manager_id_staff_users_id_fk" FOREIGN KEY ("account_manager_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_routing_rules" ADD CONSTRAINT "initiative_routing_rules_account_manager_id_staff_users_id_fk" FOREIGN KEY ("account_manager_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "initiative_events_initiative_idx" ON "initiative_events" USING btree ("initiative_id","at");--> statement-breakpoint
CREATE INDEX "initiative_follow_tokens_initiative_idx" ON "initiative_follow_tokens" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "initiative_messages_initiative_idx" ON "initiative_messages" USING btree ("initiative_id","at");--> statement-breakpoint
CREATE INDEX "initiatives_search_idx" ON "initiatives" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "initiatives_status_idx" ON "initiatives" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "initiatives_published_idx" ON "initiatives" USING btree ("is_published","published_at");--> statement-breakpoint
CREATE INDEX "initiatives_account_manager_idx" ON "initiatives" USING btree ("account_manager_id");--> statement-breakpoint
CREATE INDEX "initiatives_email_idx" ON "initiatives" USING btree ("initiator_email");--> statement-breakpoint
CREATE INDEX "quickscan_drafts_updated_idx" ON "quickscan_drafts" USING btree ("updated_at");