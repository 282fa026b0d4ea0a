import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { ResourceLimits, Worker } from "node:worker_threads";
import { buildSync } from "esbuild";
import { processWide } from "@/lib/process-wide";
import { newWorker, whenReady, workerOptions, type AlongsideWorker, type BootData } from "./worker-ready";

/**
 * Worker threads that run project code (the harvest's parse worker, the feed's writers), whether
 * the process is the production server, a script or a test.
 *
 * The worker's entry (a TypeScript module under lib/) is bundled with esbuild, its packages left to
 * node_modules, the first time a process needs it: the worker then loads plain JavaScript, with no
 * TypeScript loader of its own (a loader is one more thread and tens of MB). The bundle is kept
 * under node_modules/.cache (so that its imports of packages resolve) by the hash of its text.
 */

const scripts = processWide("workers.scripts", () => new Map<string, string>());

/** Project files, found from the working directory (the server, scripts and tests run from the project root). */
const projectFile = (...parts: string[]) => path.resolve(/*turbopackIgnore: true*/ process.cwd(), ...parts);

/** The worker's script for an entry given relative to the project root, e.g. "lib/harvest/gather-worker.ts". */
export function workerScript(entry: string): string {
  const known = scripts.get(entry);
  if (known) return known;
  const built = buildSync({
    entryPoints: [projectFile(entry)],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: projectFile("tsconfig.json"),
    write: false,
    logLevel: "silent",
  });
  const text = built.outputFiles[0]!.text;
  const dir = projectFile("node_modules", ".cache", "fjordcat");
  const name = path.basename(entry).replace(/\.ts$/, "");
  const file = path.join(dir, `${name}-${createHash("sha256").update(text).digest("hex").slice(0, 16)}.mjs`);
  if (!fs.existsSync(/*turbopackIgnore: true*/ file)) {
    fs.mkdirSync(/*turbopackIgnore: true*/ dir, { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    fs.writeFileSync(/*turbopackIgnore: true*/ partial, text);
    fs.renameSync(/*turbopackIgnore: true*/ partial, file);
  }
  scripts.set(entry, file);
  return file;
}

/** A script built for an entry by another thread of this process (workerScript), to use as it is. */
export function rememberWorkerScript(entry: string, file: string): void {
  scripts.set(entry, file);
}

/**
 * Start a worker on a project entry and wait for its `{ t: "ready" }` message. Rejects when the
 * worker fails or exits while starting.
 *
 * `alongside`: a worker the new one will need (the harvest job's parse worker), started by the new
 * thread before it loads its own modules (lib/workers/boot-worker.ts), so that both threads load
 * theirs at once; the new thread takes it with `takeAlongsideWorker` (worker-ready.ts).
 */
export async function startProjectWorker(
  entry: string,
  { resourceLimits, alongside }: { resourceLimits?: ResourceLimits; alongside?: AlongsideWorker } = {},
): Promise<Worker> {
  const worker = alongside
    ? newWorker(
        workerScript(BOOT_WORKER),
        workerOptions(resourceLimits, { main: workerScript(entry), alongside: { ...alongside, script: workerScript(alongside.entry) } } satisfies BootData),
      )
    : newWorker(workerScript(entry), workerOptions(resourceLimits));
  return whenReady(worker, entry);
}

const BOOT_WORKER = "lib/workers/boot-worker.ts";
