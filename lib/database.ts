import { databaseFileFromUrl, openDatabase, type Database } from "@/db/client";
import { getMigrationState } from "@/db/migrate";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * Kept on globalThis: the server's bundles (instrumentation, route handlers, pages) each get their
 * own copy of this module, and they must share one connection, which graceful shutdown closes.
 */
const INSTANCE = Symbol.for("fjordcat.database");
type Holder = { [INSTANCE]?: Database };
const holder = globalThis as Holder;

/**
 * The process-wide connection to the configured database. The server never migrates by itself
 * (`npm start` and `npm run migrate` do); it refuses to serve from a database that is behind.
 * With DATABASE_MAX_SIZE_MB the database may not grow past that size: writes then fail with
 * SQLITE_FULL (answered 503, see lib/operations/storage-errors.ts) and reads go on.
 */
export function getDb(): Database {
  if (!holder[INSTANCE]) {
    const file = databaseFileFromUrl(env.DATABASE_URL);
    const db = openDatabase(file);
    const state = getMigrationState(db);
    if (!state.upToDate) {
      db.$client.close();
      throw new AppError(
        "unavailable",
        `The database ${file} is not migrated (${state.applied} of ${state.expected} migrations applied). ` +
          "Run `npm run migrate`, or start the portal with `npm start`, which migrates first.",
      );
    }
    if (env.DATABASE_MAX_SIZE_MB) {
      const pageSize = db.$client.pragma("page_size", { simple: true }) as number;
      db.$client.pragma(`max_page_count = ${Math.floor((env.DATABASE_MAX_SIZE_MB * 1024 * 1024) / pageSize)}`);
    }
    holder[INSTANCE] = db;
  }
  return holder[INSTANCE];
}

/** Close the process-wide connection (graceful shutdown, tests). */
export function closeDb(): void {
  const instance = holder[INSTANCE];
  if (instance?.$client.open) instance.$client.close();
  holder[INSTANCE] = undefined;
}
