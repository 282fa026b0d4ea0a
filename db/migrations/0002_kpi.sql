CREATE TABLE `dataset_openness` (
	`dataset_id` integer PRIMARY KEY NOT NULL,
	`publisher_id` integer NOT NULL,
	`harvest_source_id` integer,
	`themes` text DEFAULT '[]' NOT NULL,
	`is_open` integer NOT NULL,
	`unpublished` integer NOT NULL,
	`restricted_access` integer NOT NULL,
	`no_open_licence` integer NOT NULL,
	`no_machine_readable_distribution` integer NOT NULL,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `dataset_openness_publisher_idx` ON `dataset_openness` (`publisher_id`,`is_open`);--> statement-breakpoint
CREATE INDEX `dataset_openness_source_idx` ON `dataset_openness` (`harvest_source_id`);--> statement-breakpoint
CREATE INDEX `dataset_openness_open_idx` ON `dataset_openness` (`is_open`,`dataset_id`);--> statement-breakpoint
CREATE TABLE `kpi_counts` (
	`scope_type` text NOT NULL,
	`scope_value` text NOT NULL,
	`inventory` integer DEFAULT 0 NOT NULL,
	`open_published` integer DEFAULT 0 NOT NULL,
	`unpublished` integer DEFAULT 0 NOT NULL,
	`restricted_access` integer DEFAULT 0 NOT NULL,
	`no_open_licence` integer DEFAULT 0 NOT NULL,
	`no_machine_readable_distribution` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`scope_type`, `scope_value`)
);
--> statement-breakpoint
CREATE TABLE `kpi_snapshots` (
	`date` text NOT NULL,
	`scope` text NOT NULL,
	`inventory` integer NOT NULL,
	`open_published` integer NOT NULL,
	`unpublished` integer NOT NULL,
	`restricted_access` integer NOT NULL,
	`no_open_licence` integer NOT NULL,
	`no_machine_readable_distribution` integer NOT NULL,
	`origin` text NOT NULL,
	`taken_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`date`, `scope`)
);
--> statement-breakpoint
CREATE INDEX `kpi_snapshots_scope_idx` ON `kpi_snapshots` (`scope`,`date`);--> statement-breakpoint
CREATE TABLE `kpi_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `url_checks` (
	`url` text PRIMARY KEY NOT NULL,
	`status` integer,
	`ok` integer NOT NULL,
	`error` text,
	`checked_at` text NOT NULL,
	`duration_ms` real
);
