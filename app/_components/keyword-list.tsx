import NextLink from "next/link";
import { useLocale } from "next-intl";
import type { DatasetDetails } from "@/lib/catalogue/get-dataset";
import { langAttribute } from "@/lib/i18n/pick-text";

const ORDER = { nb: ["nb", "nn", "en"], en: ["en", "nb", "nn"] } as const;

/** The keywords in the reader's language (else Bokmål, Nynorsk, English), each a search link. */
export function KeywordList({ keywords }: { keywords: DatasetDetails["keywords"] }) {
  const locale = useLocale();
  const lang = ORDER[locale].find((l) => (keywords[l]?.length ?? 0) > 0);
  if (!lang) return null;
  return (
    <ul className="fc-keywords" lang={langAttribute(lang, locale)}>
      {keywords[lang]?.map((keyword) => (
        <li key={keyword}>
          <NextLink href={`/datasets?keyword=${encodeURIComponent(keyword)}`} className="fc-keyword">
            {keyword}
          </NextLink>
        </li>
      ))}
    </ul>
  );
}
