CREATE TABLE `evidence_uploads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`public_id` text NOT NULL,
	`api_client_id` integer NOT NULL,
	`case_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`received_bytes` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'receiving' NOT NULL,
	`rejected_reason` text,
	`storage_key` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`api_client_id`) REFERENCES `api_clients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evidence_uploads_publicId_unique` ON `evidence_uploads` (`public_id`);--> statement-breakpoint
CREATE INDEX `evidence_uploads_case_idx` ON `evidence_uploads` (`case_id`);--> statement-breakpoint
CREATE INDEX `evidence_uploads_expires_idx` ON `evidence_uploads` (`status`,`expires_at`);