CREATE TABLE "answer_tallies" (
	"survey_id" integer NOT NULL,
	"question_key" text NOT NULL,
	"sub_key" text NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"age" text NOT NULL,
	"tenure" text NOT NULL,
	"wijk" text NOT NULL,
	"household" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "answer_tallies_pk" PRIMARY KEY("survey_id","question_key","sub_key","kind","value","age","tenure","wijk","household")
);
--> statement-breakpoint
CREATE TABLE "tally_states" (
	"survey_id" integer PRIMARY KEY NOT NULL,
	"basis" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "tallied_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "answer_tallies" ADD CONSTRAINT "answer_tallies_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tally_states" ADD CONSTRAINT "tally_states_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "responses_untallied_idx" ON "responses" USING btree ("survey_id") WHERE status = 'submitted' and tallied_at is null;