import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { datasets } from "./catalogue";
import { timestamp } from "./timestamp";

/**
 * The Open Data KPI rule (lib/kpi/openness.ts) evaluated and stored per dataset in the inventory
 * (state draft or published; withdrawn datasets have no row). Written by lib/kpi/refresh-openness.ts
 * in the same transaction as every catalogue write, so it is never stale; `themes` and the scope
 * columns are kept so the counters below can be decremented when the dataset changes.
 */
export const datasetOpenness = sqliteTable(
  "dataset_openness",
  {
    datasetId: integer("dataset_id")
      .primaryKey()
      .references(() => datasets.id, { onDelete: "cascade" }),
    publisherId: integer("publisher_id").notNull(),
    harvestSourceId: integer("harvest_source_id"),
    /** EU theme codes as a JSON array. */
    themes: text("themes", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    isOpen: integer("is_open").notNull(),
    unpublished: integer("unpublished").notNull(),
    restrictedAccess: integer("restricted_access").notNull(),
    noOpenLicence: integer("no_open_licence").notNull(),
    noMachineReadableDistribution: integer("no_machine_readable_distribution").notNull(),
  },
  (t) => [
    index("dataset_openness_publisher_idx").on(t.publisherId, t.isOpen),
    index("dataset_openness_source_idx").on(t.harvestSourceId),
    index("dataset_openness_open_idx").on(t.isOpen, t.datasetId),
  ],
);

export const KPI_SCOPE_TYPES = ["catalogue", "publisher", "theme", "source"] as const;
export type KpiScopeType = (typeof KPI_SCOPE_TYPES)[number];

/**
 * Maintained KPI counters per scope line: the catalogue (value ""), each publisher (its id), each
 * theme (its EU code), each harvest source (its id). Changed by deltas in the write transaction.
 */
export const kpiCounts = sqliteTable(
  "kpi_counts",
  {
    scopeType: text("scope_type", { enum: KPI_SCOPE_TYPES }).notNull(),
    scopeValue: text("scope_value").notNull(),
    inventory: integer("inventory").notNull().default(0),
    openPublished: integer("open_published").notNull().default(0),
    unpublished: integer("unpublished").notNull().default(0),
    restrictedAccess: integer("restricted_access").notNull().default(0),
    noOpenLicence: integer("no_open_licence").notNull().default(0),
    noMachineReadableDistribution: integer("no_machine_readable_distribution").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.scopeType, t.scopeValue] })],
);

/** Key/value facts about the stored aggregates, e.g. the fingerprint of the rule they were computed with. */
export const kpiState = sqliteTable("kpi_state", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: timestamp("updated_at"),
});

/**
 * One KPI line per day and scope (`catalogue`, `publisher:<slug>`, `theme:<code>`, `source:<id>`).
 * `origin` is `snapshot` (taken that day) or `backfill` (reconstructed from the revision history).
 */
export const kpiSnapshots = sqliteTable(
  "kpi_snapshots",
  {
    date: text("date").notNull(),
    scope: text("scope").notNull(),
    inventory: integer("inventory").notNull(),
    openPublished: integer("open_published").notNull(),
    unpublished: integer("unpublished").notNull(),
    restrictedAccess: integer("restricted_access").notNull(),
    noOpenLicence: integer("no_open_licence").notNull(),
    noMachineReadableDistribution: integer("no_machine_readable_distribution").notNull(),
    origin: text("origin", { enum: ["snapshot", "backfill"] }).notNull(),
    takenAt: timestamp("taken_at"),
  },
  (t) => [primaryKey({ columns: [t.date, t.scope] }), index("kpi_snapshots_scope_idx").on(t.scope, t.date)],
);

/** Cached result of checking that a URL answers (metadata quality, Accessibility dimension). */
export const urlChecks = sqliteTable("url_checks", {
  url: text("url").primaryKey(),
  status: integer("status"),
  ok: integer("ok", { mode: "boolean" }).notNull(),
  error: text("error"),
  checkedAt: text("checked_at").notNull(),
  durationMs: real("duration_ms"),
});

/**
 * The metadata quality score of each dataset in the inventory (lib/quality/score.ts, after the
 * data.europa.eu MQA), stored by the background recompute so pages, search facets and sorting can
 * read it without scoring; `computed_at` and `urls_checked_at` say how current it is.
 */
export const datasetQuality = sqliteTable(
  "dataset_quality",
  {
    datasetId: integer("dataset_id")
      .primaryKey()
      .references(() => datasets.id, { onDelete: "cascade" }),
    publisherId: integer("publisher_id").notNull(),
    score: real("score").notNull(),
    band: text("band", { enum: ["excellent", "good", "sufficient", "bad"] }).notNull(),
    findability: real("findability").notNull(),
    accessibility: real("accessibility").notNull(),
    interoperability: real("interoperability").notNull(),
    reusability: real("reusability").notNull(),
    contextuality: real("contextuality").notNull(),
    /** The checks that did not fully pass, best gain first (JSON array of check codes). */
    missing: text("missing", { mode: "json" }).$type<string[]>().notNull(),
    urlsCheckedAt: text("urls_checked_at"),
    computedAt: text("computed_at").notNull(),
  },
  (t) => [
    index("dataset_quality_score_idx").on(t.score, t.datasetId),
    index("dataset_quality_band_idx").on(t.band, t.datasetId),
    index("dataset_quality_publisher_idx").on(t.publisherId, t.score),
  ],
);

export type DatasetOpenness = typeof datasetOpenness.$inferSelect;
export type KpiCount = typeof kpiCounts.$inferSelect;
export type KpiSnapshot = typeof kpiSnapshots.$inferSelect;
export type UrlCheck = typeof urlChecks.$inferSelect;
export type DatasetQuality = typeof datasetQuality.$inferSelect;
