import NextLink from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { themeLabel } from "@/lib/i18n/vocabulary-labels";
import { THEMES } from "@/lib/vocabularies";

/** The EU data themes with how many datasets each has, linking to the filtered search. */
export function ThemeGrid({ counts }: { counts: { code: string; count: number }[] }) {
  const t = useTranslations("Home.themes");
  const locale = useLocale();
  const byCode = new Map(counts.map((c) => [c.code, c.count]));
  const themes = THEMES.map((theme) => ({ code: theme.code, count: byCode.get(theme.code) ?? 0 }))
    .filter((theme) => theme.count > 0)
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  return (
    <ul className="fc-theme-grid" role="list">
      {themes.map(({ code, count }) => (
        <li key={code}>
          <NextLink href={`/datasets?theme=${code}`} className="fc-theme">
            <span className="fc-theme__label">{themeLabel(code, locale)}</span>
            <span className="fc-theme__count">{t("count", { count })}</span>
          </NextLink>
        </li>
      ))}
    </ul>
  );
}
