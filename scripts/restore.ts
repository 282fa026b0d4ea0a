import { parseArgs } from "node:util";
import { databaseFileFromUrl } from "@/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { restoreDatabase } from "@/lib/operations/restore";
import { runCli } from "./cli";

/**
 * `npm run restore -- --from <file> [--json]`: replace DATABASE_URL with a backup, after checking
 * it, while no server runs on the database. The replaced database is kept beside it.
 */
runCli(() => {
  const { values } = parseArgs({ options: { from: { type: "string" }, json: { type: "boolean", default: false } } });
  if (!values.from) throw new AppError("bad_request", "Say which backup to restore: npm run restore -- --from <file>");
  const result = restoreDatabase({ from: values.from, databaseFile: databaseFileFromUrl(getEnv().DATABASE_URL) });
  if (values.json) {
    console.log(JSON.stringify(result));
    return;
  }
  const log = logger("restore");
  log.info(result, "backup restored");
  if (result.migrations.applied < result.migrations.expected) {
    log.info("the backup is from an earlier version: `npm start` (or `npm run migrate`) brings it up to date");
  }
});
