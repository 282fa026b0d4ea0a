import { relations, sql } from "drizzle-orm";
import {
  check,
  customType,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { PUBLICATION_STATES } from "./states";
import { timestamp } from "./timestamp";

export { PUBLICATION_STATES, type PublicationState } from "./states";

/** How catalogue_records.raw is stored: null for text, "br" for brotli-compressed bytes (lib/harvest/raw-record.ts). */
export const RAW_ENCODINGS = ["br"] as const;

/**
 * A column declared `text` that holds text or bytes (SQLite keeps a value's own type): the raw
 * harvested record, compressed since migration 0006, as text before it.
 */
const textOrBytes = customType<{ data: string | Uint8Array; driverData: string | Uint8Array }>({
  dataType: () => "text",
});

export const ACCESS_RIGHTS_VALUES = ["PUBLIC", "RESTRICTED", "NON_PUBLIC"] as const;

export const RECORD_ORIGINS = ["local", "harvest"] as const;
export type RecordOrigin = (typeof RECORD_ORIGINS)[number];

/** foaf:Agent / org:Organization. `uri` is minted once and never changes. */
export const publishers = sqliteTable(
  "publishers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    uri: text("uri").notNull(),
    /** Norwegian organisation number (Enhetsregisteret), 9 digits with a mod-11 check digit. */
    orgNumber: text("org_number"),
    nameNb: text("name_nb").notNull(),
    nameNn: text("name_nn"),
    nameEn: text("name_en"),
    homepage: text("homepage"),
    email: text("email"),
    createdAt: timestamp("created_at"),
    updatedAt: timestamp("updated_at"),
  },
  (t) => [
    uniqueIndex("publishers_slug_unique").on(t.slug),
    uniqueIndex("publishers_uri_unique").on(t.uri),
    uniqueIndex("publishers_org_number_unique").on(t.orgNumber),
  ],
);

/** vcard:Kind. Shared by datasets and data services of one publisher. */
export const contactPoints = sqliteTable(
  "contact_points",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    publisherId: integer("publisher_id").references(() => publishers.id),
    name: text("name").notNull(),
    email: text("email"),
    url: text("url"),
    phone: text("phone"),
    createdAt: timestamp("created_at"),
  },
  (t) => [index("contact_points_publisher_idx").on(t.publisherId)],
);

/** A harvest source (DCAT endpoint, CKAN API or DCAT-US data.json) that catalogue records come from. */
export const harvestSources = sqliteTable("harvest_sources", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  url: text("url").notNull(),
  kind: text("kind", { enum: ["dcat", "ckan", "dcat-us"] }).notNull(),
  schedule: text("schedule", { enum: ["manual", "hourly", "daily", "weekly"] })
    .notNull()
    .default("manual"),
  defaultPublisherId: integer("default_publisher_id").references(() => publishers.id),
  enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
  /** Days a record may be missing from complete harvests before it is archived (withdrawn). */
  archiveAfterDays: integer("archive_after_days").notNull().default(7),
  /** Who registered the source (a user id); publisher administrators manage their publisher's sources. */
  createdBy: text("created_by"),
  lastRunAt: text("last_run_at"),
  nextRunAt: text("next_run_at"),
  createdAt: timestamp("created_at"),
  updatedAt: timestamp("updated_at"),
});

/** dcat:Dataset. The slug and URI never change after creation, even when the title does. */
export const datasets = sqliteTable(
  "datasets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    uri: text("uri").notNull(),
    /** dct:identifier; the URI when the publisher gave none. */
    identifier: text("identifier"),
    publisherId: integer("publisher_id")
      .notNull()
      .references(() => publishers.id),
    contactPointId: integer("contact_point_id").references(() => contactPoints.id),
    titleNb: text("title_nb").notNull(),
    titleNn: text("title_nn"),
    titleEn: text("title_en"),
    descriptionNb: text("description_nb").notNull(),
    descriptionNn: text("description_nn"),
    descriptionEn: text("description_en"),
    accessRights: text("access_rights", { enum: ACCESS_RIGHTS_VALUES }).notNull(),
    /** EU licence NAL URI (or the URI of a licence outside the NAL, such as Norge digitalt's). */
    license: text("license"),
    /** EU frequency code, e.g. ANNUAL. */
    accrualPeriodicity: text("accrual_periodicity"),
    landingPage: text("landing_page"),
    /** dct:conformsTo URIs, e.g. EPSG CRS. */
    conformsTo: text("conforms_to", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    /** EU language codes, e.g. NOB. */
    languages: text("languages", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    temporalStart: text("temporal_start"),
    temporalEnd: text("temporal_end"),
    spatialResolutionMeters: real("spatial_resolution_meters"),
    /** dct:issued / dct:modified of the dataset as stated by its publisher (ISO date or date-time). */
    issued: text("issued"),
    modified: text("modified"),
    state: text("state", { enum: PUBLICATION_STATES }).notNull().default("draft"),
    stateChangedAt: timestamp("state_changed_at"),
    stateChangedBy: text("state_changed_by"),
    createdAt: timestamp("created_at"),
    updatedAt: timestamp("updated_at"),
  },
  (t) => [
    uniqueIndex("datasets_slug_unique").on(t.slug),
    uniqueIndex("datasets_uri_unique").on(t.uri),
    index("datasets_publisher_idx").on(t.publisherId, t.state),
    index("datasets_state_updated_idx").on(t.state, t.updatedAt, t.id),
    index("datasets_state_title_idx").on(t.state, t.titleNb, t.id),
    check("datasets_state_check", sql`${t.state} in ('draft', 'published', 'withdrawn')`),
    check(
      "datasets_access_rights_check",
      sql`${t.accessRights} in ('PUBLIC', 'RESTRICTED', 'NON_PUBLIC')`,
    ),
  ],
);

export const datasetThemes = sqliteTable(
  "dataset_themes",
  {
    datasetId: integer("dataset_id")
      .notNull()
      .references(() => datasets.id, { onDelete: "cascade" }),
    /** EU data-theme code, e.g. ENVI. */
    theme: text("theme").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.datasetId, t.theme] }),
    index("dataset_themes_theme_idx").on(t.theme, t.datasetId),
  ],
);

