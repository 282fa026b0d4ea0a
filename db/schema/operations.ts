import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { harvestSources } from "./catalogue";
import { timestamp } from "./timestamp";

export const HARVEST_JOB_STATUSES = ["running", "succeeded", "failed"] as const;
export type HarvestJobStatus = (typeof HARVEST_JOB_STATUSES)[number];

/**
 * One run of a harvest source (or of an ad-hoc URL/file from the CLI, with no source). The counts
 * are the job report; `status` stays `running` only while the job runs, so a crash leaves a
 * `running` row that the next start marks failed.
 */
export const harvestJobs = sqliteTable(
  "harvest_jobs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sourceId: integer("source_id").references(() => harvestSources.id, { onDelete: "cascade" }),
    /** The URL or file harvested, as given. */
    location: text("location").notNull(),
    dryRun: integer("dry_run", { mode: "boolean" }).notNull().default(false),
    /** Who started it: "scheduler", "cli", or a user's e-mail. */
    triggeredBy: text("triggered_by").notNull(),
    status: text("status", { enum: HARVEST_JOB_STATUSES }).notNull().default("running"),
    startedAt: timestamp("started_at"),
    finishedAt: text("finished_at"),
    created: integer("created").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    archived: integer("archived").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    warnings: integer("warnings").notNull().default(0),
    durationMs: integer("duration_ms"),
    /** Why the job failed as a whole (malformed feed, timeout, too large…). */
    error: text("error"),
    /**
     * Of a single-page feed: the mapping version and a hash of its bytes (with its URL and type).
     * A later harvest of the same bytes, with nothing changed in between, is answered from it
     * without parsing (lib/harvest/unchanged-feed.ts).
     */
    feedHash: text("feed_hash"),
    /** The time the job marked its records seen (catalogue_records.last_seen_at). */
    seenAt: text("seen_at"),
  },
  (t) => [index("harvest_jobs_source_idx").on(t.sourceId, t.id)],
);

export const HARVEST_MESSAGE_LEVELS = ["warning", "error"] as const;

/** Per-record warnings and errors of a harvest job, shown with the report. */
export const harvestJobMessages = sqliteTable(
  "harvest_job_messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    jobId: integer("job_id")
      .notNull()
      .references(() => harvestJobs.id, { onDelete: "cascade" }),
    level: text("level", { enum: HARVEST_MESSAGE_LEVELS }).notNull(),
    /** The record's URI (or blank-node label) when the message is about one record. */
    recordUri: text("record_uri"),
    message: text("message").notNull(),
  },
  (t) => [index("harvest_job_messages_job_idx").on(t.jobId, t.id)],
);

/** Backups taken with `npm run backup`, so health and the staff area can tell how old the last one is. */
export const backups = sqliteTable("backups", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  path: text("path").notNull(),
  startedAt: text("started_at").notNull(),
  finishedAt: timestamp("finished_at"),
  bytes: integer("bytes").notNull(),
  durationMs: integer("duration_ms").notNull(),
});

export type HarvestJob = typeof harvestJobs.$inferSelect;
export type HarvestJobMessage = typeof harvestJobMessages.$inferSelect;
export type Backup = typeof backups.$inferSelect;
