import NextLink from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { langAttribute, pickText } from "@/lib/i18n/pick-text";
import type { FacetField } from "@/lib/search/facet-labels";
import type { SearchParams } from "@/lib/search/params";
import type { SearchResult } from "@/lib/search/search-datasets";
import { FACET_FIELDS } from "@/lib/search/facet-labels";
import { fallbackFacetLabel } from "./facet-value-label";
import { activeValues, clearFiltersHref, toggleFacetHref } from "./search-links";

/** The active filters as removable chips (links), plus "remove all filters". */
export function ActiveFilters({ facets, params }: { facets: SearchResult["facets"]; params: SearchParams }) {
  const t = useTranslations("Search.facets");
  const locale = useLocale();
  const chips = FACET_FIELDS.flatMap((field: FacetField) =>
    activeValues(params, field).map((value) => {
      const known = facets[field].find((f) => f.value === value);
      const label = (known && pickText(known.label, locale)) ?? fallbackFacetLabel(field, value, locale);
      return { field, value, label };
    }),
  );
  if (chips.length === 0) return null;
  return (
    <div className="fc-active-filters">
      <h2 className="ds-sr-only">{t("activeHeading")}</h2>
      <ul className="fc-active-filters__list">
        {chips.map(({ field, value, label }) => (
          <li key={`${field}:${value}`}>
            <NextLink
              href={toggleFacetHref(params, field, value)}
              className="ds-chip"
              data-removable="true"
              rel="nofollow"
              scroll={false}
              aria-label={t("removeChip", { field: t(`field.${field}`), value: label.text })}
            >
              {field !== "open" && <span className="fc-chip__field">{t(`field.${field}`)}: </span>}
              <span lang={langAttribute(label.lang, locale)}>{label.text}</span>
            </NextLink>
          </li>
        ))}
      </ul>
      <NextLink href={clearFiltersHref(params)} className="ds-link fc-active-filters__clear" rel="nofollow">
        {t("clearAll")}
      </NextLink>
    </div>
  );
}
