import { getDb } from "@/lib/database";
import { env, EnvError, getEnv } from "@/lib/env";
import { startKpiScheduler } from "@/lib/kpi/scheduler";
import { startQualityScheduler } from "@/lib/quality/scheduler";
import { AppError } from "@/lib/errors";
import { getFacetIndex } from "@/lib/search/facet-index";

/** Why the server must not start (bad configuration, database not migrated), or null when it can. */
export function checkServerCanStart(): string | null {
  try {
    getEnv();
    getDb();
    return null;
  } catch (error) {
    if (error instanceof EnvError || error instanceof AppError) return error.message;
    throw error;
  }
}

/** Print the problem and exit when the server cannot serve; used once at server start. */
export function refuseToStartOnProblems(): void {
  const problem = checkServerCanStart();
  if (problem) {
    console.error(`\nFjordcat cannot start: ${problem}\n`);
    process.exit(1);
  }
}

/**
 * Build the search index before the first request rather than during it (about 2 s per 100,000
 * datasets); the server starts answering once it is ready.
 */
export function warmUpSearch(): void {
  const started = performance.now();
  const index = getFacetIndex(getDb());
  const ms = performance.now() - started;
  if (ms > 500) console.log(`Search index of ${index.live} datasets built in ${(ms / 1000).toFixed(1)} s`);
}

const QUALITY_START_DELAY_MS = 30_000;

/**
 * The server's background jobs: the daily KPI snapshot (with backfill) and the metadata-quality
 * recompute, plus URL checks when QUALITY_URL_CHECKS is on. Off with BACKGROUND_JOBS=false.
 */
export function startBackgroundJobs(): void {
  if (!env.BACKGROUND_JOBS) return;
  startKpiScheduler(getDb);
  // The quality recompute reads the whole catalogue: let the server answer its first requests first.
  const delayed = setTimeout(
    () =>
      startQualityScheduler(getDb, {
        checkUrls: env.QUALITY_URL_CHECKS,
        allowPrivateNetwork: env.HARVEST_ALLOW_PRIVATE_NETWORK,
      }),
    QUALITY_START_DELAY_MS,
  );
  delayed.unref();
}
