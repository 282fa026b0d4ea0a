import type { Database } from "@/db/client";
import { describeCatalog } from "./catalog-metadata";
import type { RdfFormat } from "./content-types";
import { Graph } from "./graph";
import type { DcatDataset } from "./model";
import { getPipeline, newProfileContext, type ProfileName } from "./profiles";
import { loadDatasetsForRdf } from "./load-datasets";
import { findPublishedDatasetId } from "./queries";
import { serializeQuads } from "./serialize";

/** One published dataset, or undefined (drafts and withdrawn datasets are not found). */
export function findDatasetForRdf(db: Database, { slug }: { slug: string }): DcatDataset | undefined {
  const id = findPublishedDatasetId(db, { slug });
  return id === undefined ? undefined : loadDatasetsForRdf(db, [id])[0];
}

/**
 * One dataset as RDF, linked from the portal's dcat:Catalog (data.norge.no ignores datasets that no
 * catalogue lists), through the same profile pipeline as the catalogue.
 */
export async function datasetToRdf(
  dataset: DcatDataset,
  { baseUrl, format, profile, modified }: { baseUrl: string; format: RdfFormat; profile: ProfileName; modified: string | null },
): Promise<string> {
  const catalog = describeCatalog({ baseUrl, modified });
  const ctx = newProfileContext({ baseUrl, catalogUri: catalog.uri });
  const g = new Graph();
  for (const p of getPipeline(profile)) p.catalogToGraph(catalog, ctx, g);
  for (const p of getPipeline(profile)) p.datasetToGraph(dataset, ctx, g);
  return serializeQuads(g.toQuads(), format);
}
