import { createHash } from "node:crypto";
import type { Database } from "@/db/client";
import { env } from "@/lib/env";
import { processWide } from "@/lib/process-wide";
import { AppError } from "@/lib/errors";
import { parseCatalogParams } from "./catalog-params";
import { prepareCatalog } from "./catalog-document";
import { contentTypeOf, FORMAT_LIST, type RdfFormat } from "./content-types";
import { datasetToRdf, findDatasetForRdf } from "./dataset-document";
import { catalogBytes, catalogPage, type ProducedPage } from "./feed-workers";
import { decompressPage } from "./page-compression";
import { getCatalogueVersion } from "./queries";

/**
 * HTTP for the RDF endpoints, framework-free (Web Request/Response), so route files stay thin:
 * conditional GET (ETag, Last-Modified, 304), CORS for harvesters in browsers, Content-Type per
 * format, JSON errors, and the catalogue streamed as it is produced.
 */

/** Bump when the RDF output changes shape, so caches drop what they hold. */
const OUTPUT_VERSION = "dcat-1";

export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Last-Modified, Content-Type",
} as const;

export function preflightResponse(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": "Accept, If-None-Match, If-Modified-Since",
      "Access-Control-Max-Age": "86400",
    },
  });
}

function json(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...CORS_HEADERS, ...headers },
  });
}

export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) return json(error.toJSON(), error.status);
  console.error(error);
  return json(new AppError("internal", "Something went wrong on our side; it has been logged").toJSON(), 500);
}

/** 406: the Accept header names no format the feeds speak; the answer lists them. */
export function notAcceptableResponse(): Response {
  return json(
    { error: { code: "not_acceptable", message: "No acceptable RDF format; ask for one of these", formats: FORMAT_LIST } },
    406,
    { Vary: "Accept" },
  );
}

/** 404 for `/catalog.xyz` or `/datasets/<slug>.xyz`, listing the formats there are. */
export function unknownFormatResponse(extension: string): Response {
  return json(
    { error: { code: "not_found", message: `Unknown format .${extension}; use one of these`, formats: FORMAT_LIST } },
    404,
  );
}

function etagOf(parts: readonly (string | number | null | undefined)[]): string {
  const hash = createHash("sha256").update(JSON.stringify([OUTPUT_VERSION, ...parts])).digest("base64url").slice(0, 27);
  return `W/"${hash}"`;
}

function httpDate(iso: string | null): string | undefined {
  if (!iso) return undefined;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : new Date(time).toUTCString();
}

/** RFC 9110: If-None-Match wins; otherwise If-Modified-Since at one-second precision. */
function isNotModified(request: Request, etag: string, lastModified: string | undefined): boolean {
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch) {
    const weak = (tag: string) => tag.trim().replace(/^W\//, "");
    return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || weak(tag) === weak(etag));
  }
  const since = request.headers.get("if-modified-since");
  if (since && lastModified) {
    const sinceTime = Date.parse(since);
    return !Number.isNaN(sinceTime) && Math.floor(Date.parse(lastModified) / 1000) <= Math.floor(sinceTime / 1000);
  }
  return false;
}

function rdfHeaders(format: RdfFormat, etag: string, lastModified: string | undefined, negotiated: boolean): Record<string, string> {
  return {
    "Content-Type": contentTypeOf(format),
    ETag: etag,
    ...(lastModified ? { "Last-Modified": lastModified } : {}),
    "Cache-Control": "no-cache",
    ...(negotiated ? { Vary: "Accept" } : {}),
    ...CORS_HEADERS,
  };
}

/** The document as a byte stream, produced as the client reads it (pull: one chunk waits at most). */
function toStream(chunks: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  // A client that leaves while a chunk is being written (by a feed worker, say) cancels the stream
  // before that chunk arrives: the chunk is then dropped, not an error.
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        for (;;) {
          const { value, done } = await chunks.next();
          if (cancelled) return;
          if (done) return controller.close();
          if (value.byteLength > 0) return controller.enqueue(value);
        }
      } catch (error) {
        if (cancelled) return;
        console.error(error);
        controller.error(error);
      }
    },
    async cancel() {
      cancelled = true;
      await chunks.return(undefined);
    },
  });
}

