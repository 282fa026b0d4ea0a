import type { Worker } from "node:worker_threads";
import type { Database } from "@/db/client";
import { env } from "@/lib/env";
import { AppError, type ErrorCode, type FieldErrors } from "@/lib/errors";
import { processWide } from "@/lib/process-wide";
import { startProjectWorker, workerScript } from "@/lib/workers/start-worker";
import { GATHER_WORKER } from "./gather-in-worker";
import { claimHarvest, failStoppedJob, gathersInProcess, runHarvest, type HarvestProgress, type HarvestReport, type RunHarvestOptions } from "./run-harvest";

/**
 * A harvest job in a thread of its own (lib/harvest/job-worker.ts), on its own connection to the
 * database file. A job writes everything it gathered in one transaction, synchronously: run in the
 * server's thread, that thread answered nothing else until the job committed (tens of seconds for
 * tens of thousands of records). In a thread of its own, the server goes on answering while the
 * job writes; readers see the catalogue as it was until the job commits (SQLite's WAL), and other
 * writers wait for its write lock as they wait for any writer (busy timeout).
 *
 * - The one-job-at-a-time lock per source is taken here, in the calling process.
 * - The thread's young generation is kept small (12 MB): with V8's default (48 MB) the thread's
 *   young generation grew to its full size while the job wrote, for nothing. Measured on the
 *   benchmark's 20,000-dataset Turtle feed, process peak RSS 512-534 MB against 549-569 MB with
 *   the default, in the same time (in the calling thread, as before: 503-538 MB).
 * - Its old generation is capped below 2 GB (JOB_LIMITS), which is what makes V8 let it grow to at
 *   most about twice what survived the last full collection before the next, instead of four
 *   times (V8 allows the larger factor only to heaps whose limit is 2 GB or more: the default
 *   here). The writer keeps little (~20 MB survive a collection), yet its heap reached 130-160 MB
 *   in one run in four (80-100 MB in the others), and the one run over the 500 MB goal that was
 *   traced (521 MB) was such a run. Capped, ten RDF/XML runs of the benchmark feed, each beside
 *   an uncapped run at the same time: the thread's heap at most 50-67 MB against 79-163 MB,
 *   process peak RSS 349-406 MB against 392-458 MB. The price, by --trace-gc: 13-14 full
 *   collections of the thread instead of 5-6, ~60 ms more of its GC pauses and marking steps in
 *   a job of 11-16 s. The parse worker keeps V8's default: its graph is most of what it holds
 *   (~60-100 MB survive), so the same cap cost it five more full collections (~0.1 s more of
 *   pauses and steps, more marking on V8's helper threads) for ~50 MB.
 * - A thread that dies mid-job (out of memory, say) rolls its transaction back with its
 *   connection; its job is then marked failed here, and the error is raised to the caller.
 * - An in-memory database (tests), `HARVEST_JOB_THREAD=false`, or a thread that cannot be started
 *   runs the job in the calling thread, as before.
 */

export type JobThreadRequest = {
  file: string;
  /** The caller's connection's page limit (DATABASE_MAX_SIZE_MB, see lib/database.ts), kept by the job's connection too. */
  maxPageCount: number;
  /** Worker scripts already built by the caller (start-worker.ts), by entry. */
  scripts: Record<string, string>;
  options: Omit<RunHarvestOptions, "onProgress" | "onJobStarted">;
};

export type JobThreadMessage =
  | { t: "ready" }
  | { t: "job"; jobId: number }
  | { t: "progress"; progress: HarvestProgress }
  | { t: "done"; report: HarvestReport & { jobId: number } }
  | { t: "error"; error: { code?: ErrorCode; message: string; fields?: FieldErrors } }
  /** After the report: the job's log is written back and its connection closed (job-worker.ts). */
  | { t: "closed" };

const JOB_LIMITS = { maxYoungGenerationSizeMb: 12, maxOldGenerationSizeMb: 2000 };

/** The jobs running in this process, by id, with their latest progress (null before the first). */
const running = processWide("harvest.job-progress", () => new Map<number, HarvestProgress | null>());

/**
 * A job that runs in this process: its latest progress (null before the first report), or
 * undefined when no job of that id runs here (it has ended, or runs in another process: the CLI).
 */
export function runningJobProgress(jobId: number): HarvestProgress | null | undefined {
  return running.get(jobId);
}

