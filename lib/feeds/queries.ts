import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

/** The most recently created or updated published datasets, newest first. */
export function listRecentDatasetIds(db: Database, { limit, publisher }: { limit: number; publisher?: string }): number[] {
  const byPublisher = publisher ? sql`and d.publisher_id = (select id from publishers where slug = ${publisher})` : sql``;
  return db
    .all<{ id: number }>(
      sql`select d.id from datasets d where d.state = 'published' ${byPublisher} order by d.updated_at desc, d.id desc limit ${limit}`,
    )
    .map((r) => r.id);
}
