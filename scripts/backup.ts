import fs from "node:fs";
import { parseArgs } from "node:util";
import { closeDatabase, databaseFileFromUrl, openDatabase } from "@/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { backupDatabase } from "@/lib/operations/backup";
import { runCli } from "./cli";

/**
 * `npm run backup -- --to <file> [--json]`: a consistent online backup of DATABASE_URL while the
 * portal keeps serving (SQLite's backup API). `--json` prints the result as one JSON object.
 */
runCli(async () => {
  const { values } = parseArgs({ options: { to: { type: "string" }, json: { type: "boolean", default: false } } });
  if (!values.to) throw new AppError("bad_request", "Say where to write the backup: npm run backup -- --to <file>");
  const file = databaseFileFromUrl(getEnv().DATABASE_URL);
  if (!fs.existsSync(file)) throw new AppError("not_found", `There is no database at ${file} (DATABASE_URL)`);
  const db = openDatabase(file, { create: false });
  try {
    const result = await backupDatabase(db, { to: values.to });
    if (values.json) console.log(JSON.stringify(result));
    else logger("backup").info({ ...result, database: file }, "backup written");
  } finally {
    closeDatabase(db);
  }
});
