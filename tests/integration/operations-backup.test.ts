import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { harvestJobs } from "@/db/schema";
import { seedDemoCatalogue } from "@/db/seed";
import { closeDb } from "@/lib/database";
import { resetEnv } from "@/lib/env";
import { getHealth } from "@/lib/health/get-health";
import { backupDatabase } from "@/lib/operations/backup";
import { getBackupStatus } from "@/lib/operations/backup-status";
import { restoreDatabase } from "@/lib/operations/restore";
import { serverLockFile, writeServerLock } from "@/lib/operations/server-lock";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function seeded(): TestDatabase {
  const t = createTestDatabase();
  cleanups.push(t.cleanup);
  seedDemoCatalogue(t.db);
  return t;
}

function count(file: string, sql = "select count(*) from datasets"): number {
  const sqlite = new BetterSqlite3(file, { readonly: true });
  try {
    return sqlite.prepare(sql).pluck().get() as number;
  } finally {
    sqlite.close();
  }
}

function markWrite(sqlite: BetterSqlite3.Database, n: number): void {
  sqlite.prepare("insert into sign_in_attempts (key) values (?)").run(`write-${n}`);
}

describe("backup", () => {
  it("copies a consistent snapshot while another connection keeps writing, and records it", async () => {
    const t = seeded();
    const writer = new BetterSqlite3(t.file);
    writer.pragma("busy_timeout = 5000");
    cleanups.push(() => writer.close());
    let written = 0;
    for (; written < 50; written++) markWrite(writer, written);
    const committedBefore = written;
    // Keep writing from the other connection between every turn of the event loop during the backup.
    let writing = true;
    const loop = () => {
      if (!writing) return;
      markWrite(writer, written++);
      setImmediate(loop);
    };
    setImmediate(loop);
    const to = path.join(t.dir, "backups", "nightly.db");
    const result = await backupDatabase(t.db, { to });
    writing = false;

    expect(result.path).toBe(to);
    expect(result.bytes).toBe(fs.statSync(to).size);
    expect(fs.readdirSync(path.dirname(to))).toEqual(["nightly.db"]);
    const copy = new BetterSqlite3(to, { readonly: true });
    try {
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
      const marks = copy.prepare("select count(*) from sign_in_attempts").pluck().get() as number;
      expect(marks).toBeGreaterThanOrEqual(committedBefore);
      expect(marks).toBeLessThanOrEqual(written);
      expect(copy.prepare("select count(*) from datasets").pluck().get()).toBe(count(t.file));
    } finally {
      copy.close();
    }
    expect(fs.existsSync(`${to}-wal`)).toBe(false);
    const status = getBackupStatus(t.db, { maxAgeHours: 26 });
    expect(status.last).toMatchObject({ path: to, bytes: result.bytes, startedAt: result.startedAt });
    expect(status.tooOld).toBe(false);
  });

  it("refuses to overwrite the database itself", async () => {
    const t = seeded();
    await expect(backupDatabase(t.db, { to: t.file })).rejects.toThrow(/cannot overwrite the database itself/);
  });
});

describe("backup status", () => {
  it("is too old when there is no backup, or the last is older than the limit", () => {
    const t = createTestDatabase();
    cleanups.push(t.cleanup);
    expect(getBackupStatus(t.db, { maxAgeHours: 26 })).toEqual({ last: null, ageHours: null, maxAgeHours: 26, tooOld: true });
    const now = new Date("2026-03-10T12:00:00Z");
    t.db.$client
      .prepare("insert into backups (path, started_at, finished_at, bytes, duration_ms) values (?, ?, ?, ?, ?)")
      .run("/b/old.db", "2026-03-08T01:00:00.000Z", "2026-03-08T01:00:05.000Z", 1000, 5000);
    expect(getBackupStatus(t.db, { maxAgeHours: 26, now })).toMatchObject({ ageHours: 59, tooOld: true, last: { path: "/b/old.db" } });
    t.db.$client
      .prepare("insert into backups (path, started_at, finished_at, bytes, duration_ms) values (?, ?, ?, ?, ?)")
      .run("/b/new.db", "2026-03-10T02:00:00.000Z", "2026-03-10T02:00:05.000Z", 2000, 5000);
    expect(getBackupStatus(t.db, { maxAgeHours: 26, now })).toMatchObject({ ageHours: 10, tooOld: false, last: { path: "/b/new.db", bytes: 2000 } });
    expect(getBackupStatus(t.db, { maxAgeHours: 6, now }).tooOld).toBe(true);
  });
});

