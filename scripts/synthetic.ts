import { parseArgs } from "node:util";
import { closeDatabase, databaseFileFromUrl, openDatabase } from "@/db/client";
import { getMigrationState, migrateDatabase } from "@/db/migrate";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { loadSyntheticCatalogue } from "@/lib/synthetic/load";
import { runCli } from "./cli";

/** `npm run synthetic -- --datasets N [--seed S]`: add N deterministic synthetic datasets to DATABASE_URL. */
runCli(() => {
  const { values } = parseArgs({ options: { datasets: { type: "string" }, seed: { type: "string", default: "1" } } });
  const count = Number(values.datasets);
  const seed = Number(values.seed);
  if (!Number.isInteger(count) || count < 1) throw new AppError("bad_request", "Give --datasets N with N a whole number from 1");
  if (!Number.isInteger(seed)) throw new AppError("bad_request", "--seed must be a whole number");
  const file = databaseFileFromUrl(getEnv().DATABASE_URL);
  const db = openDatabase(file);
  try {
    if (!getMigrationState(db).upToDate) migrateDatabase(db);
    const report = loadSyntheticCatalogue(db, {
      count,
      seed,
      onProgress: (done) => process.stdout.write(`\r${done.toLocaleString("en")} / ${count.toLocaleString("en")} datasets`),
    });
    process.stdout.write("\n");
    console.log(
      `Added ${report.datasets} datasets (${report.distributions} distributions, ${report.publishers} publishers) ` +
        `to ${file} in ${(report.ms / 1000).toFixed(1)} s (${Math.round(report.datasets / (report.ms / 1000))} datasets/s)`,
    );
  } finally {
    closeDatabase(db);
  }
});