/** GET /catalog (negotiated) and /catalog.<ext>: the catalogue, paged or streamed whole. */
export function catalogResponse(
  db: Database,
  request: Request,
  { format, linkPath, negotiated = false }: { format: RdfFormat; linkPath: string; negotiated?: boolean },
): Response {
  try {
    const url = new URL(request.url);
    const params = parseCatalogParams(url.searchParams);
    const options = { baseUrl: env.BASE_URL, format, params, linkPath, contactEmail: env.ADMIN_EMAIL };
    const prepared = prepareCatalog(db, options);
    const { count, lastModified } = prepared.version;
    const etag = etagOf(["catalog", format, linkPath, params.page, params.modifiedSince, params.publisher, params.profile, count, lastModified]);
    const modified = httpDate(lastModified);
    const headers = rdfHeaders(format, etag, modified, negotiated);
    if (isNotModified(request, etag, modified)) return new Response(null, { status: 304, headers });
    if (request.method === "HEAD") return new Response(null, { status: 200, headers });
    if (params.page === undefined) return new Response(toStream(catalogBytes(db, prepared, options)), { status: 200, headers });
    // A page: from the page cache, or produced and kept there.
    const key = `${db.$client.name}\u0000${etag}`;
    const cached = cachedPage(key);
    if (cached) return new Response(cached, { status: 200, headers: { ...headers, [CACHE_HEADER]: "hit" } });
    return new Response(toStream(keptPage(key, catalogPage(db, prepared, options, { compressUpTo: MAX_PAGE_KEPT }))), {
      status: 200,
      headers: { ...headers, [CACHE_HEADER]: "miss" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

/**
 * Pages of the feed (100 datasets each) as they were last produced, by database and ETag (which
 * moves with every change to the catalogue, so an entry is never stale): harvesters that start at
 * the first page, or page through the feed together, are answered without producing a page again.
 *
 * - Kept compressed, about ten times more of them (~700 Turtle pages of 100 datasets, a 70,000-dataset
 *   catalogue): kept as sent, 60 pages filled the cache, and harvesters paging through more pages
 *   than fit had every page produced again (least recently used out first, a cyclic walk never hits).
 * - Compressed (page-compression.ts) by the feed worker that wrote the page, once the page is sent
 *   (in libuv's thread pool when there are no workers), never by the thread that answers requests.
 * - Decompressed by the thread that answers, with a codec that costs the server less CPU per hit
 *   than Brotli's decoder in the thread pool did (page-compression.ts has the figures). Next.js
 *   drops a route handler's Content-Encoding and compresses the answer itself for the clients that
 *   accept it, so a hit is answered decompressed.
 * - At most PAGE_CACHE_BYTES, least recently used out first.
 */
const PAGE_CACHE_BYTES = 32 * 1024 * 1024;
/** The largest page kept. */
const MAX_PAGE_KEPT = PAGE_CACHE_BYTES / 16;
/** Whether a page came from the page cache (as on the HTML page cache's answers). */
const CACHE_HEADER = "x-fjordcat-cache";
/** Shared by the route bundles that answer the feed (/catalog and /catalog.<ext>): see lib/process-wide.ts. */
const pages = processWide("dcat.page-cache", () => ({ entries: new Map<string, PageEntry>(), bytes: 0 }));
const pageCache = pages.entries;
/** A kept page: as sent until its compressed copy comes (a few ms), then compressed; `size` is as sent. */
type PageEntry = { bytes: Uint8Array; compressed: boolean; size: number };

/** A page's bytes, decompressed when kept compressed. */
function pageBytes(entry: PageEntry): Uint8Array {
  // A page kept as sent is copied: the answer's body must not share (or be handed) the cache's bytes.
  return entry.compressed ? decompressPage(entry.bytes, entry.size) : new Uint8Array(entry.bytes);
}

/**
 * A page from the cache as a body, decompressed as the client asks for it (a stream of the one
 * buffer: a Response made from bytes copies them first); undefined when it is not kept.
 */
function cachedPage(key: string): ReadableStream<Uint8Array> | undefined {
  const entry = pageCache.get(key);
  if (!entry) return undefined;
  pageCache.delete(key);
  pageCache.set(key, entry);
  return toStream(
    (async function* () {
      yield pageBytes(entry);
    })(),
  );
}

function account(bytes: number): void {
  pages.bytes += bytes;
  for (const [oldKey, value] of pageCache) {
    if (pages.bytes <= PAGE_CACHE_BYTES) break;
    pageCache.delete(oldKey);
    pages.bytes -= value.bytes.byteLength;
  }
}

/**
 * A page produced: kept as sent (the body shares its bytes, which nobody changes) until its
 * compressed copy comes, then kept compressed; and passed on to the client.
 */
async function* keptPage(key: string, produced: Promise<ProducedPage>): AsyncGenerator<Uint8Array> {
  const { bytes, compressed } = await produced;
  if (!pageCache.has(key) && bytes.byteLength <= MAX_PAGE_KEPT) {
    const entry: PageEntry = { bytes, compressed: false, size: bytes.byteLength };
    pageCache.set(key, entry);
    account(bytes.byteLength);
    void compressed.then((smaller) => {
      // Gone meanwhile (pushed out, or the catalogue changed and it aged out): nothing to replace.
      // Not compressed (compression failed): kept as sent until pushed out.
      if (!smaller || pageCache.get(key) !== entry) return;
      pages.bytes -= entry.bytes.byteLength;
      entry.bytes = smaller;
      entry.compressed = true;
      account(smaller.byteLength);
    });
  }
  yield bytes;
}

/** GET /datasets/<slug>.<ext>: one published dataset. */
export async function datasetResponse(
  db: Database,
  request: Request,
  { slug, format }: { slug: string; format: RdfFormat },
): Promise<Response> {
  try {
    const url = new URL(request.url);
    const { profile } = parseCatalogParams(url.searchParams, { allow: ["profile"] });
    const dataset = findDatasetForRdf(db, { slug });
    if (!dataset) throw new AppError("not_found", `No published dataset has the slug ${slug}`);
    const { lastModified } = getCatalogueVersion(db);
    const etag = etagOf(["dataset", format, slug, profile, dataset.updatedAt, lastModified]);
    const modified = httpDate(lastModified);
    // Vary: the dataset URI itself also answers with RDF when Accept asks for it (proxy.ts).
    const headers = rdfHeaders(format, etag, modified, true);
    if (isNotModified(request, etag, modified)) return new Response(null, { status: 304, headers });
    if (request.method === "HEAD") return new Response(null, { status: 200, headers });
    const body = await datasetToRdf(dataset, { baseUrl: env.BASE_URL, format, profile, modified: lastModified });
    return new Response(body, { status: 200, headers });
  } catch (error) {
    return errorResponse(error);
  }
}
