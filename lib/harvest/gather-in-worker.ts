import { MessageChannel, receiveMessageOnPort, type Worker } from "node:worker_threads";
import { markParsedElsewhere } from "@/lib/catalogue/schemas";
import { AppError } from "@/lib/errors";
import { processWide } from "@/lib/process-wide";
import { startProjectWorker } from "@/lib/workers/start-worker";
import { takeAlongsideWorker, type AlongsideWorker } from "@/lib/workers/worker-ready";
import { FeedError, type FetchLimits } from "./fetch-feed";
import type { GatherOptions, GatherResult, SourceKind } from "./gather";
import { COUNTER, COUNTERS, type RecordsMessage, type WorkerControlMessage, type WorkerError, WriterWaits } from "./gather-protocol";
import { failuresInSourceOrder, unpackRecord, type HarvestedRecord, type RecordFailure } from "./records";

/**
 * A source gathered (read, parsed, mapped) in a worker thread while this thread writes the records
 * it has already mapped: the two halves of a harvest then take one CPU core each instead of taking
 * turns on one. Each record is checked (validated, hashed) by whichever thread has time for it: the
 * worker while this thread is behind, this thread otherwise (gather-worker.ts, `unpackRecord`).
 * The records are read synchronously, inside the writer's transaction (so that nothing else can
 * run on its connection meanwhile), one by one from a message port; the worker never runs more
 * than a few dozen records ahead.
 *
 * The worker runs lib/harvest/gather-worker.ts (started by lib/workers/start-worker.ts, whether
 * the harvest was started by the server, a script or a test). Workers are kept for the next job
 * (one idle worker per process, for a minute, after a small source). When a worker cannot be
 * started at all, the caller gathers in its own thread, as before.
 */

export type WorkerGather = GatherResult & {
  /**
   * Stop the worker's job (when the writer gave up early) and let the worker go. Idempotent; done
   * by itself once the last record is read (see `records`).
   */
  dispose: () => void;
};

const IDLE_MS = 60_000;
/**
 * A worker that gathered a larger source is let go rather than kept: its heap still holds that
 * source's graph (until a full collection), while starting a new worker costs little next to
 * harvesting that many records.
 */
const KEEP_AFTER_RECORDS = 2_000;
/** The writer waits this long for the next record before it calls the worker stalled. */
const STALL_MS = 120_000;

type PooledWorker = { worker: Worker; idleTimer?: NodeJS.Timeout };

const pool = processWide("harvest.gather-workers", () => ({
  idle: [] as PooledWorker[],
  unavailable: false,
  /** A worker started ahead of its job (`prestartGatherWorker`), until the job takes it. */
  starting: undefined as Promise<PooledWorker | undefined> | undefined,
}));

/**
 * The worker's young generation: 32 MB. Datasets are mapped while the feed is parsed, and their own
 * nodes forgotten once mapped (map-early.ts), so most of the graph now dies young, if the young
 * generation outlasts the ~1,000 triples between a dataset's parse and its mapping. Measured on the
 * benchmark's 20,000-dataset Turtle feed: the worker's scavenges took ~1.0 s (~210 of them)
 * against 1.55-1.9 s (~850) with 12 MB, for 10-20 MB more peak RSS (410-450 MB in all). (Before
 * early mapping nearly everything parsed survived, and 12 MB against V8's default 48 MB kept the
 * process's peak RSS 30 MB lower in the same time.)
 */
export const GATHER_WORKER = { entry: "lib/harvest/gather-worker.ts", resourceLimits: { maxYoungGenerationSizeMb: 32 } } satisfies AlongsideWorker;

async function startWorker(): Promise<PooledWorker> {
  return { worker: await startProjectWorker(GATHER_WORKER.entry, { resourceLimits: GATHER_WORKER.resourceLimits }) };
}

/**
 * Get a parse worker ready now for a job that will need one (job-worker.ts): the one started
 * alongside the job's thread (job-thread.ts, ~0.15 s before the job could begin otherwise), or a
 * new one, started while the job's thread opens its database and writes the job row.
 */
export function prestartGatherWorker(): void {
  if (pool.idle.length > 0 || pool.starting || pool.unavailable) return;
  const alongside = takeAlongsideWorker(GATHER_WORKER.entry);
  pool.starting = alongside ? alongside.then((worker) => ({ worker }), giveUp) : startOrGiveUp();
}

