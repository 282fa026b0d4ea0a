import { useLocale, useTranslations } from "next-intl";
import { formatNumber } from "@/lib/i18n/format";
import type { PublisherSummary } from "@/lib/publishers/queries";
import { ExternalLink } from "./external-link";
import { FactList } from "./fact-list";
import { OrgNumber } from "./org-number";

/** A publisher's identity (organisation number, URI, homepage) and its dataset counts. */
export function PublisherFacts({ publisher: p }: { publisher: PublisherSummary }) {
  const t = useTranslations("Publisher");
  const locale = useLocale();
  const percent = p.datasets ? Math.round((p.openDatasets / p.datasets) * 100) : 0;
  return (
    <FactList
      className="fc-facts fc-facts--wide"
      facts={[
        p.orgNumber && { key: "org", term: t("orgNumber"), value: <OrgNumber value={p.orgNumber} /> },
        { key: "uri", term: t("uri"), value: <ExternalLink href={p.uri} className="ds-link fc-break" /> },
        p.homepage && { key: "homepage", term: t("homepage"), value: <ExternalLink href={p.homepage} className="ds-link fc-break" /> },
        { key: "datasets", term: t("datasets"), value: formatNumber(p.datasets, locale) },
        {
          key: "open",
          term: t("openDatasets"),
          value: t("openValue", { count: formatNumber(p.openDatasets, locale), percent }),
        },
      ]}
    />
  );
}
