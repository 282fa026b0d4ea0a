import { parentPort } from "node:worker_threads";
import { closeDatabase, openDatabase } from "@/db/client";
import { AppError } from "@/lib/errors";
import type { JobThreadMessage, JobThreadRequest } from "./job-thread";
import { runHarvest } from "./run-harvest";

/**
 * One harvest job in a thread of its own (see job-thread.ts): its own connection to the database
 * file, the job run exactly as in the calling thread, its progress and its report sent back.
 */

if (!parentPort) throw new Error("job-worker.ts runs as a worker thread");
const port = parentPort;
const send = (message: JobThreadMessage) => port.postMessage(message);

port.once("message", ({ file, maxPageCount, options }: JobThreadRequest) => {
  void (async () => {
    let outcome: JobThreadMessage;
    const db = openDatabase(file);
    db.$client.pragma(`max_page_count = ${Math.floor(maxPageCount)}`);
    try {
      const report = await runHarvest(db, {
        ...options,
        onJobStarted: (jobId) => send({ t: "job", jobId }),
        onProgress: (progress) => send({ t: "progress", progress }),
      });
      outcome = { t: "done", report };
    } catch (error) {
      outcome =
        error instanceof AppError
          ? { t: "error", error: { code: error.code, message: error.message, fields: error.fields } }
          : { t: "error", error: { message: String((error as Error)?.stack ?? error) } };
    } finally {
      closeDatabase(db);
    }
    send(outcome);
  })();
});
send({ t: "ready" });
