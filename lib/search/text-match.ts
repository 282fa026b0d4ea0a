import type { Database } from "@/db/client";
import { processWide } from "@/lib/process-wide";

/** BM25 column weights: title, keywords, publisher, description. */
const RANK = "bm25(dataset_search, 10.0, 5.0, 3.0, 1.0)";
const CACHE_SIZE = 256;

type Entry = { version: string; ids: number[] };
const caches = processWide("search.text-matches", () => new WeakMap<object, Map<string, Entry>>());

/**
 * The ids of the datasets whose full-text row matches an FTS5 expression, best first. Results are
 * kept for repeated queries until the catalogue changes (the version is the facet index's).
 */
export function matchTextIds(db: Database, expression: string, version: string): number[] {
  let cache = caches.get(db.$client);
  if (!cache) {
    cache = new Map();
    caches.set(db.$client, cache);
  }
  const hit = cache.get(expression);
  if (hit && hit.version === version) {
    cache.delete(expression);
    cache.set(expression, hit);
    return hit.ids;
  }
  const ids = (
    db.$client
      .prepare(`select rowid as id from dataset_search where dataset_search match ? order by ${RANK}, rowid desc`)
      .all(expression) as { id: number }[]
  ).map((r) => r.id);
  cache.set(expression, { version, ids });
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return ids;
}
