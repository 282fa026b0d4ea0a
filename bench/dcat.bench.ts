import fs from "node:fs";
import http from "node:http";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import { brotliCompressSync, brotliDecompress, type BrotliOptions, constants as zlibConstants } from "node:zlib";
import { sql } from "drizzle-orm";
import { Writer } from "n3";
import { closeDatabase, openDatabase, type Database } from "@/db/client";
import { Graph } from "@/lib/dcat/graph";
import { TURTLE_PREFIXES } from "@/lib/dcat/namespaces";
import { catalogToString, prepareCatalog } from "@/lib/dcat/catalog-document";
import { compressPageSync, decompressPage, PAGE_DEFLATE_LEVEL } from "@/lib/dcat/page-compression";
import { parseCatalogParams } from "@/lib/dcat/catalog-params";
import { getPipeline, newProfileContext } from "@/lib/dcat/profiles";
import { loadDatasetsForRdf } from "@/lib/dcat/load-datasets";
import { listPublishedDatasetIds } from "@/lib/dcat/queries";
import { ensureBenchCatalogue } from "./support/catalogue";
import { runLoad } from "./support/load";
import { startBenchServer } from "./support/server";

/**
 * Issue 5's feed benchmark: the unpaged /catalog.ttl streamed over HTTP from a production server on
 * 10,000 and 100,000 synthetic datasets (rate, and the server's peak RSS from /proc VmHWM, so the
 * growth between the two shows whether memory stays flat); the ratio to serialising the same quads
 * with the bare n3 Writer in-process; one Hydra page's p95 under 8 concurrent connections. Also, to
 * tell the feed's memory from the server's start (the search index is built at start and grows with
 * the catalogue), the peak RSS at start and during the stream; and to tell the pipeline's own
 * overhead from HTTP's, the same document produced in-process, as a ratio to the same bare writer.
 * The 100,000-dataset stream is measured again with FEED_WORKERS=0 (written in the server's thread),
 * so the feed workers' gain in time and cost in memory show in the same run. And each size is
 * streamed twice in a row by a server of its own, so that the growth is also shown with the heaps
 * at their steady state (a 10k stream is too short for the feed workers' heaps to reach it).
 */

const published = (db: Database) => db.get<{ n: number }>(sql`select count(*) as n from datasets where state = 'published'`)!.n;

/** Current RSS (VmRSS) of a process and its descendants, the largest one. */
function currentRssMb(pid: number): number {
  let rss = 0;
  for (const p of processTree(pid)) {
    try {
      rss = Math.max(rss, Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0) / 1024);
    } catch {
      // the process ended
    }
  }
  return rss;
}

/** A process and its descendants: Next may serve from a child. */
function processTree(pid: number): number[] {
  const pids: number[] = [];
  const visit = (p: number) => {
    try {
      fs.accessSync(`/proc/${p}/status`);
      pids.push(p);
      for (const task of fs.readdirSync(`/proc/${p}/task`)) {
        const children = fs.readFileSync(`/proc/${p}/task/${task}/children`, "utf8").trim();
        for (const child of children ? children.split(/\s+/) : []) visit(Number(child));
      }
    } catch {
      // the process ended
    }
  };
  visit(pid);
  return pids;
}

/** Peak RSS (VmHWM) of a process and its descendants, the largest one. */
function peakRssMb(pid: number): number {
  let peak = 0;
  for (const p of processTree(pid)) {
    try {
      peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0) / 1024);
    } catch {
      // the process ended
    }
  }
  return peak;
}

/** CPU time (user + system) of a process and its descendants so far, in ms (clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  let ticks = 0;
  for (const p of processTree(pid)) {
    try {
      const fields = fs.readFileSync(`/proc/${p}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // the process ended
    }
  }
  return ticks * 10;
}

/**
 * Wait until the server is idle (under 5% of a CPU for a second): other features run jobs at
 * start (the KPI and quality refreshes over the whole catalogue), which would otherwise share the
 * server's CPU with the feed being measured. Returns the seconds waited.
 */
