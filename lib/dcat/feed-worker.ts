import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parentPort } from "node:worker_threads";
import { closeDatabase, openDatabase, type Database } from "@/db/client";
import { AppError } from "@/lib/errors";
import { datasetFragment, type DatasetWriting, prepareCatalog, startDatasetWriting } from "./catalog-document";
import type { FeedReply, FeedRequest } from "./feed-workers";
import { databaseIdentityOf, FragmentStore } from "./fragment-store";
import { storedFragments, type FragmentVariant } from "./stored-fragments";

/**
 * A feed writer (a worker thread, see feed-workers.ts): writes Hydra pages and fragments of the
 * unpaged dump with the same code as in-process, on its own read-only connection, and hands the
 * UTF-8 back (the buffer moved, not copied). The thread that answers HTTP then only passes bytes on.
 */

if (!parentPort) throw new Error("feed-worker.ts runs as a worker thread");
const port = parentPort;

/** Read-only connections by database file, the least recently used closed past a few. */
const connections = new Map<string, Database>();
const MAX_CONNECTIONS = 4;
/** Each worker connection's SQLite page cache (KiB); see `connection`. */
const WORKER_CACHE_KB = 2048;

/**
 * The code that writes the stored fragments: this worker's script, named by the hash of its text
 * (lib/workers/start-worker.ts bundles it with everything of ours it imports), and n3's version.
 * Null when the worker runs unbundled (no hash to tell one release's text from another's): no store.
 */
const CODE_VERSION = (() => {
  const script = path.basename(fileURLToPath(import.meta.url)).replace(/\.m?js$/, "");
  if (!/-[0-9a-f]{16}$/.test(script)) return null;
  const n3 = (createRequire(import.meta.url)("n3/package.json") as { version: string }).version;
  return `${script}-n3-${n3}`;
})();

/** The stored fragments by database file; null where the store cannot be used (see fragment-store.ts). */
const stores = new Map<string, FragmentStore | null>();

function storeFor(file: string, db: Database): FragmentStore | undefined {
  if (!stores.has(file)) {
    let store: FragmentStore | null = null;
    try {
      const identity = databaseIdentityOf(db);
      if (identity && CODE_VERSION) store = new FragmentStore(file, identity, CODE_VERSION);
    } catch (error) {
      console.error("The feed's stored fragments cannot be used; the feed is written from the database", error);
    }
    stores.set(file, store);
  }
  return stores.get(file) ?? undefined;
}

/** A store that failed is let go: logged once, and the feed written from the database from then on. */
function storeFailed(file: string, error: unknown): void {
  if (!stores.get(file)) return;
  console.error("The feed's stored fragments failed; the feed is written from the database", error);
  stores.get(file)!.close();
  stores.set(file, null);
}

/**
 * A page's datasets (`answer`), or a fill's (stored, not answered): from the store where there is
 * one, else written now.
 */
async function datasetsOf(file: string, db: Database, ids: number[], variant: FragmentVariant, answer: boolean): Promise<{ bytes: Uint8Array; written: number }> {
  const store = storeFor(file, db);
  if (store) return storedFragments(db, store, ids, variant, { answer, onStoreError: (error) => storeFailed(file, error) });
  if (!answer) return { bytes: new Uint8Array(0), written: 0 };
  const writing = startDatasetWriting(variant);
  return { bytes: await datasetFragment(db, ids, variant.format, writing), written: ids.length };
}

function connection(file: string): Database {
  let db = connections.get(file);
  if (db) {
    connections.delete(file);
  } else {
    db = openDatabase(file, { readonly: true });
    // A worker reads the catalogue's rows once per document, in id order: SQLite's default page
    // cache (16 MB per connection) only held pages it would not read again, in every worker. The
    // operating system's file cache still holds the file. Measured on a 100k dump: peak RSS
    // 368/378 MB against 408/388 with the default cache, in the same time.
    db.$client.pragma(`cache_size = -${WORKER_CACHE_KB}`);
    for (const [oldFile, old] of connections) {
      if (connections.size < MAX_CONNECTIONS) break;
      connections.delete(oldFile);
      closeDatabase(old);
      stores.get(oldFile)?.close();
      stores.delete(oldFile);
    }
  }
  connections.set(file, db);
  return db;
}

/** The documents whose fragments this worker writes: what their fragments share (see DatasetWriting). */
const documents = new Map<string, DatasetWriting>();
/** Documents whose end was never said (a thread that gave up without a word) are forgotten past this many. */
const MAX_DOCUMENTS = 64;

function writingFor(request: FeedRequest & { t: "fragment" }): DatasetWriting {
  let writing = documents.get(request.document);
  if (!writing) {
    writing = startDatasetWriting(request);
    documents.set(request.document, writing);
    for (const key of documents.keys()) {
      if (documents.size <= MAX_DOCUMENTS) break;
      documents.delete(key);
    }
  }
  return writing;
}

async function answer(request: FeedRequest): Promise<{ bytes: Uint8Array; written?: number } | undefined> {
  switch (request.t) {
    case "page": {
      const { file, options, stored } = request;
      const db = connection(file);
      const prepared = prepareCatalog(db, options);
      const chunks = stored
        ? prepared.bytesFromFragments(
            ({ catalogUri }) => ({
              fragment: async (ids) =>
                (await datasetsOf(file, db, ids, { format: options.format, baseUrl: options.baseUrl, catalogUri, profile: options.params.profile }, true)).bytes,
              close: () => {},
            }),
            1,
          )
        : prepared.bytes();
      const parts: Uint8Array[] = [];
      for await (const chunk of chunks) parts.push(chunk);
      return { bytes: Buffer.concat(parts) };
    }
    case "fill": {
      const { written } = await datasetsOf(request.file, connection(request.file), request.ids, request.variant, false);
      return { bytes: new Uint8Array(0), written };
    }
    case "fragment":
      return { bytes: await datasetFragment(connection(request.file), request.ids, request.format, writingFor(request)) };
    case "end":
      documents.delete(request.document);
      return undefined;
    case "stop":
      for (const db of connections.values()) closeDatabase(db);
      connections.clear();
      for (const store of stores.values()) store?.close();
      stores.clear();
      port.close();
      return undefined;
  }
}

/** The bytes in a buffer of their own, which can be moved to the other thread (a pooled Buffer cannot). */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
}

port.on("message", (request: FeedRequest) => {
  answer(request).then(
    (answered) => {
      if (!answered || !("id" in request)) return;
      const own = ownBuffer(answered.bytes);
      port.postMessage({ id: request.id, bytes: own, written: answered.written } satisfies FeedReply, [own.buffer as ArrayBuffer]);
    },
    (error: unknown) => {
      if (!("id" in request)) return;
      const failure = error instanceof AppError ? { code: error.code, message: error.message } : { message: String((error as Error)?.stack ?? error) };
      port.postMessage({ id: request.id, error: failure } satisfies FeedReply);
    },
  );
});
port.postMessage({ t: "ready" });
