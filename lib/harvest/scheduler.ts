import type { Database } from "@/db/client";
import { listDueHarvestSources } from "./queries";
import { runHarvestJob } from "./job-thread";
import { failInterruptedJobs } from "./run-harvest";

export type HarvestScheduler = { stop: () => void; tick: () => Promise<void>; idle: () => Promise<void> };

const MINUTE = 60 * 1000;

/**
 * Runs due harvest sources in the server process, one at a time, each in its own job: a source
 * that fails (or throws) is reported in its job and the next one runs anyway. At start, jobs a
 * crash left `running` are marked failed (their transaction never committed, so nothing of them
 * was kept). Checks every minute; the timer does not keep the process alive.
 */
export function startHarvestScheduler(
  getDb: () => Database,
  { intervalMs = MINUTE, log = console }: { intervalMs?: number; log?: Pick<Console, "info" | "error"> } = {},
): HarvestScheduler {
  try {
    const failed = failInterruptedJobs(getDb());
    if (failed > 0) log.info(`Marked ${failed} interrupted harvest job(s) as failed`);
  } catch (error) {
    log.error("Could not check for interrupted harvest jobs", error);
  }
  let busy = false;
  let stopped = false;
  let current: Promise<void> = Promise.resolve();
  const run = async () => {
    if (busy || stopped) return;
    busy = true;
    try {
      const db = getDb();
      for (const source of listDueHarvestSources(db, new Date())) {
        if (stopped) break;
        try {
          const report = await runHarvestJob(db, { source, triggeredBy: "scheduler" });
          log.info(
            `Harvest of source ${source.id} (${source.name}): ${report.status}, ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.archived} archived, ${report.failed} failed`,
          );
        } catch (error) {
          log.error(`Harvest of source ${source.id} failed`, error);
        }
      }
    } catch (error) {
      log.error("The harvest scheduler could not list due sources", error);
    } finally {
      busy = false;
    }
  };
  const tick = () => (current = run());
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return {
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
    tick,
    idle: () => current,
  };
}
