import { Worker, type ResourceLimits, type WorkerOptions } from "node:worker_threads";
import { processWide } from "@/lib/process-wide";

/**
 * Starting a project worker and waiting for it to say it is ready: what start-worker.ts and
 * boot-worker.ts share. Kept apart from start-worker.ts (which loads esbuild, ~35 ms) because
 * boot-worker.ts runs it before anything else of its thread is loaded.
 */

/** A worker to start together with another one (see start-worker.ts `startProjectWorker`). */
export type AlongsideWorker = { entry: string; resourceLimits?: ResourceLimits };

/** What lib/workers/boot-worker.ts is given (its `workerData`): the thread's own script, and the worker to start first. */
export type BootData = { main: string; alongside: AlongsideWorker & { script: string } };

export const workerOptions = (resourceLimits?: ResourceLimits, workerData?: unknown): WorkerOptions => ({
  // Not this process's Node options (a test runner's or tsx's loaders, a profiler).
  execArgv: [],
  // The worker's own output goes where this process's goes.
  stdout: false,
  stderr: false,
  ...(resourceLimits && { resourceLimits }),
  ...(workerData !== undefined && { workerData }),
});

// Reflect.construct rather than `new Worker(…)`: Turbopack takes a `new Worker(path)` in server
// code as a worker entry to bundle, and these scripts are built at run time (start-worker.ts).
export const newWorker = (script: string, options: WorkerOptions): Worker => Reflect.construct(Worker, [script, options]);

/** The worker once it says `{ t: "ready" }`; rejects when it fails or exits before. */
export async function whenReady(worker: Worker, entry: string): Promise<Worker> {
  await new Promise<void>((resolve, reject) => {
    const onMessage = (message: { t?: string }) => {
      if (message?.t !== "ready") return;
      worker.off("error", onError);
      worker.off("exit", onExit);
      worker.off("message", onMessage);
      resolve();
    };
    const onError = (error: Error) => {
      worker.off("exit", onExit);
      worker.off("message", onMessage);
      reject(error);
    };
    const onExit = (code: number) => reject(new Error(`the worker ${entry} exited with code ${code} while starting`));
    worker.on("message", onMessage);
    worker.once("error", onError);
    worker.once("exit", onExit);
  });
  return worker;
}

/** The workers boot-worker.ts started alongside this thread, by entry, until taken. */
export const alongsideWorkers = processWide("workers.alongside", () => new Map<string, Promise<Worker>>());

/** The worker started alongside this thread for `entry` (boot-worker.ts), once: undefined when there is none (or it was taken). */
export function takeAlongsideWorker(entry: string): Promise<Worker> | undefined {
  const started = alongsideWorkers.get(entry);
  alongsideWorkers.delete(entry);
  return started;
}
