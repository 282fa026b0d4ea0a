"use client";

import NextLink from "next/link";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Button, Heading, Paragraph } from "@/app/_components/design-system";

/** An unexpected error while rendering a page: apologise, offer to retry, point back to search. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("Errors.error");
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : undefined;
  return (
    <div className="fc-container fc-stack fc-error-page">
      <Heading level={1} size="lg">
        {t("heading")}
      </Heading>
      <Paragraph className="fc-lead">{t("body")}</Paragraph>
      <div className="fc-actions">
        <Button type="button" variant="primary" onClick={() => retry()}>
          {t("retry")}
        </Button>
        <NextLink href="/datasets" className="ds-link">
          {t("search")}
        </NextLink>
        <NextLink href="/" className="ds-link">
          {t("home")}
        </NextLink>
      </div>
      {digest && <Paragraph size="sm" className="fc-muted">{t("reference", { digest })}</Paragraph>}
    </div>
  );
}
