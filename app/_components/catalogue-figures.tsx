import NextLink from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatNumber } from "@/lib/i18n/format";
import type { CatalogueSummary } from "@/lib/catalogue/summary";

/** The catalogue's headline counts: datasets, open datasets, publishers, distributions. */
export function CatalogueFigures({ summary }: { summary: CatalogueSummary }) {
  const t = useTranslations("Home.figures");
  const locale = useLocale();
  const percent = summary.datasets ? Math.round((summary.openDatasets / summary.datasets) * 100) : 0;
  const figures = [
    { key: "datasets", value: summary.datasets, href: "/datasets" },
    { key: "openDatasets", value: summary.openDatasets, href: "/datasets?open=true", note: t("openShare", { percent }) },
    { key: "publishers", value: summary.publishers, href: "/publishers" },
    { key: "distributions", value: summary.distributions },
  ] as const;
  return (
    <dl className="fc-figures">
      {figures.map((f) => (
        <div key={f.key} className="fc-figure">
          <dt className="fc-figure__label">{t(f.key)}</dt>
          <dd className="fc-figure__value">
            {"href" in f && f.href ? (
              <NextLink href={f.href} className="fc-figure__link">
                {formatNumber(f.value, locale)}
              </NextLink>
            ) : (
              formatNumber(f.value, locale)
            )}
          </dd>
          {"note" in f && <dd className="fc-figure__note">{f.note}</dd>}
        </div>
      ))}
    </dl>
  );
}
