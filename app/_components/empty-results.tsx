import NextLink from "next/link";
import { useTranslations } from "next-intl";
import type { SearchParams } from "@/lib/search/params";
import { clearFiltersHref, hasFilters, SEARCH_PATH } from "./search-links";

/** What to do when a search finds nothing: check spelling, use fewer words, drop filters. */
export function EmptyResults({ params }: { params: SearchParams }) {
  const t = useTranslations("Search.empty");
  const filtered = hasFilters(params);
  return (
    <div className="fc-empty" role="status">
      <p className="fc-empty__lead">{params.q ? t("leadQuery") : t("lead")}</p>
      <p>{t("tryHeading")}</p>
      <ul className="fc-empty__list">
        {params.q && <li>{t("spelling")}</li>}
        {params.q && <li>{t("fewerWords")}</li>}
        {filtered && (
          <li>
            <NextLink href={clearFiltersHref(params)} className="ds-link">
              {t("removeFilters")}
            </NextLink>
          </li>
        )}
        <li>
          <NextLink href={SEARCH_PATH} className="ds-link">
            {t("browseAll")}
          </NextLink>
        </li>
      </ul>
    </div>
  );
}
