import type { Metadata } from "next";
import NextLink from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert, Heading, Paragraph, Tag } from "@/app/_components/design-system";
import { TextInLanguage } from "@/app/_components/text-in-language";
import { writablePublishers } from "@/lib/catalogue/staff-queries";
import { getDb } from "@/lib/database";
import { requirePrincipal } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { getBackupStatus } from "@/lib/operations/backup-status";
import { DateTime } from "../_components/date-time";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Staff.home");
  return { title: t("title"), robots: { index: false } };
}

/** Who you are, your roles per publisher and what each lets you do, and where to go next. */
export default async function StaffHomePage() {
  const principal = await requirePrincipal("/staff");
  const t = await getTranslations("Staff.home");
  const tRoles = await getTranslations("Staff.roles");
  const names = new Map(writablePublishers(getDb(), principal).map((p) => [p.slug, p.name]));
  const roles = [...principal.roles.entries()]
    .map(([id, role]) => ({ slug: principal.publisherSlugs.get(id) ?? String(id), role }))
    .sort((a, b) => a.slug.localeCompare(b.slug));
  const isAdmin = principal.siteAdmin || roles.some((r) => r.role === "admin");
  // Site administrators run the server: they are told when the last backup is missing or too old.
  const backup = principal.siteAdmin ? getBackupStatus(getDb(), { maxAgeHours: env.BACKUP_MAX_AGE_HOURS }) : undefined;

  return (
    <div className="fc-stack">
      <div className="fc-stack fc-stack--tight">
        <Heading level={1} size="lg">
          {t("title")}
        </Heading>
        <Paragraph className="fc-lead">
          {t("signedInAs", { name: principal.name ?? principal.email, email: principal.email })}
        </Paragraph>
        {principal.siteAdmin && (
          <p>
            <Tag color="accent">{tRoles("siteAdmin")}</Tag> {t("siteAdminNote")}
          </p>
        )}
      </div>

      {backup && (
        <section aria-labelledby="operations-heading" className="fc-stack fc-stack--tight">
          <Heading level={2} size="sm" id="operations-heading">
            {t("operationsHeading")}
          </Heading>
          {backup.tooOld ? (
            <Alert color="warning">
              {backup.last
                ? t("backupOld", { hours: Math.floor(backup.ageHours ?? 0), max: backup.maxAgeHours })
                : t("backupMissing")}
            </Alert>
          ) : (
            <Paragraph>
              {t("backupOk")} <DateTime value={backup.last?.finishedAt} />
            </Paragraph>
          )}
        </section>
      )}

      <section aria-labelledby="roles-heading" className="fc-stack fc-stack--tight">
        <Heading level={2} size="sm" id="roles-heading">
          {t("rolesHeading")}
        </Heading>
        {roles.length === 0 ? (
          <Paragraph>{principal.siteAdmin ? t("noRolesAdmin") : t("noRoles")}</Paragraph>
        ) : (
          <div className="fc-table-scroll" role="region" aria-labelledby="roles-caption" tabIndex={0}>
            <table className="ds-table" data-zebra="true">
              <caption id="roles-caption" className="ds-sr-only">
                {t("rolesCaption")}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("publisher")}</th>
                  <th scope="col">{t("role")}</th>
                  <th scope="col">{t("mayDo")}</th>
                </tr>
              </thead>
              <tbody>
                {roles.map((r) => (
                  <tr key={r.slug}>
                    <th scope="row">
                      <TextInLanguage text={names.get(r.slug) ?? { nb: r.slug }} />
                    </th>
                    <td>{tRoles(r.role)}</td>
                    <td>
                      <ul className="fc-compact-list">
                        <li>{t("canDatasets")}</li>
                        <li>{t("canImport")}</li>
                        {r.role === "admin" && (
                          <>
                            <li>
                              <NextLink href={`/staff/publishers/${r.slug}/members`} className="ds-link">
                                {t("canMembers")}
                              </NextLink>
                            </li>
                            <li>{t("canHarvest")}</li>
                          </>
                        )}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="links-heading" className="fc-stack fc-stack--tight">
        <Heading level={2} size="sm" id="links-heading">
          {t("linksHeading")}
        </Heading>
        <ul className="fc-card-links">
          <li>
            <NextLink href="/staff/datasets/new" className="fc-card-link">
              <span className="fc-card-link__title">{t("linkNew")}</span>
              <span className="fc-card-link__text">{t("linkNewText")}</span>
            </NextLink>
          </li>
          <li>
            <NextLink href="/staff/datasets" className="fc-card-link">
              <span className="fc-card-link__title">{t("linkDatasets")}</span>
              <span className="fc-card-link__text">{t("linkDatasetsText")}</span>
            </NextLink>
          </li>
          <li>
            <NextLink href="/staff/import" className="fc-card-link">
              <span className="fc-card-link__title">{t("linkImport")}</span>
              <span className="fc-card-link__text">{t("linkImportText")}</span>
            </NextLink>
          </li>
          <li>
            <NextLink href="/staff/tokens" className="fc-card-link">
              <span className="fc-card-link__title">{t("linkTokens")}</span>
              <span className="fc-card-link__text">{t("linkTokensText")}</span>
            </NextLink>
          </li>
          <li>
            <NextLink href="/kpi" className="fc-card-link">
              <span className="fc-card-link__title">{t("linkKpi")}</span>
              <span className="fc-card-link__text">{t("linkKpiText")}</span>
            </NextLink>
          </li>
          {isAdmin && (
            <li>
              <NextLink href="/staff/publishers" className="fc-card-link">
                <span className="fc-card-link__title">{t("linkPublishers")}</span>
                <span className="fc-card-link__text">{t("linkPublishersText")}</span>
              </NextLink>
            </li>
          )}
          {principal.siteAdmin && (
            <li>
              <NextLink href="/staff/users" className="fc-card-link">
                <span className="fc-card-link__title">{t("linkUsers")}</span>
                <span className="fc-card-link__text">{t("linkUsersText")}</span>
              </NextLink>
            </li>
          )}
        </ul>
      </section>
    </div>
  );
}
