import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type BetterSqlite3 from "better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase, type Database } from "@/db/client";
import { getMigrationState, migrateDatabase } from "@/db/migrate";
import journal from "@/db/migrations/meta/_journal.json";
import type { Principal } from "@/lib/auth/principal";
import { getDatasetBySlug } from "@/lib/catalogue/get-dataset";
import { getStaffDataset } from "@/lib/catalogue/staff-queries";
import { computeKpi } from "@/lib/kpi/compute-kpi";
import { ensureKpiAggregates } from "@/lib/kpi/refresh-openness";
import { resolveKpiScope, WHOLE_CATALOGUE } from "@/lib/kpi/scope";
import { indexUnindexedDatasets } from "@/lib/operations/search-index-check";
import { recomputeCatalogueQuality } from "@/lib/quality/store-quality";
import { searchDatasets } from "@/lib/search/search-datasets";
import { parseSearchParams } from "@/lib/search/params";
import released from "../fixtures/released-migrations.json";

/**
 * Migrations are forward-only and every released schema upgrades to the current one without
 * losing data: for each earlier migration step, a database is built at that step with the
 * committed SQL, filled with realistic rows as that version wrote them, migrated to the head, and
 * then checked (every row and column that existed is unchanged, integrity and foreign keys ok)
 * and used through the application's own read paths after the start-up preparation.
 */

const MIGRATIONS = path.join(process.cwd(), "db", "migrations");
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const OPERATOR = { userId: "", email: "cli", name: null, siteAdmin: true, roles: new Map(), publisherSlugs: new Map(), via: "cli" } satisfies Principal;
const CC_BY = "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0";
const NLOD = "http://publications.europa.eu/resource/authority/licence/NLOD_2_0";

/**
 * Rows as each release wrote them, by the migration that introduced their tables. A new
 * migration needs an entry here once a later one exists (the test below says so).
 */
