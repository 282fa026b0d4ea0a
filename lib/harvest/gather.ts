import { createHash, type Hash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { AppError } from "@/lib/errors";
import { openFeed, type FetchLimits, FeedError, isHttpUrl, readText } from "./fetch-feed";
import { mapCkanPackages, type CkanSearchPage } from "./map-ckan";
import { mapDcatDatasetsLazily } from "./map-dcat";
import { EarlyMapping, EarlyMappingFailed, type EarlyOptions } from "./map-early";
import { isDcatUsCatalog, mapDcatUsCatalog } from "./map-dcat-us";
import { detectSyntax, parseRdfInto, peek, SYNTAX_NAMES } from "./parse-rdf";
import { TripleIndex } from "./rdf-index";
import { MAPPING_VERSION, type HarvestedRecord, type RecordFailure } from "./records";

/**
 * The first half of a job: read the whole source (every Hydra page, every CKAN page), parse it and
 * map every record. Nothing is written here; any failure to read or parse throws, so the job fails
 * before it has changed anything.
 */

export type SourceKind = "dcat" | "ckan" | "dcat-us";

export type GatherProgress = { phase: "fetch" | "parse" | "map"; pages: number; records?: number; triples?: number };

export type GatherResult = {
  /**
   * The mapped records. For RDF feeds they are mapped lazily, as the writer iterates them (once),
   * so that they are never all held in memory: `failures`, `warnings` and `notes` are complete
   * only once `records` has been iterated to the end.
   */
  records: Iterable<HarvestedRecord>;
  failures: RecordFailure[];
  /**
   * Of an RDF source: each failure's place among its datasets, where the failures of records
   * checked by the writer take theirs (GatherOptions.deferChecks).
   */
  failedAt?: number[];
  /** Job-level notes (paging, format detected), shown with the report. */
  notes: string[];
  /** Job-level warnings (duplicates, paging problems). */
  warnings: string[];
  /** How many records (at most) `records` yields, for progress reports. */
  total: number;
  format: string;
  pages: number;
  /**
   * Of a single-page RDF feed: the mapping version and a hash of the page's URL, type and bytes
   * (stored with the job, see unchanged-feed.ts).
   */
  feedHash?: string;
  /** Set when `isUnchangedFeed` said yes: nothing was parsed or mapped (no records). */
  unchangedFeed?: boolean;
};

export type GatherOptions = FetchLimits & {
  /**
   * Forget each dataset's nodes once it is mapped (default). That frees memory for the writes when
   * they share the heap; in the parse worker the freed nodes would only be garbage in its old
   * generation until its next full collection, while the whole graph goes at once when the job ends.
   */
  releaseMapped?: boolean;
  maxPages?: number;
  onProgress?: (progress: GatherProgress) => void;
  /**
   * Asked with the hash of the first page before it is parsed: true when a harvest of the very
   * same bytes can be answered without parsing them (unchanged-feed.ts). The page is then read
   * into a temporary file first, while it is hashed. Without it the page is parsed as it is read
   * (and hashed on the way: `feedHash`).
   */
  isUnchangedFeed?: (feedHash: string) => boolean | Promise<boolean>;
  /**
   * Map datasets while the feed is still parsed, handing each record to `early.emit` (the parse
   * worker, whose writer writes meanwhile: map-early.ts); `records` then yields the rest. Throws
   * (or `records` does) EarlyMappingFailed when those records do not hold: gather again without.
   */
  early?: EarlyOptions;
  /**
   * Asked for each RDF dataset as it is mapped: true leaves its record unchecked, neither validated
   * nor hashed (`HarvestedRecord.unchecked`), for the thread that writes it. The parse worker checks
   * records only while its writer is busy, and the writer checks the rest (gather-worker.ts).
   * With it, no RDF record is hashed here: the parse worker hashes those it checks from the JSON
   * it sends them as (records.ts, `packRecord`). Without it, every record is checked as it is mapped.
   */
  deferChecks?: () => boolean;
};

export async function gatherSource(kind: SourceKind, location: string, options: GatherOptions): Promise<GatherResult> {
  if (kind === "ckan") return gatherCkan(location, options);
  return gatherDcat(location, options, kind === "dcat-us");
}

async function gatherDcat(location: string, options: GatherOptions, expectDcatUs: boolean): Promise<GatherResult> {
  const index = new TripleIndex();
  const notes: string[] = [];
  const warnings: string[] = [];
  const visited = new Set<string>();
  const maxPages = options.maxPages ?? 10_000;
  let next: string | undefined = location;
  let pages = 0;
  let format = "";
  let feedHash: string | undefined;
  const { deferChecks } = options;
  const early = options.early && new EarlyMapping(index, location, { ...options.early, deferChecks });
  const onChunk = early && (() => early.step());
  while (next) {
    if (visited.has(next)) {
      warnings.push(`The Hydra paging loops back to ${next}; stopped there`);
      break;
    }
    if (pages >= maxPages) throw new FeedError(`More than ${maxPages} pages; the paging does not end`);
    visited.add(next);
    options.onProgress?.({ phase: "fetch", pages, triples: index.triples });
    const body = await openFeed(next, options);
    const { head, chunks } = await peek(body.chunks);
    const syntax = detectSyntax(body.contentType, head, body.url);
    if (syntax === "json" || expectDcatUs) {
      const text = await readText(chunks);
      let document: unknown;
      try {
        document = JSON.parse(text);
      } catch (error) {
        throw new FeedError(`The feed is not valid JSON: ${(error as Error).message}`, { cause: error });
      }
      if (pages === 0 && (expectDcatUs || isDcatUsCatalog(document))) {
        if (!isDcatUsCatalog(document)) throw new FeedError("The feed is not a DCAT-US catalogue (data.json): no dataset list");
        notes.push("Read as DCAT-US (data.json)");
        const mapped = mapDcatUsCatalog(document, { feedUrl: body.url, raw: text });
        return { ...mapped, notes, warnings: [...warnings, ...mapped.warnings], format: "dcat-us", pages: 1, total: mapped.records.length };
      }
      // JSON-LD served as application/json.
      const page = await parseRdfInto(index, { syntax: "jsonld", chunks: (async function* () { yield Buffer.from(text); })(), baseIri: body.url, blankPrefix: `p${pages}_` });
      format = "jsonld";
      next = page.nextPage;
      feedHash = undefined;
    } else {
      if (!syntax) {
        throw new FeedError(
          `Cannot tell the format of ${body.url} (Content-Type "${body.contentType || "none"}"): expected Turtle, RDF/XML, JSON-LD, N-Triples or DCAT-US JSON`,
        );
      }
      const hash = pages === 0 ? feedHasher(body) : undefined;
      if (hash && options.isUnchangedFeed) {
        // The first page is kept in a temporary file while it is hashed: when its bytes are those
        // of the last complete harvest, it need not be parsed at all; otherwise it is parsed from there.
        const spooled = await spool(chunks, hash);
        try {
          if (await options.isUnchangedFeed(spooled.hash)) {
            notes.push("The feed is byte for byte the one harvested last time: not parsed again");
            return { records: [], failures: [], notes, warnings, format: syntax, pages: 1, feedHash: spooled.hash, unchangedFeed: true, total: 0 };
          }
          const page = await parseRdfInto(index, {
            syntax,
            chunks: fs.createReadStream(/*turbopackIgnore: true*/ spooled.file),
            baseIri: body.url,
            blankPrefix: `p${pages}_`,
            onChunk,
          });
          format = syntax;
          next = page.nextPage;
          if (!next) feedHash = spooled.hash;
        } finally {
          fs.rmSync(path.dirname(spooled.file), { recursive: true, force: true });
        }
      } else {
        // Nothing to compare the first page with (or a later page): parsed as it is read, the
        // first page hashed on the way for the next harvest's comparison.
        const page = await parseRdfInto(index, { syntax, chunks: hash ? hashing(chunks, hash) : chunks, baseIri: body.url, blankPrefix: `p${pages}_`, onChunk });
        format = syntax;
        next = page.nextPage;
        feedHash = hash && !next ? hashText(hash) : undefined;
      }
    }
    pages++;
    if (next && !isHttpUrl(next)) {
      warnings.push(`The next page ${next} is not an http(s) URL; not followed`);
      next = undefined;
    }
    if (next && !isHttpUrl(location)) {
      notes.push(`A file was harvested: its next page (${next}) is not followed`);
      next = undefined;
    }
  }
  if (pages > 1) notes.push(`Followed ${pages} Hydra pages`);
  if (index.triples === 0) throw new FeedError("The feed holds no RDF triples");
  const from = early?.finish();
  index.seal();
  notes.push(`Parsed ${index.triples.toLocaleString("en")} triples of ${SYNTAX_NAMES[format as keyof typeof SYNTAX_NAMES] ?? format}`);
  options.onProgress?.({ phase: "map", pages, triples: index.triples });
  const mapping = mapDcatDatasetsLazily({ index, feedUrl: location, deferChecks }, { release: options.releaseMapped ?? true, ...(from && { from }) });
  warnings.push(...mapping.warnings);
  // Those mapped early count as given (for the "no dataset" note).
  let yielded = early?.count ?? 0;
  // Mapped one at a time as the writer asks; the job-level notes are completed at the end.
  function* records(): Generator<HarvestedRecord> {
    for (const record of mapping.records) {
      if (index.forgottenRead) throw new EarlyMappingFailed();
      yielded++;
      yield record;
    }
    if (index.forgottenRead) throw new EarlyMappingFailed();
    if (mapping.stats.duplicates > 0) warnings.push(`${mapping.stats.duplicates} dataset(s) listed more than once; read once`);
    if (yielded === 0 && mapping.failures.length === 0) notes.push("The feed lists no dcat:Dataset");
  }
  return { records: records(), failures: mapping.failures, failedAt: mapping.failedAt, notes, warnings, format, pages, total: mapping.total, feedHash: pages === 1 ? feedHash : undefined };
}

/** The hash of a single-page feed (`GatherResult.feedHash`): of the mapping version, the page's URL, its type and its bytes. */
const feedHasher = (body: { url: string; contentType: string }): Hash =>
  createHash("sha256").update(`${MAPPING_VERSION}\u0000${body.url}\u0000${body.contentType}\u0000`);

const hashText = (hash: Hash) => `v1:${hash.digest("base64url")}`;

/** The chunks as they come, each added to `hash` on the way. */
async function* hashing(chunks: AsyncIterable<Buffer>, hash: Hash): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    hash.update(chunk);
    yield chunk;
  }
}