async function waitUntilIdle(pid: number, timeoutMs = 120_000): Promise<number> {
  const started = performance.now();
  let before = cpuMs(pid);
  while (performance.now() - started < timeoutMs) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = cpuMs(pid);
    if (now - before < 50) break;
    before = now;
  }
  return (performance.now() - started) / 1000;
}

/**
 * Reset the peak RSS (VmHWM) of a process and its descendants to their current RSS (Linux:
 * clear_refs 5), so a later peakRssMb is the peak of what ran in between. False when not allowed.
 */
function resetPeakRss(pid: number): boolean {
  try {
    for (const p of processTree(pid)) fs.writeFileSync(`/proc/${p}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

const DATASET_SUBJECT = Buffer.from("> a dcat:Dataset;");

/**
 * GET the whole catalogue, counting the datasets in it. A light client (node:http, counting the
 * subject marker in the bytes with Buffer.indexOf), so that on this small machine the client's own
 * work (a web-streams fetch, UTF-8 decoding and a regular expression over 490 MB) does not slow the
 * server it shares the CPUs with, nor count as the server's time.
 */
function streamCatalog(url: string): Promise<{ ms: number; bytes: number; datasets: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(`${url}/catalog.ttl`, (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          reject(new Error(`/catalog.ttl answered ${response.statusCode}`));
          return;
        }
        let bytes = 0;
        let datasets = 0;
        let tail = Buffer.alloc(0);
        response.on("data", (chunk: Buffer) => {
          bytes += chunk.byteLength;
          const data = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
          for (let at = data.indexOf(DATASET_SUBJECT); at !== -1; at = data.indexOf(DATASET_SUBJECT, at + DATASET_SUBJECT.length)) {
            datasets++;
          }
          // Keep fewer bytes than the marker has, so a marker is never counted twice.
          tail = Buffer.from(data.subarray(Math.max(0, data.length - (DATASET_SUBJECT.length - 1))));
        });
        response.on("end", () => resolve({ ms: performance.now() - started, bytes, datasets }));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

/** The reference: the same quads (built untimed, batch by batch) through a bare n3 Writer. */
function bareWriter(db: Database): { ms: number; quads: number } {
  const pipeline = getPipeline("dcat-ap-3");
  const ctx = newProfileContext({ baseUrl: "http://localhost", catalogUri: "http://localhost/catalog" });
  let length = 0;
  const writer = new Writer(
    { write: (s: string) => void (length += s.length), end: (done?: () => void) => done?.() } as unknown as NodeJS.WritableStream,
    { format: "Turtle", prefixes: { ...TURTLE_PREFIXES } },
  );
  let ms = 0;
  let quads = 0;
  let afterId = 0;
  for (;;) {
    const ids = listPublishedDatasetIds(db, { afterId, limit: 500 });
    if (ids.length === 0) break;
    afterId = ids.at(-1)!;
    const batch = loadDatasetsForRdf(db, ids).flatMap((dataset) => {
      const g = new Graph();
      for (const p of pipeline) p.datasetToGraph(dataset, ctx, g);
      return g.toQuads();
    });
    const started = performance.now();
    for (const q of batch) writer.addQuad(q);
    ms += performance.now() - started;
    quads += batch.length;
  }
  writer.end();
  return { ms, quads };
}

async function measure(count: number, port: number, withPages: boolean, { feedWorkers, again = false }: { feedWorkers?: string; again?: boolean } = {}) {
  const file = ensureBenchCatalogue(count);
  const db = openDatabase(file, { readonly: true });
  const total = published(db);
  closeDatabase(db);
  // The feed alone: without the other features' jobs that the server otherwise starts with (the KPI
  // snapshot and the metadata-quality recompute over the whole catalogue, URL checks), which share
  // its CPU and memory for a while after start and would be counted as the feed's.
  const backgroundJobs = process.env.BACKGROUND_JOBS;
  const workers = process.env.FEED_WORKERS;
  process.env.BACKGROUND_JOBS = "false";
  if (feedWorkers !== undefined) process.env.FEED_WORKERS = feedWorkers;
  let server: Awaited<ReturnType<typeof startBenchServer>>;
  try {
    server = await startBenchServer(file, port);
  } finally {
    if (backgroundJobs === undefined) delete process.env.BACKGROUND_JOBS;
    else process.env.BACKGROUND_JOBS = backgroundJobs;
    if (workers === undefined) delete process.env.FEED_WORKERS;
    else process.env.FEED_WORKERS = workers;
  }
  try {
    await fetch(`${server.url}/catalog.ttl?page=1`).then((r) => r.text()); // warm-up
    // The process's peak so far is its start (Next, and the search index built at start, which
    // grows with the catalogue); the stream's own peak is measured from here.
    const idleAfter = await waitUntilIdle(server.pid);
    const startRss = peakRssMb(server.pid);
    const rssBefore = currentRssMb(server.pid);
    const reset = resetPeakRss(server.pid);
    const stream = await streamCatalog(server.url);
    const streamRss = reset ? peakRssMb(server.pid) : NaN;
    const rss = peakRssMb(server.pid);
    // The same stream again: the peak of a server whose heaps have reached their steady state (a
    // 10k stream lasts ~1 s, too short for the feed workers' heaps to grow to where a 100k one takes them).
    const rssAgain = again ? (await streamCatalog(server.url), peakRssMb(server.pid)) : NaN;
    let pages: Awaited<ReturnType<typeof runLoad>> | undefined;
    let pagesAgain: Awaited<ReturnType<typeof runLoad>> | undefined;
    if (withPages) {
      const last = Math.ceil(total / 100);
      const paths = Array.from({ length: 200 }, (_, i) => `/catalog.ttl?page=${1 + ((i * 7919) % last)}`);
      await runLoad(server.url, ["/catalog.ttl?page=1"], { connections: 2, seconds: 2 }); // warm-up (one page)
      // Each of the 200 pages produced the first time it is asked for (the run starts with none kept),
      pages = await runLoad(server.url, paths, { connections: 8, seconds: 10 });
      // then the same pages asked for again, as by harvesters paging through a feed that has not changed.
      pagesAgain = await runLoad(server.url, paths, { connections: 8, seconds: 10 });
    }
    return { total, stream, rss: Math.max(rss, startRss), rssAgain: Math.max(rssAgain, rss, startRss), startRss, rssBefore, streamRss, idleAfter, pages, pagesAgain };
  } finally {
    await server.stop();
  }
}

/** The feed's own pipeline in-process, as the server runs it (load, profiles, writer, UTF-8), without HTTP. */
async function pipelineInProcess(db: Database): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  let bytes = 0;
  const prepared = prepareCatalog(db, {
    baseUrl: "http://localhost",
    format: "ttl",
    params: parseCatalogParams(new URLSearchParams()),
    linkPath: "/catalog.ttl",
  });
  for await (const chunk of prepared.bytes()) bytes += chunk.byteLength;
  return { ms: performance.now() - started, bytes };
}

type CompressionCost = { compressMs: number; kb: number; decodeMs: number; decodeThreadMs: number };

/**
 * What the page cache's codec costs (page-compression.ts): a page compressed one after the other
 * in one thread (as a feed worker does once it has sent the page), CPU per page; a hit decompressed
 * in the answering thread, CPU per page. The reference, measured alike: Brotli at quality 3 with a
 * 256 KB window, the codec before, whose hits were decompressed eight at once in libuv's thread
 * pool (`decodeThreadMs`: what that cost the answering thread itself, besides the pool's CPU).
 */
async function pageCompression(db: Database): Promise<{ ours: CompressionCost; brotli: CompressionCost }> {
  const pages = await Promise.all(
    [3, 101, 202, 303, 404, 505, 606, 707].map(async (page) =>
      Buffer.from(await catalogToString(db, { baseUrl: "http://localhost", format: "ttl", params: parseCatalogParams(new URLSearchParams(`page=${page}`)), linkPath: "/catalog.ttl" })),
    ),
  );
  const rounds = 20;
  const n = rounds * pages.length;
  /**
   * CPU (all threads) and this thread's busy time per page, over `rounds` rounds of `once`, after
   * warm-up rounds: the first rounds of decoding paid the page faults of fresh output buffers (1.8
   * ms a page, down to 0.3 ms by the fifth round, as a running server's freed buffers are reused).
   */
  const perPage = async (once: () => Promise<unknown>) => {
    // A turn of the event loop after each round, as a server has between requests.
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    for (let warm = 0; warm < 6; warm++) await once().then(turn);
    const cpu = process.cpuUsage();
    const loop = performance.eventLoopUtilization();
    for (let round = 0; round < rounds; round++) await once().then(turn);
    const used = process.cpuUsage(cpu);
    return { ms: (used.user + used.system) / 1000 / n, threadMs: performance.eventLoopUtilization(loop).active / n };
  };
  const brotliOptions = (size: number) => ({
    params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 3, [zlibConstants.BROTLI_PARAM_LGWIN]: 18, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: size },
  });
  const kb = (outs: Uint8Array[]) => outs.reduce((total, out) => total + out.byteLength, 0) / outs.length / 1024;

  const deflated = pages.map((p) => compressPageSync(p)!);
  const brotlied = pages.map((p) => brotliCompressSync(p, brotliOptions(p.length)));
  const decompress = promisify<Buffer, BrotliOptions, Buffer>(brotliDecompress);
  const oursCompress = await perPage(async () => pages.map((p) => compressPageSync(p)));
  const oursDecode = await perPage(async () => pages.map((p, i) => decompressPage(deflated[i]!, p.length)));
  const brotliCompressCost = await perPage(async () => pages.map((p) => brotliCompressSync(p, brotliOptions(p.length))));
  const brotliDecode = await perPage(() => Promise.all(brotlied.map((b, i) => decompress(b, { chunkSize: pages[i]!.length }))));
  return {
    ours: { compressMs: oursCompress.ms, kb: kb(deflated), decodeMs: oursDecode.ms, decodeThreadMs: oursDecode.threadMs },
    brotli: { compressMs: brotliCompressCost.ms, kb: kb(brotlied), decodeMs: brotliDecode.ms, decodeThreadMs: brotliDecode.threadMs },
  };
}

export default async function run(): Promise<void> {
  const small = await measure(10_000, 3520, false, { again: true });
  const large = await measure(100_000, 3521, true);
  // The steady-state figure at 100k from a server of its own: a second stream before the page runs
  // would change what they measure.
  const largeAgain = await measure(100_000, 3523, false, { again: true });
  // The same stream written in the server's thread alone: what the feed workers cost and gain.
  const inThread = process.env.FEED_WORKERS === "0" ? undefined : await measure(100_000, 3522, false, { feedWorkers: "0" });
  const db = openDatabase(ensureBenchCatalogue(100_000), { readonly: true });
  const bare = bareWriter(db);
  const inProcess = await pipelineInProcess(db);
  const compression = await pageCompression(db);
  closeDatabase(db);

  const rate = (r: typeof large) => r.total / (r.stream.ms / 1000);
  console.log(
    `\nFull /catalog.ttl over HTTP (unpaged, streamed; DCAT-AP 3 + GeoDCAT-AP + data services; server with BACKGROUND_JOBS=false, FEED_WORKERS=${process.env.FEED_WORKERS ?? "2 (default)"}):`,
  );
  for (const r of [small, large]) {
    console.log(
      `  ${r.total.toLocaleString("en")} published datasets: ${(r.stream.ms / 1000).toFixed(1)} s, ` +
        `${(r.stream.bytes / 1e6).toFixed(0)} MB, ${rate(r).toFixed(0)} datasets/s (goal ≥ 5000), ` +
        `${r.stream.datasets === r.total ? "all datasets present" : `${r.stream.datasets} datasets in the stream!`}, ` +
        `server peak RSS ${r.rss.toFixed(0)} MB (goal ≤ 400)`,
    );
    console.log(
      `    (server idle ${r.idleAfter.toFixed(0)} s after start; peak RSS by then ${r.startRss.toFixed(0)} MB; ` +
        `RSS before the stream ${r.rssBefore.toFixed(0)} MB, peak during it ${r.streamRss.toFixed(0)} MB: +${(r.streamRss - r.rssBefore).toFixed(0)} MB for the stream)`,
    );
  }
  if (inThread) {
    console.log(
      `  the same 100k stream with FEED_WORKERS=0 (written in the server's thread): ${(inThread.stream.ms / 1000).toFixed(1)} s, ${rate(inThread).toFixed(0)} datasets/s, ` +
        `peak RSS ${inThread.rss.toFixed(0)} MB (+${(inThread.streamRss - inThread.rssBefore).toFixed(0)} MB for the stream); with the workers / without: time ${(large.stream.ms / inThread.stream.ms).toFixed(2)}`,
    );
  }
  const streamGrowth = (r: typeof large) => r.streamRss - r.rssBefore;
  console.log(
    `  peak RSS growth 10k → 100k: ${(large.rss - small.rss).toFixed(0)} MB (goal ≤ 50); of the peak by the end of the ` +
      `server's start ${(large.startRss - small.startRss).toFixed(0)} MB; of what the stream adds ${(streamGrowth(large) - streamGrowth(small)).toFixed(0)} MB`,
  );
  console.log(
    `    over two streams in a row (heaps at their steady state): ${small.rssAgain.toFixed(0)} MB at 10k, ${largeAgain.rssAgain.toFixed(0)} MB at 100k: ` +
      `growth ${(largeAgain.rssAgain - small.rssAgain).toFixed(0)} MB (the goal's figure is the first stream's, above)`,
  );
  console.log(
    `  bare n3 Writer in-process on the same ${bare.quads.toLocaleString("en")} quads: ${(bare.ms / 1000).toFixed(1)} s ` +
      `(${(large.total / (bare.ms / 1000)).toFixed(0)} datasets/s); ratio HTTP / bare writer = ${(large.stream.ms / bare.ms).toFixed(2)} (goal ≤ 1.5)` +
      (inThread ? `; with FEED_WORKERS=0 ${(inThread.stream.ms / bare.ms).toFixed(2)}` : ""),
  );
  console.log(
    `  the feed's pipeline in-process (load, profiles, writer, UTF-8; no HTTP): ${(inProcess.ms / 1000).toFixed(1)} s ` +
      `(${(large.total / (inProcess.ms / 1000)).toFixed(0)} datasets/s); ratio in-process pipeline / bare writer = ${(inProcess.ms / bare.ms).toFixed(2)}`,
  );
  if (large.pages && large.pagesAgain) {
    const p = large.pages;
    const again = large.pagesAgain;
    console.log(
      `One page (100 datasets, /catalog.ttl?page=N, 200 distinct pages) under 8 connections: p50 ${p.p50.toFixed(0)} ms, p95 ${p.p95.toFixed(0)} ms (goal ≤ 50), ` +
        `${p.rps.toFixed(0)} req/s, errors ${p.errors + p.non2xx} (each page produced on its first request)`,
    );
    console.log(
      `  the same pages again (from the page cache): p50 ${again.p50.toFixed(0)} ms, p95 ${again.p95.toFixed(0)} ms, ${again.rps.toFixed(0)} req/s, errors ${again.errors + again.non2xx}`,
    );
    const c = compression;
    console.log(
      `  the page cache's codec (raw DEFLATE, level ${PAGE_DEFLATE_LEVEL}): a page compressed by its worker ${c.ours.compressMs.toFixed(2)} ms of CPU, ${c.ours.kb.toFixed(0)} KB; ` +
        `a hit decompressed in the answering thread ${c.ours.decodeMs.toFixed(2)} ms`,
    );
    console.log(
      `    against Brotli q3 (256 KB window, the codec before): compressed ${c.brotli.compressMs.toFixed(2)} ms, ${c.brotli.kb.toFixed(0)} KB (ratio ${(c.ours.compressMs / c.brotli.compressMs).toFixed(2)}); ` +
        `a hit decompressed in libuv's pool, 8 at once, ${c.brotli.decodeMs.toFixed(2)} ms of CPU, ${c.brotli.decodeThreadMs.toFixed(2)} ms of it in the answering thread ` +
        `(ratio of CPU ${(c.ours.decodeMs / c.brotli.decodeMs).toFixed(2)}, of the answering thread's time ${(c.ours.decodeMs / c.brotli.decodeThreadMs).toFixed(2)})`,
    );
  }
}
