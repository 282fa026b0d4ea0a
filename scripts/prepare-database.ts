import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { closeDatabase, databaseFileFromUrl, openDatabase } from "@/db/client";
import { getMigrationState, migrateDatabase } from "@/db/migrate";
import { isCatalogueEmpty, seedDemoCatalogue } from "@/db/seed";
import { getEnv, resetEnv } from "@/lib/env";
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
    console.log(`Generated AUTH_SECRET in ${secretFile}`);
  }
  process.env.AUTH_SECRET = fs.readFileSync(secretFile, "utf8").trim();
  resetEnv();
}

/** Create the database if missing, migrate it, seed the demo catalogue if empty, ensure the admin. */
export async function prepareDatabase(): Promise<void> {
  const env = getEnv();
  const file = databaseFileFromUrl(env.DATABASE_URL);
  const db = openDatabase(file);
  try {
    const before = getMigrationState(db);
    migrateDatabase(db);
    if (before.applied < before.expected) {
      console.log(`Database ${file}: applied ${before.expected - before.applied} migration(s)`);
    }
    if (env.SEED_DEMO && isCatalogueEmpty(db)) {
      const started = performance.now();
      const report = seedDemoCatalogue(db);
      console.log(
        `Seeded the demo catalogue: ${report.datasets} datasets from ${report.publishers} publishers ` +
          `(${Math.round(performance.now() - started)} ms)`,
      );
    }
    const kpi = ensureKpiAggregates(db);
    if (kpi.rebuilt) console.log(`KPI aggregates rebuilt (${kpi.reason})`);
    if (!db.$client.prepare("select 1 from dataset_quality limit 1").get()) {
      const quality = recomputeCatalogueQuality(db);
      if (quality.datasets > 0) console.log(`Metadata quality scored for ${quality.datasets} datasets (${quality.ms} ms)`);
    }
    if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
      const result = await ensureSiteAdmin(db, { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
      if (result !== "unchanged") console.log(`Site administrator ${env.ADMIN_EMAIL}: ${result}`);
    }
  } finally {
    closeDatabase(db);
  }
}