export const datasetKeywords = sqliteTable(
  "dataset_keywords",
  {
    datasetId: integer("dataset_id")
      .notNull()
      .references(() => datasets.id, { onDelete: "cascade" }),
    lang: text("lang", { enum: ["nb", "nn", "en"] }).notNull(),
    keyword: text("keyword").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.datasetId, t.lang, t.keyword] }),
    index("dataset_keywords_keyword_idx").on(t.keyword),
  ],
);

/** dct:spatial: a named place (with its URI when one is known) and/or a WKT bounding box. */
export const datasetSpatial = sqliteTable(
  "dataset_spatial",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    datasetId: integer("dataset_id")
      .notNull()
      .references(() => datasets.id, { onDelete: "cascade" }),
    uri: text("uri"),
    label: text("label"),
    /** WKT polygon, CRS84 (lon/lat) unless `crs` says otherwise. */
    bbox: text("bbox"),
    crs: text("crs"),
  },
  (t) => [index("dataset_spatial_dataset_idx").on(t.datasetId)],
);

/** dcat:DataService: a WMS/WFS/API endpoint that serves datasets. */
export const dataServices = sqliteTable(
  "data_services",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    uri: text("uri").notNull(),
    publisherId: integer("publisher_id")
      .notNull()
      .references(() => publishers.id),
    contactPointId: integer("contact_point_id").references(() => contactPoints.id),
    titleNb: text("title_nb").notNull(),
    titleNn: text("title_nn"),
    titleEn: text("title_en"),
    descriptionNb: text("description_nb"),
    descriptionNn: text("description_nn"),
    descriptionEn: text("description_en"),
    endpointUrl: text("endpoint_url").notNull(),
    endpointDescription: text("endpoint_description"),
    /** dct:conformsTo, e.g. the OGC WMS or WFS standard. */
    conformsTo: text("conforms_to", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    /** File-type code of the service (WMS_SRVC, WFS_SRVC, …). */
    format: text("format"),
    accessRights: text("access_rights", { enum: ACCESS_RIGHTS_VALUES }),
    license: text("license"),
    createdAt: timestamp("created_at"),
    updatedAt: timestamp("updated_at"),
  },
  (t) => [
    uniqueIndex("data_services_uri_unique").on(t.uri),
    uniqueIndex("data_services_endpoint_unique").on(t.publisherId, t.endpointUrl),
  ],
);

export const dataServiceDatasets = sqliteTable(
  "data_service_datasets",
  {
    dataServiceId: integer("data_service_id")
      .notNull()
      .references(() => dataServices.id, { onDelete: "cascade" }),
    datasetId: integer("dataset_id")
      .notNull()
      .references(() => datasets.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.dataServiceId, t.datasetId] }),
    index("data_service_datasets_dataset_idx").on(t.datasetId),
  ],
);

