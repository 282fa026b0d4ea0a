import NextLink from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatNumber } from "@/lib/i18n/format";
import { langAttribute, pickText } from "@/lib/i18n/pick-text";
import type { FacetField } from "@/lib/search/facet-labels";
import type { SearchParams } from "@/lib/search/params";
import type { FacetValue } from "@/lib/search/search-datasets";
import { fallbackFacetLabel } from "./facet-value-label";
import { activeValues, toggleFacetHref } from "./search-links";

/**
 * "1 234 datasett" for each count: the same message for every facet value of every search page,
 * formatted by ICU MessageFormat on each call (a search page has ~200 of them, ~15 µs each), so
 * kept per locale and count. The texts are fixed per locale, so the cache never goes stale.
 */
const countTexts = new Map<string, string>();
const COUNT_TEXTS_KEPT = 20_000;
function countText(locale: string, count: number, format: () => string): string {
  const key = `${locale}:${count}`;
  let text = countTexts.get(key);
  if (text === undefined) {
    if (countTexts.size >= COUNT_TEXTS_KEPT) countTexts.clear();
    countTexts.set(key, (text = format()));
  }
  return text;
}

type Props = {
  field: FacetField;
  values: FacetValue[];
  params: SearchParams;
  /** Values shown before "show more"; the rest sit in a disclosure that needs no JavaScript. */
  visible?: number;
  open?: boolean;
};

/**
 * One facet as a list of links with counts. Each link adds its value to the search, or removes it
 * when active, keeping the rest of the URL; the links look like checkboxes and say their state.
 */
export function FacetGroup({ field, values, params, visible = 8, open }: Props) {
  const t = useTranslations("Search.facets");
  const locale = useLocale();
  const active = activeValues(params, field);
  if (values.length === 0 && active.length === 0) return null;

  // Active values always show, even when the other filters leave them with no hits.
  const shown = [
    ...values,
    ...active.filter((v) => !values.some((x) => x.value === v)).map((v) => ({ value: v, label: {}, count: 0 })),
  ];
  const sorted = [...shown.filter((v) => active.includes(v.value)), ...shown.filter((v) => !active.includes(v.value))];
  const head = sorted.slice(0, Math.max(visible, active.length));
  const rest = sorted.slice(head.length);
  const headingId = `facet-${field}`;

  const item = (v: FacetValue) => {
    const selected = active.includes(v.value);
    const label = pickText(v.label, locale) ?? fallbackFacetLabel(field, v.value, locale);
    return (
      <li key={v.value}>
        <NextLink
          href={toggleFacetHref(params, field, v.value)}
          className="fc-facet__link"
          data-selected={selected || undefined}
          rel="nofollow"
          scroll={false}
        >
          <span className="fc-facet__box" aria-hidden="true" />
          <span className="fc-facet__label" lang={langAttribute(label.lang, locale)}>
            {label.text}
          </span>
          <span className="fc-facet__count" aria-hidden="true">
            {formatNumber(v.count, locale)}
          </span>
          <span className="ds-sr-only">
            , {countText(locale, v.count, () => t("count", { count: v.count }))}
            {selected && ` ${t("selectedRemove")}`}
          </span>
        </NextLink>
      </li>
    );
  };

  return (
    <details className="fc-facet" open={open || active.length > 0 || undefined}>
      <summary className="fc-facet__summary" id={headingId}>
        {t(`field.${field}`)}
        {active.length > 0 && <span className="fc-facet__active">{t("activeCount", { count: active.length })}</span>}
      </summary>
      <ul className="fc-facet__list" aria-labelledby={headingId}>
        {head.map(item)}
      </ul>
      {rest.length > 0 && (
        <details className="fc-facet__more">
          <summary>{t("showMore", { count: rest.length })}</summary>
          <ul className="fc-facet__list" aria-labelledby={headingId}>
            {rest.map(item)}
          </ul>
        </details>
      )}
    </details>
  );
}
