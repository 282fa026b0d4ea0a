import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import NextLink from "next/link";
import { getDb } from "@/lib/database";
import { AppError } from "@/lib/errors";
import { pickPlain } from "@/lib/i18n/pick-text";
import { getPublisherBySlug } from "@/lib/publishers/queries";
import { parseSearchParams, type SearchParams } from "@/lib/search/params";
import { searchDatasets } from "@/lib/search/search-datasets";
import { Heading } from "@/app/_components/design-system";
import { DatasetResults } from "@/app/_components/dataset-results";
import { PaginationNav } from "@/app/_components/pagination-nav";
import { PublisherFacts } from "@/app/_components/publisher-facts";
import { TextInLanguage } from "@/app/_components/text-in-language";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const publisher = getPublisherBySlug(getDb(), { slug: (await params).slug });
  if (!publisher) return {};
  const [t, locale] = await Promise.all([getTranslations("Publisher"), getLocale()]);
  const name = pickPlain(publisher.name, locale);
  return { title: name, description: t("metaDescription", { name, count: publisher.datasets }) };
}

/** One publisher: who it is, its figures, and its published datasets page by page. */
export default async function PublisherPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const publisher = getPublisherBySlug(getDb(), { slug });
  if (!publisher) notFound();
  const t = await getTranslations("Publisher");
  const page = (await searchParams).page;

  let search: SearchParams;
  try {
    search = parseSearchParams({ publisher: slug, page: typeof page === "string" ? page : undefined, sort: "title" });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "bad_request") throw error;
    search = parseSearchParams({ publisher: slug, sort: "title" });
  }
  let result = searchDatasets(getDb(), search);
  const totalPages = Math.max(1, Math.ceil(result.total / result.limit));
  // A page past the end (an old link after datasets were withdrawn) shows the last page.
  if (result.results.length === 0 && result.total > 0) result = searchDatasets(getDb(), { ...search, page: totalPages });

  return (
    <div className="fc-container fc-stack">
      <nav aria-label={t("breadcrumbLabel")} className="fc-breadcrumbs">
        <NextLink href="/publishers" className="ds-link">
          {t("backToList")}
        </NextLink>
      </nav>
      <Heading level={1} size="lg">
        <TextInLanguage text={publisher.name} />
      </Heading>
      <PublisherFacts publisher={publisher} />
      <section aria-labelledby="publisher-datasets" className="fc-stack">
        <div className="fc-section-head">
          <Heading level={2} size="sm" id="publisher-datasets">
            {t("datasetsHeading", { count: result.total })}
          </Heading>
          {result.total > 0 && (
            <NextLink href={`/datasets?publisher=${slug}`} className="ds-link">
              {t("searchWithin")}
            </NextLink>
          )}
        </div>
        {result.results.length > 0 ? <DatasetResults hits={result.results} showPublisher={false} /> : <p>{t("noDatasets")}</p>}
        <PaginationNav
          page={result.page}
          totalPages={totalPages}
          hrefFor={(n) => (n === 1 ? `/publishers/${slug}` : `/publishers/${slug}?page=${n}`)}
        />
      </section>
    </div>
  );
}
