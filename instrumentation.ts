/**
 * Runs once when the server starts. Refuse to serve with a bad configuration or an unmigrated
 * database, saying why in one clear message instead of failing on the first request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { checkServerCanStart } = await import("@/lib/server-start");
  const problem = checkServerCanStart();
  if (problem) {
    console.error(`\nFjordcat cannot start: ${problem}\n`);
    process.exit(1);
  }
}
