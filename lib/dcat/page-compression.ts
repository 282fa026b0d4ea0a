import { deflateRaw, deflateRawSync, inflateRawSync } from "node:zlib";

/**
 * How a Hydra page is kept in the page cache (lib/dcat/http.ts): raw DEFLATE at level 3, compressed
 * by the feed worker that wrote the page, decompressed on every hit by the thread that answers.
 *
 * A hit is what the cache is for, so the codec is chosen for what a hit costs on a server of two
 * cores, where every thread's CPU counts: inflating a page of ~550 KB in the answering thread takes
 * 0.4-1.0 ms of it (the range is the page faults of its fresh 550 KB output buffer), where Brotli
 * (the codec before, at quality 3) handed to libuv's thread pool took 0.2-0.5 ms of that thread to
 * hand over and take back (each page's decoder set up and torn down there, two thread wake-ups)
 * and 0.65-1.05 ms of CPU in all. Measured on the server, 3,000 hits under 8 connections (three
 * alternating runs): 2.7-3.3 ms of the server's CPU per hit against 3.4-3.8, the answering thread
 * 2.2-2.6 ms per hit against 2.1-2.4, p50 15-18 ms against 21-23. Compressing costs about the same
 * (~1.4-1.6 ms), for ~50 KB against ~43 KB (about 650 pages of 100 datasets in the cache's 32 MB
 * against 750; since Turtle writes the controlled vocabularies as prefixed names, ~47 KB and ~700
 * pages). `npm run bench -- dcat` prints both codecs' figures.
 */
export const PAGE_DEFLATE_LEVEL = 3;

/**
 * A page compressed in the calling thread: for a feed worker, which compresses the page it has just
 * sent (see feed-worker.ts). Undefined if compression fails (the page then stays kept as sent).
 */
export function compressPageSync(page: Uint8Array): Uint8Array | undefined {
  try {
    return deflateRawSync(page, { level: PAGE_DEFLATE_LEVEL });
  } catch {
    return undefined;
  }
}

/**
 * A page compressed in libuv's thread pool: for pages written in the server's own thread (no feed
 * workers). Undefined if compression fails.
 */
export function compressPage(page: Uint8Array): Promise<Uint8Array | undefined> {
  return new Promise((resolve) => deflateRaw(page, { level: PAGE_DEFLATE_LEVEL }, (error, compressed) => resolve(error ? undefined : compressed)));
}

/** A kept page's bytes again, `size` long as it was sent: output in one buffer of that size. */
export function decompressPage(compressed: Uint8Array, size: number): Uint8Array {
  return inflateRawSync(compressed, { chunkSize: Math.max(size, 64) });
}
