import { deflateRaw, deflateRawSync, inflateRawSync } from "node:zlib";

/**
 * How a Hydra page is kept in the page cache (lib/dcat/http.ts): raw DEFLATE at level 3, compressed
 * by the feed worker that wrote the page, decompressed on every hit by the thread that answers.
 *
 * A hit is what the cache is for, so the codec is chosen for decoding in the answering thread:
 * measured on the benchmark's pages (~550 KB), inflating one takes ~0.4 ms of that thread and no
 * other, where Brotli (the codec before, at quality 3), its decoder handed to libuv's thread pool,
 * took ~0.5 ms of the answering thread only to hand it over and take the result back (each page's
 * decoder set up and torn down there, two thread wake-ups) and ~1.05 ms of CPU in all. Compressing
 * costs about the same (~1.6 ms either), for ~50 KB against ~43 KB (about 650 pages of 100 datasets
 * in the cache's 32 MB against 750). `npm run bench -- dcat` prints both codecs' figures.
 */
export const PAGE_DEFLATE_LEVEL = 3;

/**
 * A page compressed in the calling thread: for a feed worker, which compresses the page it has just
 * sent (see feed-worker.ts). Undefined if compression fails (the page is then not kept).
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
