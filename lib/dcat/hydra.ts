import { DataFactory } from "n3";
import { type Graph, iri, typed } from "./graph";
import { hydra, xsd } from "./namespaces";

/**
 * Hydra paging triples that both ckanext-dcat and uData harvesters follow (reference §4): the page
 * is a hydra:PartialCollectionView and a hydra:PagedCollection, with the current predicates
 * (next, previous, first, last; IRIs) and the deprecated ones (nextPage, previousPage, firstPage,
 * lastPage; literals, as ckanext-dcat writes them), plus totalItems and itemsPerPage.
 */
export function addPagingTriples(
  g: Graph,
  { page, total, perPage, pageUrl }: { page: number; total: number; perPage: number; pageUrl: (page: number) => string },
): void {
  if (total === 0) return;
  const last = Math.max(1, Math.ceil(total / perPage));
  const node = iri(pageUrl(page));
  g.type(node, hydra("PartialCollectionView"), hydra("PagedCollection"));
  g.add(node, hydra("totalItems"), typed(total, xsd("integer")));
  g.add(node, hydra("itemsPerPage"), typed(perPage, xsd("integer")));
  const link = (current: string, deprecated: string, target: number) => {
    g.add(node, hydra(current), iri(pageUrl(target)));
    g.add(node, hydra(deprecated), DataFactory.literal(pageUrl(target)));
  };
  link("first", "firstPage", 1);
  link("last", "lastPage", last);
  if (page > 1) link("previous", "previousPage", Math.min(page - 1, last));
  if (page < last) link("next", "nextPage", page + 1);
}
