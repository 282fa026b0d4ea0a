import type { FacetField } from "@/lib/search/facet-labels";
import { searchParamsSchema, toQueryString, type SearchParams } from "@/lib/search/params";

/** The search page's path; every facet and sort link goes there with the rest of the state kept. */
export const SEARCH_PATH = "/datasets";

/** The values of a facet that are active in the current search. */
export function activeValues(params: SearchParams, field: FacetField): string[] {
  if (field === "open") return params.open ? [params.open] : [];
  return params[field] as string[];
}

/** The facet's filter with `value` added when absent and removed when present. */
function toggled(params: SearchParams, field: FacetField, value: string): Partial<SearchParams> {
  if (field === "open") return { open: params.open === value ? undefined : (value as "true" | "false") };
  const current = params[field] as string[];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { [field]: next } as Partial<SearchParams>;
}

/** The search URL with one facet value switched on or off, back on page 1. */
export function toggleFacetHref(params: SearchParams, field: FacetField, value: string): string {
  return `${SEARCH_PATH}${toQueryString(params, { ...toggled(params, field, value), page: 1 })}`;
}

/** The search URL without any facet filter (the text query and sort kept). */
export function clearFiltersHref(params: SearchParams): string {
  return `${SEARCH_PATH}${toQueryString({ q: params.q, sort: params.sort, limit: params.limit })}`;
}

/** Whether any facet filter is active. */
export function hasFilters(params: SearchParams): boolean {
  return Boolean(
    params.open ||
      params.theme.length ||
      params.publisher.length ||
      params.format.length ||
      params.license.length ||
      params.access.length ||
      params.keyword.length,
  );
}

/** The state as hidden form fields, for GET forms that change one part (text, sort) and keep the rest. */
export function hiddenFields(params: Partial<SearchParams>, omit: readonly (keyof SearchParams)[]): [string, string][] {
  const query = toQueryString(Object.fromEntries(Object.entries(params).filter(([k]) => !omit.includes(k as keyof SearchParams))));
  return [...new URLSearchParams(query.slice(1)).entries()];
}

const KNOWN_KEYS = new Set(Object.keys(searchParamsSchema.shape));

/**
 * The page's URL parameters without the ones search does not know (utm_source, fbclid …), so a
 * shared link with tracking parameters still shows its results. The JSON API stays strict.
 */
export function knownSearchParams(
  raw: Record<string, string | string[] | undefined>,
): Record<string, string | string[] | undefined> {
  return Object.fromEntries(Object.entries(raw).filter(([key]) => KNOWN_KEYS.has(key)));
}
