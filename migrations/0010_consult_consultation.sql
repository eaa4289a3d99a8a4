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
CREATE INDEX "consultation_mails_due_idx" ON "consultation_mails" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "consultation_mails_last_mail_idx" ON "consultation_mails" USING btree ("last_mail_at");--> statement-breakpoint
CREATE INDEX "consultation_paragraphs_version_idx" ON "consultation_paragraphs" USING btree ("version_id","position");--> statement-breakpoint
CREATE INDEX "consultation_points_version_idx" ON "consultation_points" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "consultation_reactions_version_idx" ON "consultation_reactions" USING btree ("version_id","status","paragraph_id");--> statement-breakpoint
CREATE INDEX "consultation_reactions_point_idx" ON "consultation_reactions" USING btree ("point_id");