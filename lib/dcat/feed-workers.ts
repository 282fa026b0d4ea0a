import { randomUUID } from "node:crypto";
import os from "node:os";
import type { Worker } from "node:worker_threads";
import type { Database } from "@/db/client";
import { env } from "@/lib/env";
import { AppError, type ErrorCode } from "@/lib/errors";
import { processWide } from "@/lib/process-wide";
import { startProjectWorker } from "@/lib/workers/start-worker";
import { type CatalogDocumentOptions, documentBytes, FRAGMENT_FORMATS, type FragmentSource, type PreparedCatalog } from "./catalog-document";
import type { RdfFormat } from "./content-types";
import { compressPage } from "./page-compression";
import type { ProfileName } from "./profiles";

/**
 * The feed's writers: worker threads (lib/dcat/feed-worker.ts) that write Hydra pages and the
 * unpaged Turtle and N-Triples dumps, so that the thread answering HTTP only passes bytes on.
 *
 * - A page is written whole by one worker, while this thread goes on answering other requests
 *   (pages from the page cache, searches, HTML): a harvester paging through a changed catalogue no
 *   longer holds up everyone else for the ~15 ms of CPU a page costs.
 * - The unpaged dump's datasets are written in fragments of 100 by all the workers at once, a
 *   few fragments asked for ahead and sent on in order: the dump takes every core instead of one.
 *   RDF/XML and JSON-LD documents are not a head followed by independent statements, so their
 *   dumps are written in this thread, as before.
 * - A worker also compresses the page it has just sent, for the page cache (see `catalogPage`).
 *
 * `FEED_WORKERS` workers (default 2, no more than the cores), started on the first request; 0, an
 * in-memory database, or workers that cannot be started write everything in this thread. A worker
 * that dies fails the requests it was writing (a page answers 500; a dump is cut short, which the
 * client sees as a truncated transfer) and is replaced on the next request.
 */

export type FeedRequest =
  /** A Hydra page; compressed after it is sent when it is no larger than `compressUpTo` bytes. */
  | { t: "page"; id: number; file: string; options: CatalogDocumentOptions; compressUpTo: number }
  | {
      t: "fragment";
      id: number;
      file: string;
      document: string;
      ids: number[];
      format: RdfFormat;
      baseUrl: string;
      catalogUri: string;
      profile: ProfileName;
    }
  | { t: "end"; document: string }
  /** Close the connections and end: nothing more will be asked. */
  | { t: "stop" };

export type FeedReply =
  | { id: number; bytes: Uint8Array }
  | { id: number; error: { code?: ErrorCode; message: string } }
  /** After a page's bytes: the page compressed, or null when it is not (too large, or compression failed). */
  | { id: number; compressed: Uint8Array | null };

type Waiting = { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void };
type Slot = {
  worker: Worker;
  waiting: Map<number, Waiting>;
  /** Pages sent whose compressed copy is still to come. */
  compressing: Map<number, (compressed: Uint8Array | undefined) => void>;
  stopped?: Error;
  idleTimer?: NodeJS.Timeout;
};

/** How long a stopping worker may take to close its connections before it is terminated. */
const STOP_WAIT_MS = 2_000;

/**
 * A worker holds one page or fragment (~1 MB of text) at a time. Its old generation is capped so
 * that the process's memory stays flat however large the catalogue: measured on a 100,000-dataset
 * dump, 64 MB never filled, while 32 MB made V8 collect all the time (twice the CPU). Capping the
 * young generation too (8 MB) made the dump 1.8 times slower in the benchmark (scavenges), so it is
 * left at V8's default.
 * A worker past its limit dies, and is replaced.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 64 };
/** A worker with nothing to write for this long ends, giving its memory (~40 MB) back; the next request starts one. */
const IDLE_MS = 60_000;

/** Fragments asked for ahead of the one being sent, per worker. */
const AHEAD_PER_WORKER = 2;

