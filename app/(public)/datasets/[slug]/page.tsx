import type { Metadata } from "next";
import NextLink from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { getDatasetBySlug } from "@/lib/catalogue/get-dataset";
import { getDb } from "@/lib/database";
import { env } from "@/lib/env";
import { pickPlain } from "@/lib/i18n/pick-text";
import { accessRightsLabel } from "@/lib/i18n/vocabulary-labels";
import { Heading, Tag } from "@/app/_components/design-system";
import { CatalogueRecord } from "@/app/_components/catalogue-record";
import { DatasetFacts } from "@/app/_components/dataset-facts";
import { buildDatasetJsonLd, JsonLdScript } from "@/app/_components/dataset-json-ld";
import { DistributionCard } from "@/app/_components/distribution-card";
import { excerpt } from "@/app/_components/excerpt";
import { OpenStatusTag } from "@/app/_components/open-status-tag";
import { OpennessStatus } from "@/app/_components/openness-status";
import { MarkdownText } from "@/app/_components/markdown-text";
import { TextInLanguage } from "@/app/_components/text-in-language";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

/** One read per request, shared by the metadata and the page. */
const loadDataset = cache((slug: string) => getDatasetBySlug(getDb(), { slug }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const dataset = loadDataset((await params).slug);
  if (!dataset) return {};
  const locale = await getLocale();
  return {
    title: pickPlain(dataset.title, locale),
    description: excerpt(pickPlain(dataset.description, locale), 160),
    // The dataset as DCAT-AP RDF, for harvesters that follow <link rel="alternate">.
    alternates: {
      canonical: `/datasets/${dataset.slug}`,
      types: {
        "text/turtle": `/datasets/${dataset.slug}.ttl`,
        "application/rdf+xml": `/datasets/${dataset.slug}.rdf`,
        "application/ld+json": `/datasets/${dataset.slug}.jsonld`,
        "application/n-triples": `/datasets/${dataset.slug}.nt`,
      },
    },
  };
}

/** The dataset page: everything the catalogue knows about one dataset, and how to get its data. */
export default async function DatasetPage({ params }: Props) {
  const dataset = loadDataset((await params).slug);
  if (!dataset) notFound();
  const [t, tMeta, locale] = await Promise.all([getTranslations("Dataset"), getTranslations("Meta"), getLocale()]);
  const access = accessRightsLabel(dataset.accessRights, locale);
  const jsonLd = buildDatasetJsonLd(dataset, {
    pageUrl: `${env.BASE_URL}/datasets/${dataset.slug}`,
    catalogUrl: env.BASE_URL,
    catalogName: tMeta("siteName"),
    locale,
  });

  return (
    <article className="fc-container fc-dataset" aria-labelledby="dataset-title">
      <JsonLdScript data={jsonLd} />
      <nav aria-label={t("breadcrumbLabel")} className="fc-breadcrumbs">
        <NextLink href="/datasets" className="ds-link">
          {t("backToSearch")}
        </NextLink>
      </nav>
      <header className="fc-dataset__header">
        <Heading level={1} size="lg" id="dataset-title">
          <TextInLanguage text={dataset.title} />
        </Heading>
        <p className="fc-dataset__publisher">
          {t.rich("publishedBy", {
            publisher: () => (
              <NextLink href={`/publishers/${dataset.publisher.slug}`} className="ds-link">
                <TextInLanguage text={dataset.publisher.name} />
              </NextLink>
            ),
          })}
        </p>
        <div className="fc-dataset__tags">
          <OpenStatusTag isOpen={dataset.openness.isOpen} />
          <Tag color={dataset.accessRights === "PUBLIC" ? "neutral" : "warning"}>
            {t("accessTag", { access: access.label })}
          </Tag>
        </div>
      </header>

      <div className="fc-dataset__layout">
        <div className="fc-dataset__main fc-stack">
          <section aria-labelledby="description-heading">
            <h2 id="description-heading" className="ds-sr-only">
              {t("descriptionHeading")}
            </h2>
            <MarkdownText text={dataset.description} className="fc-dataset__description" />
          </section>

          <section aria-labelledby="distributions-heading" className="fc-stack">
            <Heading level={2} size="sm" id="distributions-heading">
              {t("distributionsHeading", { count: dataset.distributions.length })}
            </Heading>
            {dataset.distributions.length === 0 ? (
              <p>{t("noDistributions")}</p>
            ) : (
              <ul className="fc-dist-list" role="list">
                {dataset.distributions.map((d, i) => (
                  <li key={d.id}>
                    <DistributionCard distribution={d} datasetLicense={dataset.license} index={i} />
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="about-heading" className="fc-stack">
            <Heading level={2} size="sm" id="about-heading">
              {t("aboutHeading")}
            </Heading>
            <DatasetFacts dataset={dataset} />
          </section>
        </div>

        <div className="fc-dataset__aside fc-stack">
          <OpennessStatus openness={dataset.openness} />
          <section aria-labelledby="record-heading" className="fc-stack fc-panel">
            <Heading level={2} size="xs" id="record-heading">
              {t("recordHeading")}
            </Heading>
            <CatalogueRecord dataset={dataset} />
          </section>
        </div>
      </div>
    </article>
  );
}