/** Write a page to a temporary file while hashing it (the caller removes the file's directory). */
async function spool(chunks: AsyncIterable<Buffer>, hash: Hash): Promise<{ file: string; hash: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fjordcat-harvest-"));
  const file = path.join(dir, "page");
  const out = fs.createWriteStream(file);
  try {
    for await (const chunk of chunks) {
      hash.update(chunk);
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
  } catch (error) {
    out.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return { file, hash: hashText(hash) };
}

const CKAN_ROWS = 100;

/** CKAN's package_search, paged with rows/start until `count` is reached. */
async function gatherCkan(location: string, options: GatherOptions): Promise<GatherResult> {
  if (!isHttpUrl(location)) throw new AppError("bad_request", "A CKAN source must be an http(s) URL of the CKAN site or its API");
  const base = location.replace(/\/+$/, "").replace(/\/api\/3\/action\/package_search.*$/, "").replace(/\/api\/3$/, "").replace(/\/api$/, "");
  const results: CkanSearchPage["result"]["results"] = [];
  let start = 0;
  let pages = 0;
  const maxPages = options.maxPages ?? 10_000;
  for (;;) {
    const url = `${base}/api/3/action/package_search?rows=${CKAN_ROWS}&start=${start}`;
    options.onProgress?.({ phase: "fetch", pages, records: results.length });
    const body = await openFeed(url, options);
    const text = await readText(body.chunks);
    let page: CkanSearchPage;
    try {
      page = JSON.parse(text) as CkanSearchPage;
    } catch (error) {
      throw new FeedError(`${url}: not valid JSON (${(error as Error).message})`, { cause: error });
    }
    if (!page || page.success !== true || !page.result || !Array.isArray(page.result.results)) {
      throw new FeedError(`${url}: not a CKAN package_search answer`);
    }
    results.push(...page.result.results);
    pages++;
    start += page.result.results.length;
    if (page.result.results.length === 0 || start >= page.result.count) break;
    if (pages >= maxPages) throw new FeedError(`More than ${maxPages} CKAN pages`);
  }
  const mapped = mapCkanPackages(results, { siteUrl: base });
  return { ...mapped, notes: [`Read ${results.length} CKAN packages in ${pages} page(s)`], format: "ckan", pages, total: mapped.records.length };
}
