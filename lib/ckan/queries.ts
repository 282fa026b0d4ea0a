import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

/** Published datasets by slug, in the order given (unknown slugs are skipped). */
export function publishedIdsBySlugs(db: Database, slugs: readonly string[]): number[] {
  if (slugs.length === 0) return [];
  const rows = db.all<{ id: number; slug: string }>(
    sql`select id, slug from datasets where state = 'published' and slug in (${sql.join(slugs.map((s) => sql`${s}`), sql`, `)})`,
  );
  const bySlug = new Map(rows.map((r) => [r.slug, r.id]));
  return slugs.flatMap((s) => (bySlug.has(s) ? [bySlug.get(s)!] : []));
}

/** Names (slugs) of published datasets, by name, for package_list. */
export function listPublishedSlugs(db: Database, { limit, offset }: { limit: number; offset: number }): string[] {
  return db
    .all<{ slug: string }>(sql`select slug from datasets where state = 'published' order by slug limit ${limit} offset ${offset}`)
    .map((r) => r.slug);
}

/** The published dataset whose slug, URI or CKAN id (as computed by `idOf`) is `key`. */
export function findPublishedDatasetIdByKey(db: Database, key: string, idOf: (uri: string) => string): number | undefined {
  const direct = db.get<{ id: number }>(sql`select id from datasets where state = 'published' and (slug = ${key} or uri = ${key})`);
  if (direct) return direct.id;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(key)) return undefined;
  for (const row of db.all<{ id: number; uri: string }>(sql`select id, uri from datasets where state = 'published'`)) {
    if (idOf(row.uri) === key.toLowerCase()) return row.id;
  }
  return undefined;
}

/** Created dates of publishers, keyed by slug. */
export function publisherCreatedDates(db: Database): Map<string, string> {
  return new Map(db.all<{ slug: string; created_at: string }>(sql`select slug, created_at from publishers`).map((r) => [r.slug, r.created_at]));
}
