import type { Metadata } from "next";
import NextLink from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Heading, Paragraph, Tag } from "@/app/_components/design-system";
import { requirePrincipal } from "@/lib/auth/session";
import { getDb } from "@/lib/database";
import { getHarvestSource } from "@/lib/harvest/sources";
import type { Locale } from "@/lib/i18n/config";
import { ActionButton } from "../../../_components/action-button";
import { DateTime } from "../../../_components/date-time";
import { Forbidden } from "../../../_components/forbidden";
import { StaffForm } from "../../../_components/staff-form";
import { staffRead } from "../../../_components/staff-read";
import { runSourceAction, updateSourceAction } from "../actions";
import { JobStatusTag } from "../job-status-tag";
import { RefreshWhileRunning } from "../refresh-while-running";
import { harvestPublisherOptions } from "../publisher-options";
import { sourceFields } from "../source-fields";
import { StaffTable } from "@/app/(staff)/_components/staff-table";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Staff.harvest");
  return { title: t("title"), robots: { index: false } };
}

/** One harvest source: run it now (or as a dry run), its recent jobs, and its settings. */
export default async function HarvestSourcePage({ params }: Props) {
  const { id: raw } = await params;
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const principal = await requirePrincipal(`/staff/harvest/${id}`);
  const read = await staffRead(() => getHarvestSource(getDb(), { principal, id }));
  if (read === "forbidden") return <Forbidden />;
  const source = read.value;
  const t = await getTranslations("Staff.harvest");
  const locale = (await getLocale()) as Locale;
  return (
    <div className="fc-stack">
      <nav aria-label={t("breadcrumbLabel")} className="fc-breadcrumbs">
        <NextLink href="/staff/harvest" className="ds-link">
          {t("backToList")}
        </NextLink>
      </nav>
      <div className="fc-stack fc-stack--tight">
        <Heading level={1} size="lg">
          {source.name}
        </Heading>
        <p>
          <Tag color="neutral">{t(`kind.${source.kind}`)}</Tag> <Tag color="neutral">{t(`schedule.${source.schedule}`)}</Tag>{" "}
          {!source.enabled && <Tag color="warning">{t("disabled")}</Tag>}
        </p>
        <p className="fc-code fc-break">{source.url}</p>
        <dl className="fc-harvest-facts">
          <dt>{t("column.records")}</dt>
          <dd>{t("recordsCount", { records: source.records, archived: source.archivedRecords })}</dd>
          <dt>{t("lastRun")}</dt>
          <dd>{source.lastRunAt ? <DateTime value={source.lastRunAt} /> : t("never")}</dd>
          {source.nextRunAt && source.enabled && (
            <>
              <dt>{t("nextRun")}</dt>
              <dd>
                <DateTime value={source.nextRunAt} />
              </dd>
            </>
          )}
        </dl>
        <div className="fc-actions">
          <ActionButton action={runSourceAction.bind(null, id, false)} label={t("runNow")} pendingLabel={t("running")} variant="primary" />
          <ActionButton action={runSourceAction.bind(null, id, true)} label={t("dryRun")} pendingLabel={t("running")} variant="secondary" />
        </div>
      </div>

      {/* A running job's status in the table below changes by itself when the job ends. */}
      {source.jobs.some((job) => job.status === "running") && <RefreshWhileRunning />}
      <section aria-labelledby="jobs-heading" className="fc-stack fc-stack--tight">
        <Heading level={2} size="sm" id="jobs-heading">
          {t("jobsHeading")}
        </Heading>
        {source.jobs.length === 0 ? (
          <Paragraph>{t("noJobs")}</Paragraph>
        ) : (
          <StaffTable labelledBy="jobs-heading">
            <thead>
              <tr>
                <th scope="col">{t("job.started")}</th>
                <th scope="col">{t("column.status")}</th>
                <th scope="col">{t("job.created")}</th>
                <th scope="col">{t("job.updated")}</th>
                <th scope="col">{t("job.unchanged")}</th>
                <th scope="col">{t("job.archived")}</th>
                <th scope="col">{t("job.failed")}</th>
                <th scope="col">{t("job.warnings")}</th>
              </tr>
            </thead>
            <tbody>
              {source.jobs.map((job) => (
                <tr key={job.id}>
                  <th scope="row">
                    <NextLink href={`/staff/harvest/jobs/${job.id}`} className="ds-link">
                      <DateTime value={job.startedAt} />
                    </NextLink>
                    {job.dryRun && (
                      <>
                        {" "}
                        <Tag color="neutral">{t("job.dryRunTag")}</Tag>
                      </>
                    )}
                  </th>
                  <td>
                    <JobStatusTag status={job.status} />
                  </td>
                  <td>{job.created}</td>
                  <td>{job.updated}</td>
                  <td>{job.unchanged}</td>
                  <td>{job.archived}</td>
                  <td>{job.failed}</td>
                  <td>{job.warnings}</td>
                </tr>
              ))}
            </tbody>
          </StaffTable>
        )}
      </section>

      <section aria-labelledby="edit-source-heading" className="fc-stack fc-stack--tight fc-narrow">
        <Heading level={2} size="sm" id="edit-source-heading">
          {t("editHeading")}
        </Heading>
        <StaffForm
          action={updateSourceAction.bind(null, id)}
          idPrefix="source"
          submitLabel={t("save")}
          successMessage={t("saved")}
          fields={sourceFields((key) => t(key as never), harvestPublisherOptions(principal, locale), {
            ...source,
            defaultPublisher: source.defaultPublisher?.slug,
          })}
        />
      </section>
    </div>
  );
}
