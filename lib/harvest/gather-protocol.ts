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

/** `parsing` goes up as the worker parses (a writer waiting for records then knows it is not stalled). */
export const COUNTER = { posted: 0, consumed: 1, aborted: 2, parsing: 3 } as const;
export const COUNTERS = 4;
/**
 * How many records the worker may have sent that the writer has not taken yet. Records are sent
 * one message each: records waiting in a batch outlived the worker's young-generation collections
 * and were promoted, and its old generation grew by tens of MB between full collections (a
 * 20,000-dataset feed: peak RSS 540 MB with batches of 100 records, 490 MB with single records,
 * and no slower).
 */
export const MAX_IN_FLIGHT = 64;
