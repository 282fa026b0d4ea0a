import type { Metadata } from "next";
import NextLink from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert, Heading, Paragraph, Tag } from "@/app/_components/design-system";
import { requirePrincipal } from "@/lib/auth/session";
import { getDb } from "@/lib/database";
import { getHarvestJob } from "@/lib/harvest/sources";
import { DateTime } from "../../../../_components/date-time";
import { Forbidden } from "../../../../_components/forbidden";
import { staffRead } from "../../../../_components/staff-read";
import { JobStatusTag } from "../../job-status-tag";
import { JobProgress } from "./job-progress";
import { StaffTable } from "@/app/(staff)/_components/staff-table";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("Staff.harvest.job");
  return { title: t("title", { id: (await params).id }), robots: { index: false } };
}

const COUNTS = ["created", "updated", "unchanged", "archived", "failed", "warnings"] as const;

/** A harvest job's report: what it did, how long it took, why it failed, and every per-record message. */
export default async function HarvestJobPage({ params }: Props) {
  const { id: raw } = await params;
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const principal = await requirePrincipal(`/staff/harvest/jobs/${id}`);
  const read = await staffRead(() => getHarvestJob(getDb(), { principal, id }));
  if (read === "forbidden") return <Forbidden />;
  const job = read.value;
  const t = await getTranslations("Staff.harvest");
  return (
    <div className="fc-stack">
      <nav aria-label={t("breadcrumbLabel")} className="fc-breadcrumbs">
        <NextLink href={job.source ? `/staff/harvest/${job.source.id}` : "/staff/harvest"} className="ds-link">
          {job.source ? job.source.name : t("backToList")}
        </NextLink>
      </nav>
      <div className="fc-stack fc-stack--tight">
        <Heading level={1} size="lg">
          {t("job.title", { id })}
        </Heading>
        <p>
          <JobStatusTag status={job.status} /> {job.dryRun && <Tag color="neutral">{t("job.dryRunTag")}</Tag>}
        </p>
        {job.status === "running" && <JobProgress jobId={id} />}
        {job.error && (
          <Alert color="danger">
            <strong>{t("job.error")}:</strong> {job.error}
          </Alert>
        )}
        <dl className="fc-harvest-facts">
          <dt>{t("job.location")}</dt>
          <dd className="fc-code fc-break">{job.location}</dd>
          <dt>{t("job.started")}</dt>
          <dd>
            <DateTime value={job.startedAt} />
          </dd>
          {job.finishedAt && (
            <>
              <dt>{t("job.finished")}</dt>
              <dd>
                <DateTime value={job.finishedAt} />
              </dd>
            </>
          )}
          {job.durationMs !== null && (
            <>
              <dt>{t("job.duration")}</dt>
              <dd>{t("durationMs", { seconds: (job.durationMs / 1000).toFixed(1) })}</dd>
            </>
          )}
          <dt>{t("job.trigger")}</dt>
          <dd>{job.triggeredBy}</dd>
        </dl>
      </div>

      {/* What a job did is known when it ends: a running job shows its progress above instead. */}
      {job.status !== "running" && (
        <>
          <div className="fc-table-scroll" role="region" aria-labelledby="counts-caption" tabIndex={0}>
            <table className="ds-table fc-staff-table">
              <caption id="counts-caption">{t("job.countsCaption")}</caption>
              <thead>
                <tr>
                  {COUNTS.map((key) => (
                    <th scope="col" key={key}>
                      {t(`job.${key}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  {COUNTS.map((key) => (
                    <td key={key}>{job[key]}</td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>

          <section aria-labelledby="messages-heading" className="fc-stack fc-stack--tight">
            <Heading level={2} size="sm" id="messages-heading">
              {t("job.messagesHeading")}
            </Heading>
            {job.messages.length === 0 ? (
              <Paragraph>{t("job.noMessages")}</Paragraph>
            ) : (
              <StaffTable labelledBy="messages-heading">
                <thead>
                  <tr>
                    <th scope="col">{t("job.level")}</th>
                    <th scope="col">{t("job.record")}</th>
                    <th scope="col">{t("job.message")}</th>
                  </tr>
                </thead>
                <tbody>
                  {job.messages.map((message) => (
                    <tr key={message.id}>
                      <td>
                        <Tag color={message.level === "error" ? "danger" : "warning"}>
                          {message.level === "error" ? t("job.errorLevel") : t("job.warning")}
                        </Tag>
                      </td>
                      <td className="fc-code fc-break">{message.recordUri ?? "–"}</td>
                      <td>{message.message}</td>
                    </tr>
                  ))}
                </tbody>
              </StaffTable>
            )}
          </section>
        </>
      )}
    </div>
  );
}
