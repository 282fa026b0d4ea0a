import fs from "node:fs";
import { sql } from "drizzle-orm";
import { Writer } from "n3";
import { closeDatabase, openDatabase, type Database } from "@/db/client";
import { Graph } from "@/lib/dcat/graph";
import { PREFIXES } from "@/lib/dcat/namespaces";
import { getPipeline } from "@/lib/dcat/profiles";
import { loadDatasetsForRdf } from "@/lib/dcat/load-datasets";
import { listPublishedDatasetIds } from "@/lib/dcat/queries";
import { ensureBenchCatalogue } from "./support/catalogue";
import { runLoad } from "./support/load";
import { startBenchServer } from "./support/server";

/**
 * Issue 5's feed benchmark: the unpaged /catalog.ttl streamed over HTTP from a production server on
 * 10,000 and 100,000 synthetic datasets (rate, and the server's peak RSS from /proc VmHWM, so the
 * growth between the two shows whether memory stays flat); the ratio to serialising the same quads
 * with the bare n3 Writer in-process; one Hydra page's p95 under 8 concurrent connections.
 */

const published = (db: Database) => db.get<{ n: number }>(sql`select count(*) as n from datasets where state = 'published'`)!.n;

/** Peak RSS (VmHWM) of a process and its descendants, the largest one: Next may serve from a child. */
function peakRssMb(pid: number): number {
  let peak = 0;
  const visit = (p: number) => {
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, "utf8");
      peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
      for (const task of fs.readdirSync(`/proc/${p}/task`)) {
        const children = fs.readFileSync(`/proc/${p}/task/${task}/children`, "utf8").trim();
        for (const child of children ? children.split(/\s+/) : []) visit(Number(child));
      }
    } catch {
      // the process ended
    }
  };
  visit(pid);
  return peak;
}

const DATASET_SUBJECT = /> a dcat:Dataset;/g;

async function streamCatalog(url: string): Promise<{ ms: number; bytes: number; datasets: number }> {
  const started = performance.now();
  const response = await fetch(`${url}/catalog.ttl`);
  if (!response.ok || !response.body) throw new Error(`/catalog.ttl answered ${response.status}`);
  let bytes = 0;
  let datasets = 0;
  let tail = "";
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  for (;;) {
    const { value: chunk, done } = await reader.read();
    if (done) break;
    bytes += chunk.byteLength;
    const text = tail + decoder.decode(chunk, { stream: true });
    datasets += text.match(DATASET_SUBJECT)?.length ?? 0;
    // Keep fewer characters than a match has, so a match is never counted twice.
    tail = text.slice(-(DATASET_SUBJECT.source.length - 1));
  }
  return { ms: performance.now() - started, bytes, datasets };
}

/** The reference: the same quads (built untimed, batch by batch) through a bare n3 Writer. */
function bareWriter(db: Database): { ms: number; quads: number } {
  const pipeline = getPipeline("dcat-ap-3");
  const ctx = { baseUrl: "http://localhost", catalogUri: "http://localhost/catalog", described: new Set<string>() };
  let length = 0;
  const writer = new Writer(
    { write: (s: string) => void (length += s.length), end: (done?: () => void) => done?.() } as unknown as NodeJS.WritableStream,
    { format: "Turtle", prefixes: { ...PREFIXES } },
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

async function measure(count: number, port: number, withPages: boolean) {
  const file = ensureBenchCatalogue(count);
  const db = openDatabase(file, { readonly: true });
  const total = published(db);
  closeDatabase(db);
  const server = await startBenchServer(file, port);
  try {
    await fetch(`${server.url}/catalog.ttl?page=1`).then((r) => r.text()); // warm-up
    const stream = await streamCatalog(server.url);
    const rss = peakRssMb(server.pid);
    let pages: Awaited<ReturnType<typeof runLoad>> | undefined;
    if (withPages) {
      const last = Math.ceil(total / 100);
      const paths = Array.from({ length: 200 }, (_, i) => `/catalog.ttl?page=${1 + ((i * 7919) % last)}`);
      await runLoad(server.url, paths.slice(0, 20), { connections: 2, seconds: 2 }); // warm-up
      pages = await runLoad(server.url, paths, { connections: 8, seconds: 10 });
    }
    return { total, stream, rss, pages };
  } finally {
    await server.stop();
  }
}

export default async function run(): Promise<void> {
  const small = await measure(10_000, 3520, false);
  const large = await measure(100_000, 3521, true);
  const db = openDatabase(ensureBenchCatalogue(100_000), { readonly: true });
  const bare = bareWriter(db);
  closeDatabase(db);

  const rate = (r: typeof large) => r.total / (r.stream.ms / 1000);
  console.log(`\nFull /catalog.ttl over HTTP (unpaged, streamed; DCAT-AP 3 + GeoDCAT-AP + data services):`);
  for (const r of [small, large]) {
    console.log(
      `  ${r.total.toLocaleString("en")} published datasets: ${(r.stream.ms / 1000).toFixed(1)} s, ` +
        `${(r.stream.bytes / 1e6).toFixed(0)} MB, ${rate(r).toFixed(0)} datasets/s (goal ≥ 5000), ` +
        `${r.stream.datasets === r.total ? "all datasets present" : `${r.stream.datasets} datasets in the stream!`}, ` +
        `server peak RSS ${r.rss.toFixed(0)} MB (goal ≤ 400)`,
    );
  }
  console.log(`  peak RSS growth 10k → 100k: ${(large.rss - small.rss).toFixed(0)} MB (goal ≤ 50)`);
  console.log(
    `  bare n3 Writer in-process on the same ${bare.quads.toLocaleString("en")} quads: ${(bare.ms / 1000).toFixed(1)} s ` +
      `(${(large.total / (bare.ms / 1000)).toFixed(0)} datasets/s); ratio HTTP / bare writer = ${(large.stream.ms / bare.ms).toFixed(2)} (goal ≤ 1.5)`,
  );
  if (large.pages) {
    const p = large.pages;
    console.log(
      `One page (100 datasets, /catalog.ttl?page=N) under 8 connections: p50 ${p.p50} ms, p95 ${p.p95} ms (goal ≤ 50), ` +
        `${p.rps.toFixed(0)} req/s, errors ${p.errors + p.non2xx}`,
    );
  }
}
