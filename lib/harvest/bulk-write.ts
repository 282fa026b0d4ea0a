import type BetterSqlite3 from "better-sqlite3";

/**
 * A harvest's write (one transaction of thousands of records) with the connection set up for it,
 * for the duration of `run`; everything is put back afterwards. Only for synchronous work on this
 * connection, so nothing else can use it meanwhile.
 *
 * - Prepared statements are reused by SQL text. The catalogue's write commands go through drizzle,
 *   which prepares every statement anew (SQLite compiles it each time); a harvest runs the same few
 *   dozen statements for every record, and compiling them was most of its write time. A
 *   statement's modes (raw, pluck, expand), which drizzle sets per call, are reset each time it is
 *   handed out.
 * - Savepoint journals are kept in memory (`temp_store = MEMORY`). Each record is written under a
 *   savepoint (reconcile.ts), and SQLite copies every page a savepoint changes into a sub-journal
 *   first; past 64 KB (a record touches a few dozen pages) that journal is a temporary file, written
 *   with a system call per page. Measured on the benchmark's 20,000-dataset Turtle feed: nearly
 *   half of SQLite's time in the write was that journal (perf: subjournalPageIfRequired → pwrite);
 *   the write took 7.2-9.7 s against 10.9-12.7 s. The journal of one record is a few hundred KB at
 *   most and is let go when its savepoint is released. (The connection has no temporary tables,
 *   which a change of `temp_store` would drop.)
 */
export function withBulkWrite<T>(client: BetterSqlite3.Database, run: () => T): T {
  const tempStore = Number(client.pragma("temp_store", { simple: true }));
  client.pragma("temp_store = memory");
  const original = client.prepare;
  const cache = new Map<string, BetterSqlite3.Statement>();
  client.prepare = function prepare(source: string) {
    let statement = cache.get(source);
    if (!statement) {
      statement = original.call(client, source) as BetterSqlite3.Statement;
      if (cache.size < 500) cache.set(source, statement);
    } else if (statement.reader) {
      statement.raw(false);
      statement.pluck(false);
      statement.expand(false);
    }
    return statement;
  } as typeof client.prepare;
  try {
    return run();
  } finally {
    client.prepare = original;
    client.pragma(`temp_store = ${tempStore}`);
  }
}