const FIXTURES: Record<string, (sqlite: BetterSqlite3.Database) => void> = {
  "0000_initial": (sqlite) => {
    sqlite.exec(`
      insert into publishers (id, slug, uri, org_number, name_nb, name_nn, name_en, homepage, email) values
        (1, 'alesund-kommune', 'https://organization-catalog.fellesdatakatalog.digdir.no/organizations/942953119', '942953119',
         'Ålesund kommune', 'Ålesund kommune', 'Ålesund Municipality', 'https://alesund.kommune.no', 'postmottak@alesund.kommune.no'),
        (2, 'kartverket', 'https://organization-catalog.fellesdatakatalog.digdir.no/organizations/971040238', '971040238',
         'Kartverket', 'Kartverket', 'Norwegian Mapping Authority', 'https://kartverket.no', null);
      insert into contact_points (id, publisher_id, name, email, url) values
        (1, 1, 'Geodata Ålesund', 'geodata@alesund.kommune.no', 'https://alesund.kommune.no/kart');
      insert into harvest_sources (id, name, url, kind, schedule, default_publisher_id) values
        (1, 'Geonorge', 'https://kartkatalog.geonorge.no/api/dcat', 'dcat', 'daily', 2);
      insert into datasets (id, slug, uri, identifier, publisher_id, contact_point_id, title_nb, title_en, description_nb,
          description_en, access_rights, license, accrual_periodicity, landing_page, conforms_to, languages,
          temporal_start, issued, modified, state) values
        (1, 'badeplasser-alesund', 'http://localhost:3999/datasets/badeplasser-alesund', 'badeplasser-1', 1, 1,
         'Badeplasser i Ålesund', 'Bathing spots in Ålesund', 'Offentlige badeplasser med vannkvalitet og fasiliteter.',
         'Public bathing spots with water quality.', 'PUBLIC', '${CC_BY}',
         'http://publications.europa.eu/resource/authority/frequency/ANNUAL', 'https://alesund.kommune.no/bading',
         '["http://www.opengis.net/def/crs/EPSG/0/25832"]', '["http://publications.europa.eu/resource/authority/language/NOB"]',
         '2019-01-01', '2020-05-01T00:00:00Z', '2024-06-01T00:00:00Z', 'published'),
        (2, 'hoydekurver-more', 'https://data.geonorge.no/dataset/hoydekurver', 'hk-2', 2, null,
         'Høydekurver Møre og Romsdal', null, 'Høydekurver med 1 meters ekvidistanse.', null,
         'RESTRICTED', '${NLOD}', null, null, '[]', '[]', null, null, '2023-01-01T00:00:00Z', 'draft');
      insert into dataset_themes (dataset_id, theme) values (1, 'ENVI'), (1, 'HEAL'), (2, 'REGI');
      insert into dataset_keywords (dataset_id, lang, keyword) values
        (1, 'nb', 'bading'), (1, 'nb', 'vannkvalitet'), (1, 'en', 'bathing'), (2, 'nb', 'terreng');
      insert into dataset_spatial (dataset_id, uri, label, bbox, crs) values
        (1, 'https://data.geonorge.no/administrativeEnheter/kommune/id/173018', 'Ålesund',
         'POLYGON((5.9 62.3,6.9 62.3,6.9 62.7,5.9 62.7,5.9 62.3))', 'EPSG:4326');
      insert into data_services (id, uri, publisher_id, title_nb, endpoint_url, conforms_to) values
        (1, 'https://wms.geonorge.no/skwms1/wms.hoyde', 2, 'WMS Høyde', 'https://wms.geonorge.no/skwms1/wms.hoyde',
         '["http://www.opengis.net/def/serviceType/ogc/wms"]');
      insert into data_service_datasets (data_service_id, dataset_id) values (1, 2);
      insert into distributions (dataset_id, position, title_nb, access_url, download_url, format, media_type, license, byte_size) values
        (1, 0, 'CSV', 'https://alesund.kommune.no/bading.csv', 'https://alesund.kommune.no/bading.csv', 'CSV', 'text/csv', '${CC_BY}', 2048),
        (1, 1, 'GeoJSON', 'https://alesund.kommune.no/bading.geojson', null, 'GEOJSON', 'application/geo+json', '${CC_BY}', null),
        (2, 0, 'WMS', 'https://wms.geonorge.no/skwms1/wms.hoyde', null, 'WMS_SRVC', null, null, null);
      insert into catalogue_records (dataset_id, origin, harvest_source_id, harvested_at, content_hash, raw_format, raw) values
        (1, 'local', null, null, null, null, null),
        (2, 'harvest', 1, '2024-01-02T03:04:05Z', 'sha256:abc', 'text/turtle', '<https://data.geonorge.no/dataset/hoydekurver> a <http://www.w3.org/ns/dcat#Dataset> .');
      insert into users (id, name, email, password_hash, site_admin) values
        ('u-admin', 'Admin', 'admin@alesund.kommune.no', 'scrypt$16384$8$1$c2FsdA$aGFzaA', 1),
        ('u-editor', 'Kari Nordmann', 'kari@alesund.kommune.no', null, 0);
      insert into memberships (user_id, publisher_id, role) values ('u-editor', 1, 'editor');
      insert into sessions (sessionToken, userId, expires) values ('session-1', 'u-editor', 1900000000000);
      insert into revisions (dataset_id, actor_user_id, actor, action, changes, snapshot) values
        (1, 'u-editor', 'kari@alesund.kommune.no', 'create', '{}', '{"slug":"badeplasser-alesund"}'),
        (1, 'u-editor', 'kari@alesund.kommune.no', 'publish', '{"state":["draft","published"]}', '{"slug":"badeplasser-alesund"}');
    `);
  },
  "0001_search_index": (sqlite) => {
    sqlite.exec(`insert into dataset_search (rowid, title, keywords, publisher, description) values
      (1, 'badeplasser i alesund bathing spots in alesund', 'bading vannkvalitet bathing', 'alesund kommune', 'offentlige badeplasser')`);
  },
  "0002_kpi": (sqlite) => {
    sqlite.exec(`
      insert into dataset_openness (dataset_id, publisher_id, themes, is_open, unpublished, restricted_access, no_open_licence, no_machine_readable_distribution)
        values (1, 1, '["ENVI","HEAL"]', 1, 0, 0, 0, 0), (2, 2, '["REGI"]', 0, 1, 1, 0, 1);
      insert into kpi_counts (scope_type, scope_value, inventory, open_published, unpublished, restricted_access, no_open_licence, no_machine_readable_distribution)
        values ('catalogue', '', 2, 1, 1, 1, 0, 1), ('publisher', '1', 1, 1, 0, 0, 0, 0);
      insert into kpi_snapshots (date, scope, inventory, open_published, unpublished, restricted_access, no_open_licence, no_machine_readable_distribution, origin)
        values ('2024-06-01', 'catalogue', 2, 1, 1, 1, 0, 1, 'snapshot'), ('2024-05-31', 'catalogue', 1, 1, 0, 0, 0, 0, 'backfill');
      insert into kpi_state (key, value) values ('rule_version', '3');
      insert into url_checks (url, status, ok, error, checked_at, duration_ms)
        values ('https://alesund.kommune.no/bading.csv', 200, 1, null, '2024-06-01T10:00:00Z', 120.5);
    `);
  },
  "0003_quality": (sqlite) => {
    sqlite.exec(`insert into dataset_quality (dataset_id, publisher_id, score, band, findability, accessibility, interoperability,
        reusability, contextuality, missing, urls_checked_at, computed_at)
      values (1, 1, 310, 'good', 80, 50, 90, 60, 30, '["byteSize"]', '2024-06-01T10:00:00Z', '2024-06-01T10:00:00Z')`);
  },
  "0004_staff_harvest_operations": (sqlite) => {
    sqlite.exec(`
      insert into api_tokens (id, user_id, name, prefix, token_hash) values ('t1', 'u-editor', 'GIS sync', 'fjc_abcd', 'hash-1');
      insert into sign_in_attempts (key) values ('ip:127.0.0.1');
      insert into backups (path, started_at, finished_at, bytes, duration_ms) values ('/var/backups/fjordcat/2024-06-01.db', '2024-06-01T02:00:00Z', '2024-06-01T02:00:03Z', 5242880, 3000);
      insert into harvest_jobs (id, source_id, location, triggered_by, status, finished_at, created, updated, unchanged, archived, failed, warnings, duration_ms)
        values (1, 1, 'https://kartkatalog.geonorge.no/api/dcat', 'scheduler', 'succeeded', '2024-06-01T03:00:10Z', 1, 0, 0, 0, 0, 1, 10000);
      insert into harvest_job_messages (job_id, level, record_uri, message) values (1, 'warning', 'https://data.geonorge.no/dataset/hoydekurver', 'no licence given');
      update catalogue_records set last_seen_at = '2024-06-01T03:00:05Z' where dataset_id = 2;
      update harvest_sources set last_run_at = '2024-06-01T03:00:00Z', next_run_at = '2024-06-02T03:00:00Z';
    `);
  },
  "0005_harvest_feed_hash": (sqlite) => {
    sqlite.exec(`
      update harvest_jobs set feed_hash = 'v1:qYtTnV3sKk8b0mJ4hX2cF1eW9uZ7oA5pL6dR3gS0yIw', seen_at = '2024-06-01T03:00:05Z' where id = 1;
    `);
  },
};