async function acquireWorker(): Promise<PooledWorker | undefined> {
  const idle = pool.idle.pop();
  if (idle) {
    clearTimeout(idle.idleTimer);
    idle.worker.removeAllListeners("error");
    idle.worker.removeAllListeners("exit");
    idle.worker.ref();
    return idle;
  }
  if (pool.starting) {
    const started = await pool.starting;
    pool.starting = undefined;
    // (A worker that stopped since it started has thread id -1.)
    if (started && started.worker.threadId !== -1) return started;
  }
  if (pool.unavailable) return undefined;
  return startOrGiveUp();
}

async function startOrGiveUp(): Promise<PooledWorker | undefined> {
  try {
    return await startWorker();
  } catch (error) {
    return giveUp(error);
  }
}

/** Not fatal: the harvest gathers in this thread instead (slower, same result). */
function giveUp(error: unknown): undefined {
  pool.unavailable = true;
  console.error("The harvest's parse worker could not be started; harvests parse in the main thread", error);
  return undefined;
}

function releaseWorker(pooled: PooledWorker): void {
  pooled.worker.removeAllListeners("error");
  pooled.worker.removeAllListeners("exit");
  if (pool.idle.length > 0) {
    void pooled.worker.terminate();
    return;
  }
  pooled.worker.unref();
  const forget = () => {
    clearTimeout(pooled.idleTimer);
    pool.idle = pool.idle.filter((p) => p !== pooled);
  };
  pooled.worker.on("error", (error) => console.error("An idle harvest parse worker failed", error));
  pooled.worker.once("exit", forget);
  pooled.idleTimer = setTimeout(() => {
    pool.idle = pool.idle.filter((p) => p !== pooled);
    void pooled.worker.terminate();
  }, IDLE_MS);
  pooled.idleTimer.unref();
  pool.idle.push(pooled);
}

function rebuildError({ error }: WorkerError): Error {
  if (error.feed) return new FeedError(error.message);
  if (error.code) return new AppError(error.code, error.message);
  return new Error(`The harvest's parse worker failed: ${error.message}`);
}

/**
 * Gather a source in a worker thread: resolves once the source is read and parsed (rejects, like
 * `gatherSource`, when it cannot be), or earlier, as soon as records mapped while it is still
 * parsed come (map-early.ts; a failure to parse the rest then comes as an error from `records`),
 * with records that are mapped in the worker as they are read.
 * Undefined when no worker can be started. Call `dispose` when done with the records, in case
 * they were not read to the end.
 */
