import { z } from "zod";

import { urlKey } from "./keys";
import type { Labels } from "./types";
import { labelsSchema, validateVocabulary, vocabularyEntrySchema } from "./validate";

/** The EU access-right NAL (dct:accessRights on datasets and data services). */
export const ACCESS_RIGHTS_SCHEME_URI = "http://publications.europa.eu/resource/authority/access-right";

/**
 * The three values DCAT-AP and DCAT-AP-NO use. The NAL also holds SENSITIVE, CONFIDENTIAL and NORMAL
 * (security classifications); DCAT-AP does not use them, so they are left out.
 */
export const ACCESS_RIGHTS_CODES = ["PUBLIC", "RESTRICTED", "NON_PUBLIC"] as const;
export type AccessRightsCode = (typeof ACCESS_RIGHTS_CODES)[number];

export type AccessRights = {
  code: AccessRightsCode;
  uri: string;
  label: Labels;
  /** One short sentence for citizens. */
  description: Labels;
};

const DATA: Record<AccessRightsCode, Pick<AccessRights, "label" | "description">> = {
  PUBLIC: {
    label: { nb: "Offentlig", nn: "Offentleg", en: "Public" },
    description: { nb: "Åpent for alle", nn: "Ope for alle", en: "Open to everyone" },
  },
  RESTRICTED: {
    label: { nb: "Begrenset", nn: "Avgrensa", en: "Restricted" },
    description: {
      nb: "Begrenset tilgang: krever avtale, innlogging eller betaling",
      nn: "Avgrensa tilgang: krev avtale, innlogging eller betaling",
      en: "Restricted access: needs an agreement, a login or payment",
    },
  },
  NON_PUBLIC: {
    label: { nb: "Ikke-offentlig", nn: "Ikkje-offentleg", en: "Non-public" },
    description: {
      nb: "Ikke offentlig: unntatt fra innsyn",
      nn: "Ikkje offentleg: unnateke frå innsyn",
      en: "Not public: exempt from public access",
    },
  },
};

export const ACCESS_RIGHTS: readonly AccessRights[] = validateVocabulary(
  "access rights",
  ACCESS_RIGHTS_CODES.map((code) => ({ code, uri: `${ACCESS_RIGHTS_SCHEME_URI}/${code}`, ...DATA[code] })),
  vocabularyEntrySchema.extend({ description: labelsSchema }),
);

export const accessRightsCodeSchema = z.enum(ACCESS_RIGHTS_CODES, {
  error: "Unknown access rights: use PUBLIC, RESTRICTED or NON_PUBLIC",
});

const byCode = new Map<string, AccessRights>(ACCESS_RIGHTS.map((a) => [a.code, a]));
const byUri = new Map<string, AccessRights>(ACCESS_RIGHTS.map((a) => [urlKey(a.uri), a]));

export function getAccessRights(code: AccessRightsCode): AccessRights {
  const entry = byCode.get(code);
  if (!entry) throw new Error(`Unknown access rights code ${code}`);
  return entry;
}

/** The access rights for an EU access-right URI (http or https, trailing slash ignored). */
export function accessRightsFromUri(uri: string): AccessRights | undefined {
  return byUri.get(urlKey(uri));
}
