import type { Database } from "@/db/client";
import { utcDay } from "@/lib/kpi/snapshots";
import { findDatasetsByUrl, recomputeCatalogueQuality, refreshDatasetQuality } from "./store-quality";
import { runUrlChecks, type UrlCheckOptions } from "./url-checks";

export type QualitySchedulerOptions = UrlCheckOptions & {
  /** Make the network checks at all (off in tests and end-to-end runs, which must not reach the internet). */
  checkUrls?: boolean;
  intervalMs?: number;
  /** URLs checked per batch. */
  limit?: number;
  maxAgeDays?: number;
  concurrency?: number;
  log?: Pick<Console, "info" | "error">;
};

/**
 * Metadata quality in the background of the server process: a full recompute of the stored scores
 * at start and once a day, and every `intervalMs` a batch of URL checks (timeouts, a few at a
 * time, never two batches at once) followed by rescoring the datasets whose URLs were checked.
 * The timer does not keep the process alive.
 */
export function startQualityScheduler(
  getDb: () => Database,
  { intervalMs = 10 * 60_000, log = console, checkUrls = true, ...options }: QualitySchedulerOptions = {},
): { stop: () => void; idle: () => Promise<void> } {
  let lastFullDay: string | null = null;
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    running = (async () => {
      const db = getDb();
      if (lastFullDay === null) {
        // Scores already computed today (an earlier process, a restart) need no full recompute.
        const last = db.$client.prepare("select max(computed_at) from dataset_quality").pluck().get() as string | null;
        if (last && last.slice(0, 10) === utcDay()) lastFullDay = utcDay();
      }
      if (lastFullDay !== utcDay()) {
        const result = recomputeCatalogueQuality(db);
        log.info(`Metadata quality recomputed for ${result.datasets} datasets in ${result.ms} ms`);
        lastFullDay = utcDay();
      }
      if (!checkUrls) return;
      const outcomes = await runUrlChecks(db, options);
      refreshDatasetQuality(db, { datasetIds: findDatasetsByUrl(db, outcomes.map((o) => o.url)) });
    })()
      .catch((error: unknown) => log.error("Metadata quality run failed", error))
      .finally(() => {
        busy = false;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer), idle: () => running };
}
