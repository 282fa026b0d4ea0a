import { pathToFileURL } from "node:url";
import { workerData } from "node:worker_threads";
import { alongsideWorkers, newWorker, whenReady, workerOptions, type BootData } from "./worker-ready";

/**
 * The first script of a thread started with a worker alongside (start-worker.ts
 * `startProjectWorker`): it starts that worker, then loads the thread's own script, so that the
 * two threads load their modules at the same time. The thread takes the worker with
 * `takeAlongsideWorker` when it needs it. (A thread's own script imports its packages before any
 * of its code runs: started from there, the second worker began loading only once the first had
 * loaded everything. A harvest job's thread takes ~0.3 s to load, its parse worker ~0.15 s.)
 */
const { main, alongside } = workerData as BootData;
const started = whenReady(newWorker(alongside.script, workerOptions(alongside.resourceLimits)), alongside.entry);
// Not an unhandled rejection when the thread never takes it (its job ended before it needed it).
started.catch(() => {});
alongsideWorkers.set(alongside.entry, started);
await import(pathToFileURL(main).href);
