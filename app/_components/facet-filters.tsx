import { useTranslations } from "next-intl";
import type { FacetField } from "@/lib/search/facet-labels";
import type { SearchParams } from "@/lib/search/params";
import type { SearchResult } from "@/lib/search/search-datasets";
import { FacetGroup } from "./facet-group";
import { activeValues } from "./search-links";

/** The order facets appear in; keywords last and short. */
const ORDER: { field: FacetField; visible?: number; open?: boolean }[] = [
  { field: "open", open: true },
  { field: "theme", open: true },
  { field: "publisher" },
  { field: "format" },
  { field: "license" },
  { field: "access" },
  { field: "quality" },
  { field: "keyword", visible: 10 },
];

/**
 * The filter panel of the search page: every facet with counts that reflect the other filters.
 * On narrow screens it folds into one disclosure; from 60em it is always open (CSS).
 */
export function FacetFilters({ facets, params }: { facets: SearchResult["facets"]; params: SearchParams }) {
  const t = useTranslations("Search.facets");
  const activeCount = ORDER.reduce((n, { field }) => n + activeValues(params, field).length, 0);
  return (
    <details className="fc-filters">
      <summary className="fc-filters__toggle">
        {t("toggle")}
        {activeCount > 0 && <span className="fc-facet__active">{t("activeCount", { count: activeCount })}</span>}
      </summary>
      <section className="fc-filters__body" aria-labelledby="filters-heading">
        <h2 id="filters-heading" className="fc-filters__heading">
          {t("heading")}
        </h2>
        {ORDER.map(({ field, visible, open }) => (
          <FacetGroup
            key={field}
            field={field}
            values={field === "keyword" ? facets[field].slice(0, 25) : facets[field]}
            params={params}
            visible={visible}
            open={open}
          />
        ))}
      </section>
    </details>
  );
}
