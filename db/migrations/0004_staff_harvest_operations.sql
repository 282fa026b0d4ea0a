CREATE TABLE `api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`last_used_at` text,
	`expires_at` text,
	`revoked_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_user_idx` ON `api_tokens` (`user_id`);--> statement-breakpoint
CREATE TABLE `sign_in_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_attempts_key_idx` ON `sign_in_attempts` (`key`,`at`);--> statement-breakpoint
CREATE TABLE `backups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`path` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`bytes` integer NOT NULL,
	`duration_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `harvest_job_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job_id` integer NOT NULL,
	`level` text NOT NULL,
	`record_uri` text,
	`message` text NOT NULL,
	FOREIGN KEY (`job_id`) REFERENCES `harvest_jobs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `harvest_job_messages_job_idx` ON `harvest_job_messages` (`job_id`,`id`);--> statement-breakpoint
CREATE TABLE `harvest_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`source_id` integer,
	`location` text NOT NULL,
	`dry_run` integer DEFAULT false NOT NULL,
	`triggered_by` text NOT NULL,
	`status` text DEFAULT 'running' NOT NULL,
	`started_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`finished_at` text,
	`created` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`unchanged` integer DEFAULT 0 NOT NULL,
	`archived` integer DEFAULT 0 NOT NULL,
	`failed` integer DEFAULT 0 NOT NULL,
	`warnings` integer DEFAULT 0 NOT NULL,
	`duration_ms` integer,
	`error` text,
	FOREIGN KEY (`source_id`) REFERENCES `harvest_sources`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `harvest_jobs_source_idx` ON `harvest_jobs` (`source_id`,`id`);--> statement-breakpoint
ALTER TABLE `catalogue_records` ADD `last_seen_at` text;--> statement-breakpoint
ALTER TABLE `catalogue_records` ADD `missing_since` text;--> statement-breakpoint
ALTER TABLE `catalogue_records` ADD `archived_at` text;--> statement-breakpoint
ALTER TABLE `harvest_sources` ADD `archive_after_days` integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE `harvest_sources` ADD `created_by` text;--> statement-breakpoint
ALTER TABLE `harvest_sources` ADD `last_run_at` text;--> statement-breakpoint
ALTER TABLE `harvest_sources` ADD `next_run_at` text;