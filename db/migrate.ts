import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { Database } from "./client";
import journal from "./migrations/meta/_journal.json";

const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/** Apply every committed migration that the database has not seen yet (forward only). */
export function migrateDatabase(db: Database): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

export type MigrationState = { applied: number; expected: number; upToDate: boolean };

/** How many of the committed migrations the database has applied. Never writes. */
export function getMigrationState(db: Database): MigrationState {
  const expected = journal.entries.length;
  const table = db.$client
    .prepare("select name from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get();
  if (!table) return { applied: 0, expected, upToDate: expected === 0 };
  const row = db.$client.prepare("select max(created_at) as last from __drizzle_migrations").get() as {
    last: number | null;
  };
  const applied = journal.entries.filter((entry) => row.last !== null && entry.when <= row.last).length;
  return { applied, expected, upToDate: applied === expected };
}
