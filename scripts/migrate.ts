import { closeDatabase, databaseFileFromUrl, openDatabase } from "@/db/client";
import { getMigrationState, migrateDatabase } from "@/db/migrate";
import { getEnv } from "@/lib/env";
import { runCli } from "./cli";

runCli(() => {
  const file = databaseFileFromUrl(getEnv().DATABASE_URL);
  const db = openDatabase(file);
  try {
    const before = getMigrationState(db);
    migrateDatabase(db);
    const after = getMigrationState(db);
    console.log(`${file}: ${after.applied - before.applied} migration(s) applied, ${after.applied} of ${after.expected} in all`);
  } finally {
    closeDatabase(db);
  }
});
