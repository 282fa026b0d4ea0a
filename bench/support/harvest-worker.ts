import { closeDatabase, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { runHarvest } from "@/lib/harvest/run-harvest";

/**
 * One harvest in its own process (bench/harvest.bench.ts): `tsx harvest-worker.ts <db> <feed>`
 * prints the report with the process's peak RSS and CPU time, so each run is measured alone.
 */
const [file, feed] = process.argv.slice(2);
if (!file || !feed) throw new Error("usage: harvest-worker.ts <database> <feed>");
const db = openDatabase(file);
migrateDatabase(db);
const cpu = process.cpuUsage();
const started = performance.now();
// When the source was read and parsed (the first record written): the rest is mapping and writing.
let parsedMs: number | undefined;
const report = await runHarvest(db, {
  onProgress: (progress) => {
    if (parsedMs === undefined && progress.phase === "write") parsedMs = Math.round(performance.now() - started);
  },
  location: feed,
  triggeredBy: "bench",
  defaultPublisherSlug: undefined,
  limits: { allowFiles: true, maxBytes: 2_000 * 1024 * 1024, timeoutMs: 600_000 },
});
const used = process.cpuUsage(cpu);
closeDatabase(db);
console.log(JSON.stringify({ ...report, parsedMs, cpuMs: Math.round((used.user + used.system) / 1000), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
