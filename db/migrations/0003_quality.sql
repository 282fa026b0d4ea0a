CREATE TABLE `dataset_quality` (
	`dataset_id` integer PRIMARY KEY NOT NULL,
	`publisher_id` integer NOT NULL,
	`score` real NOT NULL,
	`band` text NOT NULL,
	`findability` real NOT NULL,
	`accessibility` real NOT NULL,
	`interoperability` real NOT NULL,
	`reusability` real NOT NULL,
	`contextuality` real NOT NULL,
	`missing` text NOT NULL,
	`urls_checked_at` text,
	`computed_at` text NOT NULL,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `dataset_quality_score_idx` ON `dataset_quality` (`score`,`dataset_id`);--> statement-breakpoint
CREATE INDEX `dataset_quality_band_idx` ON `dataset_quality` (`band`,`dataset_id`);--> statement-breakpoint
CREATE INDEX `dataset_quality_publisher_idx` ON `dataset_quality` (`publisher_id`,`score`);