import { z } from "zod";

import { createIndex, foldKey, urlKey } from "./keys";
import type { Labels } from "./types";
import { validateVocabulary } from "./validate";

/** The EU data-theme NAL (DCAT-AP: dcat:theme and the catalogue's dcat:themeTaxonomy). */
export const THEME_SCHEME_URI = "http://publications.europa.eu/resource/authority/data-theme";

export const THEME_CODES = [
  "AGRI",
  "ECON",
  "EDUC",
  "ENER",
  "ENVI",
  "GOVE",
  "HEAL",
  "INTR",
  "JUST",
  "REGI",
  "SOCI",
  "TECH",
  "TRAN",
] as const;
export type ThemeCode = (typeof THEME_CODES)[number];

export type Theme = { code: ThemeCode; uri: string; label: Labels };

const LABELS: Record<ThemeCode, Labels> = {
  AGRI: {
    nb: "Jordbruk, fiske, skogbruk og mat",
    nn: "Jordbruk, fiske, skogbruk og mat",
    en: "Agriculture, fisheries, forestry and food",
  },
  ECON: { nb: "Økonomi og finans", nn: "Økonomi og finans", en: "Economy and finance" },
  EDUC: { nb: "Utdanning, kultur og sport", nn: "Utdanning, kultur og sport", en: "Education, culture and sport" },
  ENER: { nb: "Energi", nn: "Energi", en: "Energy" },
  ENVI: { nb: "Miljø", nn: "Miljø", en: "Environment" },
  GOVE: {
    nb: "Forvaltning og offentlig sektor",
    nn: "Forvaltning og offentleg sektor",
    en: "Government and public sector",
  },
  HEAL: { nb: "Helse", nn: "Helse", en: "Health" },
  INTR: { nb: "Internasjonale temaer", nn: "Internasjonale tema", en: "International issues" },
  JUST: {
    nb: "Justis, rettssystem og allmenn sikkerhet",
    nn: "Justis, rettssystem og allmenn tryggleik",
    en: "Justice, legal system and public safety",
  },
  REGI: { nb: "Regioner og byer", nn: "Regionar og byar", en: "Regions and cities" },
  SOCI: { nb: "Befolkning og samfunn", nn: "Befolkning og samfunn", en: "Population and society" },
  TECH: { nb: "Vitenskap og teknologi", nn: "Vitskap og teknologi", en: "Science and technology" },
  TRAN: { nb: "Transport", nn: "Transport", en: "Transport" },
};

/**
 * Theme codes seen in legacy records that are not in the EU list. "POPU" (population) occurs in
 * older Norwegian exports; the EU theme that covers it is SOCI, "Population and society".
 */
const LEGACY_CODES: Record<string, ThemeCode> = { POPU: "SOCI" };

export const THEMES: readonly Theme[] = validateVocabulary(
  "themes",
  THEME_CODES.map((code) => ({ code, uri: `${THEME_SCHEME_URI}/${code}`, label: LABELS[code] })),
);

export const themeCodeSchema = z.enum(THEME_CODES, {
  error: `Unknown theme: use one of the EU data-theme codes ${THEME_CODES.join(", ")}`,
});

const byCode = new Map<string, Theme>(THEMES.map((t) => [t.code, t]));
const byUri = new Map<string, Theme>(THEMES.map((t) => [urlKey(t.uri), t]));
const byLabel = createIndex("themes", THEMES, (t) => Object.values(t.label), foldKey);

export function getTheme(code: ThemeCode): Theme {
  const theme = byCode.get(code);
  if (!theme) throw new Error(`Unknown theme code ${code}`);
  return theme;
}

/** The theme for an EU data-theme URI (http or https, trailing slash ignored). */
export function themeFromUri(uri: string): Theme | undefined {
  return byUri.get(urlKey(uri));
}

/** Reads a theme from a code (any case), an EU URI, a label in nb/nn/en, or a known legacy code. */
export function normaliseTheme(value: string): Theme | undefined {
  const text = value.trim();
  const code = text.toUpperCase();
  return (
    byCode.get(code) ??
    byCode.get(LEGACY_CODES[code] ?? "") ??
    themeFromUri(text) ??
    byLabel.get(foldKey(text))
  );
}
