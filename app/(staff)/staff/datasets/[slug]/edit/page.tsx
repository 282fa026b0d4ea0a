import type { Metadata } from "next";
import NextLink from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert, Heading, Paragraph } from "@/app/_components/design-system";
import { TextInLanguage } from "@/app/_components/text-in-language";
import { requirePrincipal } from "@/lib/auth/session";
import { getStaffDataset, writablePublishers } from "@/lib/catalogue/staff-queries";
import { getDb } from "@/lib/database";
import { DatasetForm } from "../../../../_components/dataset-form/dataset-form";
import { datasetFormOptions } from "../../../../_components/dataset-form/options";
import { Forbidden } from "../../../../_components/forbidden";
import { staffRead } from "../../../../_components/staff-read";
import { updateDatasetAction } from "../../actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Staff.form");
  return { title: t("editTitle"), robots: { index: false } };
}

/**
 * Edit a dataset: the dataset form filled with its metadata. Harvested records are shown read-only
 * with the source named, as the next harvest would overwrite a local edit.
 */
export default async function EditDatasetPage({ params }: Props) {
  const { slug } = await params;
  const principal = await requirePrincipal(`/staff/datasets/${slug}/edit`);
  const db = getDb();
  const read = await staffRead(() => getStaffDataset(db, principal, slug));
  if (read === "forbidden") return <Forbidden />;
  const dataset = read.value;
  const [t, locale] = await Promise.all([getTranslations("Staff.form"), getLocale()]);
  const readOnly = !dataset.permissions.canEdit;
  const publishers = writablePublishers(db, principal);
  // The dataset's own publisher is always a choice, even for a user who only reads it.
  const choices = publishers.some((p) => p.slug === dataset.publisher.slug) ? publishers : [dataset.publisher, ...publishers];
  return (
    <div className="fc-stack">
      <nav aria-label={t("breadcrumbLabel")} className="fc-breadcrumbs">
        <NextLink href={`/staff/datasets/${slug}`} className="ds-link">
          {t("backToDataset")}
        </NextLink>
      </nav>
      <div className="fc-stack fc-stack--tight">
        <Heading level={1} size="lg">
          {readOnly ? t("viewTitle") : t("editTitle")}: <TextInLanguage text={dataset.input.title} />
        </Heading>
        <Paragraph className="fc-muted">{t("slugNote", { slug })}</Paragraph>
      </div>
      {dataset.origin === "harvest" ? (
        <Alert color="info">
          <Paragraph>{t("harvestedNote", { source: dataset.harvestSource?.name ?? t("unknownSource") })}</Paragraph>
        </Alert>
      ) : (
        readOnly && (
          <Alert color="info">
            <Paragraph>{t("readOnlyNote")}</Paragraph>
          </Alert>
        )
      )}
      <DatasetForm
        action={updateDatasetAction.bind(null, slug)}
        input={dataset.input}
        publisher={dataset.publisher.slug}
        options={datasetFormOptions(locale, choices)}
        submitLabel={t("save")}
        cancelHref={`/staff/datasets/${slug}`}
        readOnly={readOnly}
      />
    </div>
  );
}
