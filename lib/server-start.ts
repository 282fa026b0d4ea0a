import { databaseFileFromUrl } from "@/db/client";
import { closeDb, getDb } from "@/lib/database";
import { stopFeedWorkers } from "@/lib/dcat/feed-workers";
import { env, EnvError, getEnv } from "@/lib/env";
import { startHarvestScheduler } from "@/lib/harvest/scheduler";
import { startKpiScheduler } from "@/lib/kpi/scheduler";
import { consoleLike, logger } from "@/lib/log/logger";
import { installRequestLogging } from "@/lib/log/request-log";
import { writeServerLock } from "@/lib/operations/server-lock";
import { installGracefulShutdown, onShutdown } from "@/lib/operations/shutdown";
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
 * The server's operations: request ids and one log line per request, the lock file that tells
 * `npm run restore` a server runs on the database, and graceful shutdown on SIGTERM/SIGINT
 * (finish requests, stop the jobs, close the database, exit 0).
 */
export function startOperations(): void {
  const activity = installRequestLogging();
  const releaseLock = writeServerLock(databaseFileFromUrl(env.DATABASE_URL));
  onShutdown("server lock", releaseLock);
  onShutdown("database", closeDb);
  // Their read-only connections close before the server's (which then checkpoints and removes the WAL).
  onShutdown("feed workers", stopFeedWorkers);
  installGracefulShutdown({ activity });
  logger("server").info({ port: env.PORT, baseUrl: env.BASE_URL }, "serving");
}

/**
 * Build the search index before the first request rather than during it (about 2 s per 100,000
 * datasets); the server starts answering once it is ready.
 */
export function warmUpSearch(): void {
  const started = performance.now();
  const index = getFacetIndex(getDb());
  const ms = performance.now() - started;
  if (ms > 500) logger("search").info({ datasets: index.live, ms: Math.round(ms) }, "search index built");
}

const QUALITY_START_DELAY_MS = 30_000;

/**
 * The server's background jobs: the daily KPI snapshot (with backfill) and the metadata-quality
 * recompute, plus URL checks when QUALITY_URL_CHECKS is on. Off with BACKGROUND_JOBS=false.
 */
export function startBackgroundJobs(): void {
  if (!env.BACKGROUND_JOBS) return;
  const stops: Array<() => void | Promise<void>> = [];
  const kpi = startKpiScheduler(getDb, { log: consoleLike(logger("kpi")) });
  stops.push(kpi.stop);
  // Due harvest sources, one at a time; jobs a crash left running are marked failed first.
  const harvest = startHarvestScheduler(getDb, { log: consoleLike(logger("harvest")) });
  stops.push(() => {
    harvest.stop();
    return harvest.idle();
  });
  // The quality recompute reads the whole catalogue: let the server answer its first requests first.
  const delayed = setTimeout(() => {
    const quality = startQualityScheduler(getDb, {
      checkUrls: env.QUALITY_URL_CHECKS,
      allowPrivateNetwork: env.HARVEST_ALLOW_PRIVATE_NETWORK,
      log: consoleLike(logger("quality")),
    });
    stops.push(() => {
      quality.stop();
      return quality.idle();
    });
  }, QUALITY_START_DELAY_MS);
  delayed.unref();
  stops.push(() => clearTimeout(delayed));
  // On shutdown: no new runs, and wait for a running one to finish (before the database closes).
  onShutdown("background jobs", () => Promise.all(stops.map((stop) => stop())).then(() => undefined));
}
