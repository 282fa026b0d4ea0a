import { closeDatabase, databaseFileFromUrl, openDatabase } from "@/db/client";
import { getMigrationState } from "@/db/migrate";
import { isCatalogueEmpty, seedDemoCatalogue } from "@/db/seed";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { runCli } from "./cli";

/** `npm run seed [-- --file F]`: load the demo catalogue (or another file in its shape) into an empty database. */
runCli(() => {
  const fileArg = process.argv.indexOf("--file");
  const file = fileArg > 0 ? process.argv[fileArg + 1] : undefined;
  const dbFile = databaseFileFromUrl(getEnv().DATABASE_URL);
  const db = openDatabase(dbFile);
  try {
    const state = getMigrationState(db);
    if (!state.upToDate) {
      throw new AppError("unavailable", `${dbFile} is not migrated (${state.applied} of ${state.expected}): run npm run migrate first`);
    }
    if (!isCatalogueEmpty(db)) {
      console.log(`${dbFile} already holds datasets; the seed only loads into an empty catalogue.`);
      return;
    }
    const report = seedDemoCatalogue(db, file ? { file } : {});
    console.log(`Seeded ${report.datasets} datasets from ${report.publishers} publishers into ${dbFile}`);
  } finally {
    closeDatabase(db);
  }
});
