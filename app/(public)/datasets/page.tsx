import type { Metadata } from "next";
import NextLink from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/lib/database";
import { AppError } from "@/lib/errors";
import { parseSearchParams, toQueryString, type SearchParams } from "@/lib/search/params";
import { searchDatasets } from "@/lib/search/search-datasets";
import { Heading } from "@/app/_components/design-system";
import { ActiveFilters } from "@/app/_components/active-filters";
import { BadSearch } from "@/app/_components/bad-search";
import { DatasetResults } from "@/app/_components/dataset-results";
import { EmptyResults } from "@/app/_components/empty-results";
import { FacetFilters } from "@/app/_components/facet-filters";
import { PaginationNav } from "@/app/_components/pagination-nav";
import { QueryNotice } from "@/app/_components/query-notice";
import { SearchBox } from "@/app/_components/search-box";
import { hiddenFields, knownSearchParams, SEARCH_PATH } from "@/app/_components/search-links";
import { SortForm } from "@/app/_components/sort-form";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = await getTranslations("Search");
  const q = (await searchParams).q;
  return {
    title: typeof q === "string" && q.trim() ? t("metaTitleQuery", { q: q.trim() }) : t("metaTitle"),
    description: t("metaDescription"),
  };
}

/** The search page: text search, facets, sorting and paging, all in the URL. */
export default async function DatasetsPage({ searchParams }: Props) {
  const t = await getTranslations("Search");
  let params: SearchParams;
  try {
    params = parseSearchParams(knownSearchParams(await searchParams));
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "bad_request") throw error;
    return (
      <div className="fc-container fc-stack">
        <Heading level={1} size="lg">
          {t("heading")}
        </Heading>
        <SearchBox id="search-q" />
        <BadSearch parameter={Object.keys(error.fields ?? {})[0]} />
      </div>
    );
  }

  const result = searchDatasets(getDb(), params);
  const totalPages = Math.max(1, Math.ceil(result.total / result.limit));
  return (
    <div className="fc-container fc-stack">
      <Heading level={1} size="lg">
        {t("heading")}
      </Heading>
      <SearchBox id="search-q" defaultValue={params.q} keep={hiddenFields(params, ["q", "page"])} />
      <div className="fc-search-layout">
        <FacetFilters facets={result.facets} params={params} />
        <section className="fc-search-results" aria-labelledby="results-heading">
          <div className="fc-results-header">
            <h2 id="results-heading" className="fc-results-header__count">
              {params.q ? t("totalQuery", { count: result.total, q: params.q }) : t("total", { count: result.total })}
            </h2>
            {result.total > 1 && <SortForm params={params} sort={result.sort} />}
          </div>
          <ActiveFilters facets={result.facets} params={params} />
          {result.query && <QueryNotice query={result.query} />}
          {result.results.length > 0 ? (
            <DatasetResults hits={result.results} highlight={result.query?.highlight} />
          ) : result.total > 0 ? (
            <p className="fc-empty">
              {t.rich("pageOutOfRange", {
                total: totalPages,
                link: (chunks) => (
                  <NextLink href={`${SEARCH_PATH}${toQueryString(params, { page: 1 })}`} className="ds-link">
                    {chunks}
                  </NextLink>
                ),
              })}
            </p>
          ) : (
            <EmptyResults params={params} />
          )}
          <PaginationNav
            page={Math.min(params.page, totalPages)}
            totalPages={totalPages}
            hrefFor={(page) => `${SEARCH_PATH}${toQueryString(params, { page })}`}
          />
        </section>
      </div>
    </div>
  );
}
