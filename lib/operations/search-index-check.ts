import type { Database } from "@/db/client";
import { indexDataset } from "@/lib/search/index-dataset";

/**
 * Give every dataset without a full-text row one. Datasets written by the catalogue commands are
 * indexed in their own transaction; this covers databases that got datasets before the search
 * index existed (a database from release 0000 migrated forward), and runs at every start (one
 * anti-join over the primary keys, a few milliseconds per 100,000 datasets when nothing is missing).
 */
export function indexUnindexedDatasets(db: Database): { indexed: number } {
  const missing = db.$client
    .prepare("select id from datasets d where not exists (select 1 from dataset_search s where s.rowid = d.id)")
    .pluck()
    .all() as number[];
  if (missing.length === 0) return { indexed: 0 };
  db.transaction((tx) => {
    for (const id of missing) indexDataset(tx, id);
  });
  return { indexed: missing.length };
}