describe("restore", () => {
  it("replaces a crashed database (with its WAL) by the backup and keeps the old one beside it", async () => {
    const t = seeded();
    const backup = path.join(t.dir, "backup.db");
    await backupDatabase(t.db, { to: backup });
    const datasets = count(backup);
    // After the backup: a change, still only in the WAL when the "server" dies (copied while open).
    t.db.$client.prepare("update datasets set state = 'withdrawn'").run();
    const crashed = path.join(t.dir, "crashed", "catalogue.db");
    fs.mkdirSync(path.dirname(crashed));
    fs.copyFileSync(t.file, crashed);
    fs.copyFileSync(`${t.file}-wal`, `${crashed}-wal`);
    fs.copyFileSync(`${t.file}-shm`, `${crashed}-shm`);

    const result = restoreDatabase({ from: backup, databaseFile: crashed });
    expect(result).toMatchObject({ datasets, databaseFile: crashed, migrations: { applied: result.migrations.expected } });
    expect(fs.existsSync(`${crashed}-wal`)).toBe(false);
    expect(fs.existsSync(`${crashed}-shm`)).toBe(false);
    expect(count(crashed, "select count(*) from datasets where state = 'withdrawn'")).toBe(0);
    expect(count(crashed)).toBe(datasets);
    // The replaced database keeps the change that was in its WAL.
    expect(result.previous).not.toBeNull();
    expect(count(result.previous!, "select count(*) from datasets where state = 'withdrawn'")).toBe(datasets);
    const restored = openDatabase(crashed);
    try {
      expect(restored.$client.pragma("integrity_check", { simple: true })).toBe("ok");
    } finally {
      restored.$client.close();
    }
    expect(fs.readdirSync(path.dirname(crashed)).filter((f) => f.includes("restoring"))).toEqual([]);
  });

  it("refuses files that are not a sound Fjordcat catalogue this version can run, and changes nothing", async () => {
    const t = seeded();
    const target = path.join(t.dir, "target", "catalogue.db");
    fs.mkdirSync(path.dirname(target));
    const before = "not touched";
    fs.writeFileSync(target, before);
    const attempt = (from: string) => () => restoreDatabase({ from, databaseFile: target });

    const text = path.join(t.dir, "notes.txt");
    fs.writeFileSync(text, "hello");
    expect(attempt(text)).toThrow(/is not an SQLite database/);
    expect(attempt(path.join(t.dir, "missing.db"))).toThrow(/does not exist/);

    const foreign = path.join(t.dir, "foreign.db");
    const other = new BetterSqlite3(foreign);
    other.exec("create table notes (id integer primary key, body text)");
    other.close();
    expect(attempt(foreign)).toThrow(/not a Fjordcat catalogue/);

    const newer = path.join(t.dir, "newer.db");
    await backupDatabase(t.db, { to: newer });
    const future = new BetterSqlite3(newer);
    future.prepare("insert into __drizzle_migrations (hash, created_at) values ('future', ?)").run(Date.now() + 10 ** 10);
    future.close();
    expect(attempt(newer)).toThrow(/written by a newer version of Fjordcat/);

    const damaged = path.join(t.dir, "damaged.db");
    await backupDatabase(t.db, { to: damaged });
    const bytes = fs.readFileSync(damaged);
    const pageSize = bytes.readUInt16BE(16);
    // Scribble over the pages in the middle of the file (tables and indexes), keep the header.
    const from = pageSize * 3;
    bytes.fill(0x5a, from, Math.min(bytes.length, from + pageSize * 20));
    fs.writeFileSync(damaged, bytes);
    expect(attempt(damaged)).toThrow(/is damaged|cannot be opened|not a Fjordcat/);

    expect(fs.readFileSync(target, "utf8")).toBe(before);
    expect(fs.readdirSync(path.dirname(target))).toEqual(["catalogue.db"]);
  });

  it("refuses while a server runs on the database, and ignores a stale lock left by a crash", async () => {
    const t = seeded();
    const backup = path.join(t.dir, "backup.db");
    await backupDatabase(t.db, { to: backup });
    const target = path.join(t.dir, "live", "catalogue.db");
    fs.mkdirSync(path.dirname(target));
    fs.writeFileSync(serverLockFile(target), JSON.stringify({ pid: process.ppid, startedAt: "2026-01-01T00:00:00Z" }));
    expect(() => restoreDatabase({ from: backup, databaseFile: target })).toThrow(
      new RegExp(`A Fjordcat server \\(pid ${process.ppid}.*stop it first`),
    );
    // A pid that no longer runs: a server that was killed.
    const dead = spawnSync("true").pid;
    fs.writeFileSync(serverLockFile(target), JSON.stringify({ pid: dead, startedAt: "2026-01-01T00:00:00Z" }));
    expect(restoreDatabase({ from: backup, databaseFile: target }).previous).toBeNull();
    expect(count(target)).toBe(count(backup));
  });

  it("writes and releases the server's own lock", () => {
    const t = createTestDatabase();
    cleanups.push(t.cleanup);
    const release = writeServerLock(t.file);
    expect(JSON.parse(fs.readFileSync(serverLockFile(t.file), "utf8")).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(serverLockFile(t.file))).toBe(false);
  });
});

describe("health", () => {
  it("reports migrations, the last harvest and the backup age; 'unavailable' without a migrated database", async () => {
    const t = seeded();
    const previous = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `file:${t.file}`;
    resetEnv();
    cleanups.push(() => {
      closeDb();
      process.env.DATABASE_URL = previous;
      resetEnv();
    });
    let health = getHealth();
    expect(health).toMatchObject({ status: "ok", database: "ok", datasets: 150, lastHarvest: null, backup: { last: null, tooOld: true } });
    expect(health.status === "ok" && health.warnings).toEqual(["No backup has been taken (npm run backup)"]);

    t.db.insert(harvestJobs).values({ location: "https://example.org/catalog.ttl", triggeredBy: "cli", status: "failed", error: "truncated feed" }).run();
    await backupDatabase(t.db, { to: path.join(t.dir, "b.db") });
    health = getHealth();
    expect(health).toMatchObject({
      status: "ok",
      migrations: { upToDate: true },
      lastHarvest: { status: "failed", error: "truncated feed" },
      backup: { tooOld: false, maxAgeHours: 26 },
      warnings: ["The last harvest failed"],
    });
    // The public health answer does not reveal where backups are kept.
    expect(JSON.stringify(health)).not.toContain("b.db");

    closeDb();
    const empty = createTestDatabase({ migrate: false });
    cleanups.push(empty.cleanup);
    process.env.DATABASE_URL = `file:${empty.file}`;
    resetEnv();
    expect(getHealth()).toMatchObject({ status: "unavailable", database: "error", message: expect.stringMatching(/not migrated/) });
  });
});
