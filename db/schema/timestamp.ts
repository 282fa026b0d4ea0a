import { sql } from "drizzle-orm";
import { text } from "drizzle-orm/sqlite-core";

/** ISO 8601 UTC timestamp text (sorts as time), set by SQLite when the row is inserted. */
export const timestamp = (name: string) =>
  text(name)
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);
