import { z } from "zod";

import { createIndex, foldKey, memoized, urlKey } from "./keys";
import type { Labels } from "./types";
import { codesOf, labelsSchema, validateVocabulary, vocabularyEntrySchema } from "./validate";

/** The EU licence NAL (dct:license; DCAT-AP-NO requires its URIs). Ids checked against version 20241211-0. */
export const LICENCE_SCHEME_URI = "http://publications.europa.eu/resource/authority/licence";

type LicenceFields = {
  /** The EU licence NAL URI, or the licence's own URL when the NAL lacks it (Norge digitalt). */
  uri: string;
  label: Labels;
  /** Counts as an open licence for the Open Data KPI. */
  open: boolean;
  /** Why it is (not) open, in plain words. */
  reason: Labels;
  /** URLs, SPDX ids and names that mean this licence; matched by `normaliseLicence`. */
  aliases: readonly string[];
  /** The human-readable licence text. */
  url?: string;
};
export type Licence = { code: LicenceCode } & LicenceFields;

const nal = (id: string) => `${LICENCE_SCHEME_URI}/${id}`;

const same = (text: string): Labels => ({ nb: text, nn: text, en: text });

const PUBLIC_DOMAIN: Labels = {
  nb: "Fristatus: ingen vilkår for gjenbruk (Open Definition 2.1)",
  nn: "Fristatus: ingen vilkår for gjenbruk (Open Definition 2.1)",
  en: "Public domain: no conditions on reuse (Open Definition 2.1)",
};
const ATTRIBUTION: Labels = {
  nb: "Krever bare kreditering (Open Definition 2.1)",
  nn: "Krev berre kreditering (Open Definition 2.1)",
  en: "Requires attribution only (Open Definition 2.1)",
};
const SHARE_ALIKE: Labels = {
  nb: "Krever kreditering og deling på samme vilkår, som Open Definition 2.1 tillater",
  nn: "Krev kreditering og deling på same vilkår, som Open Definition 2.1 tillèt",
  en: "Requires attribution and share-alike, both allowed by the Open Definition 2.1",
};
const NLOD: Labels = {
  nb: "Statens lisens for åpne offentlige data; krever bare kreditering",
  nn: "Staten sin lisens for opne offentlege data; krev berre kreditering",
  en: "The Norwegian government's open data licence; requires attribution only",
};
const NON_COMMERCIAL: Labels = {
  nb: "Forbyr kommersiell bruk, og er derfor ikke en åpen lisens (Open Definition 2.1)",
  nn: "Forbyr kommersiell bruk, og er difor ikkje ein open lisens (Open Definition 2.1)",
  en: "Forbids commercial use, so it is not an open licence (Open Definition 2.1)",
};
const NO_DERIVATIVES: Labels = {
  nb: "Forbyr endringer, og er derfor ikke en åpen lisens (Open Definition 2.1)",
  nn: "Forbyr endringar, og er difor ikkje ein open lisens (Open Definition 2.1)",
  en: "Forbids changes, so it is not an open licence (Open Definition 2.1)",
};
const NON_COMMERCIAL_NO_DERIVATIVES: Labels = {
  nb: "Forbyr kommersiell bruk og endringer, og er derfor ikke en åpen lisens (Open Definition 2.1)",
  nn: "Forbyr kommersiell bruk og endringar, og er difor ikkje ein open lisens (Open Definition 2.1)",
  en: "Forbids commercial use and changes, so it is not an open licence (Open Definition 2.1)",
};

/** A Creative Commons "licenses/<kind>/<version>" entry; the nb/nn names follow CC's Norwegian translations. */
function creativeCommons(
  kind: string,
  version: string,
  names: { en: string; nb: string; nn: string },
  open: boolean,
  reason: Labels,
  extraAliases: readonly string[] = [],
): LicenceFields {
  const short = `CC ${kind.toUpperCase()} ${version}`;
  const base = `creativecommons.org/licenses/${kind}/${version}`;
  const url = `https://${base}/`;
  return {
    uri: nal(`CC_${kind.replace(/-/g, "").toUpperCase()}_${version.replace(".", "_")}`),
    label: {
      nb: `Creative Commons ${names.nb} ${version} (${short})`,
      nn: `Creative Commons ${names.nn} ${version} (${short})`,
      en: `Creative Commons ${names.en} ${version} (${short})`,
    },
    open,
    reason,
    url,
    aliases: [
      url,
      `${base}/legalcode`,
      `${base}/legalcode.no`,
      `${base}/deed.no`,
      `${base}/deed.en`,
      `CC-${kind.toUpperCase()}-${version}`,
      short,
      ...extraAliases,
    ],
  };
}

