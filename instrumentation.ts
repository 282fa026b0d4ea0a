/**
 * Runs once when the server starts: refuse to serve with a bad configuration or an unmigrated
 * database, saying why in one clear message instead of failing on the first request; then set up
 * request logging, the server lock file and graceful shutdown, and start the background jobs.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { refuseToStartOnProblems, startBackgroundJobs, startOperations, warmUpSearch } = await import("@/lib/server-start");
  refuseToStartOnProblems();
  startOperations();
  warmUpSearch();
  startBackgroundJobs();
}
