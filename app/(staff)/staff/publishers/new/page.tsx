import type { Metadata } from "next";
import NextLink from "next/link";
import { getTranslations } from "next-intl/server";
import { Heading } from "@/app/_components/design-system";
import { requirePrincipal } from "@/lib/auth/session";
import { Forbidden } from "../../../_components/forbidden";
import { StaffForm } from "../../../_components/staff-form";
import { createPublisherAction } from "../actions";
import { publisherFields } from "../publisher-fields";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Staff.publishers");
  return { title: t("newTitle"), robots: { index: false } };
}

/** Create a publisher (site administrators). */
export default async function NewPublisherPage() {
  const principal = await requirePrincipal("/staff/publishers/new");
  if (!principal.siteAdmin) return <Forbidden />;
  const t = await getTranslations("Staff.publishers");
  return (
    <div className="fc-stack fc-narrow">
      <nav aria-label={t("breadcrumbLabel")} className="fc-breadcrumbs">
        <NextLink href="/staff/publishers" className="ds-link">
          {t("backToList")}
        </NextLink>
      </nav>
      <Heading level={1} size="lg">
        {t("newTitle")}
      </Heading>
      <StaffForm
        action={createPublisherAction}
        idPrefix="publisher"
        submitLabel={t("create")}
        fields={publisherFields(
          {
            slug: t("field.slug"),
            slugHelp: t("help.slug"),
            nameNb: t("field.nameNb"),
            nameNn: t("field.nameNn"),
            nameEn: t("field.nameEn"),
            orgNumber: t("field.orgNumber"),
            orgNumberHelp: t("help.orgNumber"),
            homepage: t("field.homepage"),
            email: t("field.email"),
          },
          { withSlug: true },
        )}
      />
    </div>
  );
}
