import type { Locale } from "@/lib/i18n/config";
import { pickPlain, type LangText } from "@/lib/i18n/pick-text";
import { placesFromText } from "@/lib/places/gazetteer";
import {
  ACCESS_RIGHTS,
  FILE_TYPES,
  FREQUENCIES,
  isOpenFormat,
  LANGUAGES,
  LICENCES,
  MEDIA_TYPES,
  pickLabel,
  THEMES,
} from "@/lib/vocabularies";

/** One choice in a picker: the stored code and its label in the reader's language. */
export type Option = { value: string; label: string; description?: string };
/** A licence or format choice, with whether it counts as open for the KPI and why. */
export type RuleOption = Option & { open: boolean; reason: string };

export type DatasetFormOptions = {
  publishers: Option[];
  themes: Option[];
  accessRights: Option[];
  licences: RuleOption[];
  frequencies: Option[];
  fileTypes: RuleOption[];
  mediaTypes: Option[];
  languages: Option[];
  places: { label: string; uri?: string }[];
};

/** Place names the gazetteer knows; their URIs come from lib/places. */
const KNOWN_PLACE_NAMES = ["Norge", "Møre og Romsdal", "Ålesund kommune", "Molde"];

const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label, "nb");

/**
 * The controlled vocabularies as picker options in the reader's language (lib/vocabularies), built
 * on the server so the form's client code carries only the labels it shows.
 */
export function datasetFormOptions(locale: Locale, publishers: { slug: string; name: LangText }[]): DatasetFormOptions {
  return {
    publishers: publishers.map((p) => ({ value: p.slug, label: pickPlain(p.name, locale) })).sort(byLabel),
    themes: THEMES.map((t) => ({ value: t.code, label: pickLabel(t.label, locale) })).sort(byLabel),
    accessRights: ACCESS_RIGHTS.map((a) => ({
      value: a.code,
      label: pickLabel(a.label, locale),
      description: pickLabel(a.description, locale),
    })),
    licences: LICENCES.map((l) => ({
      value: l.uri,
      label: pickLabel(l.label, locale),
      open: l.open,
      reason: pickLabel(l.reason, locale),
    })).sort((a, b) => Number(b.open) - Number(a.open) || byLabel(a, b)),
    frequencies: FREQUENCIES.map((f) => {
      const label = pickLabel(f.label, locale);
      return { value: f.code, label: label.charAt(0).toLocaleUpperCase(locale) + label.slice(1) };
    }),
    fileTypes: FILE_TYPES.map((f) => ({
      value: f.code,
      label: pickLabel(f.label, locale),
      open: isOpenFormat(f),
      reason: pickLabel(f.reason, locale),
    })).sort(byLabel),
    mediaTypes: MEDIA_TYPES.map((m) => ({ value: m.type, label: m.label ? pickLabel(m.label, locale) : m.type })),
    languages: LANGUAGES.map((l) => ({ value: l.code, label: pickLabel(l.label, locale) })),
    places: KNOWN_PLACE_NAMES.flatMap((name) => placesFromText(name) ?? []),
  };
}
