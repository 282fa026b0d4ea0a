import { AppError } from "@/lib/errors";
import { openFeed, type FetchLimits, FeedError, isHttpUrl, readText } from "./fetch-feed";
import { mapCkanPackages, type CkanSearchPage } from "./map-ckan";
import { mapDcatDatasets } from "./map-dcat";
import { isDcatUsCatalog, mapDcatUsCatalog } from "./map-dcat-us";
import { detectSyntax, parseRdfInto, peek, SYNTAX_NAMES } from "./parse-rdf";
import { TripleIndex } from "./rdf-index";
import type { HarvestedRecord, RecordFailure } from "./records";

/**
 * The first half of a job: read the whole source (every Hydra page, every CKAN page), parse it and
 * map every record. Nothing is written here; any failure to read or parse throws, so the job fails
 * before it has changed anything.
 */

export type SourceKind = "dcat" | "ckan" | "dcat-us";

export type GatherProgress = { phase: "fetch" | "parse" | "map"; pages: number; records?: number; triples?: number };

export type GatherResult = {
  records: HarvestedRecord[];
  failures: RecordFailure[];
  /** Job-level notes (paging, format detected), shown with the report. */
  notes: string[];
  /** Job-level warnings (duplicates, paging problems). */
  warnings: string[];
  format: string;
  pages: number;
};

export type GatherOptions = FetchLimits & {
  maxPages?: number;
  onProgress?: (progress: GatherProgress) => void;
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
        return { ...mapped, notes, warnings: [...warnings, ...mapped.warnings], format: "dcat-us", pages: 1 };
      }
      // JSON-LD served as application/json.
      const page = await parseRdfInto(index, { syntax: "jsonld", chunks: (async function* () { yield Buffer.from(text); })(), baseIri: body.url, blankPrefix: `p${pages}_` });
      format = "jsonld";
      next = page.nextPage;
    } else {
      if (!syntax) {
        throw new FeedError(
          `Cannot tell the format of ${body.url} (Content-Type "${body.contentType || "none"}"): expected Turtle, RDF/XML, JSON-LD, N-Triples or DCAT-US JSON`,
        );
      }
      const page = await parseRdfInto(index, { syntax, chunks, baseIri: body.url, blankPrefix: `p${pages}_` });
      format = syntax;
      next = page.nextPage;
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
  notes.push(`Parsed ${index.triples.toLocaleString("en")} triples of ${SYNTAX_NAMES[format as keyof typeof SYNTAX_NAMES] ?? format}`);
  options.onProgress?.({ phase: "map", pages, triples: index.triples });
  const { records, failures, duplicates, warnings: mapWarnings } = mapDcatDatasets({ index, feedUrl: location });
  warnings.push(...mapWarnings);
  if (duplicates > 0) warnings.push(`${duplicates} dataset(s) listed more than once; read once`);
  if (records.length === 0 && failures.length === 0) notes.push("The feed lists no dcat:Dataset");
  return { records, failures, notes, warnings, format, pages };
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
  return { ...mapped, notes: [`Read ${results.length} CKAN packages in ${pages} page(s)`], format: "ckan", pages };
}