/** A migrations folder holding the first `count` committed migrations, as that release shipped them. */
function migrationsUpTo(count: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fjordcat-migrations-"));
  dirs.push(dir);
  fs.mkdirSync(path.join(dir, "meta"));
  const entries = journal.entries.slice(0, count);
  fs.writeFileSync(path.join(dir, "meta", "_journal.json"), JSON.stringify({ ...journal, entries }));
  for (const entry of entries) fs.copyFileSync(path.join(MIGRATIONS, `${entry.tag}.sql`), path.join(dir, `${entry.tag}.sql`));
  return dir;
}

type Snapshot = Record<string, { columns: string[]; rows: unknown[][] }>;

/** Every row of every table (the full-text table included, its shadow tables not), in rowid order. */
function snapshot(sqlite: BetterSqlite3.Database): Snapshot {
  const tables = (
    sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as {
      name: string;
    }[]
  )
    .map((t) => t.name)
    .filter((name) => name !== "__drizzle_migrations" && !/^dataset_search_/.test(name));
  const result: Snapshot = {};
  for (const table of tables) {
    const columns = (sqlite.pragma(`table_info(\`${table}\`)`) as { name: string }[]).map((c) => c.name);
    result[table] = { columns, rows: readRows(sqlite, table, columns) };
  }
  return result;
}

