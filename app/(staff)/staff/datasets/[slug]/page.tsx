import type { Metadata } from "next";
import NextLink from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert, Heading, Paragraph, Tag } from "@/app/_components/design-system";
import { OpennessStatus } from "@/app/_components/openness-status";
import { TextInLanguage } from "@/app/_components/text-in-language";
import { requirePrincipal } from "@/lib/auth/session";
import { getStaffDataset, type StaffDataset } from "@/lib/catalogue/staff-queries";
import { getDb } from "@/lib/database";
import { ActionButton } from "../../../_components/action-button";
import { DateTime } from "../../../_components/date-time";
import { Forbidden } from "../../../_components/forbidden";
import { RevisionHistory } from "../../../_components/revision-history";
import { StateTag } from "../../../_components/state-tag";
import { staffRead } from "../../../_components/staff-read";
import { changeStateAction } from "../actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ saved?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Staff.dataset");
  return { title: t("metaTitle"), robots: { index: false } };
}

const SAVED = ["created", "updated", "unchanged", "draft", "published", "withdrawn"] as const;

/** Which workflow steps to offer from a state: draft → published → withdrawn, and back to draft. */
const NEXT_STATES: Record<StaffDataset["state"], StaffDataset["state"][]> = {
  draft: ["published"],
  published: ["withdrawn", "draft"],
  withdrawn: ["draft", "published"],
};

/** The staff view of a dataset: its state with who and when, the workflow, openness and history. */
export default async function StaffDatasetPage({ params, searchParams }: Props) {
  const [{ slug }, { saved }] = await Promise.all([params, searchParams]);
  const principal = await requirePrincipal(`/staff/datasets/${slug}`);
  const read = await staffRead(() => getStaffDataset(getDb(), principal, slug));
  if (read === "forbidden") return <Forbidden />;
  const dataset = read.value;
  const t = await getTranslations("Staff.dataset");
  const savedKind = SAVED.find((s) => s === saved);

  return (
    <article className="fc-stack" aria-labelledby="dataset-title">
      <nav aria-label={t("breadcrumbLabel")} className="fc-breadcrumbs">
        <NextLink href="/staff/datasets" className="ds-link">
          {t("backToList")}
        </NextLink>
      </nav>
      {savedKind && (
        <Alert color="success" role="status">
          <Paragraph>{t(`saved.${savedKind}`)}</Paragraph>
        </Alert>
      )}
      <header className="fc-stack fc-stack--tight">
        <Heading level={1} size="lg" id="dataset-title">
          <TextInLanguage text={dataset.input.title} />
        </Heading>
        <p className="fc-staff-meta">
          <StateTag state={dataset.state} />{" "}
          {dataset.origin === "harvest" && <Tag color="info">{t("harvested")}</Tag>}{" "}
          <TextInLanguage text={dataset.publisher.name} />
        </p>
      </header>

      <div className="fc-staff-columns">
        <div className="fc-stack">
          <section aria-labelledby="state-heading" className="fc-panel fc-stack fc-stack--tight">
            <Heading level={2} size="sm" id="state-heading">
              {t("stateHeading")}
            </Heading>
            <Paragraph>
              {dataset.stateChangedAt
                ? t.rich("stateChanged", {
                    state: t(`stateName.${dataset.state}`),
                    who: dataset.stateChangedBy ?? t("unknownActor"),
                    when: () => <DateTime value={dataset.stateChangedAt} />,
                  })
                : t("stateSince", { state: t(`stateName.${dataset.state}`) })}
            </Paragraph>
            {dataset.origin === "harvest" && (
              <Paragraph>{t("harvestedNote", { source: dataset.harvestSource?.name ?? t("unknownSource") })}</Paragraph>
            )}
            {dataset.harvestedRecord && (
              <details className="fc-harvested-record">
                <summary>
                  {t("harvestedRecord", {
                    format: dataset.harvestedRecord.format,
                    size: `${(Buffer.byteLength(dataset.harvestedRecord.text) / 1024).toFixed(1)} KB`,
                  })}
                </summary>
                <pre className="fc-code" tabIndex={0}>
                  {dataset.harvestedRecord.text}
                </pre>
              </details>
            )}
            {dataset.permissions.canChangeState && (
              <div className="fc-actions">
                {NEXT_STATES[dataset.state].map((state) => (
                  <ActionButton
                    key={state}
                    action={changeStateAction.bind(null, slug)}
                    hidden={{ state }}
                    label={t(`to.${state}`)}
                    pendingLabel={t("working")}
                    variant={state === "published" ? "primary" : "secondary"}
                  />
                ))}
              </div>
            )}
            {dataset.permissions.canEdit && (
              <p>
                <NextLink href={`/staff/datasets/${slug}/edit`} className="ds-button" data-variant="secondary">
                  {t("edit")}
                </NextLink>
              </p>
            )}
            {!dataset.permissions.canEdit && dataset.origin === "harvest" && (
              <p>
                <NextLink href={`/staff/datasets/${slug}/edit`} className="ds-link">
                  {t("viewForm")}
                </NextLink>
              </p>
            )}
          </section>

          <section aria-labelledby="history-heading" className="fc-stack fc-stack--tight">
            <Heading level={2} size="sm" id="history-heading">
              {t("historyHeading")}
            </Heading>
            <RevisionHistory revisions={dataset.revisions} />
          </section>
        </div>

        <aside className="fc-stack" aria-label={t("asideLabel")}>
          <OpennessStatus openness={dataset.openness} />
          <section aria-labelledby="record-heading" className="fc-panel">
            <Heading level={2} size="xs" id="record-heading">
              {t("recordHeading")}
            </Heading>
            <dl className="fc-facts fc-facts--compact">
              <div>
                <dt>{t("slug")}</dt>
                <dd className="fc-code">{dataset.slug}</dd>
              </div>
              <div>
                <dt>{t("uri")}</dt>
                <dd className="fc-break">{dataset.uri}</dd>
              </div>
              <div>
                <dt>{t("created")}</dt>
                <dd>
                  <DateTime value={dataset.createdAt} />
                </dd>
              </div>
              <div>
                <dt>{t("updated")}</dt>
                <dd>
                  <DateTime value={dataset.updatedAt} />
                </dd>
              </div>
            </dl>
            {dataset.state === "published" && (
              <p>
                <NextLink href={`/datasets/${slug}`} className="ds-link">
                  {t("publicPage")}
                </NextLink>
              </p>
            )}
          </section>
        </aside>
      </div>
    </article>
  );
}
