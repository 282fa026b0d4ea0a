import { closeDatabase, databaseFileFromUrl, openDatabase, type Database } from "@/db/client";
import { getMigrationState, migrateDatabase } from "@/db/migrate";
import { EnvError, getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { SeedError } from "@/db/seed";

/**
 * Run a command-line entry point: known failures (bad configuration, a seed record that cannot be
 * loaded, a domain error) print a clear message and exit 1, without a stack trace. Anything else
 * is a bug and keeps its stack.
 */
export function runCli(main: () => Promise<void> | void): void {
  Promise.resolve()
    .then(main)
    .catch((error: unknown) => {
      if (error instanceof EnvError || error instanceof SeedError) {
        console.error(`\n${error.message}\n`);
      } else if (error instanceof AppError) {
        const fields = Object.entries(error.fields ?? {}).map(([k, v]) => `\n  - ${k}: ${v.join("; ")}`);
        console.error(`\nError (${error.code}): ${error.message}${fields.join("")}\n`);
      } else {
        console.error(error);
      }
      process.exit(1);
    });
}

/**
 * Open the configured database (DATABASE_URL) for a command, migrating it first when it is behind,
 * and close it afterwards.
 */
export async function withConfiguredDatabase<T>(run: (db: Database) => Promise<T> | T): Promise<T> {
  const db = openDatabase(databaseFileFromUrl(getEnv().DATABASE_URL));
  try {
    if (!getMigrationState(db).upToDate) migrateDatabase(db);
    return await run(db);
  } finally {
    closeDatabase(db);
  }
}
