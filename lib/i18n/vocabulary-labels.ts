import {
  ACCESS_RIGHTS,
  FREQUENCIES,
  LANGUAGES,
  THEMES,
  getFileType,
  getLicenceByUri,
  normaliseLicence,
  pickLabel,
} from "@/lib/vocabularies";
import type { Locale } from "./config";

/**
 * Controlled-vocabulary codes as words in the reader's language. Unknown codes are shown as they
 * are, so a value the vocabulary lacks is never hidden.
 */

const byCode = <T extends { code: string }>(entries: readonly T[]) => new Map(entries.map((e) => [e.code, e]));
const themes = byCode(THEMES);
const accessRights = byCode(ACCESS_RIGHTS);
const frequencies = byCode(FREQUENCIES);
const languages = byCode(LANGUAGES);

export function themeLabel(code: string, locale: Locale): string {
  const theme = themes.get(code);
  return theme ? pickLabel(theme.label, locale) : code;
}

export function accessRightsLabel(code: string, locale: Locale): { label: string; description?: string } {
  const entry = accessRights.get(code);
  return entry
    ? { label: pickLabel(entry.label, locale), description: pickLabel(entry.description, locale) }
    : { label: code };
}

export type LicenceInfo = { label: string; url?: string; open: boolean; reason?: string };

export function licenceInfo(uri: string, locale: Locale): LicenceInfo {
  const licence = getLicenceByUri(uri) ?? normaliseLicence(uri);
  if (!licence) return { label: uri, url: uri, open: false };
  return {
    label: pickLabel(licence.label, locale),
    url: licence.url ?? licence.uri,
    open: licence.open,
    reason: pickLabel(licence.reason, locale),
  };
}

export type FormatInfo = { label: string; machineReadable?: boolean; nonProprietary?: boolean; reason?: string };

export function formatInfo(code: string, locale: Locale): FormatInfo {
  const fileType = getFileType(code);
  if (!fileType) return { label: code };
  return {
    label: pickLabel(fileType.label, locale),
    machineReadable: fileType.machineReadable,
    nonProprietary: fileType.nonProprietary,
    reason: pickLabel(fileType.reason, locale),
  };
}

/** The frequency as a sentence-initial word ("Uregelmessig", "Annual"), for a value on its own. */
export function frequencyLabel(code: string, locale: Locale): string {
  const frequency = frequencies.get(code);
  const label = frequency ? pickLabel(frequency.label, locale) : code;
  return label.charAt(0).toLocaleUpperCase(locale) + label.slice(1);
}

/** An EU language code (NOB, ENG …) as a word, with its BCP 47 tag. */
export function languageLabel(code: string, locale: Locale): string {
  const language = languages.get(code);
  return language ? pickLabel(language.label, locale) : code;
}
