import { z } from "zod";

import { urlKey } from "./keys";
import type { Labels } from "./types";
import { validateVocabulary, vocabularyEntrySchema } from "./validate";

/** The EU language NAL (dct:language on catalogues, datasets and distributions). */
export const LANGUAGE_SCHEME_URI = "http://publications.europa.eu/resource/authority/language";

export const LANGUAGE_CODES = ["NOB", "NNO", "NOR", "ENG", "SMI", "SWE", "DAN"] as const;
export type LanguageCode = (typeof LANGUAGE_CODES)[number];

export type Language = {
  code: LanguageCode;
  uri: string;
  /** BCP 47 language tag. */
  tag: string;
  label: Labels;
};

/**
 * `tags` lists every tag or ISO 639 code read as this language; the first is the one we write.
 * The EU list only has the collective SMI for the Sami languages; we write "se" (Northern Sami,
 * by far the most used in Norway) and read the other Sami languages in Norway as SMI too.
 */
const DATA: Record<LanguageCode, { tags: readonly string[]; label: Labels }> = {
  NOB: { tags: ["nb", "nob"], label: { nb: "Norsk bokmål", nn: "Norsk bokmål", en: "Norwegian Bokmål" } },
  NNO: { tags: ["nn", "nno"], label: { nb: "Norsk nynorsk", nn: "Norsk nynorsk", en: "Norwegian Nynorsk" } },
  NOR: { tags: ["no", "nor"], label: { nb: "Norsk", nn: "Norsk", en: "Norwegian" } },
  ENG: { tags: ["en", "eng"], label: { nb: "Engelsk", nn: "Engelsk", en: "English" } },
  SMI: {
    tags: ["se", "smi", "sme", "sma", "smj", "smn", "sms"],
    label: { nb: "Samisk", nn: "Samisk", en: "Sami" },
  },
  SWE: { tags: ["sv", "swe"], label: { nb: "Svensk", nn: "Svensk", en: "Swedish" } },
  DAN: { tags: ["da", "dan"], label: { nb: "Dansk", nn: "Dansk", en: "Danish" } },
};

export const LANGUAGES: readonly Language[] = validateVocabulary(
  "languages",
  LANGUAGE_CODES.map((code) => {
    const { tags, label } = DATA[code];
    return { code, uri: `${LANGUAGE_SCHEME_URI}/${code}`, tag: tags[0] ?? "", label };
  }),
  vocabularyEntrySchema.extend({ tag: z.string().regex(/^[a-z]{2,3}$/) }),
);

export const languageCodeSchema = z.enum(LANGUAGE_CODES, {
  error: `Unknown language: use one of the EU language codes ${LANGUAGE_CODES.join(", ")}`,
});

const byCode = new Map<string, Language>(LANGUAGES.map((l) => [l.code, l]));
const byUri = new Map<string, Language>(LANGUAGES.map((l) => [urlKey(l.uri), l]));
const byTag = new Map<string, Language>(
  LANGUAGES.flatMap((l) => DATA[l.code].tags.map((tag) => [tag, l] as const)),
);

export function getLanguage(code: LanguageCode): Language {
  const language = byCode.get(code);
  if (!language) throw new Error(`Unknown language code ${code}`);
  return language;
}

/**
 * The language for a BCP 47 tag ("nb", "nb-NO", "no") or an ISO 639 code ("nob", "NOR").
 * "no" and "nor" mean Norwegian without saying which written standard: NOR.
 */
export function languageFromTag(tag: string): Language | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return byTag.get(primary);
}

/** The language for an EU language URI (http or https, trailing slash ignored). */
export function languageFromUri(uri: string): Language | undefined {
  return byUri.get(urlKey(uri));
}
