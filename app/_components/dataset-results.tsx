import type { HighlightTerms } from "@/lib/search/highlight";
import type { SearchHit } from "@/lib/search/search-datasets";
import { DatasetResult } from "./dataset-result";

/** A list of datasets (search results, a publisher's datasets, the latest on the home page). */
export function DatasetResults({
  hits,
  headingLevel = 3,
  showPublisher = true,
  layout = "list",
  highlight,
}: {
  hits: SearchHit[];
  headingLevel?: 2 | 3;
  /** Off on a publisher's own page, where every hit has the same publisher. */
  showPublisher?: boolean;
  /** "grid" lays the hits out as cards (the front page). */
  layout?: "list" | "grid";
  /** Search terms to mark in titles and descriptions. */
  highlight?: HighlightTerms;
}) {
  return (
    <ol className={layout === "grid" ? "fc-results fc-results--grid" : "fc-results"} role="list">
      {hits.map((hit) => (
        <li key={hit.slug}>
          <DatasetResult hit={hit} headingLevel={headingLevel} showPublisher={showPublisher} highlight={highlight} />
        </li>
      ))}
    </ol>
  );
}