const pool = processWide("dcat.feed-workers", () => ({
  slots: [] as Slot[],
  starting: undefined as Promise<void> | undefined,
  unavailable: false,
  nextId: 1,
}));

function workerCount(): number {
  return Math.min(env.FEED_WORKERS, os.availableParallelism());
}

function startSlot(): Promise<void> {
  return startProjectWorker("lib/dcat/feed-worker.ts", { resourceLimits: WORKER_LIMITS }).then((worker) => {
    const slot: Slot = { worker, waiting: new Map(), compressing: new Map() };
    // Idle workers do not keep a script or test process alive (see `ask`).
    worker.unref();
    const fail = (error: Error) => {
      slot.stopped ??= error;
      pool.slots = pool.slots.filter((s) => s !== slot);
      for (const waiting of slot.waiting.values()) waiting.reject(error);
      slot.waiting.clear();
      for (const done of slot.compressing.values()) done(undefined);
      slot.compressing.clear();
    };
    worker.on("message", (reply: FeedReply) => {
      if ("compressed" in reply) {
        slot.compressing.get(reply.id)?.(reply.compressed ?? undefined);
        slot.compressing.delete(reply.id);
        return;
      }
      const waiting = slot.waiting.get(reply.id);
      if (!waiting) return;
      slot.waiting.delete(reply.id);
      if (slot.waiting.size === 0) {
        worker.unref();
        clearTimeout(slot.idleTimer);
        slot.idleTimer = setTimeout(() => void stopSlot(slot), IDLE_MS);
        slot.idleTimer.unref();
      }
      if ("bytes" in reply) waiting.resolve(reply.bytes);
      else waiting.reject(reply.error.code ? new AppError(reply.error.code, reply.error.message) : new Error(`A feed worker failed: ${reply.error.message}`));
    });
    worker.on("error", (error) => {
      console.error("A feed worker failed", error);
      fail(error);
    });
    worker.on("exit", (code) => fail(new Error(`A feed worker stopped (exit code ${code})`)));
    pool.slots.push(slot);
  });
}

/** The running workers, started (or replaced) as needed; undefined when the feed is written in this thread. */
async function workers(): Promise<readonly Slot[] | undefined> {
  const count = workerCount();
  if (count === 0 || pool.unavailable) return undefined;
  // One attempt per request to bring the pool to its size: a worker that dies at once is not
  // restarted in a loop.
  if (pool.slots.length < count) {
    pool.starting ??= Promise.all(Array.from({ length: count - pool.slots.length }, startSlot))
      .then(() => undefined)
      .catch((error: unknown) => {
        // Not fatal: the feed is written in this thread instead (slower, same bytes).
        pool.unavailable = true;
        console.error("The feed workers could not be started; the feed is written in the server's thread", error);
      })
      .finally(() => {
        pool.starting = undefined;
      });
    await pool.starting;
  }
  return pool.unavailable || pool.slots.length === 0 ? undefined : pool.slots;
}

type Question = FeedRequest extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

/**
 * Ask the least busy worker; the answer's bytes are moved to this thread, not copied. For a page,
 * `compressed` is called with its compressed copy (or undefined) once the worker has made it.
 */
async function ask(question: Question, compressed?: (bytes: Uint8Array | undefined) => void): Promise<Uint8Array> {
  const slots = await workers();
  if (!slots || slots.length === 0) throw new Error("A feed worker could not be started");
  const slot = slots.reduce((best, s) => (s.waiting.size < best.waiting.size ? s : best));
  const id = pool.nextId++;
  return new Promise<Uint8Array>((resolve, reject) => {
    slot.waiting.set(id, { resolve, reject });
    if (compressed) slot.compressing.set(id, compressed);
    // Kept alive while it has work this process waits for.
    slot.worker.ref();
    clearTimeout(slot.idleTimer);
    slot.worker.postMessage({ ...question, id } as FeedRequest);
  });
}

