import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { DcatPublisher, LangText } from "./model";

/**
 * Read access for the DCAT feeds: only published datasets, ever. Plain SQL through drizzle's `sql`,
 * in batches (one query per table per batch, never one per dataset), so the full dump streams fast.
 */

type Statement = import("better-sqlite3").Statement;
const statements = new WeakMap<object, Map<string, Statement>>();

/**
 * A prepared statement, prepared once per connection, SQL text and row mode, for the queries every
 * request or batch runs (drizzle's `db.all(sql…)` prepares its statement anew on each call).
 */
export function prepared(db: Database, text: string, mode: "objects" | "raw" | "pluck" = "objects"): Statement {
  let cache = statements.get(db.$client);
  if (!cache) statements.set(db.$client, (cache = new Map()));
  const key = `${mode}:${text}`;
  let statement = cache.get(key);
  if (!statement) {
    statement = db.$client.prepare(text);
    if (mode === "raw") statement.raw(true);
    if (mode === "pluck") statement.pluck(true);
    cache.set(key, statement);
  }
  return statement;
}

export type DatasetFilter = {
  /** Publisher slug: one publisher's catalogue. */
  publisher?: string;
  /** ISO 8601 UTC timestamp: only records changed at or after it. */
  modifiedSince?: string;
};


function where(filter: DatasetFilter): SQL {
  const parts = [sql`d.state = 'published'`];
  if (filter.publisher) parts.push(sql`d.publisher_id = (select id from publishers where slug = ${filter.publisher})`);
  if (filter.modifiedSince) parts.push(sql`d.updated_at >= ${filter.modifiedSince}`);
  return sql.join(parts, sql` and `);
}

/** Ids of published datasets after `afterId`, in id order: keyset pagination for the full dump. */
export function listPublishedDatasetIds(
  db: Database,
  { filter = {}, afterId = 0, limit }: { filter?: DatasetFilter; afterId?: number; limit: number },
): number[] {
  const conditions = ["+d.state = 'published'"];
  const params: (string | number)[] = [];
  if (filter.publisher) {
    conditions.push("d.publisher_id = (select id from publishers where slug = ?)");
    params.push(filter.publisher);
  }
  if (filter.modifiedSince) {
    conditions.push("d.updated_at >= ?");
    params.push(filter.modifiedSince);
  }
  // `+d.state`: read by primary key from afterId on; through the state index, SQLite would walk
  // and sort every published dataset for each batch.
  const text = `select d.id from datasets d where ${conditions.join(" and ")} and d.id > ? order by d.id limit ?`;
  return prepared(db, text, "pluck").all(...params, afterId, limit) as number[];
}

/**
 * The published ids in scope, in id order, for one catalogue version: computed once per version
 * (a few ms on 100,000 datasets) and kept, so a Hydra page is a slice, not an OFFSET scan. Keyed by
 * the filter and the version's stamp, so a change anywhere starts a new list; at most a few lists
 * (one per filter in use) are kept.
 */
const idLists = new Map<string, number[]>();
const ID_LISTS_KEPT = 8;

function publishedIdList(db: Database, filter: DatasetFilter, version: CatalogueVersion): number[] {
  const key = JSON.stringify([db.$client.name, filter.publisher ?? null, filter.modifiedSince ?? null, version.lastModified, version.count]);
  let ids = idLists.get(key);
  if (!ids) {
    ids = db.all<{ id: number }>(sql`select d.id from datasets d where ${where(filter)} order by d.id`).map((r) => r.id);
    if (idLists.size >= ID_LISTS_KEPT) idLists.delete(idLists.keys().next().value!);
    idLists.set(key, ids);
  }
  return ids;
}

/** One page of published dataset ids, in id order (stable while a harvester follows next links). */
export function pagePublishedDatasetIds(
  db: Database,
  { filter = {}, page, perPage, version }: { filter?: DatasetFilter; page: number; perPage: number; version?: CatalogueVersion },
): number[] {
  return publishedIdList(db, filter, version ?? getCatalogueVersion(db, filter)).slice((page - 1) * perPage, page * perPage);
}

