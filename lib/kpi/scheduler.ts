import type { Database } from "@/db/client";
import { ensureKpiAggregates } from "./refresh-openness";
import { backfillKpiHistory, takeKpiSnapshot, utcDay } from "./snapshots";

export type KpiScheduler = { stop: () => void };

const HOUR = 60 * 60 * 1000;

/**
 * Start the daily KPI snapshot in the server process: at start it brings the stored aggregates up
 * to date, backfills missing past days from the revision history and takes today's snapshot if
 * there is none; then it checks every hour (and so after midnight UTC) and takes the snapshot of
 * each new day. Taking a snapshot is idempotent per day, so several server processes on the same
 * database, or a restart, never duplicate a day. The timer does not keep the process alive.
 */
export function startKpiScheduler(
  getDb: () => Database,
  { intervalMs = HOUR, log = console }: { intervalMs?: number; log?: Pick<Console, "info" | "error"> } = {},
): KpiScheduler {
  let lastDay: string | null = null;
  const tick = () => {
    try {
      const db = getDb();
      const today = utcDay();
      if (lastDay === today) return;
      if (lastDay === null) {
        const check = ensureKpiAggregates(db);
        if (check.rebuilt) log.info(`KPI aggregates rebuilt (${check.reason})`);
        const backfill = backfillKpiHistory(db, { until: today });
        if (backfill.days > 0) log.info(`KPI history backfilled for ${backfill.days} day(s)`);
      }
      const exists = db.$client
        .prepare("select 1 from kpi_snapshots where date = ? and scope = 'catalogue' and origin = 'snapshot'")
        .get(today);
      if (!exists) {
        const taken = takeKpiSnapshot(db, { date: today });
        log.info(`KPI snapshot for ${taken.date}: ${taken.lines} scope lines`);
      }
      lastDay = today;
    } catch (error) {
      log.error("KPI snapshot failed; retrying within the hour", error);
    }
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
