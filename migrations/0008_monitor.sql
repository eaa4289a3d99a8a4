CREATE TABLE "monitor_agreement_parties" (
	"agreement_id" integer NOT NULL,
	"organisation_id" text NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "monitor_agreement_parties_agreement_id_organisation_id_pk" PRIMARY KEY("agreement_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "monitor_agreements" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"number" text NOT NULL,
	"kind" text NOT NULL,
	"first_year" integer NOT NULL,
	"last_year" integer NOT NULL,
	"theme" smallint NOT NULL,
	"sub_theme" text,
	"sub_theme_label" text,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"parties_as_written" text,
	"prioriteit" text,
	"prioriteit_as_written" text,
	"position" integer DEFAULT 0 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitor_agreements_key_year" UNIQUE("key","first_year"),
	CONSTRAINT "monitor_agreements_theme" CHECK ("monitor_agreements"."theme" between 1 and 5),
	CONSTRAINT "monitor_agreements_years" CHECK ("monitor_agreements"."last_year" >= "monitor_agreements"."first_year")
);
--> statement-breakpoint
CREATE TABLE "monitor_organisations" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "monitor_organisations_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "monitor_partners" (
	"user_id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitor_reactions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"agreement_id" integer NOT NULL,
	"agreement_key" text NOT NULL,
	"year" integer NOT NULL,
	"tertiaal" smallint NOT NULL,
	"organisation_id" text NOT NULL,
	"text" text NOT NULL,
	"author_id" text,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitor_reactions_one" UNIQUE("agreement_id","year","tertiaal","organisation_id"),
	CONSTRAINT "monitor_reactions_tertiaal" CHECK ("monitor_reactions"."tertiaal" between 1 and 3)
);
--> statement-breakpoint
CREATE TABLE "monitor_round_mails" (
	"round_id" integer NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"outbox_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitor_round_mails_round_id_user_id_kind_pk" PRIMARY KEY("round_id","user_id","kind")
);
--> statement-breakpoint
CREATE TABLE "monitor_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"tertiaal" smallint NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"reminder_after_days" integer DEFAULT 14 NOT NULL,
	"deadline" date,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_by" text,
	"closed_at" timestamp with time zone,
	CONSTRAINT "monitor_rounds_year_tertiaal" UNIQUE("year","tertiaal"),
	CONSTRAINT "monitor_rounds_tertiaal" CHECK ("monitor_rounds"."tertiaal" between 1 and 3)
);
--> statement-breakpoint
CREATE TABLE "monitor_updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"agreement_id" integer NOT NULL,
	"agreement_key" text NOT NULL,
	"year" integer NOT NULL,
	"tertiaal" smallint NOT NULL,
	"organisation_id" text NOT NULL,
	"stoplicht" text NOT NULL,
	"explanation" text NOT NULL,
	"author_id" text,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'ingediend' NOT NULL,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	CONSTRAINT "monitor_updates_tertiaal" CHECK ("monitor_updates"."tertiaal" between 1 and 3),
	CONSTRAINT "monitor_updates_explanation" CHECK (length(trim("monitor_updates"."explanation")) > 0)
);
--> statement-breakpoint
ALTER TABLE "monitor_agreement_parties" ADD CONSTRAINT "monitor_agreement_parties_agreement_id_monitor_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."monitor_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_agreement_parties" ADD CONSTRAINT "monitor_agreement_parties_organisation_id_monitor_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."monitor_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_partners" ADD CONSTRAINT "monitor_partners_user_id_staff_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_partners" ADD CONSTRAINT "monitor_partners_organisation_id_monitor_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."monitor_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_reactions" ADD CONSTRAINT "monitor_reactions_agreement_id_monitor_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."monitor_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_reactions" ADD CONSTRAINT "monitor_reactions_organisation_id_monitor_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."monitor_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_reactions" ADD CONSTRAINT "monitor_reactions_author_id_staff_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_round_mails" ADD CONSTRAINT "monitor_round_mails_round_id_monitor_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."monitor_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_round_mails" ADD CONSTRAINT "monitor_round_mails_user_id_staff_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_round_mails" ADD CONSTRAINT "monitor_round_mails_outbox_id_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."outbox"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_rounds" ADD CONSTRAINT "monitor_rounds_opened_by_staff_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_updates" ADD CONSTRAINT "monitor_updates_agreement_id_monitor_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."monitor_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_updates" ADD CONSTRAINT "monitor_updates_organisation_id_monitor_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."monitor_organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_updates" ADD CONSTRAINT "monitor_updates_author_id_staff_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_updates" ADD CONSTRAINT "monitor_updates_reviewed_by_staff_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."staff_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monitor_parties_org_idx" ON "monitor_agreement_parties" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "monitor_agreements_years_idx" ON "monitor_agreements" USING btree ("first_year","last_year");--> statement-breakpoint
CREATE INDEX "monitor_agreements_key_idx" ON "monitor_agreements" USING btree ("key");--> statement-breakpoint
CREATE INDEX "monitor_reactions_key_idx" ON "monitor_reactions" USING btree ("agreement_key");--> statement-breakpoint
CREATE INDEX "monitor_updates_agreement_idx" ON "monitor_updates" USING btree ("agreement_id","year","tertiaal");--> statement-breakpoint
CREATE INDEX "monitor_updates_key_idx" ON "monitor_updates" USING btree ("agreement_key","status","year","tertiaal");--> statement-breakpoint
CREATE INDEX "monitor_updates_status_idx" ON "monitor_updates" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "monitor_updates_one_pending" ON "monitor_updates" USING btree ("agreement_id","year","tertiaal","organisation_id") WHERE "monitor_updates"."status" = 'ingediend';