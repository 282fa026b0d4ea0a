import { useLocale, useTranslations } from "next-intl";
import type { QueryReport } from "@/lib/search/search-datasets";

/**
 * Says how the text search was run when it was not a plain match of every word: the words that
 * were widened to similar spellings, and the fallback to partial matches.
 */
export function QueryNotice({ query }: { query: QueryReport }) {
  const t = useTranslations("Search.notice");
  const locale = useLocale();
  const suggestions = query.corrections.flatMap((c) => c.suggestions);
  if (query.mode === "all" && suggestions.length === 0) return null;
  const list = new Intl.ListFormat(locale === "en" ? "en-GB" : "nb-NO", { type: "disjunction" }).format(
    suggestions.map((s) => `«${s}»`),
  );
  return (
    <div className="ds-alert fc-query-notice" data-color="info" role="status">
      {query.mode === "partial" && <p>{t("partial")}</p>}
      {suggestions.length > 0 && <p>{t("corrected", { words: list })}</p>}
    </div>
  );
}
