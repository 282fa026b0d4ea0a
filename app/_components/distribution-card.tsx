import { useLocale, useTranslations } from "next-intl";
import type { DistributionDetails } from "@/lib/catalogue/get-dataset";
import { formatBytes } from "@/lib/i18n/format";
import { pickText } from "@/lib/i18n/pick-text";
import { formatInfo, licenceInfo } from "@/lib/i18n/vocabulary-labels";
import { ButtonLink, Tag } from "./design-system";
import { ExternalLink, hostOf, isHttpUrl } from "./external-link";
import { FactList } from "./fact-list";
import { TextInLanguage } from "./text-in-language";

type Props = { distribution: DistributionDetails; datasetLicense: string | null; index: number };

/** One distribution: what it is, its format and licence, and the buttons to download or open it. */
export function DistributionCard({ distribution: d, datasetLicense, index }: Props) {
  const t = useTranslations("Dataset.distribution");
  const locale = useLocale();
  const format = d.format ? formatInfo(d.format, locale) : undefined;
  // The dataset's licence is shown once for the dataset; a card shows a licence only when it differs.
  const licence = d.license && d.license !== datasetLicense ? licenceInfo(d.license, locale) : undefined;
  const headingId = `distribution-${d.id}`;
  const fallbackTitle = format ? t("untitledFormat", { format: format.label }) : t("untitled", { n: index + 1 });
  const download = d.downloadURL && isHttpUrl(d.downloadURL) ? d.downloadURL : undefined;
  const access = isHttpUrl(d.accessURL) && d.accessURL !== download ? d.accessURL : undefined;

  return (
    <article className="fc-dist" aria-labelledby={headingId}>
      <div className="fc-dist__head">
        <h3 id={headingId} className="fc-dist__title">
          <TextInLanguage text={d.title} fallback={fallbackTitle} />
        </h3>
        {format && (
          <Tag color={format.machineReadable ? "info" : "neutral"}>
            {format.label}
          </Tag>
        )}
      </div>
      {pickText(d.description, locale) && <TextInLanguage as="p" text={d.description} className="fc-dist__description" />}
      <FactList
        className="fc-facts fc-facts--compact"
        facts={[
          format && {
            key: "format",
            term: t("format"),
            value: (
              <>
                {format.label}
                {format.machineReadable !== undefined && (
                  <span className="fc-muted">
                    {" "}
                    ({format.machineReadable ? t("machineReadable") : t("notMachineReadable")})
                  </span>
                )}
              </>
            ),
          },
          d.mediaType && { key: "mediaType", term: t("mediaType"), value: <code>{d.mediaType}</code> },
          licence && {
            key: "licence",
            term: t("licence"),
            value: (
              licence.url ? <ExternalLink href={licence.url}>{licence.label}</ExternalLink> : licence.label
            ),
          },
          d.byteSize != null && { key: "size", term: t("size"), value: formatBytes(d.byteSize, locale) },
          d.accessService && {
            key: "service",
            term: t("service"),
            value: <ExternalLink href={d.accessService.endpointURL}>{pickText(d.accessService.title, locale)?.text}</ExternalLink>,
          },
          d.conformsTo.length > 0 && {
            key: "conformsTo",
            term: t("conformsTo"),
            value: d.conformsTo.map((uri) => (
              <span key={uri} className="fc-block">
                <ExternalLink href={uri} />
              </span>
            )),
          },
        ]}
      />
      <div className="fc-dist__actions">
        {download && (
          <ButtonLink href={download} variant="primary" size="sm">
            {t("download")}
            <span className="fc-host"> ({hostOf(download)})</span>
          </ButtonLink>
        )}
        {access && (
          <ButtonLink href={access} variant={download ? "secondary" : "primary"} size="sm">
            {d.format?.endsWith("_SRVC") || d.accessService ? t("openService") : t("open")}
            <span className="fc-host"> ({hostOf(access)})</span>
          </ButtonLink>
        )}
        {!download && !access && <span className="fc-muted">{d.accessURL}</span>}
      </div>
    </article>
  );
}
