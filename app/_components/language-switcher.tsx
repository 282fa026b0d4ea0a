import { useLocale, useTranslations } from "next-intl";
import { switchLocale } from "@/lib/i18n/actions";
import { LOCALES } from "@/lib/i18n/config";

/**
 * Bokmål ⇄ English. A form POST (a server action) that sets the language cookie and returns to the
 * same page, so it works without JavaScript. Each language is named in itself.
 */
export function LanguageSwitcher() {
  const t = useTranslations("Layout.language");
  const current = useLocale();
  return (
    <form action={switchLocale} className="fc-lang">
      <div role="group" aria-label={t("legend")} className="fc-lang__group">
        {LOCALES.map((locale) => (
          <button
            key={locale}
            type="submit"
            name="locale"
            value={locale}
            lang={locale}
            className="fc-lang__button"
            aria-pressed={locale === current}
          >
            {t(`name.${locale}`)}
          </button>
        ))}
      </div>
    </form>
  );
}
