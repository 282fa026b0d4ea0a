import fs from "node:fs";
import path from "node:path";
import type { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { startProjectWorker, workerScriptOnDisk } from "@/lib/workers/start-worker";

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

describe("a project worker's script", () => {
  it("is built once and taken as it is by later processes while the files it was built from are the same; built again when one changes or is gone", () => {
    // An entry of its own in the project (imports resolve from the project root), importing a module of the project and one beside it.
    const dir = path.join(".tmp", `worker-build-${process.pid}-${Date.now()}`);
    const entry = path.join(dir, "entry.ts");
    const beside = path.resolve(dir, "beside.ts");
    fs.mkdirSync(dir, { recursive: true });
    const made = new Set<string>();
    try {
      fs.writeFileSync(entry, `import { GREETING } from "./beside";\nimport { AppError } from "@/lib/errors";\nexport const text = GREETING + String(AppError.name);\n`);
      fs.writeFileSync(beside, `export const GREETING = "hei";\n`);
      const first = workerScriptOnDisk(entry);
      made.add(first.file);
      expect(first.built).toBe(true);
      expect(fs.readFileSync(first.file, "utf8")).toContain('"hei"');
      // (Each call is what a new process does: workerScript keeps the answer for the rest of its own.)
      expect(workerScriptOnDisk(entry)).toEqual({ file: first.file, built: false });

      fs.writeFileSync(beside, `export const GREETING = "hallo";\n`);
      const changed = workerScriptOnDisk(entry);
      made.add(changed.file);
      expect(changed.built).toBe(true);
      expect(changed.file).not.toBe(first.file);
      expect(fs.readFileSync(changed.file, "utf8")).toContain('"hallo"');
      expect(workerScriptOnDisk(entry)).toEqual({ file: changed.file, built: false });

      // Back to the first text: built again (the note is of the last build), and the same bundle as the first.
      fs.writeFileSync(beside, `export const GREETING = "hei";\n`);
      expect(workerScriptOnDisk(entry)).toEqual({ file: first.file, built: true });

      // A bundle removed (a cleaned cache) is built again.
      fs.rmSync(first.file);
      expect(workerScriptOnDisk(entry)).toEqual({ file: first.file, built: true });
      expect(fs.existsSync(first.file)).toBe(true);

      // A source that is gone: built again, and the build's error is raised.
      fs.rmSync(beside);
      expect(() => workerScriptOnDisk(entry)).toThrow(/beside/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      // The bundles and the note of what they were built from.
      const cache = path.dirname([...made][0] ?? ".");
      for (const name of fs.existsSync(cache) ? fs.readdirSync(cache) : []) if (name.includes(path.basename(dir))) made.add(path.join(cache, name));
      for (const file of made) fs.rmSync(file, { force: true });
    }
  });
});
