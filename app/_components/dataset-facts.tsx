import NextLink from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { DatasetDetails } from "@/lib/catalogue/get-dataset";
import { formatNumber } from "@/lib/i18n/format";
import { accessRightsLabel, frequencyLabel, languageLabel, licenceInfo, themeLabel } from "@/lib/i18n/vocabulary-labels";
import { conformsToLabel } from "./conforms-to-label";
import { DateText } from "./date-text";
import { ExternalLink } from "./external-link";
import { FactList } from "./fact-list";
import { KeywordList } from "./keyword-list";

/** "About the dataset": access, licence, themes, keywords, coverage, dates, contact. */
export function DatasetFacts({ dataset: d }: { dataset: DatasetDetails }) {
  const t = useTranslations("Dataset.facts");
  const locale = useLocale();
  const access = accessRightsLabel(d.accessRights, locale);
  const licence = d.license ? licenceInfo(d.license, locale) : undefined;
  const temporal = d.temporal;
  return (
    <FactList
      facts={[
        {
          key: "access",
          term: t("accessRights"),
          value: (
            <>
              <strong>{access.label}</strong>
              {access.description && <span className="fc-block fc-muted">{access.description}</span>}
            </>
          ),
        },
        {
          key: "licence",
          term: t("licence"),
          value: licence ? (
            <>
              {licence.url ? <ExternalLink href={licence.url}>{licence.label}</ExternalLink> : licence.label}
              {licence.reason && <span className="fc-block fc-muted">{licence.reason}</span>}
            </>
          ) : (
            t("noLicence")
          ),
        },
        d.themes.length > 0 && {
          key: "themes",
          term: t("themes"),
          value: (
            <ul className="fc-inline-list">
              {d.themes.map((code) => (
                <li key={code}>
                  <NextLink href={`/datasets?theme=${code}`} className="ds-link">
                    {themeLabel(code, locale)}
                  </NextLink>
                </li>
              ))}
            </ul>
          ),
        },
        Object.values(d.keywords).some((k) => k && k.length > 0) && {
          key: "keywords",
          term: t("keywords"),
          value: <KeywordList keywords={d.keywords} />,
        },
        d.accrualPeriodicity && { key: "frequency", term: t("frequency"), value: frequencyLabel(d.accrualPeriodicity, locale) },
        d.spatial.length > 0 && {
          key: "spatial",
          term: t("spatial"),
          value: d.spatial.map((s, i) => (
            <span key={i} className="fc-block">
              {s.uri ? <ExternalLink href={s.uri}>{s.label ?? s.uri}</ExternalLink> : s.label}
              {s.bbox && <code className="fc-block fc-code">{s.bbox}</code>}
            </span>
          )),
        },
        d.spatialResolutionMeters != null && {
          key: "resolution",
          term: t("spatialResolution"),
          value: t("meters", { value: formatNumber(d.spatialResolutionMeters, locale) }),
        },
        temporal && {
          key: "temporal",
          term: t("temporal"),
          value: t.rich(temporal.start && temporal.end ? "temporalRange" : temporal.start ? "temporalFrom" : "temporalUntil", {
            start: () => <DateText value={temporal.start} />,
            end: () => <DateText value={temporal.end} />,
          }),
        },
        d.languages.length > 0 && {
          key: "languages",
          term: t("languages"),
          value: d.languages.map((code) => languageLabel(code, locale)).join(", "),
        },
        d.landingPage && { key: "landingPage", term: t("landingPage"), value: <ExternalLink href={d.landingPage} /> },
        d.conformsTo.length > 0 && {
          key: "conformsTo",
          term: t("conformsTo"),
          value: d.conformsTo.map((uri) => (
            <span key={uri} className="fc-block">
              <ExternalLink href={uri}>{conformsToLabel(uri)}</ExternalLink>
            </span>
          )),
        },
        d.issued && { key: "issued", term: t("issued"), value: <DateText value={d.issued} /> },
        d.modified && { key: "modified", term: t("modified"), value: <DateText value={d.modified} /> },
        d.contactPoint && {
          key: "contact",
          term: t("contactPoint"),
          value: (
            <>
              <span className="fc-block">{d.contactPoint.name}</span>
              {d.contactPoint.email && (
                <a className="ds-link fc-block" href={`mailto:${d.contactPoint.email}`}>
                  {d.contactPoint.email}
                </a>
              )}
              {d.contactPoint.url && <ExternalLink href={d.contactPoint.url} className="ds-link fc-block" />}
            </>
          ),
        },
      ]}
    />
  );
}
