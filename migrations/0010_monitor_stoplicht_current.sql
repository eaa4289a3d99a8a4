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
ALTER TABLE "monitor_stoplicht_current" ADD CONSTRAINT "monitor_stoplicht_current_agreement_id_monitor_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."monitor_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitor_stoplicht_current" ADD CONSTRAINT "monitor_stoplicht_current_update_id_monitor_updates_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."monitor_updates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monitor_stoplicht_current_agreement_idx" ON "monitor_stoplicht_current" USING btree ("agreement_id");