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
  described: DescribedResources;
};

/**
 * Which shared resources a response has described, by kind ("agent", "standard", "service", or the
 * class an IRI is typed with) and IRI. Kept per kind, so that asking costs a lookup of the IRI as
 * read from the database, never a key string built for it (built, it was ~3% of the feed's CPU).
 */
export class DescribedResources {
  private readonly byKind = new Map<string, Set<string>>();

  /** True the first time `iri` is asked about as `kind`. */
  first(kind: string, iri: string): boolean {
    let iris = this.byKind.get(kind);
    if (!iris) {
      iris = new Set();
      this.byKind.set(kind, iris);
    }
    if (iris.has(iri)) return false;
    iris.add(iri);
    return true;
  }
}

/** The context of one response's profiles, nothing described yet. */
export function newProfileContext({ baseUrl, catalogUri }: { baseUrl: string; catalogUri: string }): ProfileContext {
  return { baseUrl, catalogUri, described: new DescribedResources() };
}

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
export function firstMention(ctx: ProfileContext, kind: string, iri: string): boolean {
  return ctx.described.first(kind, iri);
}