export async function gatherInWorker(
  kind: SourceKind,
  location: string,
  options: GatherOptions,
  { early = false }: { /** Records may come while the feed is still parsed: see `RunHarvestOptions.ownThread`. */ early?: boolean } = {},
): Promise<WorkerGather | undefined> {
  const pooled = await acquireWorker();
  if (!pooled) return undefined;
  const { worker } = pooled;
  const control = new MessageChannel();
  const records = new MessageChannel();
  const counters = new Int32Array(new SharedArrayBuffer(COUNTERS * Int32Array.BYTES_PER_ELEMENT));
  let settled = false;
  let finished = false;
  let disposed = false;
  let total = 0;

  const dispose = () => {
    if (disposed) return;
    disposed = true;
    control.port2.close();
    records.port2.close();
    if (finished && total < KEEP_AFTER_RECORDS) {
      releaseWorker(pooled);
    } else {
      // Finished a large source, or stopped early by the writer (an error): the worker goes.
      Atomics.store(counters, COUNTER.aborted, 1);
      Atomics.notify(counters, COUNTER.consumed);
      void worker.terminate();
    }
  };

  const { maxPages, onProgress, isUnchangedFeed, early: _early, ...rest } = options;
  const limits: FetchLimits & { maxPages?: number } = { ...rest, ...(maxPages !== undefined && { maxPages }) };
  const summary = await new Promise<WorkerControlMessage & { t: "gathered" }>((resolve, reject) => {
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      dispose();
      reject(error);
    };
    worker.once("error", fail);
    worker.once("exit", (code) => fail(new Error(`The harvest's parse worker stopped (exit code ${code})`)));
    control.port2.on("message", (message: WorkerControlMessage) => {
      if (message.t === "progress") onProgress?.(message.progress);
      else if (message.t === "unchanged?") {
        void Promise.resolve(isUnchangedFeed?.(message.feedHash) ?? false).then(
          (answer) => control.port2.postMessage({ t: "unchanged", answer }),
          (error: unknown) => fail(error as Error),
        );
      } else if (message.t === "gathered") {
        if (settled) return;
        settled = true;
        resolve(message);
      } else if (message.t === "error") fail(rebuildError(message));
    });
    worker.postMessage(
      { kind, location, limits, askUnchanged: isUnchangedFeed !== undefined, early, control: control.port1, records: records.port1, counters: counters.buffer },
      [control.port1, records.port1],
    );
  });
  worker.removeAllListeners("error");
  worker.removeAllListeners("exit");
  // From here on the worker is watched by the writer's reads (a stall times out); an error event
  // must still have a listener, or it would be thrown in this thread.
  worker.on("error", (error) => console.error("The harvest's parse worker failed", error));
  total = summary.summary.total;
  // A feed found unchanged has no records to read: the worker's job ends with nothing more to say.
  if (summary.summary.unchangedFeed) {
    finished = true;
    dispose();
  }

  // Complete once the records are read to the end (as with an in-process gather). When records
  // come while the feed is still parsed, the summary is completed by the last message.
  const result: WorkerGather = {
    ...summary.summary,
    notes: [...summary.summary.notes],
    warnings: [...summary.summary.warnings],
    failures: [],
    // Iterated again after a restart (each iteration goes on reading the port).
    records: { [Symbol.iterator]: () => readRecords() },
    dispose,
  };
  /** Failures of the records this thread checked (`unchecked` records), with their places. */
  let checkedHere: { failure: RecordFailure; position: number }[] = [];
  // The time this thread waits for records tells the worker it can leave records to it (CheckBalance).
  const waits = new WriterWaits(counters);
  function* readRecords(): Generator<HarvestedRecord> {
    if (finished) return;
    for (;;) {
      const message = nextRecordsMessage(records.port2, counters, waits);
      if (message.t === "record") {
        Atomics.add(counters, COUNTER.consumed, 1);
        Atomics.notify(counters, COUNTER.consumed);
        // Validated and hashed here when the worker left it unchecked: this thread had time to
        // spare (gather-worker.ts).
        const unpacked = unpackRecord(message.record);
        if ("failure" in unpacked) {
          checkedHere.push(unpacked);
          continue;
        }
        if (!message.record.unchecked) markParsedElsewhere(unpacked.record.input);
        yield unpacked.record;
      } else if (message.t === "restart") {
        Atomics.add(counters, COUNTER.consumed, 1);
        Atomics.notify(counters, COUNTER.consumed);
        checkedHere = [];
        throw new RestartWrite();
      } else if (message.t === "end") {
        const { notes, warnings, ...rest } = message.summary;
        Object.assign(result, rest);
        result.failures.push(...failuresInSourceOrder(message, checkedHere));
        result.notes.splice(0, result.notes.length, ...notes);
        result.warnings.splice(0, result.warnings.length, ...warnings);
        total = rest.total;
        finished = true;
        // The worker has nothing more to give: it goes now, not when the job ends. After a large
        // source its heap still holds the whole graph (200-odd MB for 20,000 datasets), which
        // otherwise stayed through the commit and the quality scores that follow the last record.
        dispose();
        return;
      } else {
        throw rebuildError(message);
      }
    }
  }
  return result;
}

/**
 * Thrown by a worker gather's records when the records read so far were mapped while the feed was
 * parsed and no longer hold (map-early.ts): the writer rolls back what it wrote and reads the
 * records again from the start, which the worker sends anew.
 */
export class RestartWrite extends Error {
  constructor() {
    super("The records mapped while the feed was parsed no longer hold: the write starts over");
  }
}

/** How many parse workers wait, idle, for the next job (tests, diagnostics). */
export function idleGatherWorkerCount(): number {
  return pool.idle.length;
}

/**
 * The next message on the records port, waiting for it without giving up the thread. The worker is
 * called stalled when it has neither sent anything nor parsed anything for STALL_MS.
 */
function nextRecordsMessage(port: MessagePort, counters: Int32Array, waits: WriterWaits): RecordsMessage {
  let deadline = Date.now() + STALL_MS;
  let parsing = Atomics.load(counters, COUNTER.parsing);
  for (;;) {
    const posted = Atomics.load(counters, COUNTER.posted);
    const received = receiveMessageOnPort(port);
    if (received) return received.message as RecordsMessage;
    const waitFrom = performance.now();
    const woken = Atomics.wait(counters, COUNTER.posted, posted, 1000);
    waits.add(performance.now() - waitFrom);
    if (woken === "timed-out") {
      const now = Atomics.load(counters, COUNTER.parsing);
      if (now !== parsing) {
        parsing = now;
        deadline = Date.now() + STALL_MS;
      } else if (Date.now() > deadline) {
        throw new FeedError(`The harvest's parse worker sent nothing for ${STALL_MS / 1000} s; the job was stopped`);
      }
    }
  }
}

type MessagePort = import("node:worker_threads").MessagePort;