function readRows(sqlite: BetterSqlite3.Database, table: string, columns: string[]): unknown[][] {
  const list = columns.map((c) => `\`${c}\``).join(", ");
  const withoutRowid = (sqlite.prepare("select sql from sqlite_master where name = ?").pluck().get(table) as string).includes("WITHOUT ROWID");
  return sqlite
    .prepare(`select ${list} from \`${table}\` order by ${withoutRowid ? list : "rowid"}`)
    .raw()
    .all() as unknown[][];
}

function buildAt(step: number): { db: Database; file: string; before: Snapshot } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fjordcat-upgrade-"));
  dirs.push(dir);
  const file = path.join(dir, "catalogue.db");
  const db = openDatabase(file);
  migrate(db, { migrationsFolder: migrationsUpTo(step + 1) });
  for (const entry of journal.entries.slice(0, step + 1)) FIXTURES[entry.tag]!(db.$client);
  return { db, file, before: snapshot(db.$client) };
}

const earlier = journal.entries.slice(0, -1);

describe("migrations from every earlier release", () => {
  it("have rows to test with for every earlier release", () => {
    expect(earlier.map((e) => e.tag).filter((tag) => !FIXTURES[tag])).toEqual([]);
  });

  it.each(earlier.map((entry, step) => [entry.tag, step] as const))(
    "a database at %s with data upgrades to the head without losing a row",
    (_tag, step) => {
      const { db, before } = buildAt(step);
      try {
        expect(getMigrationState(db)).toMatchObject({ applied: step + 1, upToDate: false });
        migrateDatabase(db);
        expect(getMigrationState(db).upToDate).toBe(true);
        const sqlite = db.$client;
        expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
        expect(sqlite.pragma("foreign_key_check")).toEqual([]);
        for (const [table, { columns, rows }] of Object.entries(before)) {
          expect(readRows(sqlite, table, columns), `table ${table}`).toEqual(rows);
        }

        // The start-up preparation (scripts/prepare-database.ts) completes what newer releases derive.
        indexUnindexedDatasets(db);
        ensureKpiAggregates(db);
        if (!sqlite.prepare("select 1 from dataset_quality limit 1").get()) recomputeCatalogueQuality(db);
        expect(getDatasetBySlug(db, { slug: "badeplasser-alesund" })).toMatchObject({
          slug: "badeplasser-alesund",
          distributions: [expect.objectContaining({ format: "CSV" }), expect.objectContaining({ format: "GEOJSON" })],
        });
        const found = searchDatasets(db, parseSearchParams({ q: "Alesund bading" }));
        expect(found.results.map((r) => r.slug)).toEqual(["badeplasser-alesund"]);
        const kpi = computeKpi(db, resolveKpiScope(db, WHOLE_CATALOGUE));
        expect(kpi).toMatchObject({ inventory: 2, openPublished: 1 });
        // A raw harvested record kept as text before records were compressed (0006) reads as it was.
        expect(getStaffDataset(db, OPERATOR, "hoydekurver-more").harvestedRecord).toEqual({
          format: "text/turtle",
          text: "<https://data.geonorge.no/dataset/hoydekurver> a <http://www.w3.org/ns/dcat#Dataset> .",
        });
      } finally {
        closeDatabase(db);
      }
    },
  );
});

describe("released migrations", () => {
  it("never change: each keeps its place in the journal and the hash it was released with", () => {
    const current = journal.entries.map((entry) => ({
      tag: entry.tag,
      when: entry.when,
      sha256: crypto.createHash("sha256").update(fs.readFileSync(path.join(MIGRATIONS, `${entry.tag}.sql`))).digest("hex"),
    }));
    expect(current.slice(0, released.length)).toEqual(released);
  });

  it("are applied forward only: the journal's times only grow", () => {
    const times = journal.entries.map((e) => e.when);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(new Set(times).size).toBe(times.length);
  });
});
