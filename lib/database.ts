import { databaseFileFromUrl, openDatabase, type Database } from "@/db/client";
import { getMigrationState } from "@/db/migrate";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

let instance: Database | undefined;

/**
 * The process-wide connection to the configured database. The server never migrates by itself
 * (`npm start` and `npm run migrate` do); it refuses to serve from a database that is behind.
 */
export function getDb(): Database {
  if (!instance) {
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
    instance = db;
  }
  return instance;
}

/** Close the process-wide connection (graceful shutdown, tests). */
export function closeDb(): void {
  if (instance?.$client.open) instance.$client.close();
  instance = undefined;
}
