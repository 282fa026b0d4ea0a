import type BetterSqlite3 from "better-sqlite3";

/**
 * Reuse prepared statements by SQL text for the duration of `run`. The catalogue's write commands
 * go through drizzle, which prepares every statement anew (SQLite compiles it each time); a harvest
 * runs the same few dozen statements for every record, and compiling them was most of its write
 * time. Only for synchronous work on this connection (a transaction), so nothing else can use the
 * patched connection meanwhile; the original `prepare` is restored afterwards. A statement's modes
 * (raw, pluck, expand), which drizzle sets per call, are reset each time it is handed out.
 */
export function withStatementCache<T>(client: BetterSqlite3.Database, run: () => T): T {
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
  }
}