const DATA = {
  CC0: {
    uri: nal("CC0"),
    label: {
      nb: "Creative Commons CC0 1.0 Universell (fristatuserklæring)",
      nn: "Creative Commons CC0 1.0 Universell (fristatuserklæring)",
      en: "Creative Commons CC0 1.0 Universal (public domain dedication)",
    },
    open: true,
    reason: PUBLIC_DOMAIN,
    url: "https://creativecommons.org/publicdomain/zero/1.0/",
    aliases: [
      "https://creativecommons.org/publicdomain/zero/1.0/",
      "creativecommons.org/publicdomain/zero/1.0/legalcode",
      "creativecommons.org/publicdomain/zero/1.0/deed.no",
      "CC0-1.0",
      "CC0 1.0",
      "CC-0",
      "CC Zero",
      "Creative Commons Zero",
      "Creative Commons CC0 1.0 Universal",
    ],
  },
  // Unversioned "CC BY" names and the deprecated NAL ids (CC_BY, CC_BYSA, …, labelled "4.0" in the
  // NAL) mean the 4.0 licences. The Norwegian 3.0 port (…/by/3.0/no/) has no NAL id of its own;
  // it has the same terms as 3.0 Unported, so it maps there (normaliseLicence strips "/no").
  CC_BY_4_0: creativeCommons("by", "4.0", { en: "Attribution", nb: "Navngivelse", nn: "Namngjeving" }, true, ATTRIBUTION, [
    "CC BY",
    "CC-BY",
    nal("CC_BY"),
    "Creative Commons Attribution 4.0 International",
    "Creative Commons Navngivelse 4.0 Internasjonal",
  ]),
  CC_BY_3_0: creativeCommons("by", "3.0", { en: "Attribution", nb: "Navngivelse", nn: "Namngjeving" }, true, ATTRIBUTION, [
    "creativecommons.org/licenses/by/3.0/no/",
    "CC-BY-3.0-NO",
  ]),
  CC_BY_2_5: creativeCommons("by", "2.5", { en: "Attribution", nb: "Navngivelse", nn: "Namngjeving" }, true, ATTRIBUTION),
  CC_BY_2_0: creativeCommons("by", "2.0", { en: "Attribution", nb: "Navngivelse", nn: "Namngjeving" }, true, ATTRIBUTION),
  CC_BYSA_4_0: creativeCommons(
    "by-sa",
    "4.0",
    { en: "Attribution-ShareAlike", nb: "Navngivelse-DelPåSammeVilkår", nn: "Namngjeving-DelPåSameVilkår" },
    true,
    SHARE_ALIKE,
    ["CC BY-SA", "CC-BY-SA", nal("CC_BYSA")],
  ),
  CC_BYSA_3_0: creativeCommons(
    "by-sa",
    "3.0",
    { en: "Attribution-ShareAlike", nb: "Navngivelse-DelPåSammeVilkår", nn: "Namngjeving-DelPåSameVilkår" },
    true,
    SHARE_ALIKE,
    ["creativecommons.org/licenses/by-sa/3.0/no/"],
  ),
  CC_BYSA_2_5: creativeCommons(
    "by-sa",
    "2.5",
    { en: "Attribution-ShareAlike", nb: "Navngivelse-DelPåSammeVilkår", nn: "Namngjeving-DelPåSameVilkår" },
    true,
    SHARE_ALIKE,
  ),
  CC_BYSA_2_0: creativeCommons(
    "by-sa",
    "2.0",
    { en: "Attribution-ShareAlike", nb: "Navngivelse-DelPåSammeVilkår", nn: "Namngjeving-DelPåSameVilkår" },
    true,
    SHARE_ALIKE,
  ),
  NLOD_2_0: {
    uri: nal("NLOD_2_0"),
    label: {
      nb: "Norsk lisens for offentlige data (NLOD) 2.0",
      nn: "Norsk lisens for offentlege data (NLOD) 2.0",
      en: "Norwegian Licence for Open Government Data (NLOD) 2.0",
    },
    open: true,
    reason: NLOD,
    url: "https://data.norge.no/nlod/no/2.0",
    // A bare "NLOD" name means the current version; the bare URL below (NLOD_1_0) does not.
    aliases: [
      "https://data.norge.no/nlod/no/2.0",
      "https://data.norge.no/nlod/en/2.0",
      "NLOD-2.0",
      "NLOD 2.0",
      "NLOD20",
      "NLOD",
      "Norsk lisens for offentlige data",
      "Norsk lisens for offentlege data",
      "Norwegian Licence for Open Government Data",
    ],
  },
  NLOD_1_0: {
    uri: nal("NLOD_1_0"),
    label: {
      nb: "Norsk lisens for offentlige data (NLOD) 1.0",
      nn: "Norsk lisens for offentlege data (NLOD) 1.0",
      en: "Norwegian Licence for Open Government Data (NLOD) 1.0",
    },
    open: true,
    reason: NLOD,
    url: "https://data.norge.no/nlod/no/1.0",
    // http://data.norge.no/nlod/ without a version is NLOD 1.0: it was the only version (2011–2016)
    // when the records that use that URL were written.
    aliases: [
      "http://data.norge.no/nlod/no/1.0",
      "http://data.norge.no/nlod/en/1.0",
      "http://data.norge.no/nlod/",
      "http://data.norge.no/nlod/no/",
      "http://data.norge.no/nlod/en/",
      "NLOD-1.0",
      "NLOD 1.0",
    ],
  },
  ODC_BY: {
    uri: nal("ODC_BY"),
    label: same("Open Data Commons Attribution License 1.0 (ODC-By)"),
    open: true,
    reason: ATTRIBUTION,
    url: "https://opendatacommons.org/licenses/by/1-0/",
    aliases: [
      "https://opendatacommons.org/licenses/by/1-0/",
      "opendatacommons.org/licenses/by/1.0/",
      "opendatacommons.org/licenses/by/",
      "opendefinition.org/licenses/odc-by",
      "ODC-By-1.0",
      "ODC-BY",
      "Open Data Commons Attribution License",
    ],
  },
  ODC_BL: {
    uri: nal("ODC_BL"),
    label: same("Open Data Commons Open Database License 1.0 (ODbL)"),
    open: true,
    reason: SHARE_ALIKE,
    url: "https://opendatacommons.org/licenses/odbl/1-0/",
    aliases: [
      "https://opendatacommons.org/licenses/odbl/1-0/",
      "opendatacommons.org/licenses/odbl/1.0/",
      "opendatacommons.org/licenses/odbl/",
      "opendefinition.org/licenses/odc-odbl",
      "ODbL-1.0",
      "ODbL",
      "Open Database License",
    ],
  },
  ODC_PDDL: {
    uri: nal("ODC_PDDL"),
    label: same("Open Data Commons Public Domain Dedication and License 1.0 (PDDL)"),
    open: true,
    reason: PUBLIC_DOMAIN,
    url: "https://opendatacommons.org/licenses/pddl/1-0/",
    aliases: [
      "https://opendatacommons.org/licenses/pddl/1-0/",
      "opendatacommons.org/licenses/pddl/1.0/",
      "opendatacommons.org/licenses/pddl/",
      "opendefinition.org/licenses/odc-pddl",
      "PDDL-1.0",
      "ODC-PDDL",
      "PDDL",
    ],
  },
  CC_BYNC_4_0: creativeCommons(
    "by-nc",
    "4.0",
    { en: "Attribution-NonCommercial", nb: "Navngivelse-IkkeKommersiell", nn: "Namngjeving-IkkjeKommersiell" },
    false,
    NON_COMMERCIAL,
    ["CC BY-NC", nal("CC_BYNC")],
  ),
  CC_BYND_4_0: creativeCommons(
    "by-nd",
    "4.0",
    { en: "Attribution-NoDerivatives", nb: "Navngivelse-IngenBearbeidelse", nn: "Namngjeving-IngenTilarbeiding" },
    false,
    NO_DERIVATIVES,
    ["CC BY-ND", nal("CC_BYND")],
  ),
  CC_BYNCSA_4_0: creativeCommons(
    "by-nc-sa",
    "4.0",
    {
      en: "Attribution-NonCommercial-ShareAlike",
      nb: "Navngivelse-IkkeKommersiell-DelPåSammeVilkår",
      nn: "Namngjeving-IkkjeKommersiell-DelPåSameVilkår",
    },
    false,
    NON_COMMERCIAL,
    ["CC BY-NC-SA", nal("CC_BYNCSA")],
  ),
  CC_BYNCND_4_0: creativeCommons(
    "by-nc-nd",
    "4.0",
    {
      en: "Attribution-NonCommercial-NoDerivatives",
      nb: "Navngivelse-IkkeKommersiell-IngenBearbeidelse",
      nn: "Namngjeving-IkkjeKommersiell-IngenTilarbeiding",
    },
    false,
    NON_COMMERCIAL_NO_DERIVATIVES,
    ["CC BY-NC-ND", nal("CC_BYNCND")],
  ),
  // Not in the EU NAL: its own URL serves as URI. The licence lets parties of the Norge digitalt
  // cooperation (GeoVEKST in the municipalities) use the data; everyone else must buy access.
  NORGE_DIGITALT: {
    uri: "https://www.geonorge.no/Geodataarbeid/geografisk-infrastruktur/Norge-digitalt/Avtaler-og-maler/Norge-digitalt-lisens/",
    label: { nb: "Norge digitalt-lisens", nn: "Norge digitalt-lisens", en: "Norge digitalt licence" },
    open: false,
    reason: {
      nb: "Data bare for parter i Norge digitalt / GeoVEKST; andre må kjøpe tilgang, så den er ikke åpen",
      nn: "Data berre for partar i Norge digitalt / GeoVEKST; andre må kjøpe tilgang, så lisensen er ikkje open",
      en: "Data only for Norge digitalt / GeoVEKST parties; others must buy access, so it is not open",
    },
    url: "https://www.geonorge.no/Geodataarbeid/geografisk-infrastruktur/Norge-digitalt/Avtaler-og-maler/Norge-digitalt-lisens/",
    aliases: [
      "http://www.kartverket.no/Geonorge/Norge-digitalt/Avtaler-og-maler/Norge-digitalt-lisens/",
      "Norge digitalt-lisens",
      "Norge digitalt-lisensen",
      "Norge digitalt",
    ],
  },
} satisfies Record<string, LicenceFields>;

