import type { Database } from "@/db/client";
import { AppError } from "@/lib/errors";
import { catalogQuery, PAGE_SIZE, type CatalogParams } from "./catalog-params";
import { describeCatalog } from "./catalog-metadata";
import type { RdfFormat } from "./content-types";
import { Graph } from "./graph";
import { addPagingTriples } from "./hydra";
import type { DcatCatalog, DcatDataset } from "./model";
import { type DcatProfile, getPipeline, newProfileContext, type ProfileContext, type ProfileName } from "./profiles";
import {
  type CatalogueVersion,
  type DatasetFilter,
  getCatalogueVersion,
  getPublisherForCatalog,
  listPublishedDatasetIds,
  pagePublishedDatasetIds,
} from "./queries";
import { createRdfWriter, encodePieces, type RdfWriter } from "./serialize";
import { loadDatasetsForRdf, newSharedRecords, type SharedRecords } from "./load-datasets";

export type CatalogDocumentOptions = {
  baseUrl: string;
  format: RdfFormat;
  params: CatalogParams;
  /** The path the Hydra links repeat: `/catalog.ttl`, or `/catalog` for a negotiated answer. */
  linkPath: string;
  contactEmail?: string | null;
  /** Datasets per database round trip in the unpaged dump. */
  batchSize?: number;
  /**
   * The catalogue's version as the caller already read it (a feed worker writing the page whose
   * ETag the server computed): not read again, and the page says what its ETag stands for.
   */
  version?: CatalogueVersion;
};

export type PreparedCatalog = {
  version: CatalogueVersion;
  /** The document, produced as it is read, in pieces of a few tens of KB. */
  chunks: () => AsyncGenerator<string>;
  /**
   * The document as UTF-8, one chunk per batch (a Hydra page is one). Each batch's text is encoded
   * as soon as it is written, so no text waits on the JS heap while the client reads: text held
   * across those waits outlived young-generation collections and was promoted, and the old
   * generation's growth made the server's peak RSS grow with the catalogue.
   */
  bytes: () => AsyncGenerator<Uint8Array>;
  /**
   * The unpaged Turtle or N-Triples document with its datasets written by `fragments` (worker
   * threads, see feed-workers.ts): the head (prefixes and the dcat:Catalog) is written here, then
   * the datasets' fragments in the order of their ids, `inFlight` batches asked for ahead.
   */
  bytesFromFragments: (fragmentsFor: (document: { catalogUri: string }) => FragmentSource, inFlight: number) => AsyncGenerator<Uint8Array>;
};

/** Writes batches of datasets as fragments of one document (see `datasetFragment`). */
export type FragmentSource = {
  fragment: (ids: number[]) => Promise<Uint8Array>;
  /** The document is done (or abandoned): let go of what its fragments shared. */
  close: () => void;
};

/** The formats whose documents are a head followed by independent statements, so fragments concatenate. */
export const FRAGMENT_FORMATS: readonly RdfFormat[] = ["ttl", "nt"];

/** What one document's datasets are written with: the profiles, their context, the records shared by its batches. */
export type DatasetWriting = { pipeline: readonly DcatProfile[]; ctx: ProfileContext; shared: SharedRecords };

export function startDatasetWriting({ baseUrl, catalogUri, profile }: { baseUrl: string; catalogUri: string; profile: ProfileName }): DatasetWriting {
  return { pipeline: getPipeline(profile), ctx: newProfileContext({ baseUrl, catalogUri }), shared: newSharedRecords() };
}

function writeDatasets(writer: RdfWriter, { pipeline, ctx }: DatasetWriting, datasets: readonly DcatDataset[]): void {
  for (const dataset of datasets) {
    const g = new Graph();
    for (const profile of pipeline) profile.datasetToGraph(dataset, ctx, g);
    writer.write(g.toQuads());
  }
}

/**
 * A batch of published datasets as a fragment of a Turtle or N-Triples document: complete
 * statements with the document's prefixes but no prefix block of their own, so that fragments
 * written apart (by different threads) follow the document's head in any number. A shared
 * resource (publisher, licence, service) is described in the first fragment of `writing` that
 * mentions it; fragments of one document written with different `writing`s may describe it again
 * (the same triples: an RDF graph is a set, so the document's graph is the same).
 */
export async function datasetFragment(db: Database, ids: readonly number[], format: RdfFormat, writing: DatasetWriting): Promise<Uint8Array> {
  if (!FRAGMENT_FORMATS.includes(format)) throw new Error(`${format} documents are not written in fragments`);
  const writer = createRdfWriter(format, { prefixBlock: false });
  writeDatasets(writer, writing, loadDatasetsForRdf(db, ids, writing.shared));
  return encodePieces([...(await writer.take()), ...(await writer.end())]);
}

const filterOf = (params: CatalogParams): DatasetFilter => ({
  publisher: params.publisher,
  modifiedSince: params.modifiedSince,
});

/**
 * The catalogue as RDF: the dcat:Catalog node, then its datasets. With `page`, one Hydra page of
 * 100; without, every published dataset, read by keyset in batches and written batch by batch, so
 * memory stays flat however large the catalogue is. Throws not_found for an unknown publisher
 * before anything is written.
 */
