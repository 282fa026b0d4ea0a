import { parseArgs } from "node:util";
import { closeDatabase, databaseFileFromUrl, openDatabase } from "@/db/client";
import { getMigrationState, migrateDatabase } from "@/db/migrate";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { computeKpi } from "@/lib/kpi/compute-kpi";
import { ensureKpiHistoryDataset } from "@/lib/kpi/history-dataset";
import { ensureKpiAggregates, rebuildKpiAggregates } from "@/lib/kpi/refresh-openness";
import { WHOLE_CATALOGUE } from "@/lib/kpi/scope";
import { backfillKpiHistory, takeKpiSnapshot } from "@/lib/kpi/snapshots";
import { recomputeCatalogueQuality } from "@/lib/quality/store-quality";
import { runCli } from "./cli";

const USAGE = `Usage: npm run kpi -- <command>
  show                          the KPI of the whole catalogue as JSON
  snapshot [--date YYYY-MM-DD]  record today's KPI lines (idempotent per day and scope)
  backfill                      reconstruct past days from the revision history
  rebuild                       recompute the stored openness and counters from the raw tables
  quality                       recompute and store the metadata quality score of every dataset
  publish-history [--publisher <slug>]
                                register the KPI history as a dataset (default publisher: alesund-kommune)`;

/** `npm run kpi -- snapshot | backfill | rebuild | quality | show | publish-history` against DATABASE_URL. */
runCli(() => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { date: { type: "string" }, publisher: { type: "string", default: "alesund-kommune" } },
  });
  const command = positionals[0];
  if (!command || !["show", "snapshot", "backfill", "rebuild", "quality", "publish-history"].includes(command)) {
    throw new AppError("bad_request", USAGE);
  }
  const file = databaseFileFromUrl(getEnv().DATABASE_URL);
  const db = openDatabase(file);
  try {
    if (!getMigrationState(db).upToDate) migrateDatabase(db);
    if (command === "rebuild") {
      const started = performance.now();
      db.transaction((tx) => rebuildKpiAggregates(tx));
      console.log(`Rebuilt the KPI aggregates in ${Math.round(performance.now() - started)} ms`);
      return;
    }
    const check = ensureKpiAggregates(db);
    if (check.rebuilt) console.log(`Rebuilt the KPI aggregates (${check.reason})`);
    if (command === "show") {
      console.log(JSON.stringify(computeKpi(db, { ...WHOLE_CATALOGUE, publisherId: null }), null, 2));
    } else if (command === "snapshot") {
      const taken = takeKpiSnapshot(db, values.date ? { date: values.date } : {});
      console.log(`KPI snapshot for ${taken.date}: ${taken.lines} scope lines in ${file}`);
    } else if (command === "quality") {
      const result = recomputeCatalogueQuality(db);
      console.log(`Scored ${result.datasets} datasets in ${result.ms} ms (${Math.round(result.datasets / (result.ms / 1000))} datasets/s)`);
    } else if (command === "backfill") {
      const result = backfillKpiHistory(db);
      console.log(`Backfilled ${result.days} day(s), ${result.lines} scope lines, from the revision history`);
    } else {
      const result = ensureKpiHistoryDataset(db, { publisherSlug: values.publisher! });
      console.log(`${result.created ? "Registered" : "Already registered"}: /datasets/${result.slug}`);
    }
  } finally {
    closeDatabase(db);
  }
});
