CREATE TABLE `progress_curves` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`form_type` text NOT NULL,
	`classification` text NOT NULL,
	`office_code` text NOT NULL,
	`stage` text NOT NULL,
	`cases` integer NOT NULL,
	`received_from` text NOT NULL,
	`received_to` text NOT NULL,
	`days` text NOT NULL,
	`at_risk` text NOT NULL,
	`decided` text NOT NULL,
	`refreshed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `progress_curves_group_idx` ON `progress_curves` (`form_type`,`classification`,`office_code`,`stage`);--> statement-breakpoint
ALTER TABLE `cases` ADD `expected_decision_on` text;--> statement-breakpoint
ALTER TABLE `historical_cases` ADD `biometrics_on` text;--> statement-breakpoint
ALTER TABLE `historical_cases` ADD `interview_on` text;