export function prepareCatalog(db: Database, options: CatalogDocumentOptions): PreparedCatalog {
  const { params, baseUrl } = options;
  const publisher = params.publisher ? getPublisherForCatalog(db, { slug: params.publisher }) : undefined;
  if (params.publisher && !publisher) throw new AppError("not_found", `No publisher has the slug ${params.publisher}`);
  const filter = filterOf(params);
  const version = options.version ?? getCatalogueVersion(db, filter);
  const catalog = () => describeCatalog({ baseUrl, publisher, modified: version.lastModified, contactEmail: options.contactEmail });

  /** A writer for the document with its head written: the dcat:Catalog node (and on a page, the Hydra paging triples). */
  function startDocument(described: DcatCatalog): { writer: RdfWriter; writing: DatasetWriting } {
    const writing = startDatasetWriting({ baseUrl, catalogUri: described.uri, profile: params.profile });
    const writer = createRdfWriter(options.format);
    const head = new Graph();
    for (const profile of writing.pipeline) profile.catalogToGraph(described, writing.ctx, head);
    if (params.page !== undefined) {
      addPagingTriples(head, {
        page: params.page,
        total: version.count,
        perPage: PAGE_SIZE,
        pageUrl: (page) => `${baseUrl}${options.linkPath}${catalogQuery(params, page)}`,
      });
    }
    writer.write(head.toQuads());
    return { writer, writing };
  }

  /** The text, batch by batch, each batch in pieces. */
  async function* batches(): AsyncGenerator<string[]> {
    const { writer, writing } = startDocument(catalog());

    if (params.page !== undefined) {
      const ids = pagePublishedDatasetIds(db, { filter, page: params.page, perPage: PAGE_SIZE, version });
      writeDatasets(writer, writing, loadDatasetsForRdf(db, ids, writing.shared));
    } else {
      // Small batches: 25 to 100 measured as fast as each other on 100,000 datasets and much faster
      // than 500 (less alive across young-generation collections, fewer promotions; GC had been
      // ~35% of CPU); at 25 a batch's chunk (~140 KB) is written before the next batch's garbage
      // forces a collection, so chunks die young and the server's RSS does not saw up and down.
      const limit = options.batchSize ?? 25;
      let afterId = 0;
      for (;;) {
        const ids = listPublishedDatasetIds(db, { filter, afterId, limit });
        if (ids.length === 0) break;
        afterId = ids.at(-1)!;
        writeDatasets(writer, writing, loadDatasetsForRdf(db, ids, writing.shared));
        yield await writer.take();
        if (ids.length < limit) break;
      }
    }
    yield [...(await writer.take()), ...(await writer.end())];
  }

  async function* chunks(): AsyncGenerator<string> {
    for await (const pieces of batches()) yield* pieces;
  }

  async function* bytes(): AsyncGenerator<Uint8Array> {
    for await (const pieces of batches()) {
      if (pieces.length === 0) continue;
      const chunk = encodePieces(pieces);
      // Let go of the text before waiting on the client: held across that wait, it would outlive
      // young-generation collections and be promoted (the server's RSS then grew by ~150 MB).
      pieces.length = 0;
      yield chunk;
    }
  }

  async function* bytesFromFragments(
    fragmentsFor: (document: { catalogUri: string }) => FragmentSource,
    inFlight: number,
  ): AsyncGenerator<Uint8Array> {
    if (params.page !== undefined || !FRAGMENT_FORMATS.includes(options.format)) {
      throw new Error("only the unpaged Turtle and N-Triples documents are written in fragments");
    }
    const described = catalog();
    const fragments = fragmentsFor({ catalogUri: described.uri });
    const pending: Promise<Uint8Array>[] = [];
    try {
      const { writer } = startDocument(described);
      yield encodePieces([...(await writer.take()), ...(await writer.end())]);

      const limit = options.batchSize ?? 100;
      let afterId = 0;
      let exhausted = false;
      const askAhead = () => {
        while (!exhausted && pending.length < inFlight) {
          const ids = listPublishedDatasetIds(db, { filter, afterId, limit });
          if (ids.length < limit) exhausted = true;
          if (ids.length === 0) break;
          afterId = ids.at(-1)!;
          const fragment = fragments.fragment(ids);
          // Rejections are taken where the fragment is awaited, or ignored once the client left.
          fragment.catch(() => undefined);
          pending.push(fragment);
        }
      };
      askAhead();
      while (pending.length > 0) {
        const fragment = await pending.shift()!;
        askAhead();
        if (fragment.byteLength > 0) yield fragment;
      }
    } finally {
      fragments.close();
    }
  }

  return { version, chunks, bytes, bytesFromFragments };
}

/** A document's bytes in one buffer (a Hydra page is one chunk already: then that chunk, not a copy). */
export async function documentBytes(prepared: PreparedCatalog): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of prepared.bytes()) parts.push(chunk);
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

/** The whole document as one string (tests, small pages). */
export async function catalogToString(db: Database, options: CatalogDocumentOptions): Promise<string> {
  const pieces: string[] = [];
  for await (const piece of prepareCatalog(db, options).chunks()) pieces.push(piece);
  return pieces.join("");
}
