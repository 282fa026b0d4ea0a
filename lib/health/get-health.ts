import { sql } from "drizzle-orm";
import { getMigrationState, type MigrationState } from "@/db/migrate";
import { getDb } from "@/lib/database";
import { AppError } from "@/lib/errors";

export type Health =
  | { status: "ok"; database: "ok"; migrations: MigrationState; datasets: number }
  | { status: "unavailable"; database: "error"; message: string };

/** Whether the portal can serve: the database answers and is migrated. */
export function getHealth(): Health {
  try {
    const db = getDb();
    const datasets = db.get<{ n: number }>(sql`select count(*) as n from datasets`)?.n ?? 0;
    return { status: "ok", database: "ok", migrations: getMigrationState(db), datasets };
  } catch (error) {
    const message = error instanceof AppError ? error.message : "The database cannot be reached";
    if (!(error instanceof AppError)) console.error(error);
    return { status: "unavailable", database: "error", message };
  }
}
