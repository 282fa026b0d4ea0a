import { z } from "zod";

import { urlKey } from "./keys";
import type { Labels } from "./types";
import { validateVocabulary, vocabularyEntrySchema } from "./validate";

/** The EU distribution-status NAL (adms:status on distributions in DCAT-AP 3). */
export const DISTRIBUTION_STATUS_SCHEME_URI = "http://publications.europa.eu/resource/authority/distribution-status";

export const DISTRIBUTION_STATUS_CODES = ["COMPLETED", "DEPRECATED", "DEVELOP", "WITHDRAWN"] as const;
export type DistributionStatusCode = (typeof DISTRIBUTION_STATUS_CODES)[number];

export type DistributionStatus = {
  code: DistributionStatusCode;
  uri: string;
  /** The same status in the ADMS status vocabulary, which DCAT-AP-NO 2 requires instead of the NAL. */
  admsUri: string;
  label: Labels;
};

const DATA: Record<DistributionStatusCode, Pick<DistributionStatus, "admsUri" | "label">> = {
  COMPLETED: {
    admsUri: "http://purl.org/adms/status/Completed",
    label: { nb: "Ferdigstilt", nn: "Ferdigstilt", en: "Completed" },
  },
  DEPRECATED: {
    admsUri: "http://purl.org/adms/status/Deprecated",
    label: { nb: "Frarådet", nn: "Frårådd", en: "Deprecated" },
  },
  DEVELOP: {
    admsUri: "http://purl.org/adms/status/UnderDevelopment",
    label: { nb: "Under utvikling", nn: "Under utvikling", en: "Under development" },
  },
  WITHDRAWN: {
    admsUri: "http://purl.org/adms/status/Withdrawn",
    label: { nb: "Trukket tilbake", nn: "Trekt tilbake", en: "Withdrawn" },
  },
};

export const DISTRIBUTION_STATUSES: readonly DistributionStatus[] = validateVocabulary(
  "distribution statuses",
  DISTRIBUTION_STATUS_CODES.map((code) => ({ code, uri: `${DISTRIBUTION_STATUS_SCHEME_URI}/${code}`, ...DATA[code] })),
  vocabularyEntrySchema.extend({ admsUri: z.url() }),
);

export const distributionStatusCodeSchema = z.enum(DISTRIBUTION_STATUS_CODES, {
  error: `Unknown distribution status: use one of ${DISTRIBUTION_STATUS_CODES.join(", ")}`,
});

const byCode = new Map<string, DistributionStatus>(DISTRIBUTION_STATUSES.map((s) => [s.code, s]));
const byUri = new Map<string, DistributionStatus>(
  DISTRIBUTION_STATUSES.flatMap((s) => [[urlKey(s.uri), s] as const, [urlKey(s.admsUri), s] as const]),
);

export function getDistributionStatus(code: DistributionStatusCode): DistributionStatus {
  const status = byCode.get(code);
  if (!status) throw new Error(`Unknown distribution status code ${code}`);
  return status;
}

/** The status for an EU distribution-status URI or an ADMS status URI (http or https). */
export function distributionStatusFromUri(uri: string): DistributionStatus | undefined {
  return byUri.get(urlKey(uri));
}
