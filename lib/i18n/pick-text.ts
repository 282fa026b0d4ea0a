import type { Locale } from "./config";

/** A text in some of the catalogue's metadata languages. */
export type LangText = { nb?: string; nn?: string; en?: string };
type MetadataLang = keyof LangText;

/** A text picked for the reader, with the language it is actually written in. */
export type PickedText = { text: string; lang: MetadataLang };

/**
 * The order to look for a metadata text: the reader's language first, then Bokmål, Nynorsk and
 * English (an English reader gets the Norwegian text when there is no English one).
 */
const FALLBACKS: Record<Locale, readonly MetadataLang[]> = {
  nb: ["nb", "nn", "en"],
  en: ["en", "nb", "nn"],
};

/** The best text for the reader's locale, or undefined when there is none in any language. */
export function pickText(text: LangText | null | undefined, locale: Locale): PickedText | undefined {
  if (!text) return undefined;
  for (const lang of FALLBACKS[locale]) {
    const value = text[lang]?.trim();
    if (value) return { text: value, lang };
  }
  return undefined;
}

/** The BCP 47 tag to put on an element whose text is in `lang`, or undefined when it is the page's. */
export function langAttribute(lang: MetadataLang, locale: Locale): string | undefined {
  return lang === locale ? undefined : lang;
}

/** The picked text as a plain string ("" when none); for attributes, titles and metadata. */
export function pickPlain(text: LangText | null | undefined, locale: Locale): string {
  return pickText(text, locale)?.text ?? "";
}
