import {
  ACCESS_RIGHTS_CODES,
  getFileType,
  getLicenceByUri,
  isKnownMediaType,
} from "@/lib/vocabularies";
import { memoized } from "@/lib/vocabularies/keys";

/**
 * Metadata quality of one dataset after the data.europa.eu Metadata Quality Assessment (MQA):
 * five dimensions, 405 points, four rating bands (../shared/reference/peers.md). Checks on
 * distributions score the share of distributions that pass, except Interoperability, where only
 * the best distribution counts (as in the MQA). The score is a pure function of the facts, so it
 * is the same wherever it is computed and can be checked by hand.
 */

export const QUALITY_DIMENSIONS = [
  "findability",
  "accessibility",
  "interoperability",
  "reusability",
  "contextuality",
] as const;
export type QualityDimension = (typeof QUALITY_DIMENSIONS)[number];

export const QUALITY_MAX_POINTS = 405;

export const QUALITY_BANDS = [
  { band: "excellent", min: 351 },
  { band: "good", min: 221 },
  { band: "sufficient", min: 121 },
  { band: "bad", min: 0 },
] as const;
export type QualityBand = (typeof QUALITY_BANDS)[number]["band"];

/** A cached network check of one URL; `null` when it was never checked. */
export type UrlCheckResult = { ok: boolean; status: number | null; checkedAt: string } | null;

export type QualityDistributionFacts = {
  accessUrl: string;
  downloadUrl: string | null;
  format: string | null;
  mediaType: string | null;
  license: string | null;
  byteSize: number | null;
  accessCheck: UrlCheckResult;
  downloadCheck: UrlCheckResult;
};

export type QualityFacts = {
  keywords: number;
  themes: number;
  spatial: number;
  temporalStart: string | null;
  temporalEnd: string | null;
  license: string | null;
  accessRights: string | null;
  hasContactPoint: boolean;
  hasPublisher: boolean;
  issued: string | null;
  modified: string | null;
  /** DCAT-AP mandatory properties: title and description of the dataset, accessURL of each distribution. */
  hasTitle: boolean;
  hasDescription: boolean;
  distributions: QualityDistributionFacts[];
};

/** The checks, with their dimension and points (MQA weights). */
export const QUALITY_CHECKS = {
  keyword: { dimension: "findability", points: 30 },
  theme: { dimension: "findability", points: 30 },
  spatial: { dimension: "findability", points: 20 },
  temporal: { dimension: "findability", points: 20 },
  accessUrlAnswers: { dimension: "accessibility", points: 50 },
  downloadUrl: { dimension: "accessibility", points: 20 },
  downloadUrlAnswers: { dimension: "accessibility", points: 30 },
  format: { dimension: "interoperability", points: 20 },
  mediaType: { dimension: "interoperability", points: 10 },
  formatFromVocabulary: { dimension: "interoperability", points: 10 },
  nonProprietary: { dimension: "interoperability", points: 20 },
  machineReadable: { dimension: "interoperability", points: 20 },
  dcatApCompliance: { dimension: "interoperability", points: 30 },
  licence: { dimension: "reusability", points: 20 },
  licenceFromVocabulary: { dimension: "reusability", points: 10 },
  accessRights: { dimension: "reusability", points: 10 },
  accessRightsFromVocabulary: { dimension: "reusability", points: 5 },
  contactPoint: { dimension: "reusability", points: 20 },
  publisher: { dimension: "reusability", points: 10 },
  rights: { dimension: "contextuality", points: 5 },
  byteSize: { dimension: "contextuality", points: 5 },
  issued: { dimension: "contextuality", points: 5 },
  modified: { dimension: "contextuality", points: 5 },
} as const satisfies Record<string, { dimension: QualityDimension; points: number }>;
export type QualityCheck = keyof typeof QUALITY_CHECKS;

export type QualityCheckResult = {
  check: QualityCheck;
  dimension: QualityDimension;
  points: number;
  max: number;
  /** Share of the check that passed, 0..1 (the share of distributions for distribution checks). */
  share: number;
  /** The check needs a network result that is missing for at least one URL. */
  pending?: boolean;
};

export type QualityScore = {
  score: number;
  max: typeof QUALITY_MAX_POINTS;
  band: QualityBand;
  dimensions: Record<QualityDimension, { points: number; max: number }>;
  checks: QualityCheckResult[];
  /** The checks that did not fully pass: what to improve, best gain first. */
  missing: QualityCheck[];
  /** When the network checks this score uses were last made (the oldest), or null when none were. */
  urlsCheckedAt: string | null;
};

/** Vocabulary look-ups, memoised: a catalogue uses few distinct values, scored many times. */
const fileTypeOf = memoized((code) => getFileType(code));
const knownMediaType = memoized((type) => isKnownMediaType(type));
const knownLicence = memoized((uri) => getLicenceByUri(uri) !== undefined);

const share = (passed: number, total: number) => (total === 0 ? 0 : passed / total);
const round1 = (n: number) => Math.round(n * 10) / 10;

export function qualityBand(score: number): QualityBand {
  const rounded = Math.round(score);
  return QUALITY_BANDS.find((b) => rounded >= b.min)!.band;
}

