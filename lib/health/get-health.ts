import { desc, sql } from "drizzle-orm";
import { getMigrationState, type MigrationState } from "@/db/migrate";
import { harvestJobs } from "@/db/schema";
import { getDb } from "@/lib/database";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { getBackupStatus, type BackupStatus } from "@/lib/operations/backup-status";

export type LastHarvest = {
  id: number;
  status: "running" | "succeeded" | "failed";
  startedAt: string;
  finishedAt: string | null;
  created: number;
  updated: number;
  archived: number;
  failed: number;
  error: string | null;
};

type PublicBackup = Omit<NonNullable<BackupStatus["last"]>, "path">;

export type Health =
  | {
      status: "ok";
      database: "ok";
      migrations: MigrationState;
      datasets: number;
      /** The most recent harvest job (any source), or null when nothing was ever harvested. */
      lastHarvest: LastHarvest | null;
      /** The backup status without the file's path, which a public endpoint should not reveal. */
      backup: Omit<BackupStatus, "last"> & { last: PublicBackup | null };
      /** Things an operator should look at; the portal serves all the same. */
      warnings: string[];
    }
  | { status: "unavailable"; database: "error"; message: string };

/**
 * Whether the portal can serve (the database answers and is migrated: 200, else 503), plus what
 * an operator checks: migration state, the last harvest and how old the last backup is.
 */
export function getHealth(): Health {
  try {
    const db = getDb();
    const datasets = db.get<{ n: number }>(sql`select count(*) as n from datasets`)?.n ?? 0;
    const lastHarvest =
      db
        .select({
          id: harvestJobs.id,
          status: harvestJobs.status,
          startedAt: harvestJobs.startedAt,
          finishedAt: harvestJobs.finishedAt,
          created: harvestJobs.created,
          updated: harvestJobs.updated,
          archived: harvestJobs.archived,
          failed: harvestJobs.failed,
          error: harvestJobs.error,
        })
        .from(harvestJobs)
        .orderBy(desc(harvestJobs.id))
        .limit(1)
        .get() ?? null;
    const backup = getBackupStatus(db, { maxAgeHours: env.BACKUP_MAX_AGE_HOURS });
    const warnings: string[] = [];
    if (backup.tooOld) {
      warnings.push(
        backup.last
          ? `The last backup is ${backup.ageHours} hours old (more than ${backup.maxAgeHours})`
          : "No backup has been taken (npm run backup)",
      );
    }
    if (lastHarvest?.status === "failed") warnings.push("The last harvest failed");
    const last = backup.last;
    return {
      status: "ok",
      database: "ok",
      migrations: getMigrationState(db),
      datasets,
      lastHarvest,
      backup: {
        ...backup,
        last: last && { startedAt: last.startedAt, finishedAt: last.finishedAt, bytes: last.bytes, durationMs: last.durationMs },
      },
      warnings,
    };
  } catch (error) {
    const message = error instanceof AppError ? error.message : "The database cannot be reached";
    if (!(error instanceof AppError)) logger("health").error({ err: error }, "health check failed");
    return { status: "unavailable", database: "error", message };
  }
}
