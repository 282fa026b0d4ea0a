import type { Metadata } from "next";
import NextLink from "next/link";
import { getTranslations } from "next-intl/server";
import { Heading, Paragraph } from "./_components/design-system";
import { SearchBox } from "./_components/search-box";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Errors.notFound");
  return { title: t("heading") };
}

/** 404: say so plainly and offer the search, the dataset list and the publishers. */
export default async function NotFound() {
  const t = await getTranslations("Errors.notFound");
  return (
    <div className="fc-container fc-stack fc-error-page">
      <Heading level={1} size="lg">
        {t("heading")}
      </Heading>
      <Paragraph className="fc-lead">{t("body")}</Paragraph>
      <SearchBox id="not-found-q" />
      <ul className="fc-link-list">
        <li>
          <NextLink href="/datasets" className="ds-link">
            {t("allDatasets")}
          </NextLink>
        </li>
        <li>
          <NextLink href="/publishers" className="ds-link">
            {t("publishers")}
          </NextLink>
        </li>
        <li>
          <NextLink href="/" className="ds-link">
            {t("home")}
          </NextLink>
        </li>
      </ul>
    </div>
  );
}
