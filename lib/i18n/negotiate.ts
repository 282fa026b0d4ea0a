import { DEFAULT_LOCALE, isLocale, type Locale } from "./config";

/** Accept-Language primary tags and the interface language each one gets. */
const LANGUAGE_TO_LOCALE: Record<string, Locale> = { nb: "nb", nn: "nb", no: "nb", en: "en" };

/**
 * The interface language of a request: the switcher's cookie when it holds a known locale,
 * else the best match from Accept-Language (nb, nn, no → nb; en → en), else nb.
 */
export function negotiateLocale({
  cookie,
  acceptLanguage,
}: {
  cookie?: string | null;
  acceptLanguage?: string | null;
}): Locale {
  if (isLocale(cookie)) return cookie;
  return fromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}

/** The first supported language in an Accept-Language header, by quality then by order. */
export function fromAcceptLanguage(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranges = header
    .split(",")
    .map((part, index) => {
      const [range = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { primary: range.trim().toLowerCase().split("-")[0] ?? "", quality, index };
    })
    .filter((r) => r.primary && Number.isFinite(r.quality) && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const range of ranges) {
    const locale = LANGUAGE_TO_LOCALE[range.primary];
    if (locale) return locale;
  }
  return undefined;
}
