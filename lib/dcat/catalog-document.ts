import type { Database } from "@/db/client";
import { AppError } from "@/lib/errors";
import { catalogQuery, PAGE_SIZE, type CatalogParams } from "./catalog-params";
import { describeCatalog } from "./catalog-metadata";
import type { RdfFormat } from "./content-types";
import { Graph } from "./graph";
import { addPagingTriples } from "./hydra";
import { type DcatDataset } from "./model";
import { getPipeline, type ProfileContext } from "./profiles";
import {
  type CatalogueVersion,
  type DatasetFilter,
  getCatalogueVersion,
  getPublisherForCatalog,
  listPublishedDatasetIds,
  pagePublishedDatasetIds,
} from "./queries";
import { createRdfWriter } from "./serialize";
import { loadDatasetsForRdf } from "./load-datasets";

export type CatalogDocumentOptions = {
  baseUrl: string;
  format: RdfFormat;
  params: CatalogParams;
  /** The path the Hydra links repeat: `/catalog.ttl`, or `/catalog` for a negotiated answer. */
  linkPath: string;
  contactEmail?: string | null;
  /** Datasets per database round trip in the unpaged dump. */
  batchSize?: number;
};

export type PreparedCatalog = {
  version: CatalogueVersion;
  /** The document, produced as it is read. */
  chunks: () => AsyncGenerator<string>;
};

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
  const version = getCatalogueVersion(db, filter);

  async function* chunks(): AsyncGenerator<string> {
    const catalog = describeCatalog({ baseUrl, publisher, modified: version.lastModified, contactEmail: options.contactEmail });
    const pipeline = getPipeline(params.profile);
    const ctx: ProfileContext = { baseUrl, catalogUri: catalog.uri, described: new Set() };
    const writer = createRdfWriter(options.format);

    const head = new Graph();
    for (const profile of pipeline) profile.catalogToGraph(catalog, ctx, head);
    if (params.page !== undefined) {
      addPagingTriples(head, {
        page: params.page,
        total: version.count,
        perPage: PAGE_SIZE,
        pageUrl: (page) => `${baseUrl}${options.linkPath}${catalogQuery(params, page)}`,
      });
    }
    writer.write(head.toQuads());

    const writeDatasets = (datasets: DcatDataset[]) => {
      for (const dataset of datasets) {
        const g = new Graph();
        for (const profile of pipeline) profile.datasetToGraph(dataset, ctx, g);
        writer.write(g.toQuads());
      }
    };

    if (params.page !== undefined) {
      writeDatasets(loadDatasetsForRdf(db, pagePublishedDatasetIds(db, { filter, page: params.page, perPage: PAGE_SIZE, version })));
    } else {
      const limit = options.batchSize ?? 500;
      let afterId = 0;
      for (;;) {
        const ids = listPublishedDatasetIds(db, { filter, afterId, limit });
        if (ids.length === 0) break;
        afterId = ids.at(-1)!;
        writeDatasets(loadDatasetsForRdf(db, ids));
        yield await writer.take();
        if (ids.length < limit) break;
      }
    }
    yield (await writer.take()) + (await writer.end());
  }

  return { version, chunks };
}

/** The whole document as one string (tests, small pages). */
export async function catalogToString(db: Database, options: CatalogDocumentOptions): Promise<string> {
  let text = "";
  for await (const chunk of prepareCatalog(db, options).chunks()) text += chunk;
  return text;
}
