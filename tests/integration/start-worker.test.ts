import type { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { startProjectWorker } from "@/lib/workers/start-worker";

/**
 * A project worker started with another one alongside (lib/workers/boot-worker.ts): the other is
 * started before the first one's own code runs, and taken once, by that thread.
 */
const PROBE = "tests/helpers/worker-probe.ts";

type Taken = { startedBeforeMe: string[]; taken: boolean; alongsideThread?: number; error?: string; takenAgain: boolean; threadId: number };

async function take(worker: Worker, entry: string): Promise<Taken> {
  return new Promise((resolve) => {
    worker.once("message", resolve);
    worker.postMessage({ t: "take", entry });
  });
}

describe("a project worker started with another alongside", () => {
  it("finds it started before its own code ran, and takes it once", async () => {
    const worker = await startProjectWorker(PROBE, { alongside: { entry: PROBE, resourceLimits: { maxYoungGenerationSizeMb: 8 } } });
    try {
      const answer = await take(worker, PROBE);
      expect(answer.startedBeforeMe).toEqual([PROBE]);
      expect(answer.taken).toBe(true);
      expect(answer.error).toBeUndefined();
      // A thread of its own, started by the new thread (thread ids count up).
      expect(answer.alongsideThread).toBeGreaterThan(answer.threadId);
      expect(answer.takenAgain).toBe(false);
    } finally {
      await worker.terminate();
    }
  });

  it("has none to take when started without one, and only the one it was started with", async () => {
    const plain = await startProjectWorker(PROBE);
    const other = await startProjectWorker(PROBE, { alongside: { entry: PROBE } });
    try {
      expect(await take(plain, PROBE)).toMatchObject({ startedBeforeMe: [], taken: false });
      expect(await take(other, "lib/harvest/gather-worker.ts")).toMatchObject({ taken: false });
    } finally {
      await plain.terminate();
      await other.terminate();
    }
  });

  it("passes on the failure of a worker that could not start alongside to the thread that takes it; the thread itself runs", async () => {
    const worker = await startProjectWorker(PROBE, { alongside: { entry: "tests/helpers/worker-broken.ts" } });
    try {
      const answer = await take(worker, "tests/helpers/worker-broken.ts");
      expect(answer.taken).toBe(true);
      expect(answer.error).toMatch(/fails as it loads/);
    } finally {
      await worker.terminate();
    }
  });
});
