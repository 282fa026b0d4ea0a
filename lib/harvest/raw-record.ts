import zlib from "node:zlib";
import type { RAW_ENCODINGS } from "@/db/schema";

/**
 * The raw harvested record (the source's own description of a dataset: Turtle for an RDF source,
 * map-dcat.ts `describeSubgraph`; the source's JSON otherwise), as catalogue_records.raw keeps it:
 * brotli-compressed at quality 0, `raw_encoding` "br". On the benchmark's 20,000-dataset feed a
 * description is 4.3 KB on average and compresses to 1.30 KB (3.3×) in 46-51 µs against quality
 * 1's 1.25 KB in 58-66 µs (3,000 of its records, 7 rounds, in a busy minute; ~12 µs of either is
 * the call's own set-up): a fifth of the compression's CPU for 4.6% more bytes (~1 MB a
 * 20,000-dataset harvest). (Deflate at level 1: ~63 µs, larger.) Kept as text, raw records (then
 * N-Triples) were over half of the harvested catalogue's database (182 of 315 MB), and writing
 * them a fifth of the harvest's write. A harvest compresses a record when it writes it
 * (reconcile.ts), only for records that changed, in the thread that writes: compressed in the parse
 * worker, that worker became the slower half (the writer waited 4.0-4.9 s for its records on the
 * 20,000-dataset feed; 0.6-0.7 s when the writer compresses). Records written before migration
 * 0006 are text (`raw_encoding` null), and read as they are.
 */

export type RawEncoding = (typeof RAW_ENCODINGS)[number];

const PACK_OPTIONS = (size: number): zlib.BrotliOptions => ({
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 0, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size },
});

/** The raw record as it is stored: compressed, with its encoding. */
export function packRaw(text: string): { raw: Buffer; rawEncoding: RawEncoding } {
  return { raw: zlib.brotliCompressSync(text, PACK_OPTIONS(text.length)), rawEncoding: "br" };
}

/** The raw record as text, however it was stored. */
export function unpackRaw(stored: string | Uint8Array | null, encoding: RawEncoding | null): string | null {
  if (stored === null) return null;
  if (typeof stored === "string") return stored;
  if (encoding === "br") return zlib.brotliDecompressSync(stored).toString("utf8");
  return Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength).toString("utf8");
}