/** dcat:Distribution, ordered by `position` within its dataset. */
export const distributions = sqliteTable(
  "distributions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    datasetId: integer("dataset_id")
      .notNull()
      .references(() => datasets.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    /** The URI the publisher gave the distribution (harvested records); matched on re-harvest. */
    uri: text("uri"),
    titleNb: text("title_nb"),
    titleNn: text("title_nn"),
    titleEn: text("title_en"),
    descriptionNb: text("description_nb"),
    descriptionNn: text("description_nn"),
    descriptionEn: text("description_en"),
    accessUrl: text("access_url").notNull(),
    downloadUrl: text("download_url"),
    /** File-type code: an EU file-type id, or our own code for formats outside the EU list (SOSI). */
    format: text("format"),
    /** IANA media type, e.g. text/csv. */
    mediaType: text("media_type"),
    license: text("license"),
    byteSize: integer("byte_size"),
    /** EU distribution-status code. */
    status: text("status"),
    accessServiceId: integer("access_service_id").references(() => dataServices.id),
    conformsTo: text("conforms_to", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    issued: text("issued"),
    modified: text("modified"),
  },
  (t) => [
    index("distributions_dataset_idx").on(t.datasetId, t.position),
    index("distributions_format_idx").on(t.format, t.datasetId),
  ],
);

/**
 * dcat:CatalogRecord: one per dataset. Where the record came from (local registration or a harvest
 * source), its own issued/modified, and for harvested records the raw payload beside the
 * normalised fields.
 */
export const catalogueRecords = sqliteTable(
  "catalogue_records",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    datasetId: integer("dataset_id")
      .notNull()
      .references(() => datasets.id, { onDelete: "cascade" }),
    origin: text("origin", { enum: RECORD_ORIGINS }).notNull(),
    harvestSourceId: integer("harvest_source_id").references(() => harvestSources.id),
    /** Free-text provenance for seeded or imported records, e.g. the fixture source id. */
    sourceNote: text("source_note"),
    issued: timestamp("issued"),
    modified: timestamp("modified"),
    harvestedAt: text("harvested_at"),
    contentHash: text("content_hash"),
    rawFormat: text("raw_format"),
    raw: textOrBytes("raw"),
    rawEncoding: text("raw_encoding", { enum: RAW_ENCODINGS }),
    /** Harvested records: when a complete harvest last listed it, and since when it has been missing. */
    lastSeenAt: text("last_seen_at"),
    missingSince: text("missing_since"),
    /** Set when a harvest archived (withdrew) the record because its source no longer lists it. */
    archivedAt: text("archived_at"),
  },
  (t) => [
    uniqueIndex("catalogue_records_dataset_unique").on(t.datasetId),
    index("catalogue_records_source_idx").on(t.harvestSourceId),
  ],
);

export const publishersRelations = relations(publishers, ({ many }) => ({
  datasets: many(datasets),
  contactPoints: many(contactPoints),
}));

export const datasetsRelations = relations(datasets, ({ one, many }) => ({
  publisher: one(publishers, { fields: [datasets.publisherId], references: [publishers.id] }),
  contactPoint: one(contactPoints, {
    fields: [datasets.contactPointId],
    references: [contactPoints.id],
  }),
  themes: many(datasetThemes),
  keywords: many(datasetKeywords),
  spatial: many(datasetSpatial),
  distributions: many(distributions),
  record: one(catalogueRecords, {
    fields: [datasets.id],
    references: [catalogueRecords.datasetId],
  }),
}));

export const datasetThemesRelations = relations(datasetThemes, ({ one }) => ({
  dataset: one(datasets, { fields: [datasetThemes.datasetId], references: [datasets.id] }),
}));

export const datasetKeywordsRelations = relations(datasetKeywords, ({ one }) => ({
  dataset: one(datasets, { fields: [datasetKeywords.datasetId], references: [datasets.id] }),
}));

export const datasetSpatialRelations = relations(datasetSpatial, ({ one }) => ({
  dataset: one(datasets, { fields: [datasetSpatial.datasetId], references: [datasets.id] }),
}));

export const distributionsRelations = relations(distributions, ({ one }) => ({
  dataset: one(datasets, { fields: [distributions.datasetId], references: [datasets.id] }),
  accessService: one(dataServices, {
    fields: [distributions.accessServiceId],
    references: [dataServices.id],
  }),
}));

export const catalogueRecordsRelations = relations(catalogueRecords, ({ one }) => ({
  dataset: one(datasets, { fields: [catalogueRecords.datasetId], references: [datasets.id] }),
  harvestSource: one(harvestSources, {
    fields: [catalogueRecords.harvestSourceId],
    references: [harvestSources.id],
  }),
}));

export type Publisher = typeof publishers.$inferSelect;
export type NewPublisher = typeof publishers.$inferInsert;
export type Dataset = typeof datasets.$inferSelect;
export type NewDataset = typeof datasets.$inferInsert;
export type Distribution = typeof distributions.$inferSelect;
export type NewDistribution = typeof distributions.$inferInsert;
export type DataService = typeof dataServices.$inferSelect;
export type ContactPoint = typeof contactPoints.$inferSelect;
export type CatalogueRecord = typeof catalogueRecords.$inferSelect;
export type HarvestSource = typeof harvestSources.$inferSelect;
