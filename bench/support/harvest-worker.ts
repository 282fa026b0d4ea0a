import { closeDatabase, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { runHarvestJob } from "@/lib/harvest/job-thread";

/**
 * One harvest in its own process (bench/harvest.bench.ts): `tsx harvest-worker.ts <db> <feed>`
 * prints the report with the process's peak RSS and CPU time, so each run is measured alone. The
 * job runs as the server, the staff area and `npm run harvest` run it (runHarvestJob); the longest
 * stall of this (the calling) thread while it runs is what a server's requests would have waited.
 */
const [file, feed] = process.argv.slice(2);
if (!file || !feed) throw new Error("usage: harvest-worker.ts <database> <feed>");
const db = openDatabase(file);
migrateDatabase(db);
const cpu = process.cpuUsage();
const started = performance.now();
const TICK_MS = 10;
let lastTick = started;
let longestStallMs = 0;
const tick = () => {
  const now = performance.now();
  longestStallMs = Math.max(longestStallMs, now - lastTick - TICK_MS);
  lastTick = now;
};
const ticker = setInterval(tick, TICK_MS);
// When the first record was written (records are written while the feed is still parsed: map-early.ts).
let firstWriteMs: number | undefined;
const report = await runHarvestJob(db, {
  onProgress: (progress) => {
    if (firstWriteMs === undefined && progress.phase === "write") firstWriteMs = Math.round(performance.now() - started);
  },
  location: feed,
  triggeredBy: "bench",
  defaultPublisherSlug: undefined,
  limits: { allowFiles: true, maxBytes: 2_000 * 1024 * 1024, timeoutMs: 600_000 },
});
const used = process.cpuUsage(cpu);
// Also a stall that lasted until the job returned (no tick ran after it).
tick();
clearInterval(ticker);
closeDatabase(db);
console.log(
  JSON.stringify({
    ...report,
    firstWriteMs,
    cpuMs: Math.round((used.user + used.system) / 1000),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    longestStallMs: Math.round(longestStallMs),
  }),
);
