ALTER TABLE "cases" ADD COLUMN "latest_status" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "latest_status_at" timestamp (3) with time zone;