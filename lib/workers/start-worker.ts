import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { ResourceLimits, Worker } from "node:worker_threads";
import { buildSync, version as esbuildVersion } from "esbuild";
import { processWide } from "@/lib/process-wide";
import { newWorker, whenReady, workerOptions, type AlongsideWorker, type BootData } from "./worker-ready";

/**
 * Worker threads that run project code (the harvest's parse worker, the feed's writers), whether
 * the process is the production server, a script or a test.
 *
 * The worker's entry (a TypeScript module under lib/) is bundled with esbuild, its packages left to
 * node_modules, the first time a process needs it: the worker then loads plain JavaScript, with no
 * TypeScript loader of its own (a loader is one more thread and tens of MB). The bundle is kept
 * under node_modules/.cache (so that its imports of packages resolve) by the hash of its text, with
 * a note of the project files it was built from: a later process whose files are still the same
 * (their contents, read and hashed: ~2 ms) takes the bundle as it is. Built anew, the three
 * scripts a harvest job starts with took ~130 ms of every `npm run harvest`, and of every first
 * harvest of a server, before its threads could start.
 */

const scripts = processWide("workers.scripts", () => new Map<string, string>());

/** Project files, found from the working directory (the server, scripts and tests run from the project root). */
const projectFile = (...parts: string[]) => path.resolve(/*turbopackIgnore: true*/ process.cwd(), ...parts);

/** The worker's script for an entry given relative to the project root, e.g. "lib/harvest/gather-worker.ts". */
export function workerScript(entry: string): string {
  const known = scripts.get(entry);
  if (known) return known;
  const { file } = workerScriptOnDisk(entry);
  scripts.set(entry, file);
  return file;
}

/** What a bundle was built from (`<entry>.sources.json` beside the bundles). */
type BuildNote = { script: string; sources: string[]; hash: string };

/** Bumped when the build options below change. */
const BUILD_OPTIONS_VERSION = "1";

/**
 * The entry's bundle on disk: the one built before when the files it was built from (and the
 * build: esbuild's version, these options, tsconfig.json) are the same, else a new one
 * (`built`). Without the in-process cache of `workerScript`.
 */
export function workerScriptOnDisk(entry: string): { file: string; built: boolean } {
  const dir = projectFile("node_modules", ".cache", "fjordcat");
  const notePath = path.join(dir, `${entry.replace(/[^A-Za-z0-9]+/g, "-")}.sources.json`);
  const note = readNote(notePath);
  if (note && fs.existsSync(/*turbopackIgnore: true*/ note.script) && sourcesHash(note.sources) === note.hash) return { file: note.script, built: false };

  const built = buildSync({
    entryPoints: [projectFile(entry)],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: projectFile("tsconfig.json"),
    absWorkingDir: projectFile(),
    metafile: true,
    write: false,
    logLevel: "silent",
  });
  const text = built.outputFiles[0]!.text;
  const name = path.basename(entry).replace(/\.ts$/, "");
  const file = path.join(dir, `${name}-${createHash("sha256").update(text).digest("hex").slice(0, 16)}.mjs`);
  if (!fs.existsSync(/*turbopackIgnore: true*/ file)) writeAtomically(file, text);
  // Each source with the size esbuild read. (A source saved again while it was built, its size no
  // longer that: no note, the next process builds again.)
  const sizes = new Map(Object.entries(built.metafile.inputs).map(([input, { bytes }]) => [projectFile(input), bytes]));
  const sources = [...sizes.keys()];
  const hash = sourcesHash(sources, sizes);
  if (hash !== null) writeAtomically(notePath, JSON.stringify({ script: file, sources, hash } satisfies BuildNote));
  return { file, built: true };
}

function readNote(notePath: string): BuildNote | null {
  try {
    return JSON.parse(fs.readFileSync(/*turbopackIgnore: true*/ notePath, "utf8")) as BuildNote;
  } catch {
    return null;
  }
}

/**
 * The hash of the build and of the files' contents; null when one of them cannot be read (gone),
 * or is not of the size given for it.
 */
function sourcesHash(sources: readonly string[], sizes?: ReadonlyMap<string, number>): string | null {
  const hash = createHash("sha256").update(`${BUILD_OPTIONS_VERSION}\0${esbuildVersion}\0`);
  try {
    for (const file of [projectFile("tsconfig.json"), ...sources]) {
      const content = fs.readFileSync(/*turbopackIgnore: true*/ file);
      if (sizes?.has(file) && sizes.get(file) !== content.length) return null;
      hash.update(file).update("\0").update(content).update("\0");
    }
  } catch {
    return null;
  }
  return hash.digest("hex");
}

/** Written whole or not at all (another process may be reading or writing the same file). */
function writeAtomically(file: string, text: string): void {
  fs.mkdirSync(/*turbopackIgnore: true*/ path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(/*turbopackIgnore: true*/ partial, text);
  fs.renameSync(/*turbopackIgnore: true*/ partial, file);
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
