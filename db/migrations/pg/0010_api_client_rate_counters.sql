ALTER TABLE "api_clients" ADD COLUMN "rate_second_start" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "api_clients" ADD COLUMN "rate_second_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "api_clients" ADD COLUMN "rate_day_start" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "api_clients" ADD COLUMN "rate_day_count" integer DEFAULT 0 NOT NULL;