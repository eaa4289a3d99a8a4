DROP TABLE "panel_population" CASCADE;--> statement-breakpoint
ALTER TABLE "population_figures" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;