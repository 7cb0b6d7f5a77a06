ALTER TABLE `appointment_requests` ADD `open_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `appointment_requests_openKey_unique` ON `appointment_requests` (`open_key`);