import { parentPort, threadId } from "node:worker_threads";
import { alongsideWorkers, takeAlongsideWorker } from "@/lib/workers/worker-ready";

/**
 * A worker entry for tests/integration/start-worker.test.ts. It notes which workers had been
 * started alongside it when its own code began; asked to take one (`{ t: "take", entry }`), it
 * takes it and asks it for its thread id. Started alongside, it answers "ping".
 */
const startedBeforeMe = [...alongsideWorkers.keys()];
const port = parentPort!;

port.on("message", async (message: "ping" | { t: "take"; entry: string }) => {
  if (message === "ping") {
    port.postMessage({ t: "pong", threadId });
    return;
  }
  const taken = takeAlongsideWorker(message.entry);
  let alongsideThread: number | undefined;
  let error: string | undefined;
  try {
    const worker = taken && (await taken);
    if (worker) {
      alongsideThread = await new Promise<number>((resolve) => {
        worker.once("message", (answer: { threadId: number }) => resolve(answer.threadId));
        worker.postMessage("ping");
      });
      await worker.terminate();
    }
  } catch (failure) {
    error = (failure as Error).message;
  }
  port.postMessage({ t: "taken", startedBeforeMe, taken: taken !== undefined, alongsideThread, error, takenAgain: takeAlongsideWorker(message.entry) !== undefined, threadId });
});
port.postMessage({ t: "ready" });
