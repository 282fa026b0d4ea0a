import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { closeDatabase, databaseFileFromUrl, openDatabase } from "@/db/client";
import { getMigrationState, migrateDatabase } from "@/db/migrate";
import { isCatalogueEmpty, seedDemoCatalogue } from "@/db/seed";
import { getEnv, resetEnv } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { indexUnindexedDatasets } from "@/lib/operations/search-index-check";
import { ensureKpiAggregates } from "@/lib/kpi/refresh-openness";
import { recomputeCatalogueQuality } from "@/lib/quality/store-quality";
import { ensureSiteAdmin } from "@/lib/users/ensure-site-admin";

/**
 * AUTH_SECRET from the environment, or else the one generated on first start and kept beside the
 * database (mode 0600), so sessions survive restarts without any set-up.
 */
export function ensureAuthSecret(): void {
  if (process.env.AUTH_SECRET) return;
  const file = databaseFileFromUrl(process.env.DATABASE_URL ?? "file:./data/catalogue.db");
  const secretFile = path.join(path.dirname(file), ".auth-secret");
  fs.mkdirSync(path.dirname(secretFile), { recursive: true });
  if (!fs.existsSync(secretFile)) {
    fs.writeFileSync(secretFile, randomBytes(33).toString("base64"), { mode: 0o600, flag: "wx" });
    logger("start").info({ file: secretFile }, "generated AUTH_SECRET");
  }
  process.env.AUTH_SECRET = fs.readFileSync(secretFile, "utf8").trim();
  resetEnv();
}

/** Create the database if missing, migrate it, seed the demo catalogue if empty, ensure the admin. */
export async function prepareDatabase(): Promise<void> {
  const env = getEnv();
  const file = databaseFileFromUrl(env.DATABASE_URL);
  const db = openDatabase(file);
  const log = logger("start");
  try {
    const before = getMigrationState(db);
    migrateDatabase(db);
    if (before.applied < before.expected) {
      log.info({ database: file, applied: before.expected - before.applied }, "migrations applied");
    }
    if (env.SEED_DEMO && isCatalogueEmpty(db)) {
      const started = performance.now();
      const report = seedDemoCatalogue(db);
      log.info(
        { datasets: report.datasets, publishers: report.publishers, ms: Math.round(performance.now() - started) },
        "seeded the demo catalogue",
      );
    }
    const search = indexUnindexedDatasets(db);
    if (search.indexed > 0) log.info({ datasets: search.indexed }, "search index completed");
    const kpi = ensureKpiAggregates(db);
    if (kpi.rebuilt) log.info({ reason: kpi.reason }, "KPI aggregates rebuilt");
    if (!db.$client.prepare("select 1 from dataset_quality limit 1").get()) {
      const quality = recomputeCatalogueQuality(db);
      if (quality.datasets > 0) log.info({ datasets: quality.datasets, ms: quality.ms }, "metadata quality scored");
    }
    if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
      const result = await ensureSiteAdmin(db, { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
      // The address is personal data: the log says what happened, not to whom.
      if (result !== "unchanged") log.info({ result }, "site administrator from ADMIN_EMAIL");
    }
  } finally {
    closeDatabase(db);
  }
}
