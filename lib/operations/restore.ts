import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import journal from "@/db/migrations/meta/_journal.json";
import { AppError } from "@/lib/errors";
import { integrityProblems, syncDirectory, syncFile } from "./backup";
import { findRunningServer, serverLockFile } from "./server-lock";

/** Tables every Fjordcat database has had since its first migration. */
const FJORDCAT_TABLES = ["__drizzle_migrations", "publishers", "datasets", "distributions", "catalogue_records"];
const SQLITE_HEADER = "SQLite format 3\0";

export type BackupCheck = {
  datasets: number;
  /** Migrations the backup has applied, and how many this version of Fjordcat has. */
  migrations: { applied: number; expected: number };
};

export type RestoreResult = BackupCheck & {
  from: string;
  databaseFile: string;
  /** Where the database that was replaced now is (null when there was none). */
  previous: string | null;
};

function refuse(message: string): never {
  throw new AppError("bad_request", message);
}

/**
 * Check that an open SQLite file is a sound Fjordcat catalogue that this version can run:
 * `integrity_check` ok, the Fjordcat tables present, and no migration newer than the code (an
 * older one is fine: `npm start` migrates it forward).
 */
export function checkBackup(sqlite: BetterSqlite3.Database, label: string): BackupCheck {
  const problems = integrityProblems(sqlite);
  if (problems.length > 0) refuse(`${label} is damaged (integrity_check: ${problems.join("; ")}); choose another backup`);
  const tables = new Set(
    (sqlite.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((t) => t.name),
  );
  const missing = FJORDCAT_TABLES.filter((table) => !tables.has(table));
  if (missing.length > 0) refuse(`${label} is an SQLite database but not a Fjordcat catalogue (no ${missing.join(", ")} table)`);
  const known = new Set(journal.entries.map((entry) => entry.when));
  const applied = (sqlite.prepare("select created_at from __drizzle_migrations").all() as { created_at: number }[]).map((row) =>
    Number(row.created_at),
  );
  const unknown = applied.filter((when) => !known.has(when));
  if (unknown.length > 0) {
    refuse(
      `${label} was written by a newer version of Fjordcat (${unknown.length} migration(s) this version does not know); ` +
        "upgrade Fjordcat first, then restore",
    );
  }
  const datasets = (sqlite.prepare("select count(*) as n from datasets").get() as { n: number }).n;
  return { datasets, migrations: { applied: applied.length, expected: journal.entries.length } };
}

function readHeader(file: string): string {
  const fd = fs.openSync(file, "r");
  try {
    const buffer = Buffer.alloc(16);
    const read = fs.readSync(fd, buffer, 0, 16, 0);
    return buffer.subarray(0, read).toString("latin1");
  } finally {
    fs.closeSync(fd);
  }
}

function moveIfExists(from: string, to: string): void {
  if (fs.existsSync(from)) fs.renameSync(from, to);
}

/**
 * Replace the database file with a backup, while no server runs on it. The backup is first copied
 * beside the database and checked there (`checkBackup`), so what gets installed is exactly what
 * was checked. The current database is checkpointed (its WAL folded in) and kept as
 * `<database>.before-restore-<time>`; then the checked copy is renamed over the database in one
 * atomic step. No stale `-wal`/`-shm` file is ever left beside the restored database.
 */
export function restoreDatabase({ from, databaseFile }: { from: string; databaseFile: string }): RestoreResult {
  const source = path.resolve(from);
  const target = path.resolve(databaseFile);
  if (!fs.existsSync(source) || !fs.statSync(source).isFile()) refuse(`${source} does not exist or is not a file`);
  if (source === target) refuse("The backup is the database itself; give a backup file");
  if (readHeader(source) !== SQLITE_HEADER) refuse(`${source} is not an SQLite database`);
  const running = findRunningServer(target);
  if (running) {
    refuse(
      `A Fjordcat server (pid ${running.pid}, since ${running.startedAt}) is running on ${target}; stop it first. ` +
        `If no server runs, delete ${serverLockFile(target)}`,
    );
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });

  const incoming = `${target}.restoring-${process.pid}`;
  const cleanup = () => {
    for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(`${incoming}${suffix}`, { force: true });
  };
  cleanup();
  fs.copyFileSync(source, incoming);
  // A backup copied from a live WAL database may come with its WAL; fold it into the copy.
  if (fs.existsSync(`${source}-wal`)) fs.copyFileSync(`${source}-wal`, `${incoming}-wal`);
  let check: BackupCheck;
  try {
    let sqlite: BetterSqlite3.Database;
    try {
      sqlite = new BetterSqlite3(incoming, { fileMustExist: true });
      sqlite.pragma("journal_mode = DELETE");
    } catch (error) {
      refuse(`${source} cannot be opened as a database (${(error as Error).message})`);
    }
    try {
      check = checkBackup(sqlite, source);
    } finally {
      sqlite.close();
    }
    syncFile(incoming);

    let previous: string | null = null;
    if (fs.existsSync(target)) {
      previous = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      try {
        const current = new BetterSqlite3(target, { fileMustExist: true });
        current.pragma("wal_checkpoint(TRUNCATE)");
        current.close();
      } catch {
        // A damaged database cannot be checkpointed: its WAL is kept beside the old copy below.
      }
      moveIfExists(`${target}-wal`, `${previous}-wal`);
      moveIfExists(`${target}-journal`, `${previous}-journal`);
      fs.rmSync(`${target}-shm`, { force: true });
      try {
        fs.linkSync(target, previous);
      } catch {
        fs.copyFileSync(target, previous);
      }
    }
    fs.renameSync(incoming, target);
    syncDirectory(path.dirname(target));
    return { ...check, from: source, databaseFile: target, previous };
  } finally {
    cleanup();
  }
}
