import NextLink from "next/link";
import { useTranslations } from "next-intl";
import { pageWindow } from "./page-window";

type Props = {
  page: number;
  totalPages: number;
  /** The URL of a page, keeping the rest of the state. */
  hrefFor: (page: number) => string;
};

/**
 * Page links in Designsystemet's pagination markup (a `<nav class="ds-pagination">` of links):
 * they work without JavaScript, carry rel=prev/next, and say "Page 3 of 8". The first and last
 * items are always previous/next (the CSS draws their arrows); a missing one keeps its place hidden.
 */
export function PaginationNav({ page, totalPages, hrefFor }: Props) {
  const t = useTranslations("Pagination");
  if (totalPages <= 1) return null;
  const prev = page > 1 ? page - 1 : undefined;
  const next = page < totalPages ? page + 1 : undefined;
  const placeholder = <span className="ds-button" data-variant="tertiary" aria-hidden="true" />;
  return (
    <div className="fc-pagination">
      <p className="fc-pagination__status">{t("status", { page, total: totalPages })}</p>
      <nav aria-label={t("label")} className="ds-pagination">
        <ul>
          <li>
            {prev ? (
              <NextLink href={hrefFor(prev)} rel="prev" className="ds-button" data-variant="tertiary">
                {t("previous")}
              </NextLink>
            ) : (
              placeholder
            )}
          </li>
          {pageWindow(page, totalPages, 7).map((n, i) =>
            n === 0 ? (
              <li key={`gap-${i}`} />
            ) : (
              <li key={n}>
                <NextLink
                  href={hrefFor(n)}
                  className="ds-button"
                  data-variant="tertiary"
                  aria-current={n === page ? "true" : undefined}
                  aria-label={t("page", { page: n })}
                >
                  {n}
                </NextLink>
              </li>
            ),
          )}
          <li>
            {next ? (
              <NextLink href={hrefFor(next)} rel="next" className="ds-button" data-variant="tertiary">
                {t("next")}
              </NextLink>
            ) : (
              placeholder
            )}
          </li>
        </ul>
      </nav>
    </div>
  );
}