/**
 * The unpaged catalogue document's bytes, written by the feed workers where they can (see above),
 * else in this thread. A Hydra page is written by `catalogPage`.
 */
export async function* catalogBytes(db: Database, prepared: PreparedCatalog, options: CatalogDocumentOptions): AsyncGenerator<Uint8Array> {
  if (options.params.page !== undefined) throw new Error("A page is written by catalogPage");
  const file = db.$client.memory ? undefined : db.$client.name;
  const slots = file && FRAGMENT_FORMATS.includes(options.format) ? await workers() : undefined;
  if (!file || !slots) {
    yield* prepared.bytes();
    return;
  }
  // A document's fragments go to whichever workers run when each is asked for (one that ended, idle
  // or failed, is replaced): a shared resource may then be described once more, the same triples.
  const document = randomUUID();
  yield* prepared.bytesFromFragments(
    ({ catalogUri }): FragmentSource => ({
      fragment: (ids) => ask({ t: "fragment", file, document, ids, format: options.format, baseUrl: options.baseUrl, catalogUri, profile: options.params.profile }),
      close: () => {
        for (const slot of pool.slots) slot.worker.postMessage({ t: "end", document } satisfies FeedRequest);
      },
    }),
    slots.length * AHEAD_PER_WORKER,
  );
}

/** A Hydra page's bytes, and the same bytes compressed for the page cache (see page-compression.ts). */
export type ProducedPage = { bytes: Uint8Array; compressed: Promise<Uint8Array | undefined> };

/**
 * A Hydra page, written by a feed worker where there are workers, else in this thread; compressed
 * when it is no larger than `compressUpTo` bytes (else `compressed` is undefined).
 *
 * A worker compresses the page synchronously right after sending it, so this thread has only the
 * page to pass on: compressing it here (with Brotli, then), in libuv's thread pool, cost this
 * thread ~1.7 ms per page under load (the pool's zlib streams are driven from this thread, and each
 * page's encoder was set up and torn down here) and took ~2.4 ms of pool CPU, against ~2 ms in the
 * worker.
 */
export async function catalogPage(db: Database, prepared: PreparedCatalog, options: CatalogDocumentOptions, { compressUpTo }: { compressUpTo: number }): Promise<ProducedPage> {
  const file = db.$client.memory ? undefined : db.$client.name;
  const slots = file ? await workers() : undefined;
  if (!file || !slots) {
    const bytes = await documentBytes(prepared);
    return { bytes, compressed: bytes.byteLength <= compressUpTo ? compressPage(bytes) : Promise.resolve(undefined) };
  }
  let compressed!: (bytes: Uint8Array | undefined) => void;
  const later = new Promise<Uint8Array | undefined>((resolve) => (compressed = resolve));
  const bytes = await ask({ t: "page", file, options: { ...options, version: prepared.version }, compressUpTo }, compressed);
  return { bytes, compressed: later };
}

/** The running workers and how many answers each owes (tests, diagnostics). */
export function feedWorkerThreads(): { worker: Worker; busy: number }[] {
  return pool.slots.map((slot) => ({ worker: slot.worker, busy: slot.waiting.size }));
}

/** Stop a worker, its connections closed first; terminated if it does not end by itself in time. */
async function stopSlot(slot: Slot): Promise<void> {
  pool.slots = pool.slots.filter((s) => s !== slot);
  clearTimeout(slot.idleTimer);
  if (slot.stopped) return;
  const exited = new Promise((resolve) => slot.worker.once("exit", resolve));
  slot.worker.postMessage({ t: "stop" } satisfies FeedRequest);
  const timer = setTimeout(() => void slot.worker.terminate(), STOP_WAIT_MS);
  await exited;
  clearTimeout(timer);
}

/** Stop the feed workers (the server's shutdown, tests); the next request starts new ones. */
export async function stopFeedWorkers(): Promise<void> {
  await pool.starting;
  const slots = pool.slots;
  pool.unavailable = false;
  await Promise.all(slots.map(stopSlot));
}
