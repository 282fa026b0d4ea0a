import type { MessagePort } from "node:worker_threads";
import type { ErrorCode } from "@/lib/errors";
import type { FetchLimits } from "./fetch-feed";
import type { GatherProgress, GatherResult, SourceKind } from "./gather";
import type { PackedRecord, RecordFailure } from "./records";

/**
 * The messages between a harvest and its parse worker (gather-in-worker.ts, gather-worker.ts).
 * Two ports per job: `control` (asynchronous: progress, the unchanged-feed question, the gathered
 * summary or an early failure) and `records` (read synchronously by the writer, inside its
 * transaction). Shared counters bound how far the worker may run ahead of the writer.
 */

export type GatherJob = {
  kind: SourceKind;
  location: string;
  limits: FetchLimits & { maxPages?: number };
  /** Ask, with the first page's hash, whether it is byte for byte the last complete harvest's. */
  askUnchanged: boolean;
  /** Send records mapped while the feed is still parsed (map-early.ts). */
  early: boolean;
  control: MessagePort;
  records: MessagePort;
  /** Int32 counters, indexed by COUNTER. */
  counters: SharedArrayBuffer;
};

/**
 * A job's summary. Sent when the writer can start reading records; when records were mapped while
 * the feed was still parsed, that is before the summary is known, and the "end" message completes it.
 */
export type GatherSummary = Omit<GatherResult, "records" | "failures" | "failedAt">;

export type WorkerError = { error: { code?: ErrorCode; message: string; feed?: boolean } };

export type WorkerControlMessage =
  | { t: "ready" }
  | { t: "progress"; progress: GatherProgress }
  | { t: "unchanged?"; feedHash: string }
  | { t: "gathered"; summary: GatherSummary }
  | ({ t: "error" } & WorkerError);

export type RecordsMessage =
  | { t: "record"; record: PackedRecord }
  /**
   * The records sent so far were mapped while the feed was parsed, and a later part of the feed
   * changed what they were read from (map-early.ts): the writer starts over; every record follows again.
   */
  | { t: "restart" }
  /** The last message of a job: the failures and the job's summary (notes, totals), complete. */
  | { t: "end"; failures: RecordFailure[]; /** Each failure's place among the source's datasets (DatasetCursor.failedAt). */ failedAt: number[]; summary: GatherSummary }
  | ({ t: "error" } & WorkerError);

/**
 * `parsing` goes up as the worker parses (a writer waiting for records then knows it is not
 * stalled); `waitedMs` is the time the writer has spent waiting for records (`WriterWaits`).
 */
export const COUNTER = { posted: 0, consumed: 1, aborted: 2, parsing: 3, waitedMs: 4 } as const;
export const COUNTERS = 5;
/**
 * How many records the worker may have sent that the writer has not taken yet. Records are sent
 * one message each: records waiting in a batch outlived the worker's young-generation collections
 * and were promoted, and its old generation grew by tens of MB between full collections (a
 * 20,000-dataset feed: peak RSS 540 MB with batches of 100 records, 490 MB with single records,
 * and no slower).
 */
export const MAX_IN_FLIGHT = 64;

/** How many records the worker has sent that the writer has not taken yet. */
export function backlog(counters: Int32Array): number {
  return Atomics.load(counters, COUNTER.posted) - Atomics.load(counters, COUNTER.consumed);
}

/** The writer's side of `CheckBalance`: adds the time it waits for records to `COUNTER.waitedMs`. */
export class WriterWaits {
  /** The part of a millisecond not added yet. */
  private fraction = 0;

  constructor(private readonly counters: Int32Array) {}

  add(ms: number): void {
    const total = this.fraction + ms;
    const whole = Math.floor(total);
    this.fraction = total - whole;
    if (whole > 0) Atomics.add(this.counters, COUNTER.waitedMs, whole);
  }
}

/**
 * Which thread checks (validates with the registration schema and hashes) a mapped record: the
 * parse worker asks `defer()` for each; a deferred record is checked by the writer. Either thread
 * can, and the work (~90 µs a record) should go to the one with time to spare:
 * - the writer, when it spent at least SPARE_SHARE of the last WINDOW_MS waiting for records
 *   (and at first, when it has nothing to do yet);
 * - otherwise the writer only while its backlog is short (under CHECK_WHEN_WAITING records).
 * With the backlog alone, the worker checked 4,000-10,000 of the 20,000 records of the benchmark's
 * RDF/XML feed, whose parse makes the worker the slower thread: each time the writer paused (it
 * scores and indexes every thousand records) its backlog grew and the worker checked what came
 * meanwhile, then the writer caught up and waited, 0.9-2.0 s over the job. Now it checks ~3,000
 * and the writer waits 0.6-0.8 s: wall time / CPU time 0.527 against 0.536 (means of 11 and 9
 * runs; never checking in the worker: 0.518, but then a Turtle feed, where the writer is the
 * slower thread and never waits, takes 9% longer). For a Turtle feed nothing changes: the writer
 * does not wait, and the backlog decides.
 */
export class CheckBalance {
  private windowStart: number;
  private waitedAtStart: number;
  /** The writer starts with nothing to do: it checks the first records. */
  private writerHasTime = true;

  constructor(
    private readonly counters: Int32Array,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.windowStart = now();
    this.waitedAtStart = Atomics.load(counters, COUNTER.waitedMs);
  }

  defer(): boolean {
    const now = this.now();
    if (now - this.windowStart >= WINDOW_MS) {
      const waited = Atomics.load(this.counters, COUNTER.waitedMs);
      // (Int32 arithmetic: right across a wrap of the counter.)
      this.writerHasTime = ((waited - this.waitedAtStart) | 0) >= (now - this.windowStart) * SPARE_SHARE;
      this.windowStart = now;
      this.waitedAtStart = waited;
    }
    return this.writerHasTime || backlog(this.counters) < CHECK_WHEN_WAITING;
  }
}

export const WINDOW_MS = 1000;
export const SPARE_SHARE = 0.02;
/** The writer's backlog from which the worker checks the records it maps, unless the writer has time. */
export const CHECK_WHEN_WAITING = 16;
