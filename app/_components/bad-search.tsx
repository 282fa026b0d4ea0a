import NextLink from "next/link";
import { useTranslations } from "next-intl";
import { Alert, Heading, Paragraph } from "./design-system";
import { SEARCH_PATH } from "./search-links";

/** A search URL with a parameter we cannot read (hand-edited or outdated link): say which, offer a way on. */
export function BadSearch({ parameter }: { parameter?: string }) {
  const t = useTranslations("Search.badRequest");
  return (
    <Alert color="warning" className="fc-bad-search">
      <Heading level={2} size="xs">
        {t("heading")}
      </Heading>
      <Paragraph>{parameter ? t("bodyParameter", { parameter }) : t("body")}</Paragraph>
      <Paragraph>
        <NextLink href={SEARCH_PATH} className="ds-link">
          {t("newSearch")}
        </NextLink>
      </Paragraph>
    </Alert>
  );
}
