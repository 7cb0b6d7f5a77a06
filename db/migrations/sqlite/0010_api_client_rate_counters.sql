ALTER TABLE `api_clients` ADD `rate_second_start` integer;--> statement-breakpoint
ALTER TABLE `api_clients` ADD `rate_second_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `api_clients` ADD `rate_day_start` integer;--> statement-breakpoint
ALTER TABLE `api_clients` ADD `rate_day_count` integer DEFAULT 0 NOT NULL;