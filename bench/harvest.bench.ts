import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { StreamParser } from "n3";
import { RdfXmlParser } from "rdfxml-streaming-parser";
import { closeDatabase, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { prepareCatalog } from "@/lib/dcat/catalog-document";
import type { RdfFormat } from "@/lib/dcat/content-types";
import { ensureBenchCatalogue } from "./support/catalogue";

/**
 * Issue 6's benchmark: the catalogue's own full DCAT dump (generated synthetic catalogue, written by
 * lib/dcat as /catalog.ttl and /catalog.rdf serve it) harvested end to end (parse, map, validate,
 * upsert, index) into a fresh database, in a process of its own so its peak RSS is its own. Goals:
 * ≥ 2,000 datasets/s with peak RSS ≤ 500 MB, and a re-harvest of the unchanged feed at ≥ 5,000
 * datasets/s. Each figure is printed with the bare parse of the same file (n3 or
 * rdfxml-streaming-parser alone, counting triples) measured in the same run. A byte-identical
 * feed is answered without parsing (lib/harvest/unchanged-feed.ts); a third run with the same
 * records in other bytes shows the parse-and-compare path too.
 * The harvest into a fresh database runs HARVEST_BENCH_RUNS times (default 3), each right after a
 * bare parse of the same file, and the median run is the figure: these machines have phases of
 * ~30% more CPU for the same work (one run alone said more about the minute than the code).
 * HARVEST_BENCH_DATASETS changes the size (default 20,000): the datasets the feed lists. The
 * synthetic catalogue publishes about nine in ten of its datasets (the others are drafts or
 * withdrawn, which the feed leaves out), so the feed is written from a catalogue large enough.
 */
const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");

async function writeFeed(dbFile: string, format: RdfFormat, out: string): Promise<void> {
  if (fs.existsSync(out)) return;
  const db = openDatabase(dbFile, { readonly: true });
  const tmp = `${out}.partial`;
  const stream = fs.createWriteStream(tmp);
  try {
    const prepared = prepareCatalog(db, { baseUrl: "https://fjordcat.example", format, params: { profile: "dcat-ap-3" }, linkPath: `/catalog.${format}` });
    for await (const chunk of prepared.bytes()) if (!stream.write(chunk)) await new Promise<void>((r) => stream.once("drain", () => r()));
    await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    fs.renameSync(tmp, out);
  } finally {
    closeDatabase(db);
  }
}

async function bareParse(file: string, format: RdfFormat): Promise<{ ms: number; triples: number }> {
  const started = performance.now();
  let triples = 0;
  const parser = format === "rdf" ? new RdfXmlParser() : new StreamParser({ format: "text/turtle" });
  await new Promise<void>((resolve, reject) => {
    parser.on("data", () => triples++);
    parser.on("end", resolve);
    parser.on("error", reject);
    fs.createReadStream(file).pipe(parser as unknown as NodeJS.WritableStream);
  });
  return { ms: performance.now() - started, triples };
}

type WorkerResult = {
  status: string;
  created: number;
  unchanged: number;
  updated: number;
  failed: number;
  durationMs: number;
  cpuMs: number;
  peakRssMb: number;
  /** The calling thread's longest stall while the job ran (the job runs in a thread of its own). */
  longestStallMs: number;
  /** When the job's first progress report of its write came (after 500 records). */
  firstWriteMs?: number;
  error?: string;
};

function harvestInWorker(dbFile: string, feed: string): WorkerResult {
  const result = spawnSync(process.execPath, [tsxCli, path.resolve("bench/support/harvest-worker.ts"), dbFile, feed], {
    encoding: "utf8",
    env: { ...process.env, LOG_LEVEL: "warn" },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`harvest worker failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").pop()!) as WorkerResult;
}

const RUNS = Number(process.env.HARVEST_BENCH_RUNS ?? 3);

const rate = (n: number, ms: number) => Math.round(n / (ms / 1000));

/** How many datasets the catalogue's feed lists (its published ones). */
function publishedDatasets(file: string): number {
  const db = openDatabase(file, { readonly: true });
  try {
    return db.get<{ n: number }>(sql`select count(*) as n from datasets where state = 'published'`)!.n;
  } finally {
    closeDatabase(db);
  }
}

export default async function bench(): Promise<void> {
  const wanted = Number(process.env.HARVEST_BENCH_DATASETS ?? 20_000);
  const count = Math.ceil(wanted / 0.9 / 100) * 100;
  const catalogue = ensureBenchCatalogue(count);
  const listed = publishedDatasets(catalogue);
  if (listed < wanted) throw new Error(`The benchmark catalogue publishes ${listed} datasets, fewer than ${wanted}: make it larger`);
  const dir = path.resolve(".tmp", "bench");
  for (const format of ["ttl", "rdf"] as const) {
    const feed = path.join(dir, `harvest-feed-${count}.${format}`);
    await writeFeed(catalogue, format, feed);
    const bytes = fs.statSync(feed).size;
    const target = path.join(dir, `harvest-target-${count}-${format}.db`);

    const loadBefore = os.loadavg()[0]!;
    const runs: { parse: { ms: number; triples: number }; harvest: WorkerResult }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const parse = await bareParse(feed, format);
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${target}${suffix}`, { force: true });
      const fresh = openDatabase(target);
      migrateDatabase(fresh);
      closeDatabase(fresh);
      const harvest = harvestInWorker(target, feed);
      if (harvest.status !== "succeeded") throw new Error(`harvest failed: ${harvest.error}`);
      runs.push({ parse, harvest });
    }
    // The median run (by its duration); the re-harvests below start from the last run's database.
    const { parse, harvest: first } = [...runs].sort((a, b) => a.harvest.durationMs - b.harvest.durationMs)[runs.length >> 1]!;
    const again = harvestInWorker(target, feed);
    // The same records in other bytes (a comment added): the shortcut for a byte-identical feed
    // does not apply, so everything is parsed, mapped and compared with what is stored.
    const touched = path.join(dir, `harvest-feed-${count}-touched.${format}`);
    fs.copyFileSync(feed, touched);
    fs.appendFileSync(touched, format === "rdf" ? "\n<!-- touched -->\n" : "\n# touched\n");
    const reparsed = harvestInWorker(target, touched);
    fs.rmSync(touched, { force: true });
    const loadAfter = os.loadavg()[0]!;
    const n = first.created;
    const name = format === "ttl" ? "Turtle" : "RDF/XML";
    console.log(`${name} feed: ${n.toLocaleString("en")} datasets, ${parse.triples.toLocaleString("en")} triples, ${(bytes / 1024 / 1024).toFixed(1)} MB`);
    console.log(`  bare parse (${format === "ttl" ? "n3" : "rdfxml-streaming-parser"}), before the median run: ${Math.round(parse.ms)} ms = ${rate(n, parse.ms).toLocaleString("en")} datasets/s`);
    console.log(
      `  harvest into a fresh database, ${RUNS} runs: ` +
        runs.map((r) => `${rate(n, r.harvest.durationMs).toLocaleString("en")}/s (${(r.harvest.durationMs / r.parse.ms).toFixed(1)}× its bare parse, CPU ${r.harvest.cpuMs} ms, peak RSS ${r.harvest.peakRssMb} MB)`).join(", "),
    );
    console.log(
      `  median run: ${first.durationMs} ms = ${rate(n, first.durationMs).toLocaleString("en")} datasets/s (goal ≥ 2,000; ${(rate(n, first.durationMs) / 2000).toFixed(2)}× the goal), ` +
        `${(first.durationMs / parse.ms).toFixed(1)}× the bare parse time; ${first.failed} failed; ` +
        `peak RSS ${Math.max(...runs.map((r) => r.harvest.peakRssMb))} MB at most (goal ≤ 500 MB); CPU ${first.cpuMs} ms`,
    );
    console.log(
      `    the calling thread (a server's, which answers requests) stalled at most ${first.longestStallMs} ms while the job ran in its own thread (${first.durationMs} ms); ` +
        `500 records written ${first.firstWriteMs ?? "?"} ms after the job started (records are written while the feed is parsed)`,
    );
    console.log(
      `  re-harvest, unchanged: ${again.unchanged.toLocaleString("en")} unchanged, ${again.updated} updated in ${again.durationMs} ms = ${rate(again.unchanged, again.durationMs).toLocaleString("en")} datasets/s ` +
        `(goal ≥ 5,000; ${(rate(again.unchanged, again.durationMs) / 5000).toFixed(2)}× the goal), ${(again.durationMs / parse.ms).toFixed(1)}× the bare parse time; peak RSS ${again.peakRssMb} MB (byte-identical feed: not parsed)`,
    );
    console.log(
      `  re-harvest, same records in changed bytes (parsed and compared): ${reparsed.unchanged.toLocaleString("en")} unchanged, ${reparsed.updated} updated in ${reparsed.durationMs} ms = ` +
        `${rate(reparsed.unchanged, reparsed.durationMs).toLocaleString("en")} datasets/s, ${(reparsed.durationMs / parse.ms).toFixed(1)}× the bare parse time; peak RSS ${reparsed.peakRssMb} MB`,
    );
    console.log(`  load average (1 min) ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after; ${os.cpus().length} cores`);
  }
}
