CREATE INDEX `appointment_requests_queue_idx` ON `appointment_requests` ("urgent" desc,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `appointment_requests_reason_idx` ON `appointment_requests` (`reason`,`status`);--> statement-breakpoint
CREATE INDEX `appointment_requests_office_idx` ON `appointment_requests` (`field_office_id`,`status`);