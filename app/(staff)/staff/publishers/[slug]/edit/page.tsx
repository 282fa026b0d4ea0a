import type { Metadata } from "next";
import NextLink from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Heading, Paragraph } from "@/app/_components/design-system";
import { TextInLanguage } from "@/app/_components/text-in-language";
import { requirePrincipal } from "@/lib/auth/session";
import { getDb } from "@/lib/database";
import { getPublisherBySlug } from "@/lib/publishers/queries";
import { Forbidden } from "../../../../_components/forbidden";
import { StaffForm } from "../../../../_components/staff-form";
import { updatePublisherAction } from "../../actions";
import { publisherFields } from "../../publisher-fields";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Staff.publishers");
  return { title: t("editTitle"), robots: { index: false } };
}

/** Edit a publisher's names, organisation number, homepage and e-mail (site administrators). */
export default async function EditPublisherPage({ params }: Props) {
  const { slug } = await params;
  const principal = await requirePrincipal(`/staff/publishers/${slug}/edit`);
  if (!principal.siteAdmin) return <Forbidden />;
  const publisher = getPublisherBySlug(getDb(), { slug });
  if (!publisher) notFound();
  const t = await getTranslations("Staff.publishers");
  const email = "email" in publisher && typeof publisher.email === "string" ? publisher.email : "";
  return (
    <div className="fc-stack fc-narrow">
      <nav aria-label={t("breadcrumbLabel")} className="fc-breadcrumbs">
        <NextLink href="/staff/publishers" className="ds-link">
          {t("backToList")}
        </NextLink>
      </nav>
      <Heading level={1} size="lg">
        {t("editTitle")}: <TextInLanguage text={publisher.name} />
      </Heading>
      <Paragraph className="fc-muted">{t("slugNote", { slug })}</Paragraph>
      <StaffForm
        action={updatePublisherAction.bind(null, slug)}
        idPrefix="publisher"
        submitLabel={t("save")}
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
          {
            withSlug: false,
            values: {
              "name.nb": publisher.name.nb,
              "name.nn": publisher.name.nn,
              "name.en": publisher.name.en,
              orgNumber: publisher.orgNumber ?? undefined,
              homepage: publisher.homepage ?? undefined,
              email,
            },
          },
        )}
      />
    </div>
  );
}
