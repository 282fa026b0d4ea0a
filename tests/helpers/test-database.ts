import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { closeDatabase, openDatabase, type Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

export type TestDatabase = { db: Database; file: string; dir: string; cleanup: () => void };

/** A fresh SQLite file in a temporary folder with the committed migrations applied. */
export function createTestDatabase({ migrate = true }: { migrate?: boolean } = {}): TestDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fjordcat-test-"));
  const file = path.join(dir, "catalogue.db");
  const db = openDatabase(file);
  if (migrate) migrateDatabase(db);
  return {
    db,
    file,
    dir,
    cleanup: () => {
      closeDatabase(db);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The stored KPI aggregates (each dataset's openness, every counter), to compare with what a full rebuild gives. */
export function storedKpiAggregates(db: Database): { openness: unknown[]; counts: unknown[] } {
  return {
    openness: db.all(sql`select * from dataset_openness order by dataset_id`),
    counts: db.all(sql`select * from kpi_counts order by scope_type, scope_value`),
  };
}
