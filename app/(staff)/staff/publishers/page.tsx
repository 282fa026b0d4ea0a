import type { Metadata } from "next";
import NextLink from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert, Heading, Paragraph } from "@/app/_components/design-system";
import { TextInLanguage } from "@/app/_components/text-in-language";
import { requirePrincipal } from "@/lib/auth/session";
import { getDb } from "@/lib/database";
import { formatNumber } from "@/lib/i18n/format";
import { listPublishers } from "@/lib/publishers/queries";
import { Forbidden } from "../../_components/forbidden";
import { StaffTable } from "@/app/(staff)/_components/staff-table";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Staff.publishers");
  return { title: t("title"), robots: { index: false } };
}

type Props = { searchParams: Promise<{ saved?: string }> };

/**
 * Publishers: site administrators see and edit all and create new ones; publisher administrators
 * see the publishers whose members they manage.
 */
export default async function StaffPublishersPage({ searchParams }: Props) {
  const principal = await requirePrincipal("/staff/publishers");
  const adminOf = new Set(
    [...principal.roles.entries()].filter(([, role]) => role === "admin").map(([id]) => principal.publisherSlugs.get(id)),
  );
  if (!principal.siteAdmin && adminOf.size === 0) return <Forbidden />;
  const [t, locale, { saved }] = await Promise.all([getTranslations("Staff.publishers"), getLocale(), searchParams]);
  const publishers = listPublishers(getDb()).filter((p) => principal.siteAdmin || adminOf.has(p.slug));
  return (
    <div className="fc-stack">
      <div className="fc-section-head">
        <Heading level={1} size="lg">
          {t("title")}
        </Heading>
        {principal.siteAdmin && (
          <NextLink href="/staff/publishers/new" className="ds-button" data-variant="primary">
            {t("new")}
          </NextLink>
        )}
      </div>
      <Paragraph>{principal.siteAdmin ? t("introAdmin") : t("introPublisherAdmin")}</Paragraph>
      {saved && (
        <Alert color="success" role="status">
          <Paragraph>{t("saved", { slug: saved })}</Paragraph>
        </Alert>
      )}
      <StaffTable labelledBy="publishers-caption">
        <caption id="publishers-caption" className="ds-sr-only">
          {t("caption")}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("name")}</th>
            <th scope="col">{t("orgNumber")}</th>
            <th scope="col" className="fc-num">
              {t("datasets")}
            </th>
            <th scope="col">{t("actions")}</th>
          </tr>
        </thead>
        <tbody>
          {publishers.map((p) => (
            <tr key={p.slug}>
              <th scope="row">
                <TextInLanguage text={p.name} />
                <span className="fc-block fc-muted fc-code">{p.slug}</span>
              </th>
              <td>{p.orgNumber ?? <span className="fc-muted">{t("noOrgNumber")}</span>}</td>
              <td className="fc-num">{formatNumber(p.datasets, locale)}</td>
              <td>
                <ul className="fc-inline-list">
                  {principal.siteAdmin && (
                    <li>
                      <NextLink href={`/staff/publishers/${p.slug}/edit`} className="ds-link">
                        {t("edit")}
                        <span className="ds-sr-only">: {p.name.nb}</span>
                      </NextLink>
                    </li>
                  )}
                  <li>
                    <NextLink href={`/staff/publishers/${p.slug}/members`} className="ds-link">
                      {t("members")}
                      <span className="ds-sr-only">: {p.name.nb}</span>
                    </NextLink>
                  </li>
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </StaffTable>
    </div>
  );
}