export type CatalogueVersion = { count: number; lastModified: string | null };

const counts = new Map<string, number>();

/**
 * What a conditional GET compares: the latest change to any dataset (a withdrawal changes it too),
 * publisher or data service, and the number of published datasets in scope. The latest change is
 * read per state from the (state, updated_at) index; the count is kept per latest change, since
 * every write to a dataset moves its updated_at.
 */
export function getCatalogueVersion(db: Database, filter: DatasetFilter = {}): CatalogueVersion {
  const row = prepared(
    db,
    `select max(
        coalesce((select max(updated_at) from datasets where state = 'draft'), ''),
        coalesce((select max(updated_at) from datasets where state = 'published'), ''),
        coalesce((select max(updated_at) from datasets where state = 'withdrawn'), '')) as d,
      (select max(updated_at) from publishers) as p,
      (select max(updated_at) from data_services) as s`,
  ).get() as { d: string | null; p: string | null; s: string | null } | undefined;
  const stamps = [row?.d, row?.p, row?.s].filter((v): v is string => !!v).sort();
  const lastModified = stamps.at(-1) ?? null;
  const key = JSON.stringify([db.$client.name, filter.publisher ?? null, filter.modifiedSince ?? null, lastModified]);
  let count = counts.get(key);
  if (count === undefined) {
    count = db.get<{ n: number }>(sql`select count(*) as n from datasets d where ${where(filter)}`)?.n ?? 0;
    if (counts.size >= 64) counts.delete(counts.keys().next().value!);
    counts.set(key, count);
  }
  return { count, lastModified };
}

export function findPublishedDatasetId(db: Database, { slug }: { slug: string }): number | undefined {
  return db.get<{ id: number }>(sql`select id from datasets where slug = ${slug} and state = 'published'`)?.id;
}

export function publisherExists(db: Database, { slug }: { slug: string }): boolean {
  return db.get<{ n: number }>(sql`select count(*) as n from publishers where slug = ${slug}`)?.n === 1;
}

export type PublisherRow = {
  id: number;
  slug: string;
  uri: string;
  name_nb: string;
  name_nn: string | null;
  name_en: string | null;
  org_number: string | null;
  homepage: string | null;
  email: string | null;
};

export const langText = (nb: string | null, nn: string | null, en: string | null): LangText => ({
  ...(nb ? { nb } : {}),
  ...(nn ? { nn } : {}),
  ...(en ? { en } : {}),
});

export const toPublisher = (r: PublisherRow): DcatPublisher => ({
  id: r.id,
  slug: r.slug,
  uri: r.uri,
  name: { ...langText(r.name_nb, r.name_nn, r.name_en), nb: r.name_nb },
  orgNumber: r.org_number,
  homepage: r.homepage,
  email: r.email,
});

export function getPublisherForCatalog(db: Database, { slug }: { slug: string }): DcatPublisher | undefined {
  const row = db.get<PublisherRow>(
    sql`select id, slug, uri, name_nb, name_nn, name_en, org_number, homepage, email from publishers where slug = ${slug}`,
  );
  return row ? toPublisher(row) : undefined;
}

/** Published datasets changed at or after `modifiedSince`, oldest change first (incremental harvests). */
export function listPublishedDatasetIdsByModified(
  db: Database,
  { modifiedSince, publisher, limit, offset }: { modifiedSince: string; publisher?: string; limit: number; offset: number },
): { ids: number[]; total: number } {
  const condition = where({ modifiedSince, publisher });
  const total = db.get<{ n: number }>(sql`select count(*) as n from datasets d where ${condition}`)?.n ?? 0;
  const ids = db
    .all<{ id: number }>(sql`select d.id from datasets d where ${condition} order by d.updated_at, d.id limit ${limit} offset ${offset}`)
    .map((r) => r.id);
  return { ids, total };
}