export type LicenceCode = keyof typeof DATA;
export const LICENCE_CODES = codesOf(DATA);

export const LICENCES: readonly Licence[] = validateVocabulary(
  "licences",
  LICENCE_CODES.map((code): Licence => ({ code, ...DATA[code] })),
  vocabularyEntrySchema.extend({
    uri: z.url(),
    open: z.boolean(),
    reason: labelsSchema,
    aliases: z.array(z.string().min(1)),
    url: z.url().optional(),
  }),
);

const licenceKey = (value: string) => foldKey(urlKey(value));

const byCode = new Map<string, Licence>(LICENCES.map((l) => [l.code, l]));
const byUri = new Map<string, Licence>(LICENCES.map((l) => [urlKey(l.uri), l]));
const byAnyName = createIndex(
  "licences",
  LICENCES,
  (l) => [l.code, l.uri, ...(l.url ? [l.url] : []), ...Object.values(l.label), ...l.aliases],
  licenceKey,
);

export const licenceUriSchema = z
  .string()
  .trim()
  .refine((uri) => LICENCES.some((l) => l.uri === uri), {
    error: `Unknown licence: use an EU licence NAL URI such as ${nal("NLOD_2_0")} or ${nal("CC_BY_4_0")}`,
  });

export function getLicence(code: LicenceCode): Licence {
  const licence = byCode.get(code);
  if (!licence) throw new Error(`Unknown licence code ${code}`);
  return licence;
}

/** The licence whose URI this is (http or https, trailing slash ignored); aliases are not matched. */
export function getLicenceByUri(uri: string): Licence | undefined {
  return byUri.get(urlKey(uri));
}

/**
 * Reads a licence from any URL variant, SPDX id, NAL id or name, ignoring case, scheme, `www.` and
 * trailing slashes. Creative Commons `legalcode` / `deed.xx` suffixes and a trailing two-letter
 * language or jurisdiction segment (`/no`) are dropped when the full form is unknown.
 */
export const normaliseLicence = memoized((value: string): Licence | undefined => {
  const key = licenceKey(value);
  if (key === "") return undefined;
  const withoutDeed = key.replace(/\/(legalcode|deed)[^/]*$/, "");
  const withoutLanguage = withoutDeed.replace(/\/[a-z]{2}$/, "");
  return byAnyName.get(key) ?? byAnyName.get(withoutDeed) ?? byAnyName.get(withoutLanguage);
});