/** Interoperability checks of one distribution (the best one counts). */
function distributionInteroperability(d: QualityDistributionFacts): Record<"format" | "mediaType" | "formatFromVocabulary" | "nonProprietary" | "machineReadable", number> {
  const type = d.format ? fileTypeOf(d.format) : undefined;
  return {
    format: d.format ? 1 : 0,
    mediaType: d.mediaType ? 1 : 0,
    formatFromVocabulary: type || (d.mediaType && knownMediaType(d.mediaType)) ? 1 : 0,
    nonProprietary: type?.nonProprietary ? 1 : 0,
    machineReadable: type?.machineReadable ? 1 : 0,
  };
}

const CHECK_NAMES = Object.keys(QUALITY_CHECKS) as QualityCheck[];

export function scoreDatasetQuality(facts: QualityFacts): QualityScore {
  const dists = facts.distributions;
  const n = dists.length;
  const shares: Partial<Record<QualityCheck, number>> = {};
  const pending = new Set<QualityCheck>();

  shares.keyword = facts.keywords > 0 ? 1 : 0;
  shares.theme = facts.themes > 0 ? 1 : 0;
  shares.spatial = facts.spatial > 0 ? 1 : 0;
  shares.temporal = facts.temporalStart || facts.temporalEnd ? 1 : 0;

  shares.accessUrlAnswers = share(dists.filter((d) => d.accessCheck?.ok).length, n);
  if (dists.some((d) => d.accessCheck === null)) pending.add("accessUrlAnswers");
  shares.downloadUrl = share(dists.filter((d) => d.downloadUrl).length, n);
  shares.downloadUrlAnswers = share(dists.filter((d) => d.downloadUrl && d.downloadCheck?.ok).length, n);
  if (dists.some((d) => d.downloadUrl && d.downloadCheck === null)) pending.add("downloadUrlAnswers");

  const interop = QUALITY_CHECKS;
  let best = { format: 0, mediaType: 0, formatFromVocabulary: 0, nonProprietary: 0, machineReadable: 0 };
  let bestPoints = -1;
  for (const d of dists) {
    const c = distributionInteroperability(d);
    const points =
      c.format * interop.format.points +
      c.mediaType * interop.mediaType.points +
      c.formatFromVocabulary * interop.formatFromVocabulary.points +
      c.nonProprietary * interop.nonProprietary.points +
      c.machineReadable * interop.machineReadable.points;
    if (points > bestPoints) {
      best = c;
      bestPoints = points;
    }
  }
  Object.assign(shares, best);
  // A proxy for the MQA's SHACL check: the DCAT-AP mandatory properties are present. Every record
  // passes the registration schema; the RDF output itself is validated by the feed tests.
  shares.dcatApCompliance = facts.hasTitle && facts.hasDescription && dists.every((d) => d.accessUrl) ? 1 : 0;

  // (Loops rather than array methods here and below: a harvest scores thousands of datasets in a
  // row, and chains of filter/map/spread over lists that are sometimes empty had V8 throw away and
  // recompile this function several times in each job: harvest/map-dcat.ts has the figures.)
  const licences: string[] = [];
  if (facts.license) licences.push(facts.license);
  for (const d of dists) if (d.license) licences.push(d.license);
  shares.licence = licences.length > 0 ? 1 : 0;
  shares.licenceFromVocabulary = licences.length > 0 && licences.every(knownLicence) ? 1 : 0;
  shares.accessRights = facts.accessRights ? 1 : 0;
  shares.accessRightsFromVocabulary =
    facts.accessRights && (ACCESS_RIGHTS_CODES as readonly string[]).includes(facts.accessRights) ? 1 : 0;
  shares.contactPoint = facts.hasContactPoint ? 1 : 0;
  shares.publisher = facts.hasPublisher ? 1 : 0;

  // dct:rights on distributions: Fjordcat has no rights statement field yet, so it never passes.
  shares.rights = 0;
  shares.byteSize = share(dists.filter((d) => d.byteSize !== null).length, n);
  shares.issued = facts.issued ? 1 : 0;
  shares.modified = facts.modified ? 1 : 0;

  const checks: QualityCheckResult[] = [];
  for (const check of CHECK_NAMES) {
    const { dimension, points: max } = QUALITY_CHECKS[check];
    const s = shares[check] ?? 0;
    const result: QualityCheckResult = { check, dimension, points: round1(max * s), max, share: s };
    if (pending.has(check)) result.pending = true;
    checks.push(result);
  }
  const dimensions = Object.fromEntries(QUALITY_DIMENSIONS.map((d) => [d, { points: 0, max: 0 }])) as QualityScore["dimensions"];
  for (const c of checks) {
    dimensions[c.dimension].points = round1(dimensions[c.dimension].points + c.points);
    dimensions[c.dimension].max += c.max;
  }
  const score = round1(checks.reduce((sum, c) => sum + c.points, 0));
  // The earliest check of the distributions' URLs.
  let checkedAt: string | null = null;
  for (const d of dists) {
    for (const at of [d.accessCheck?.checkedAt, d.downloadCheck?.checkedAt]) if (at && (checkedAt === null || at < checkedAt)) checkedAt = at;
  }
  return {
    score,
    max: QUALITY_MAX_POINTS,
    band: qualityBand(score),
    dimensions,
    checks,
    missing: checks
      .filter((c) => c.share < 1)
      .sort((a, b) => b.max * (1 - b.share) - a.max * (1 - a.share))
      .map((c) => c.check),
    urlsCheckedAt: checkedAt,
  };
}
