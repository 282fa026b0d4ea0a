import { z } from "zod";

import { createIndex, foldKey, memoized } from "./keys";
import type { Labels } from "./types";
import { codesOf, validateVocabulary } from "./validate";

/** The EU frequency NAL (dct:accrualPeriodicity). */
export const FREQUENCY_SCHEME_URI = "http://publications.europa.eu/resource/authority/frequency";

export type Frequency = { code: FrequencyCode; uri: string; label: Labels };

/** Every concept of the NAL (version 20220615-0), most frequent first. */
const LABELS = {
  "1MIN": { nb: "hvert minutt", nn: "kvart minutt", en: "every minute" },
  "5MIN": { nb: "hvert femte minutt", nn: "kvart femte minutt", en: "every five minutes" },
  "10MIN": { nb: "hvert tiende minutt", nn: "kvart tiande minutt", en: "every ten minutes" },
  "15MIN": { nb: "hvert kvarter", nn: "kvart kvarter", en: "every fifteen minutes" },
  "30MIN": { nb: "hver halvtime", nn: "kvar halvtime", en: "every thirty minutes" },
  HOURLY: { nb: "hver time", nn: "kvar time", en: "hourly" },
  BIHOURLY: { nb: "annenhver time", nn: "annakvar time", en: "every two hours" },
  TRIHOURLY: { nb: "hver tredje time", nn: "kvar tredje time", en: "every three hours" },
  "12HRS": { nb: "hver tolvte time", nn: "kvar tolvte time", en: "every twelve hours" },
  CONT: { nb: "kontinuerlig", nn: "kontinuerleg", en: "continuous" },
  UPDATE_CONT: { nb: "kontinuerlig oppdatert", nn: "kontinuerleg oppdatert", en: "continuously updated" },
  DAILY_2: { nb: "to ganger per dag", nn: "to gonger per dag", en: "twice a day" },
  DAILY: { nb: "daglig", nn: "dagleg", en: "daily" },
  WEEKLY_3: { nb: "tre ganger i uken", nn: "tre gonger i veka", en: "three times a week" },
  WEEKLY_2: { nb: "to ganger i uken", nn: "to gonger i veka", en: "twice a week" },
  WEEKLY: { nb: "ukentlig", nn: "kvar veke", en: "weekly" },
  BIWEEKLY: { nb: "hver fjortende dag", nn: "kvar fjortande dag", en: "every two weeks" },
  MONTHLY_3: { nb: "tre ganger i måneden", nn: "tre gonger i månaden", en: "three times a month" },
  MONTHLY_2: { nb: "to ganger i måneden", nn: "to gonger i månaden", en: "twice a month" },
  MONTHLY: { nb: "månedlig", nn: "månadleg", en: "monthly" },
  BIMONTHLY: { nb: "annenhver måned", nn: "annakvar månad", en: "every two months" },
  QUARTERLY: { nb: "kvartalsvis", nn: "kvartalsvis", en: "quarterly" },
  ANNUAL_3: { nb: "tre ganger i året", nn: "tre gonger i året", en: "three times a year" },
  ANNUAL_2: { nb: "halvårlig", nn: "halvårleg", en: "twice a year" },
  ANNUAL: { nb: "årlig", nn: "årleg", en: "annual" },
  BIENNIAL: { nb: "annethvert år", nn: "annakvart år", en: "every two years" },
  TRIENNIAL: { nb: "hvert tredje år", nn: "kvart tredje år", en: "every three years" },
  QUADRENNIAL: { nb: "hvert fjerde år", nn: "kvart fjerde år", en: "every four years" },
  QUINQUENNIAL: { nb: "hvert femte år", nn: "kvart femte år", en: "every five years" },
  DECENNIAL: { nb: "hvert tiende år", nn: "kvart tiande år", en: "every ten years" },
  BIDECENNIAL: { nb: "hvert tjuende år", nn: "kvart tjuande år", en: "every twenty years" },
  TRIDECENNIAL: { nb: "hvert trettiende år", nn: "kvart trettiande år", en: "every thirty years" },
  AS_NEEDED: { nb: "etter behov", nn: "etter behov", en: "as needed" },
  IRREG: { nb: "uregelmessig", nn: "uregelmessig", en: "irregular" },
  NOT_PLANNED: { nb: "ikke planlagt", nn: "ikkje planlagt", en: "not planned" },
  NEVER: { nb: "aldri", nn: "aldri", en: "never" },
  OTHER: { nb: "annet", nn: "anna", en: "other" },
  UNKNOWN: { nb: "ukjent", nn: "ukjend", en: "unknown" },
} satisfies Record<string, Labels>;

export type FrequencyCode = keyof typeof LABELS;
export const FREQUENCY_CODES = codesOf(LABELS);

/**
 * Other words for the same frequency: English and Norwegian variants, the NAL's own English labels,
 * the Dublin Core Collection Description frequencies (purl.org/cld/freq/…, used by older DCAT-AP
 * and CKAN) and ISO 8601 durations (DCAT-US `accrualPeriodicity`).
 */
