ALTER TABLE `cases` ADD `latest_status` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `latest_status_at` integer;