CREATE TABLE `catalogue_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dataset_id` integer NOT NULL,
	`origin` text NOT NULL,
	`harvest_source_id` integer,
	`source_note` text,
	`issued` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`modified` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`harvested_at` text,
	`content_hash` text,
	`raw_format` text,
	`raw` text,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`harvest_source_id`) REFERENCES `harvest_sources`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `catalogue_records_dataset_unique` ON `catalogue_records` (`dataset_id`);--> statement-breakpoint
CREATE INDEX `catalogue_records_source_idx` ON `catalogue_records` (`harvest_source_id`);--> statement-breakpoint
CREATE TABLE `contact_points` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`publisher_id` integer,
	`name` text NOT NULL,
	`email` text,
	`url` text,
	`phone` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`publisher_id`) REFERENCES `publishers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contact_points_publisher_idx` ON `contact_points` (`publisher_id`);--> statement-breakpoint
CREATE TABLE `data_service_datasets` (
	`data_service_id` integer NOT NULL,
	`dataset_id` integer NOT NULL,
	PRIMARY KEY(`data_service_id`, `dataset_id`),
	FOREIGN KEY (`data_service_id`) REFERENCES `data_services`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `data_service_datasets_dataset_idx` ON `data_service_datasets` (`dataset_id`);--> statement-breakpoint
CREATE TABLE `data_services` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uri` text NOT NULL,
	`publisher_id` integer NOT NULL,
	`contact_point_id` integer,
	`title_nb` text NOT NULL,
	`title_nn` text,
	`title_en` text,
	`description_nb` text,
	`description_nn` text,
	`description_en` text,
	`endpoint_url` text NOT NULL,
	`endpoint_description` text,
	`conforms_to` text DEFAULT '[]' NOT NULL,
	`format` text,
	`access_rights` text,
	`license` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`publisher_id`) REFERENCES `publishers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_point_id`) REFERENCES `contact_points`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `data_services_uri_unique` ON `data_services` (`uri`);--> statement-breakpoint
CREATE UNIQUE INDEX `data_services_endpoint_unique` ON `data_services` (`publisher_id`,`endpoint_url`);--> statement-breakpoint
CREATE TABLE `dataset_keywords` (
	`dataset_id` integer NOT NULL,
	`lang` text NOT NULL,
	`keyword` text NOT NULL,
	PRIMARY KEY(`dataset_id`, `lang`, `keyword`),
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `dataset_keywords_keyword_idx` ON `dataset_keywords` (`keyword`);--> statement-breakpoint
CREATE TABLE `dataset_spatial` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dataset_id` integer NOT NULL,
	`uri` text,
	`label` text,
	`bbox` text,
	`crs` text,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `dataset_spatial_dataset_idx` ON `dataset_spatial` (`dataset_id`);--> statement-breakpoint
CREATE TABLE `dataset_themes` (
	`dataset_id` integer NOT NULL,
	`theme` text NOT NULL,
	PRIMARY KEY(`dataset_id`, `theme`),
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `dataset_themes_theme_idx` ON `dataset_themes` (`theme`,`dataset_id`);--> statement-breakpoint
CREATE TABLE `datasets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`uri` text NOT NULL,
	`identifier` text,
	`publisher_id` integer NOT NULL,
	`contact_point_id` integer,
	`title_nb` text NOT NULL,
	`title_nn` text,
	`title_en` text,
	`description_nb` text NOT NULL,
	`description_nn` text,
	`description_en` text,
	`access_rights` text NOT NULL,
	`license` text,
	`accrual_periodicity` text,
	`landing_page` text,
	`conforms_to` text DEFAULT '[]' NOT NULL,
	`languages` text DEFAULT '[]' NOT NULL,
	`temporal_start` text,
	`temporal_end` text,
	`spatial_resolution_meters` real,
	`issued` text,
	`modified` text,
	`state` text DEFAULT 'draft' NOT NULL,
	`state_changed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`state_changed_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`publisher_id`) REFERENCES `publishers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_point_id`) REFERENCES `contact_points`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "datasets_state_check" CHECK("datasets"."state" in ('draft', 'published', 'withdrawn')),
	CONSTRAINT "datasets_access_rights_check" CHECK("datasets"."access_rights" in ('PUBLIC', 'RESTRICTED', 'NON_PUBLIC'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `datasets_slug_unique` ON `datasets` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `datasets_uri_unique` ON `datasets` (`uri`);--> statement-breakpoint
CREATE INDEX `datasets_publisher_idx` ON `datasets` (`publisher_id`,`state`);--> statement-breakpoint
CREATE INDEX `datasets_state_updated_idx` ON `datasets` (`state`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `datasets_state_title_idx` ON `datasets` (`state`,`title_nb`,`id`);--> statement-breakpoint
CREATE TABLE `distributions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dataset_id` integer NOT NULL,
	`position` integer NOT NULL,
	`uri` text,
	`title_nb` text,
	`title_nn` text,
	`title_en` text,
	`description_nb` text,
	`description_nn` text,
	`description_en` text,
	`access_url` text NOT NULL,
	`download_url` text,
	`format` text,
	`media_type` text,
	`license` text,
	`byte_size` integer,
	`status` text,
	`access_service_id` integer,
	`conforms_to` text DEFAULT '[]' NOT NULL,
	`issued` text,
	`modified` text,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`access_service_id`) REFERENCES `data_services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `distributions_dataset_idx` ON `distributions` (`dataset_id`,`position`);--> statement-breakpoint
CREATE INDEX `distributions_format_idx` ON `distributions` (`format`,`dataset_id`);--> statement-breakpoint
CREATE TABLE `harvest_sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`url` text NOT NULL,
	`kind` text NOT NULL,
	`schedule` text DEFAULT 'manual' NOT NULL,
	`default_publisher_id` integer,
	`enabled` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`default_publisher_id`) REFERENCES `publishers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `publishers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`uri` text NOT NULL,
	`org_number` text,
	`name_nb` text NOT NULL,
	`name_nn` text,
	`name_en` text,
	`homepage` text,
	`email` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `publishers_slug_unique` ON `publishers` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `publishers_uri_unique` ON `publishers` (`uri`);--> statement-breakpoint
CREATE UNIQUE INDEX `publishers_org_number_unique` ON `publishers` (`org_number`);--> statement-breakpoint
CREATE TABLE `accounts` (
	`userId` text NOT NULL,
	`type` text NOT NULL,
	`provider` text NOT NULL,
	`providerAccountId` text NOT NULL,
	`refresh_token` text,
	`access_token` text,
	`expires_at` integer,
	`token_type` text,
	`scope` text,
	`id_token` text,
	`session_state` text,
	PRIMARY KEY(`provider`, `providerAccountId`),
	FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `memberships` (
	`user_id` text NOT NULL,
	`publisher_id` integer NOT NULL,
	`role` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`user_id`, `publisher_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`publisher_id`) REFERENCES `publishers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `memberships_publisher_idx` ON `memberships` (`publisher_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`sessionToken` text PRIMARY KEY NOT NULL,
	`userId` text NOT NULL,
	`expires` integer NOT NULL,
	FOREIGN KEY (`userId`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text,
	`email` text NOT NULL,
	`emailVerified` integer,
	`image` text,
	`password_hash` text,
	`site_admin` integer DEFAULT false NOT NULL,
	`disabled_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `verificationTokens` (
	`identifier` text NOT NULL,
	`token` text NOT NULL,
	`expires` integer NOT NULL,
	PRIMARY KEY(`identifier`, `token`)
);
--> statement-breakpoint
CREATE TABLE `revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dataset_id` integer NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`actor_user_id` text,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`changes` text NOT NULL,
	`snapshot` text NOT NULL,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `revisions_dataset_idx` ON `revisions` (`dataset_id`,`id`);--> statement-breakpoint
CREATE INDEX `revisions_at_idx` ON `revisions` (`at`);