import type { Graph } from "../graph";
import type { DcatCatalog, DcatDataset } from "../model";

/** What every profile of one response shares. */
export type ProfileContext = {
  baseUrl: string;
  /** The dcat:Catalog the datasets are listed in. */
  catalogUri: string;
  /**
   * Shared resources (publishers, data services, licences, standards) already described in this
   * response: the full dump describes each once, however many datasets refer to it.
   */
  described: Set<string>;
};

/**
 * One DCAT profile (STYLE.md rule 18). A pipeline is an ordered list; each profile adds to, or
 * corrects, what the profiles before it wrote for the same dataset or catalogue. Export only; the
 * importer (lib/harvest) brings its own parseDataset.
 */
export interface DcatProfile {
  readonly name: string;
  datasetToGraph(dataset: DcatDataset, ctx: ProfileContext, g: Graph): void;
  catalogToGraph(catalog: DcatCatalog, ctx: ProfileContext, g: Graph): void;
}

/** Describe a shared resource once per response: true the first time it is seen. */
export function firstMention(ctx: ProfileContext, key: string): boolean {
  if (ctx.described.has(key)) return false;
  ctx.described.add(key);
  return true;
}
