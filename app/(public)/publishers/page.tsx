import type { Metadata } from "next";
import NextLink from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/lib/database";
import { formatNumber } from "@/lib/i18n/format";
import { listPublishers } from "@/lib/publishers/queries";
import { Heading, Paragraph } from "@/app/_components/design-system";
import { OrgNumber } from "@/app/_components/org-number";
import { TextInLanguage } from "@/app/_components/text-in-language";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Publishers");
  return { title: t("heading"), description: t("intro") };
}

/** Every publisher in the catalogue, with its published and open datasets. */
export default async function PublishersPage() {
  const [t, locale] = await Promise.all([getTranslations("Publishers"), getLocale()]);
  const publishers = listPublishers(getDb());
  return (
    <div className="fc-container fc-stack">
      <Heading level={1} size="lg">
        {t("heading")}
      </Heading>
      <Paragraph className="fc-lead">{t("intro")}</Paragraph>
      <div className="fc-table-scroll" role="region" aria-labelledby="publishers-caption" tabIndex={0}>
        <table className="ds-table fc-publishers-table" data-zebra="true">
          <caption id="publishers-caption" className="ds-sr-only">
            {t("caption", { count: publishers.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("name")}</th>
              <th scope="col" className="fc-wide-only">
                {t("orgNumber")}
              </th>
              <th scope="col" className="fc-num">
                {t("datasets")}
              </th>
              <th scope="col" className="fc-num">
                {t("openDatasets")}
              </th>
            </tr>
          </thead>
          <tbody>
            {publishers.map((p) => (
              <tr key={p.slug}>
                <th scope="row">
                  <NextLink href={`/publishers/${p.slug}`} className="ds-link">
                    <TextInLanguage text={p.name} />
                  </NextLink>
                  {p.orgNumber && (
                    <span className="fc-narrow-only fc-muted fc-block">
                      {t("orgNumberShort")} <OrgNumber value={p.orgNumber} />
                    </span>
                  )}
                </th>
                <td className="fc-wide-only">
                  {p.orgNumber ? <OrgNumber value={p.orgNumber} /> : <span className="fc-muted">{t("noOrgNumber")}</span>}
                </td>
                <td className="fc-num">{formatNumber(p.datasets, locale)}</td>
                <td className="fc-num">{formatNumber(p.openDatasets, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
