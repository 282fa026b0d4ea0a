import type { Metadata } from "next";
import NextLink from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Heading, Paragraph, Tag } from "@/app/_components/design-system";
import { requirePrincipal } from "@/lib/auth/session";
import { getDb } from "@/lib/database";
import { listHarvestSources } from "@/lib/harvest/sources";
import type { Locale } from "@/lib/i18n/config";
import { DateTime } from "../../_components/date-time";
import { Forbidden } from "../../_components/forbidden";
import { StaffForm } from "../../_components/staff-form";
import { staffRead } from "../../_components/staff-read";
import { createSourceAction } from "./actions";
import { JobStatusTag } from "./job-status-tag";
import { harvestPublisherOptions } from "./publisher-options";
import { sourceFields } from "./source-fields";
import { StaffTable } from "@/app/(staff)/_components/staff-table";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Staff.harvest");
  return { title: t("title"), robots: { index: false } };
}

/** The harvest sources the user manages, with their last job, and a form to register one. */
export default async function HarvestSourcesPage() {
  const principal = await requirePrincipal("/staff/harvest");
  const read = await staffRead(() => listHarvestSources(getDb(), { principal }));
  if (read === "forbidden") return <Forbidden />;
  const sources = read.value;
  const t = await getTranslations("Staff.harvest");
  const locale = (await getLocale()) as Locale;
  return (
    <div className="fc-stack">
      <div className="fc-stack fc-stack--tight">
        <Heading level={1} size="lg">
          {t("title")}
        </Heading>
        <Paragraph className="fc-lead">{t("intro")}</Paragraph>
      </div>

      <section aria-labelledby="sources-heading" className="fc-stack fc-stack--tight">
        <Heading level={2} size="sm" id="sources-heading">
          {t("listHeading")}
        </Heading>
        {sources.length === 0 ? (
          <Paragraph>{t("none")}</Paragraph>
        ) : (
          <StaffTable labelledBy="sources-heading">
            <thead>
              <tr>
                <th scope="col">{t("column.name")}</th>
                <th scope="col">{t("column.kind")}</th>
                <th scope="col">{t("column.schedule")}</th>
                <th scope="col">{t("column.records")}</th>
                <th scope="col">{t("column.lastJob")}</th>
              </tr>
            </thead>
            <tbody>
              {sources.map((source) => (
                <tr key={source.id}>
                  <th scope="row">
                    <NextLink href={`/staff/harvest/${source.id}`} className="ds-link">
                      {source.name}
                    </NextLink>
                    {!source.enabled && (
                      <>
                        {" "}
                        <Tag color="neutral">{t("disabled")}</Tag>
                      </>
                    )}
                    {source.defaultPublisher && <div className="fc-muted">{source.defaultPublisher.name}</div>}
                  </th>
                  <td>{t(`kind.${source.kind}`)}</td>
                  <td>{t(`schedule.${source.schedule}`)}</td>
                  <td>{t("recordsCount", { records: source.records, archived: source.archivedRecords })}</td>
                  <td>
                    {source.lastJob ? (
                      <>
                        <JobStatusTag status={source.lastJob.status} /> <DateTime value={source.lastJob.startedAt} />
                      </>
                    ) : (
                      <span className="fc-muted">{t("never")}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </StaffTable>
        )}
      </section>

      <section aria-labelledby="new-source-heading" className="fc-stack fc-stack--tight fc-narrow">
        <Heading level={2} size="sm" id="new-source-heading">
          {t("newHeading")}
        </Heading>
        <StaffForm
          action={createSourceAction}
          idPrefix="source"
          submitLabel={t("create")}
          fields={sourceFields((key) => t(key as never), harvestPublisherOptions(principal, locale))}
        />
      </section>
    </div>
  );
}
