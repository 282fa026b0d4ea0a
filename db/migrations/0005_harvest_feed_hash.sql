ALTER TABLE `harvest_jobs` ADD `feed_hash` text;--> statement-breakpoint
ALTER TABLE `harvest_jobs` ADD `seen_at` text;