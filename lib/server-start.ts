import { getDb } from "@/lib/database";
import { EnvError, getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** Why the server must not start (bad configuration, database not migrated), or null when it can. */
export function checkServerCanStart(): string | null {
  try {
    getEnv();
    getDb();
    return null;
  } catch (error) {
    if (error instanceof EnvError || error instanceof AppError) return error.message;
    throw error;
  }
}

/** Print the problem and exit when the server cannot serve; used once at server start. */
export function refuseToStartOnProblems(): void {
  const problem = checkServerCanStart();
  if (problem) {
    console.error(`\nFjordcat cannot start: ${problem}\n`);
    process.exit(1);
  }
}
