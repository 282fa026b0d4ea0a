import type { Metadata } from "next";
import NextLink from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Heading, Paragraph } from "@/app/_components/design-system";
import { requirePrincipal } from "@/lib/auth/session";
import { writablePublishers } from "@/lib/catalogue/staff-queries";
import { getDb } from "@/lib/database";
import { DatasetForm } from "../../../_components/dataset-form/dataset-form";
import { datasetFormOptions } from "../../../_components/dataset-form/options";
import { Forbidden } from "../../../_components/forbidden";
import { createDatasetAction } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Staff.form");
  return { title: t("newTitle"), robots: { index: false } };
}

type Props = { searchParams: Promise<{ publisher?: string }> };

/** Register a dataset: the dataset form, empty, for one of the user's publishers. */
export default async function NewDatasetPage({ searchParams }: Props) {
  const principal = await requirePrincipal("/staff/datasets/new");
  const [t, locale, { publisher: wanted }] = await Promise.all([getTranslations("Staff.form"), getLocale(), searchParams]);
  const publishers = writablePublishers(getDb(), principal);
  if (publishers.length === 0) return <Forbidden />;
  const publisher = publishers.find((p) => p.slug === wanted)?.slug ?? publishers[0]!.slug;
  return (
    <div className="fc-stack">
      <nav aria-label={t("breadcrumbLabel")} className="fc-breadcrumbs">
        <NextLink href="/staff/datasets" className="ds-link">
          {t("backToList")}
        </NextLink>
      </nav>
      <div className="fc-stack fc-stack--tight">
        <Heading level={1} size="lg">
          {t("newTitle")}
        </Heading>
        <Paragraph className="fc-lead">{t("newIntro")}</Paragraph>
      </div>
      <DatasetForm
        action={createDatasetAction}
        input={null}
        publisher={publisher}
        options={datasetFormOptions(locale, publishers)}
        submitLabel={t("create")}
        cancelHref="/staff/datasets"
      />
    </div>
  );
}
