import { brotliCompress, brotliCompressSync, constants as zlibConstants } from "node:zlib";

/**
 * How a Hydra page is compressed for the page cache (lib/dcat/http.ts): Brotli at quality 3, which
 * compressed the benchmark's pages smaller and faster than gzip at its default level, with a 256 KB
 * window (lgwin 18) and the page's size as a hint, not Brotli's default 4 MB window, whose tables
 * the encoder sets up for every page: eight pages of ~550 KB compressed at once took 2.65 ms of CPU
 * each against 7.50 ms with the default window, both 43 KB (`npm run bench -- dcat` prints both).
 * Repeats in a feed page (prefixes, vocabulary terms, a publisher's description) are never far
 * apart. Output in chunks of 256 KB: a compressed page (~45 KB) in one.
 */
export const pageBrotliOptions = (size: number) => ({
  chunkSize: 256 * 1024,
  params: {
    [zlibConstants.BROTLI_PARAM_QUALITY]: 3,
    [zlibConstants.BROTLI_PARAM_LGWIN]: 18,
    [zlibConstants.BROTLI_PARAM_SIZE_HINT]: size,
  },
});

/**
 * A page compressed in the calling thread: for a feed worker, which compresses the page it has just
 * sent (see feed-worker.ts). Undefined if Brotli fails (the page is then not kept).
 */
export function compressPageSync(page: Uint8Array): Uint8Array | undefined {
  try {
    return brotliCompressSync(page, pageBrotliOptions(page.byteLength));
  } catch {
    return undefined;
  }
}

/**
 * A page compressed in libuv's thread pool: for pages written in the server's own thread (no feed
 * workers). Undefined if Brotli fails.
 */
export function compressPage(page: Uint8Array): Promise<Uint8Array | undefined> {
  return new Promise((resolve) => brotliCompress(page, pageBrotliOptions(page.byteLength), (error, compressed) => resolve(error ? undefined : compressed)));
}
