CREATE TABLE `callback_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`callback_id` integer NOT NULL,
	`kind` text NOT NULL,
	`at` integer NOT NULL,
	`actor_id` integer,
	`note` text,
	FOREIGN KEY (`callback_id`) REFERENCES `callbacks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `callback_events_callback_idx` ON `callback_events` (`callback_id`);--> statement-breakpoint
CREATE TABLE `sms_opt_outs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`phone` text NOT NULL,
	`opted_out_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sms_opt_outs_phone_unique` ON `sms_opt_outs` (`phone`);--> statement-breakpoint
ALTER TABLE `callbacks` ADD `priority` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `callbacks` ADD `open` integer DEFAULT true NOT NULL;--> statement-breakpoint
CREATE INDEX `callbacks_queue_idx` ON `callbacks` (`open`,`priority`,`due_at`,`id`);--> statement-breakpoint
CREATE INDEX `callbacks_user_idx` ON `callbacks` (`user_id`);--> statement-breakpoint
CREATE INDEX `callbacks_phone_idx` ON `callbacks` (`phone`,`status`);