import type { DatasetDetails } from "@/lib/catalogue/get-dataset";
import type { Locale } from "@/lib/i18n/config";
import { pickPlain } from "@/lib/i18n/pick-text";
import { formatInfo, licenceInfo } from "@/lib/i18n/vocabulary-labels";

type Context = { pageUrl: string; catalogUrl: string; catalogName: string; locale: Locale };

/** schema.org `Dataset` for search engines (Google Dataset Search), built as a plain object. */
export function buildDatasetJsonLd(d: DatasetDetails, { pageUrl, catalogUrl, catalogName, locale }: Context) {
  const licence = d.license ? licenceInfo(d.license, locale) : undefined;
  const keywords = d.keywords[locale] ?? d.keywords.nb ?? d.keywords.nn ?? d.keywords.en ?? [];
  const temporal = d.temporal ? `${d.temporal.start ?? ".."}/${d.temporal.end ?? ".."}` : undefined;
  return {
    "@context": "https://schema.org",
    "@type": "Dataset",
    "@id": d.uri,
    name: pickPlain(d.title, locale),
    description: pickPlain(d.description, locale),
    url: pageUrl,
    identifier: d.identifier,
    ...(keywords.length ? { keywords } : {}),
    ...(licence ? { license: licence.url ?? d.license } : {}),
    isAccessibleForFree: d.accessRights === "PUBLIC",
    ...(d.issued ? { datePublished: d.issued } : {}),
    ...(d.modified ? { dateModified: d.modified } : {}),
    publisher: {
      "@type": "Organization",
      name: pickPlain(d.publisher.name, locale),
      ...(d.publisher.uri ? { sameAs: d.publisher.uri } : {}),
      ...(d.publisher.homepage ? { url: d.publisher.homepage } : {}),
      ...(d.publisher.orgNumber ? { identifier: d.publisher.orgNumber } : {}),
    },
    ...(d.spatial.length
      ? {
          spatialCoverage: d.spatial.map((s) => ({
            "@type": "Place",
            ...(s.label ? { name: s.label } : {}),
            ...(s.uri ? { sameAs: s.uri } : {}),
          })),
        }
      : {}),
    ...(temporal ? { temporalCoverage: temporal } : {}),
    distribution: d.distributions.map((x) => ({
      "@type": "DataDownload",
      ...(pickPlain(x.title, locale) ? { name: pickPlain(x.title, locale) } : {}),
      contentUrl: x.downloadURL ?? x.accessURL,
      encodingFormat: x.mediaType ?? (x.format ? formatInfo(x.format, locale).label : undefined),
    })),
    includedInDataCatalog: { "@type": "DataCatalog", name: catalogName, url: catalogUrl },
  };
}

/**
 * Serialise for a `<script type="application/ld+json">`: `<` becomes \u003c so no value (a title,
 * say) can close the script element; U+2028/2029 are escaped for old JavaScript parsers.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export function JsonLdScript({ data }: { data: unknown }) {
  // The string is JSON with every "<" escaped (see serializeJsonLd); it is not HTML.
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
