import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { closeDatabase, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoCatalogue } from "@/db/seed";
import { loadSyntheticCatalogue } from "@/lib/synthetic/load";

/**
 * A benchmark catalogue: the demo catalogue plus `count` synthetic datasets (seed 1), kept in
 * .tmp/bench/ and reused by later runs when it already holds that many.
 */
export function ensureBenchCatalogue(count: number): string {
  const file = path.resolve(".tmp", "bench", `catalogue-${count}.db`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (fs.existsSync(file)) {
    const db = openDatabase(file);
    // A catalogue built before a newer migration landed: bring it up to date.
    migrateDatabase(db);
    const n = db.get<{ n: number }>(sql`select count(*) as n from datasets`)?.n ?? 0;
    closeDatabase(db);
    if (n >= count) return file;
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
  }
  console.log(`Building a benchmark catalogue of ${count.toLocaleString("en")} synthetic datasets in ${file} …`);
  const db = openDatabase(file);
  try {
    migrateDatabase(db);
    seedDemoCatalogue(db);
    const report = loadSyntheticCatalogue(db, { count, seed: 1 });
    console.log(`  loaded in ${(report.ms / 1000).toFixed(1)} s`);
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    closeDatabase(db);
  }
  return file;
}
