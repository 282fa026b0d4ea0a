import { parentPort } from "node:worker_threads";
import { closeDatabase, openDatabase } from "@/db/client";
import { AppError } from "@/lib/errors";
import { rememberWorkerScript } from "@/lib/workers/start-worker";
import { prestartGatherWorker } from "./gather-in-worker";
import type { JobThreadMessage, JobThreadRequest } from "./job-thread";
import { runHarvest } from "./run-harvest";

/**
 * One harvest job in a thread of its own (see job-thread.ts): its own connection to the database
 * file, the job run exactly as in the calling thread, its progress and its report sent back.
 *
 * The job's write-ahead log is written back into the database file (a checkpoint) once the job
 * has reported, not as its transaction commits: by then the data is committed (readers see it, and
 * it survives a crash), and a large harvest's log takes a while to write back (0.6-0.7 s for the
 * benchmark's 20,000 datasets) that the job's report need not wait for. A PASSIVE checkpoint
 * waits for no reader or writer; the thread ends after it (`closed`).
 */

if (!parentPort) throw new Error("job-worker.ts runs as a worker thread");
const port = parentPort;
const send = (message: JobThreadMessage) => port.postMessage(message);

port.once("message", ({ file, maxPageCount, scripts, options }: JobThreadRequest) => {
  for (const [entry, script] of Object.entries(scripts ?? {})) rememberWorkerScript(entry, script);
  // The job will gather in the parse worker (the caller decided: job-thread.ts): the one started
  // alongside this thread, or one started now, while this thread opens its database and writes
  // the job row.
  if (options.inProcess === false) prestartGatherWorker();
  void (async () => {
    let outcome: JobThreadMessage;
    const db = openDatabase(file);
    db.$client.pragma(`max_page_count = ${Math.floor(maxPageCount)}`);
    db.$client.pragma("wal_autocheckpoint = 0");
    try {
      const report = await runHarvest(db, {
        ...options,
        ownThread: true,
        onJobStarted: (jobId) => send({ t: "job", jobId }),
        onProgress: (progress) => send({ t: "progress", progress }),
      });
      outcome = { t: "done", report };
    } catch (error) {
      outcome =
        error instanceof AppError
          ? { t: "error", error: { code: error.code, message: error.message, fields: error.fields } }
          : { t: "error", error: { message: String((error as Error)?.stack ?? error) } };
    }
    send(outcome);
    try {
      db.$client.pragma("wal_checkpoint(PASSIVE)");
    } catch (error) {
      // Not the job's failure: the next checkpoint (any connection's) writes the log back.
      console.error("The harvest job's checkpoint failed", error);
    } finally {
      closeDatabase(db);
    }
    send({ t: "closed" });
  })();
});
send({ t: "ready" });