const ALIASES: Partial<Record<FrequencyCode, readonly string[]>> = {
  "1MIN": ["PT1M", "R/PT1M"],
  "15MIN": ["every 15 minutes", "PT15M", "R/PT15M"],
  HOURLY: ["timevis", "PT1H", "R/PT1H"],
  "12HRS": ["PT12H", "R/PT12H"],
  CONT: ["continually", "continuously", "løpende", "fortløpende"],
  UPDATE_CONT: ["real time", "realtime", "sanntid", "R/PT1S"],
  DAILY: ["hver dag", "kvar dag", "P1D", "R/P1D"],
  DAILY_2: ["twice daily", "semidaily"],
  WEEKLY: ["vekentleg", "hver uke", "P1W", "R/P1W"],
  WEEKLY_2: ["semiweekly", "P0.5W", "R/P0.5W"],
  WEEKLY_3: ["threetimesaweek", "three times weekly", "P0.33W", "R/P0.33W"],
  BIWEEKLY: ["fortnightly", "annenhver uke", "P2W", "R/P2W"],
  MONTHLY: ["maanedlig", "hver måned", "kvar månad", "P1M", "R/P1M"],
  MONTHLY_2: ["semimonthly", "P0.5M", "R/P0.5M"],
  MONTHLY_3: ["threetimesamonth", "P0.33M", "R/P0.33M"],
  BIMONTHLY: ["P2M", "R/P2M"],
  QUARTERLY: ["hvert kvartal", "kvart kvartal", "P3M", "R/P3M"],
  ANNUAL_3: ["threetimesayear", "P4M", "R/P4M"],
  ANNUAL_2: ["semiannual", "semi annual", "biannual", "halvaarlig", "P6M", "R/P6M"],
  ANNUAL: ["yearly", "annually", "aarlig", "hvert år", "kvart år", "P1Y", "R/P1Y"],
  BIENNIAL: ["biennially", "P2Y", "R/P2Y"],
  TRIENNIAL: ["P3Y", "R/P3Y"],
  QUADRENNIAL: ["P4Y", "R/P4Y"],
  QUINQUENNIAL: ["P5Y", "R/P5Y"],
  DECENNIAL: ["P10Y", "R/P10Y"],
  IRREG: ["irregularly", "ujamn", "ved behov"],
  NEVER: ["ingen oppdatering", "no updates"],
};

/**
 * ISO 19115 MD_MaintenanceFrequencyCode values (Geonorge and other CSW sources). These map as the
 * Ålesund fixture and the national catalogue did: asNeeded → IRREG and notPlanned → NEVER, so
 * harvested records stay comparable with data.norge.no, although the NAL now has AS_NEEDED and
 * NOT_PLANNED (which the bare codes and the words "as needed" / "not planned" still reach).
 */
const ISO_19115: Record<string, FrequencyCode> = {
  continual: "CONT",
  daily: "DAILY",
  weekly: "WEEKLY",
  fortnightly: "BIWEEKLY",
  monthly: "MONTHLY",
  quarterly: "QUARTERLY",
  biannually: "ANNUAL_2",
  annually: "ANNUAL",
  asneeded: "IRREG",
  irregular: "IRREG",
  notplanned: "NEVER",
  unknown: "UNKNOWN",
  semimonthly: "MONTHLY_2",
  biennially: "BIENNIAL",
};

export const FREQUENCIES: readonly Frequency[] = validateVocabulary(
  "frequencies",
  FREQUENCY_CODES.map((code) => ({ code, uri: `${FREQUENCY_SCHEME_URI}/${code}`, label: LABELS[code] })),
);

export const frequencyCodeSchema = z.enum(FREQUENCY_CODES, {
  error: "Unknown frequency: use a code from the EU frequency list, e.g. ANNUAL, MONTHLY, IRREG",
});

const byCode = new Map<string, Frequency>(FREQUENCIES.map((f) => [f.code, f]));
const byWord = createIndex(
  "frequencies",
  FREQUENCIES,
  (f) => [f.code, ...Object.values(f.label), ...(ALIASES[f.code] ?? [])],
  foldKey,
);

export function getFrequency(code: FrequencyCode): Frequency {
  const frequency = byCode.get(code);
  if (!frequency) throw new Error(`Unknown frequency code ${code}`);
  return frequency;
}

/** The last meaningful part of a URI: the NAL code, an ISO code list fragment or a path segment. */
function tokenOf(value: string): string {
  const nal = /publications\.europa\.eu\/resource\/authority\/frequency\/([^/?#\s]+)/i.exec(value);
  if (nal?.[1]) return nal[1];
  const hash = value.lastIndexOf("#");
  if (hash >= 0) return value.slice(hash + 1);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return value.replace(/\/+$/, "").split("/").pop() ?? "";
  return value;
}

/**
 * Reads a frequency from an EU URI (http or https), a bare NAL code, an ISO 19115 maintenance
 * frequency (with or without its code-list URI), a Dublin Core frequency URI, an ISO 8601 duration
 * or an English or Norwegian word. Case- and accent-insensitive.
 */
export const normaliseFrequency = memoized((value: string): Frequency | undefined => {
  const token = tokenOf(value.trim())
    .trim()
    .replace(/^MD_MaintenanceFrequencyCode_/i, "");
  if (token === "") return undefined;
  const iso = ISO_19115[token.toLowerCase()];
  return byCode.get(token.toUpperCase()) ?? (iso ? byCode.get(iso) : undefined) ?? byWord.get(foldKey(token));
});
