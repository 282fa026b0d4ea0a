import v8 from "node:v8";
import vm from "node:vm";
import { parentPort } from "node:worker_threads";
import { AppError } from "@/lib/errors";
import { FeedError } from "./fetch-feed";
import { gatherSource } from "./gather";
import type { GatherJob, GatherSummary, RecordsMessage, WorkerControlMessage } from "./gather-protocol";
import { backlog, CheckBalance, COUNTER, MAX_IN_FLIGHT } from "./gather-protocol";
import { EarlyMappingFailed } from "./map-early";
import { packRecord, type HarvestedRecord } from "./records";

/**
 * The harvest's parse worker (a worker thread, see gather-in-worker.ts): reads, parses and maps a
 * source with the same gather code as in-process, and streams the mapped records to the thread
 * that writes them, one message each (as JSON: records.ts `packRecord`), never more than a few
 * dozen ahead of it. It checks (validates and hashes) only the records its writer has no time for.
 */

if (!parentPort) throw new Error("gather-worker.ts runs as a worker thread");
const port = parentPort;

/**
 * A full collection once a large source is parsed, before its records are mapped (those not mapped
 * while it was parsed: map-early.ts). Parsing leaves
 * garbage in the old generation (the index's interning tables and the lists `seal` trimmed, the
 * parser's own), and V8 would not collect it before the job ends: on the benchmark's 20,000-dataset
 * Turtle feed the heap was 168 MB after parsing, 106 MB of it live, and it grew to ~240 MB while
 * the records were mapped. Collected there, three runs each: process peak RSS 439-446 MB against
 * 482-497 MB, in the same time (13.3-14.1 s against 13.4-15.1 s); RDF/XML 426-432 MB against
 * 488-505 MB. (`gc` through the V8 flag: a worker cannot be started with V8 options.)
 */
const COLLECT_AFTER_RECORDS = 1_000;
v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

port.on("message", (job: GatherJob) => void runJob(job));
port.postMessage({ t: "ready" });

async function runJob(job: GatherJob): Promise<void> {
  const { control, records, counters: buffer } = job;
  const counters = new Int32Array(buffer);
  const post = (message: RecordsMessage) => {
    records.postMessage(message);
    Atomics.add(counters, COUNTER.posted, 1);
    Atomics.notify(counters, COUNTER.posted);
  };
  const checks = new CheckBalance(counters);
  const postRecord = (record: HarvestedRecord) => post({ t: "record", record: packRecord(record) });
  const answers: ((unchanged: boolean) => void)[] = [];
  control.on("message", (message: { t: "unchanged"; answer: boolean }) => answers.shift()?.(message.answer));
  let streaming = false;
  // Before the first record: the writer starts its transaction once it knows records are coming.
  const startStreaming = (summary: GatherSummary) => {
    if (streaming) return;
    streaming = true;
    control.postMessage({ t: "gathered", summary } satisfies WorkerControlMessage);
  };
  const gatherAndSend = async ({ early, askUnchanged }: { early: boolean; askUnchanged: boolean }) => {
    let sentEarly = 0;
    const gathered = await gatherSource(job.kind, job.location, {
      ...job.limits,
      releaseMapped: false,
      // A record is checked (validated and hashed) here only when the writer has no time for it
      // (CheckBalance); otherwise the writer checks it itself (gather-in-worker.ts).
      deferChecks: () => checks.defer(),
      onProgress: (progress) => {
        Atomics.add(counters, COUNTER.parsing, 1);
        control.postMessage({ t: "progress", progress } satisfies WorkerControlMessage);
      },
      ...(askUnchanged && {
        isUnchangedFeed: (feedHash: string) =>
          new Promise<boolean>((resolve) => {
            answers.push(resolve);
            control.postMessage({ t: "unchanged?", feedHash } satisfies WorkerControlMessage);
          }),
      }),
      // Records mapped while the feed is parsed go to the writer at once (map-early.ts); the job's
      // summary (format, notes, totals) follows with the last message.
      ...(early && {
        early: {
          parsing: () => Atomics.add(counters, COUNTER.parsing, 1),
          hasRoom: () => backlog(counters) < MAX_IN_FLIGHT,
          emit: (record) => {
            sentEarly++;
            startStreaming({ notes: [], warnings: [], total: 0, format: "", pages: 0 });
            postRecord(record);
          },
        },
      }),
    });
    if (gathered.total - sentEarly >= COLLECT_AFTER_RECORDS) collectGarbage();
    const summary: GatherSummary = {
      notes: gathered.notes,
      warnings: gathered.warnings,
      total: gathered.total,
      format: gathered.format,
      pages: gathered.pages,
      feedHash: gathered.feedHash,
      unchangedFeed: gathered.unchangedFeed,
    };
    startStreaming(summary);
    for (const record of gathered.records) {
      waitForRoom(counters);
      postRecord(record);
    }
    waitForRoom(counters);
    post({ t: "end", failures: gathered.failures, failedAt: gathered.failedAt ?? [], summary: { ...summary, notes: gathered.notes, warnings: gathered.warnings } });
  };
  try {
    try {
      await gatherAndSend({ early: job.early, askUnchanged: job.askUnchanged });
    } catch (error) {
      if (!(error instanceof EarlyMappingFailed)) throw error;
      // What was sent early does not hold: the writer starts over, and the source is gathered
      // again from its first byte, every record mapped once the whole feed is read (rare: see
      // map-early.ts). (The question whether the feed is unchanged was answered: no.)
      if (streaming) {
        waitForRoom(counters);
        post({ t: "restart" });
      }
      await gatherAndSend({ early: false, askUnchanged: false });
    }
  } catch (error) {
    if (error instanceof Aborted) return;
    const message: WorkerControlMessage & RecordsMessage = {
      t: "error",
      error: error instanceof AppError ? { code: error.code, message: error.message, feed: error instanceof FeedError } : { message: (error as Error).stack ?? String(error) },
    };
    if (streaming) post(message);
    else control.postMessage(message);
  } finally {
    control.removeAllListeners("message");
    control.unref();
  }
}

class Aborted extends Error {}

/** Block until the writer has taken enough records (it reads synchronously inside its transaction). */
function waitForRoom(counters: Int32Array): void {
  for (;;) {
    if (Atomics.load(counters, COUNTER.aborted) !== 0) throw new Aborted();
    const consumed = Atomics.load(counters, COUNTER.consumed);
    if (Atomics.load(counters, COUNTER.posted) - consumed < MAX_IN_FLIGHT) return;
    Atomics.wait(counters, COUNTER.consumed, consumed, 1000);
  }
}

