/** The interface languages of the portal. Metadata may also be in Nynorsk; the UI is nb or en. */
export const LOCALES = ["nb", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "nb";

/** The cookie the language switcher sets (the name next-intl uses by convention). */
export const LOCALE_COOKIE = "NEXT_LOCALE";

/** One year: the choice should survive across visits. */
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The BCP 47 tag used with Intl for dates and numbers. */
export function intlTag(locale: Locale): string {
  return locale === "nb" ? "nb-NO" : "en-GB";
}
