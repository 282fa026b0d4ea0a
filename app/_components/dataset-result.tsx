import NextLink from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatDate, isoDate } from "@/lib/i18n/format";
import { langAttribute, pickText } from "@/lib/i18n/pick-text";
import { accessRightsLabel, formatInfo } from "@/lib/i18n/vocabulary-labels";
import { excerptAroundMatch, highlightText, type HighlightTerms } from "@/lib/search/highlight";
import type { SearchHit } from "@/lib/search/search-datasets";
import { Tag } from "./design-system";
import { excerpt } from "./excerpt";
import { Highlighted } from "./highlighted";
import { OpenStatusTag } from "./open-status-tag";
import { TextInLanguage } from "./text-in-language";

/** One dataset in a result list: title, publisher, the start of its description and key facts. */
type Props = {
  hit: SearchHit;
  headingLevel?: 2 | 3;
  showPublisher?: boolean;
  /** The search terms to mark in the title and description. */
  highlight?: HighlightTerms;
};

export function DatasetResult({ hit, headingLevel = 3, showPublisher = true, highlight }: Props) {
  const t = useTranslations("Search.result");
  const locale = useLocale();
  const Heading = `h${headingLevel}` as const;
  const description = pickText(hit.description, locale);
  const title = pickText(hit.title, locale);
  const modified = formatDate(hit.modified, locale);
  return (
    <article className="fc-result">
      <Heading className="fc-result__title">
        <NextLink href={`/datasets/${hit.slug}`} className="ds-link">
          {highlight && title ? (
            <span lang={langAttribute(title.lang, locale)}>
              <Highlighted segments={highlightText(title.text, highlight)} />
            </span>
          ) : (
            <TextInLanguage text={hit.title} />
          )}
        </NextLink>
      </Heading>
      {showPublisher && (
        <p className="fc-result__publisher">
          <span className="ds-sr-only">{t("publisher")} </span>
          <TextInLanguage text={hit.publisher.name} />
        </p>
      )}
      {description && (
        <p className="fc-result__description" lang={langAttribute(description.lang, locale)}>
          {highlight ? (
            <Highlighted segments={excerptAroundMatch(description.text.replace(/\s+/g, " "), highlight, 200)} />
          ) : (
            excerpt(description.text)
          )}
        </p>
      )}
      <div className="fc-result__meta">
        <OpenStatusTag isOpen={hit.isOpen} />
        <Tag color={hit.accessRights === "PUBLIC" ? "neutral" : "warning"}>
          {t("access", { access: accessRightsLabel(hit.accessRights, locale).label })}
        </Tag>
        {hit.formats.length > 0 && (
          <ul className="fc-formats" aria-label={t("formats")}>
            {hit.formats.map((code) => (
              <li key={code}>
                <Tag color="neutral" variant="outline">
                  {formatInfo(code, locale).label}
                </Tag>
              </li>
            ))}
          </ul>
        )}
        {modified && hit.modified && (
          <span className="fc-result__date">
            {t("modified")} <time dateTime={isoDate(hit.modified)}>{modified}</time>
          </span>
        )}
      </div>
    </article>
  );
}
