import NextLink from "next/link";
import { getTranslations } from "next-intl/server";
import { Heading, Paragraph } from "@/app/_components/design-system";

/** What a signed-in user sees on a staff page they may not use (the command answered 403). */
export async function Forbidden() {
  const t = await getTranslations("Staff.forbidden");
  return (
    <div className="fc-stack fc-error-page">
      <Heading level={1} size="lg">
        {t("heading")}
      </Heading>
      <Paragraph className="fc-lead">{t("body")}</Paragraph>
      <p>
        <NextLink href="/staff" className="ds-link">
          {t("back")}
        </NextLink>
      </p>
    </div>
  );
}