/**
 * Run a harvest job (the scheduler, the staff area's "Harvest now", `npm run harvest`): in a thread
 * of its own where it can, its progress kept for `runningJobProgress` while it runs.
 */
export async function runHarvestJob(db: Database, options: RunHarvestOptions): Promise<HarvestReport & { jobId: number }> {
  let jobId: number | undefined;
  try {
    return await runJob(db, {
      ...options,
      onJobStarted: (id) => {
        jobId = id;
        running.set(id, null);
        options.onJobStarted?.(id);
      },
      onProgress: (progress) => {
        if (jobId !== undefined) running.set(jobId, progress);
        options.onProgress?.(progress);
      },
    });
  } finally {
    if (jobId !== undefined) running.delete(jobId);
  }
}

async function runJob(db: Database, options: RunHarvestOptions): Promise<HarvestReport & { jobId: number }> {
  const file = db.$client.memory ? undefined : db.$client.name;
  if (!file || !env.HARVEST_JOB_THREAD) return runHarvest(db, options);
  const { location, release } = claimHarvest(options);
  let worker: Worker;
  let scripts: Record<string, string> = {};
  // Decided here, so that the job's thread starts with its parse worker alongside (the two load
  // their modules at once: start-worker.ts), when the job will need one.
  let inProcess: boolean;
  try {
    inProcess = options.inProcess ?? gathersInProcess(db, { sourceId: options.source?.id ?? null, location });
  } catch (error) {
    release();
    throw error;
  }
  try {
    const starting = startProjectWorker("lib/harvest/job-worker.ts", { resourceLimits: JOB_LIMITS, ...(!inProcess && { alongside: GATHER_WORKER }) });
    // The parse worker's script, built here (once per process) rather than in every job's thread,
    // a fresh one each time (~0.15 s of esbuild before the parse could begin), for the workers the
    // job's thread may start itself.
    scripts = { [GATHER_WORKER.entry]: workerScript(GATHER_WORKER.entry) };
    worker = await starting;
  } catch (error) {
    console.error("A harvest job's thread could not be started; the job runs in this thread", error);
    release();
    return runHarvest(db, options);
  }
  try {
    return await runInThread(db, worker, { file, scripts }, { ...options, inProcess });
  } finally {
    release();
    retire(worker);
  }
}

/** How long a thread that has reported may take to write its log back before it is stopped. */
const RETIRE_MS = 120_000;

/** Let the thread finish its checkpoint (it says `closed`, or exits), then stop it. */
function retire(worker: Worker): void {
  const stop = () => {
    clearTimeout(timer);
    void worker.terminate();
  };
  const timer = setTimeout(stop, RETIRE_MS);
  worker.on("message", (message: JobThreadMessage) => {
    if (message.t === "closed") stop();
  });
  worker.once("exit", () => clearTimeout(timer));
}

function runInThread(
  db: Database,
  worker: Worker,
  { file, scripts }: { file: string; scripts: Record<string, string> },
  options: RunHarvestOptions,
): Promise<HarvestReport & { jobId: number }> {
  const { onProgress, onJobStarted, ...rest } = options;
  let jobId: number | undefined;
  return new Promise((resolve, reject) => {
    let settled = false;
    const stopped = (reason: string, cause?: unknown) => {
      if (settled) return;
      settled = true;
      try {
        if (jobId !== undefined) failStoppedJob(db, jobId, reason);
      } catch (error) {
        // Left `running`: marked failed at the next start (failInterruptedJobs).
        console.error(`Harvest job ${jobId} could not be marked failed`, error);
      }
      reject(new Error(`The harvest job's thread stopped: ${reason}`, { cause }));
    };
    worker.on("message", (message: JobThreadMessage) => {
      if (settled) return;
      switch (message.t) {
        case "job":
          jobId = message.jobId;
          onJobStarted?.(message.jobId);
          return;
        case "progress":
          onProgress?.(message.progress);
          return;
        case "done":
          settled = true;
          resolve(message.report);
          return;
        case "error": {
          settled = true;
          const { code, message: text, fields } = message.error;
          reject(code ? new AppError(code, text, fields && { fields }) : new Error(`The harvest job failed: ${text}`));
          return;
        }
      }
    });
    worker.on("error", (error) => stopped(error.message, error));
    worker.on("exit", (code) => stopped(`exit code ${code}`));
    const maxPageCount = db.$client.pragma("max_page_count", { simple: true }) as number;
    worker.postMessage({ file, maxPageCount, scripts, options: rest } satisfies JobThreadRequest);
  });
}
