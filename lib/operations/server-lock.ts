import fs from "node:fs";

/**
 * A small file beside the database, `<database>.server.json`, that says a server process is
 * serving it: `{ pid, startedAt }`. Written by the server at start and removed when it stops
 * gracefully. After a crash it stays behind; a pid that no longer runs makes it stale, not
 * binding. Restore refuses while a live server holds it.
 */
export type ServerLock = { pid: number; startedAt: string };

export function serverLockFile(databaseFile: string): string {
  return `${databaseFile}.server.json`;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The live server on this database file, or null when none (no file, or a stale one). */
export function findRunningServer(databaseFile: string): ServerLock | null {
  let lock: ServerLock;
  try {
    lock = JSON.parse(fs.readFileSync(serverLockFile(databaseFile), "utf8")) as ServerLock;
  } catch {
    return null;
  }
  if (!Number.isInteger(lock.pid) || lock.pid === process.pid) return null;
  return isRunning(lock.pid) ? lock : null;
}

/** Record that this process serves the database; returns the release function. */
export function writeServerLock(databaseFile: string): () => void {
  if (databaseFile === ":memory:") return () => {};
  const file = serverLockFile(databaseFile);
  const lock: ServerLock = { pid: process.pid, startedAt: new Date().toISOString() };
  fs.writeFileSync(file, `${JSON.stringify(lock)}\n`);
  return () => {
    try {
      const current = JSON.parse(fs.readFileSync(file, "utf8")) as ServerLock;
      if (current.pid === process.pid) fs.rmSync(file, { force: true });
    } catch {
      // already gone
    }
  };
}
