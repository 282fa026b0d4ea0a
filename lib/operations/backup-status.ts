import { desc } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { backups } from "@/db/schema";

export type LastBackup = {
  path: string;
  startedAt: string;
  finishedAt: string;
  bytes: number;
  durationMs: number;
};

export type BackupStatus = {
  /** The most recent backup recorded by `npm run backup`, or null when none was ever taken. */
  last: LastBackup | null;
  /** Hours since the last backup started (its data is as of then), or null when there is none. */
  ageHours: number | null;
  maxAgeHours: number;
  /** True when there is no backup, or the last one is older than `maxAgeHours`: show a warning. */
  tooOld: boolean;
};

/**
 * How recent the last backup is, for health and the staff area. Pass `env.BACKUP_MAX_AGE_HOURS`
 * as `maxAgeHours` (default 26: a daily backup plus slack).
 */
export function getBackupStatus(db: Executor, { maxAgeHours, now = new Date() }: { maxAgeHours: number; now?: Date }): BackupStatus {
  const row = db
    .select({
      path: backups.path,
      startedAt: backups.startedAt,
      finishedAt: backups.finishedAt,
      bytes: backups.bytes,
      durationMs: backups.durationMs,
    })
    .from(backups)
    .orderBy(desc(backups.startedAt), desc(backups.id))
    .limit(1)
    .get();
  if (!row) return { last: null, ageHours: null, maxAgeHours, tooOld: true };
  const ageHours = Math.max(0, (now.getTime() - Date.parse(row.startedAt)) / 3_600_000);
  return { last: row, ageHours: Math.round(ageHours * 10) / 10, maxAgeHours, tooOld: ageHours > maxAgeHours };
}
