import type { ElementType, ReactNode } from "react";
import { useLocale } from "next-intl";
import { langAttribute, pickText, type LangText } from "@/lib/i18n/pick-text";

type Props = {
  text: LangText | null | undefined;
  /** The element to render; `span` by default. */
  as?: ElementType;
  className?: string;
  /** Shown when the text is missing in every language. */
  fallback?: ReactNode;
  id?: string;
};

/**
 * A metadata text in the reader's language, else Bokmål, Nynorsk or English. When the text is not
 * in the page's language, the element gets its own `lang` (WCAG 3.1.2 Language of Parts).
 */
export function TextInLanguage({ text, as: Element = "span", className, fallback = null, id }: Props) {
  const locale = useLocale();
  const picked = pickText(text, locale);
  if (!picked) return <>{fallback}</>;
  return (
    <Element className={className} id={id} lang={langAttribute(picked.lang, locale)}>
      {picked.text}
    </Element>
  );
}
