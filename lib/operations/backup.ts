import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import type { Database } from "@/db/client";
import { backups } from "@/db/schema";
import { AppError } from "@/lib/errors";

export type BackupResult = {
  path: string;
  startedAt: string;
  finishedAt: string;
  bytes: number;
  durationMs: number;
  pages: number;
};

/** Copy every page in one step: one read snapshot, which in WAL mode never blocks the writers. */
const ALL_PAGES = 0x7fffffff;

/** Write a file's data and its directory entry to disk, so a rename survives a power cut. */
export function syncFile(file: string): void {
  const fd = fs.openSync(file, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function syncDirectory(dir: string): void {
  try {
    syncFile(dir);
  } catch {
    // Some file systems cannot fsync a directory; the rename is still atomic.
  }
}

/** `PRAGMA integrity_check` of an open connection: "ok", or the first problems it reports. */
export function integrityProblems(sqlite: BetterSqlite3.Database, max = 5): string[] {
  const rows = sqlite.pragma(`integrity_check(${max})`, { simple: false }) as { integrity_check: string }[];
  const messages = rows.map((row) => row.integrity_check);
  return messages.length === 1 && messages[0] === "ok" ? [] : messages;
}

/**
 * A consistent online backup of the catalogue into `to`, while the portal keeps serving: SQLite's
 * backup API copies the database as of one moment (every write committed before it, none after),
 * into a temporary file beside the target that is checked (`integrity_check`), switched out of
 * WAL mode (one self-contained file), synced and then renamed into place, so `to` is never a
 * half-written backup. The backup is recorded in the `backups` table of the live database, for
 * health and the staff area.
 */
export async function backupDatabase(db: Database, { to }: { to: string }): Promise<BackupResult> {
  const target = path.resolve(to);
  const source = db.$client.name;
  if (source !== ":memory:" && path.resolve(source) === target) {
    throw new AppError("bad_request", "The backup cannot overwrite the database itself; give another file");
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
    throw new AppError("bad_request", `${target} is a folder; give a file name, e.g. ${path.join(target, "catalogue-backup.db")}`);
  }
  const partial = `${target}.partial-${process.pid}`;
  fs.rmSync(partial, { force: true });
  const startedAt = new Date();
  const started = performance.now();
  try {
    const progress = await db.$client.backup(partial, { progress: () => ALL_PAGES });
    const copy = new BetterSqlite3(partial);
    try {
      copy.pragma("journal_mode = DELETE");
      const problems = integrityProblems(copy);
      if (problems.length > 0) {
        throw new AppError("internal", `The backup copy failed its integrity check: ${problems.join("; ")}`);
      }
    } finally {
      copy.close();
    }
    syncFile(partial);
    fs.renameSync(partial, target);
    syncDirectory(path.dirname(target));
    const bytes = fs.statSync(target).size;
    const durationMs = Math.round(performance.now() - started);
    const finishedAt = new Date().toISOString();
    // A database from before the `backups` table (not yet migrated) is backed up all the same.
    if (db.$client.prepare("select 1 from sqlite_master where type = 'table' and name = 'backups'").get()) {
      db.insert(backups)
        .values({ path: target, startedAt: startedAt.toISOString(), finishedAt, bytes, durationMs })
        .run();
    }
    return { path: target, startedAt: startedAt.toISOString(), finishedAt, bytes, durationMs, pages: progress.totalPages };
  } finally {
    fs.rmSync(partial, { force: true });
    fs.rmSync(`${partial}-journal`, { force: true });
  }
}
