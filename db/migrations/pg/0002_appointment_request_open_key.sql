ALTER TABLE "appointment_requests" ADD COLUMN "open_key" text;--> statement-breakpoint
ALTER TABLE "appointment_requests" ADD CONSTRAINT "appointment_requests_openKey_unique" UNIQUE("open_key");