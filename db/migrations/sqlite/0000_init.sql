CREATE TABLE `access_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`audience` text NOT NULL,
	`code_hash` text NOT NULL,
	`issued_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`used_by` integer,
	`revoked_at` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`used_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `access_codes_codeHash_unique` ON `access_codes` (`code_hash`);--> statement-breakpoint
CREATE INDEX `access_codes_case_idx` ON `access_codes` (`case_id`,`audience`);--> statement-breakpoint
CREATE TABLE `appointment_request_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` integer NOT NULL,
	`kind` text NOT NULL,
	`actor_id` integer,
	`note` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `appointment_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `appointment_request_events_request_idx` ON `appointment_request_events` (`request_id`);--> statement-breakpoint
CREATE TABLE `appointment_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`requester_id` integer NOT NULL,
	`case_id` integer,
	`reason` text NOT NULL,
	`other_reason` text,
	`a_number` text,
	`field_office_id` integer NOT NULL,
	`preferred_dates` text NOT NULL,
	`explanation` text,
	`travel_date` text,
	`destination` text,
	`contact_preference` text NOT NULL,
	`contact_phone` text,
	`accommodations` text,
	`status` text DEFAULT 'submitted' NOT NULL,
	`urgent` integer DEFAULT false NOT NULL,
	`due_at` integer NOT NULL,
	`claimed_by` integer,
	`claimed_at` integer,
	`decided_by` integer,
	`decided_at` integer,
	`decision_note` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`requester_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`field_office_id`) REFERENCES `field_offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claimed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `appointment_requests_reference_unique` ON `appointment_requests` (`reference`);--> statement-breakpoint
CREATE INDEX `appointment_requests_status_idx` ON `appointment_requests` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `appointment_requests_requester_idx` ON `appointment_requests` (`requester_id`);--> statement-breakpoint
CREATE TABLE `appointments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`case_id` integer,
	`request_id` integer,
	`field_office_id` integer,
	`asc_id` integer,
	`slot_id` integer,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`reschedule_count` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`cancelled_at` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `appointment_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`field_office_id`) REFERENCES `field_offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`asc_id`) REFERENCES `ascs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`slot_id`) REFERENCES `biometric_slots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `appointments_case_idx` ON `appointments` (`case_id`);--> statement-breakpoint
CREATE TABLE `ascs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`street` text NOT NULL,
	`city` text NOT NULL,
	`state` text NOT NULL,
	`zip` text NOT NULL,
	`time_zone` text NOT NULL,
	`latitude` real NOT NULL,
	`longitude` real NOT NULL,
	`phone` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ascs_code_unique` ON `ascs` (`code`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_id` integer,
	`actor_role` text,
	`on_behalf_of_id` integer,
	`action` text NOT NULL,
	`object_type` text NOT NULL,
	`object_id` text,
	`outcome` text NOT NULL,
	`detail` text,
	`request_id` text,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`on_behalf_of_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_object_idx` ON `audit_log` (`object_type`,`object_id`);--> statement-breakpoint
CREATE INDEX `audit_log_actor_idx` ON `audit_log` (`actor_id`);--> statement-breakpoint
CREATE TABLE `backup_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`code_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `backup_codes_user_idx` ON `backup_codes` (`user_id`);--> statement-breakpoint
CREATE TABLE `biometric_slots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`asc_id` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`capacity` integer NOT NULL,
	`booked` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`asc_id`) REFERENCES `ascs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `biometric_slots_asc_start_idx` ON `biometric_slots` (`asc_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `callbacks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`service_request_number` text NOT NULL,
	`user_id` integer NOT NULL,
	`case_id` integer,
	`topic` text NOT NULL,
	`urgency` text NOT NULL,
	`phone` text NOT NULL,
	`language` text NOT NULL,
	`text_ahead` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_step_at` integer,
	`assigned_officer_id` integer,
	`due_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`closed_at` integer,
	`closed_reason` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_officer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `callbacks_serviceRequestNumber_unique` ON `callbacks` (`service_request_number`);--> statement-breakpoint
CREATE INDEX `callbacks_status_idx` ON `callbacks` (`status`,`next_step_at`);--> statement-breakpoint
CREATE TABLE `case_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`role` text NOT NULL,
	`access_code_id` integer,
	`linked_at` integer NOT NULL,
	`ended_at` integer,
	`ended_by` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`access_code_id`) REFERENCES `access_codes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ended_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_links_case_idx` ON `case_links` (`case_id`);--> statement-breakpoint
CREATE INDEX `case_links_user_idx` ON `case_links` (`user_id`);--> statement-breakpoint
CREATE TABLE `case_status_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`event_key` text NOT NULL,
	`status` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`note` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_status_events_key_idx` ON `case_status_events` (`case_id`,`event_key`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`receipt_number` text NOT NULL,
	`form_type` text NOT NULL,
	`classification` text,
	`receipt_date` text NOT NULL,
	`field_office_id` integer,
	`biometrics_required` integer DEFAULT false NOT NULL,
	`interview_required` integer DEFAULT false NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`applicant_given_name` text NOT NULL,
	`applicant_family_name` text NOT NULL,
	`applicant_date_of_birth` text NOT NULL,
	`a_number` text,
	`mailing_address` text NOT NULL,
	`applicant_email` text,
	`channel_of_record` text DEFAULT 'mail' NOT NULL,
	`representative_of_record` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`field_office_id`) REFERENCES `field_offices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_receiptNumber_unique` ON `cases` (`receipt_number`);--> statement-breakpoint
CREATE INDEX `cases_form_idx` ON `cases` (`form_type`,`state`);--> statement-breakpoint
CREATE TABLE `field_offices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`street` text NOT NULL,
	`city` text NOT NULL,
	`state` text NOT NULL,
	`zip` text NOT NULL,
	`time_zone` text NOT NULL,
	`latitude` real NOT NULL,
	`longitude` real NOT NULL,
	`phone` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `field_offices_code_unique` ON `field_offices` (`code`);--> statement-breakpoint
CREATE TABLE `historical_cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`form_type` text NOT NULL,
	`classification` text NOT NULL,
	`office_code` text NOT NULL,
	`received_on` text NOT NULL,
	`decided_on` text
);
--> statement-breakpoint
CREATE INDEX `historical_cases_similar_idx` ON `historical_cases` (`form_type`,`classification`,`office_code`,`received_on`);--> statement-breakpoint
CREATE INDEX `historical_cases_national_idx` ON `historical_cases` (`form_type`,`classification`,`received_on`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel` text NOT NULL,
	`recipient` text NOT NULL,
	`language` text NOT NULL,
	`template` text NOT NULL,
	`payload` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`locked_until` integer,
	`last_error` text,
	`subject` text,
	`body` text,
	`transport` text,
	`created_at` integer NOT NULL,
	`delivered_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_dedupeKey_unique` ON `notifications` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `notifications_due_idx` ON `notifications` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `notifications_created_idx` ON `notifications` (`created_at`);--> statement-breakpoint
CREATE TABLE `one_time_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`purpose` text NOT NULL,
	`code_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `one_time_codes_user_idx` ON `one_time_codes` (`user_id`,`purpose`);--> statement-breakpoint
CREATE TABLE `representative_profiles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`bar_number` text,
	`licensing_state` text,
	`accreditation_number` text,
	`organisation` text NOT NULL,
	`sector` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `representative_profiles_userId_unique` ON `representative_profiles` (`user_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`second_factor_at` integer,
	`ended_at` integer,
	`ended_reason` text,
	`user_agent` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_tokenHash_unique` ON `sessions` (`token_hash`);--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `throttles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	`window_started_at` integer NOT NULL,
	`blocked_until` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `throttles_key_unique` ON `throttles` (`key`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`email_verified_at` integer,
	`password_hash` text,
	`role` text NOT NULL,
	`given_name` text DEFAULT '' NOT NULL,
	`family_name` text DEFAULT '' NOT NULL,
	`phone` text,
	`preferred_language` text DEFAULT 'en' NOT NULL,
	`notification_channel` text DEFAULT 'email' NOT NULL,
	`second_factor` text,
	`totp_secret` text,
	`totp_last_step` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`disabled_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);