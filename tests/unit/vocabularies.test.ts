import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";
import { z } from "zod";

import {
  ACCESS_RIGHTS,
  ACCESS_RIGHTS_CODES,
  accessRightsCodeSchema,
  accessRightsFromUri,
  DISTRIBUTION_STATUS_CODES,
  distributionStatusFromUri,
  FILE_TYPES,
  fileTypeCodeSchema,
  fileTypeFromUri,
  FREQUENCIES,
  FREQUENCY_CODES,
  frequencyCodeSchema,
  getAccessRights,
  getFileType,
  getFrequency,
  getLanguage,
  getLicence,
  getLicenceByUri,
  getTheme,
  ianaMediaTypeUri,
  isKnownMediaType,
  isOpenFormat,
  type Labels,
  LANGS,
  LANGUAGE_CODES,
  languageFromTag,
  languageFromUri,
  LICENCES,
  licenceUriSchema,
  MEDIA_TYPES,
  mediaTypeSchema,
  normaliseFileType,
  normaliseFrequency,
  normaliseLicence,
  normaliseMediaType,
  normaliseTheme,
  pickLabel,
  THEME_CODES,
  themeCodeSchema,
  themeFromUri,
  THEMES,
} from "../../lib/vocabularies";
import { validateVocabulary } from "../../lib/vocabularies/validate";

const VOCABULARIES = path.resolve(process.cwd(), "../shared/dcat/shapes/vocabularies");
const FIXTURE = path.resolve(process.cwd(), "../shared/fixtures/alesund-catalogue.json");

const readTtl = (file: string) => readFileSync(path.join(VOCABULARIES, file), "utf8");

/** The `dc:identifier` codes of an EU NAL extract. */
function nalCodes(file: string): Set<string> {
  return new Set([...readTtl(file).matchAll(/dc:identifier\s+"([^"]+)"/g)].map((m) => m[1] ?? ""));
}

/** Licence ids the licence NAL extract marks deprecated. */
function deprecatedLicenceIds(): Set<string> {
  const ids = new Set<string>();
  for (const block of readTtl("licences-sparql-result.ttl").split(/\n(?=ns3:)/)) {
    const id = /^ns3:(\S+)/.exec(block)?.[1];
    if (id && /deprecated\s+"true"/.test(block)) ids.add(id);
  }
  return ids;
}

const fixtureSchema = z.object({
  datasets: z.array(
    z.object({
      license: z.string().optional(),
      accrualPeriodicity: z.string().optional(),
      distributions: z.array(z.object({ format: z.string().optional(), mediaType: z.string().optional() })),
    }),
  ),
});
const fixture = fixtureSchema.parse(JSON.parse(readFileSync(FIXTURE, "utf8")));
const fixtureDistributions = fixture.datasets.flatMap((d) => d.distributions);

const nalUri = (scheme: string, code: string) => `http://publications.europa.eu/resource/authority/${scheme}/${code}`;

describe("every vocabulary", () => {
  const lists: Record<string, readonly { code: string; uri: string | null; label: Labels }[]> = {
    THEMES,
    ACCESS_RIGHTS,
    FREQUENCIES,
    LICENCES,
    FILE_TYPES,
  };

  it.each(Object.entries(lists))("%s has unique codes and URIs and three non-empty labels", (_name, list) => {
    const codes = list.map((e) => e.code);
    const uris = list.flatMap((e) => (e.uri ? [e.uri] : []));
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(uris).size).toBe(uris.length);
    for (const entry of list) for (const lang of LANGS) expect(entry.label[lang].trim()).not.toBe("");
  });

  it("validation rejects a duplicate code, a duplicate URI and an empty label", () => {
    const label = { nb: "a", nn: "a", en: "a" };
    expect(() =>
      validateVocabulary("test", [
        { code: "A", uri: "http://x/a", label },
        { code: "A", uri: "http://x/b", label },
      ]),
    ).toThrow(/duplicate code A/);
    expect(() =>
      validateVocabulary("test", [
        { code: "A", uri: "http://x/a", label },
        { code: "B", uri: "http://x/a", label },
      ]),
    ).toThrow(/duplicate uri/);
    expect(() => validateVocabulary("test", [{ code: "A", uri: null, label: { ...label, nn: " " } }])).toThrow(
      /Invalid vocabulary test/,
    );
  });
});

describe("themes", () => {
  it("has exactly the 13 themes of the EU data-theme extract", () => {
    expect(new Set(THEME_CODES)).toEqual(nalCodes("data-theme-sparql-result.ttl"));
    expect(THEMES).toHaveLength(13);
  });

  it("has written labels and NAL URIs", () => {
    expect(getTheme("AGRI")).toEqual({
      code: "AGRI",
      uri: nalUri("data-theme", "AGRI"),
      label: {
        nb: "Jordbruk, fiske, skogbruk og mat",
        nn: "Jordbruk, fiske, skogbruk og mat",
        en: "Agriculture, fisheries, forestry and food",
      },
    });
    expect(getTheme("GOVE").label.nn).toBe("Forvaltning og offentleg sektor");
  });

  it("reads URIs, codes and the legacy POPU code", () => {
    expect(themeFromUri("https://publications.europa.eu/resource/authority/data-theme/ENVI/")?.code).toBe("ENVI");
    expect(themeFromUri("http://example.org/ENVI")).toBeUndefined();
    expect(normaliseTheme("tran")?.code).toBe("TRAN");
    expect(normaliseTheme("Miljø")?.code).toBe("ENVI");
    expect(normaliseTheme("POPU")?.code).toBe("SOCI");
    expect(themeCodeSchema.safeParse("POPU").success).toBe(false);
    expect(themeCodeSchema.parse("REGI")).toBe("REGI");
  });
});

describe("access rights", () => {
  it("has the three DCAT-AP values, all in the EU extract", () => {
    const extract = nalCodes("access-right-sparql-result.ttl");
    expect([...ACCESS_RIGHTS_CODES]).toEqual(["PUBLIC", "RESTRICTED", "NON_PUBLIC"]);
    for (const code of ACCESS_RIGHTS_CODES) expect(extract.has(code)).toBe(true);
  });

  it("describes each value for citizens and reads URIs", () => {
    expect(getAccessRights("PUBLIC").description.nb).toBe("Åpent for alle");
    expect(getAccessRights("NON_PUBLIC").label.en).toBe("Non-public");
    expect(accessRightsFromUri(nalUri("access-right", "RESTRICTED"))?.code).toBe("RESTRICTED");
    expect(accessRightsFromUri(nalUri("access-right", "SENSITIVE"))).toBeUndefined();
    expect(accessRightsCodeSchema.safeParse("SENSITIVE").success).toBe(false);
  });
});

describe("frequencies", () => {
  it("has exactly the codes of the EU frequency extract", () => {
    expect(new Set(FREQUENCY_CODES)).toEqual(nalCodes("frequencies-sparql-result.ttl"));
    expect(getFrequency("ANNUAL_2").uri).toBe(nalUri("frequency", "ANNUAL_2"));
    expect(frequencyCodeSchema.safeParse("YEARLY").success).toBe(false);
  });

  it.each([
    ["http://publications.europa.eu/resource/authority/frequency/DAILY", "DAILY"],
    ["https://publications.europa.eu/resource/authority/frequency/WEEKLY", "WEEKLY"],
    ["http://publications.europa.eu/resource/authority/frequency/YEARLY", "ANNUAL"],
    ["IRREG", "IRREG"],
    ["AS_NEEDED", "AS_NEEDED"],
    ["daglig", "DAILY"],
    ["Weekly", "WEEKLY"],
    ["månedlig", "MONTHLY"],
    ["maanedlig", "MONTHLY"],
    ["kvartalsvis", "QUARTERLY"],
    ["yearly", "ANNUAL"],
    ["årlig", "ANNUAL"],
    ["kontinuerlig", "CONT"],
    ["irregular", "IRREG"],
    ["never", "NEVER"],
    ["ukjent", "UNKNOWN"],
    // ISO 19115 MD_MaintenanceFrequencyCode
    ["continual", "CONT"],
    ["fortnightly", "BIWEEKLY"],
    ["biannually", "ANNUAL_2"],
    ["annually", "ANNUAL"],
    ["asNeeded", "IRREG"],
    ["notPlanned", "NEVER"],
    ["http://standards.iso.org/iso/19139/resources/gmxCodelists.xml#MD_MaintenanceFrequencyCode_asNeeded", "IRREG"],
    // Dublin Core and ISO 8601
    ["http://purl.org/cld/freq/semiannual", "ANNUAL_2"],
    ["R/P1M", "MONTHLY"],
  ])("%s → %s", (value, code) => {
    expect(normaliseFrequency(value)?.code).toBe(code);
  });

  it("reads every label back and rejects unknown values", () => {
    for (const f of FREQUENCIES) for (const lang of LANGS) expect(normaliseFrequency(f.label[lang])?.code).toBe(f.code);
    expect(normaliseFrequency("sometimes")).toBeUndefined();
    expect(normaliseFrequency("  ")).toBeUndefined();
  });
});

describe("licences", () => {
  it("uses current, non-deprecated ids of the EU licence NAL", () => {
    const ids = nalCodes("licences-sparql-result.ttl");
    const deprecated = deprecatedLicenceIds();
    expect(deprecated.has("CC_BY")).toBe(true); // the extract is read correctly
    for (const licence of LICENCES) {
      if (licence.code === "NORGE_DIGITALT") continue;
      expect(licence.uri).toBe(nalUri("licence", licence.code));
      expect(ids.has(licence.code), licence.code).toBe(true);
      expect(deprecated.has(licence.code), licence.code).toBe(false);
    }
  });

  it("counts every licence data.norge.no calls open as open", () => {
    const open = [...readTtl("open-licenses.ttl").matchAll(/authority\/licence\/([A-Z0-9_]+)>/g)].map((m) => m[1]);
    expect(open.sort()).toEqual(["CC0", "CC_BY_4_0", "NLOD_2_0"]);
    for (const uri of open) expect(getLicenceByUri(nalUri("licence", uri ?? ""))?.open).toBe(true);
  });

  it("has exactly the open set of ARCHITECTURE.md, each with a reason", () => {
    const open = LICENCES.filter((l) => l.open).map((l) => l.code);
    expect(open.sort()).toEqual(
      [
        "CC0",
        "CC_BY_2_0",
        "CC_BY_2_5",
        "CC_BY_3_0",
        "CC_BY_4_0",
        "CC_BYSA_2_0",
        "CC_BYSA_2_5",
        "CC_BYSA_3_0",
        "CC_BYSA_4_0",
        "NLOD_1_0",
        "NLOD_2_0",
        "ODC_BL",
        "ODC_BY",
        "ODC_PDDL",
      ].sort(),
    );
    expect(getLicence("CC_BY_4_0").reason.nb).toBe("Krever bare kreditering (Open Definition 2.1)");
    for (const code of ["CC_BYNC_4_0", "CC_BYND_4_0", "CC_BYNCSA_4_0", "CC_BYNCND_4_0"] as const) {
      expect(getLicence(code).open).toBe(false);
    }
  });

  it.each([
    ["http://data.norge.no/nlod/", "NLOD_1_0"],
    ["http://data.norge.no/nlod/no/1.0", "NLOD_1_0"],
    ["https://data.norge.no/nlod/en/1.0/", "NLOD_1_0"],
    ["https://data.norge.no/nlod/no/2.0", "NLOD_2_0"],
    ["http://data.norge.no/nlod/en/2.0", "NLOD_2_0"],
    ["NLOD-2.0", "NLOD_2_0"],
    ["Norsk lisens for offentlige data", "NLOD_2_0"],
    ["http://creativecommons.org/licenses/by/4.0/", "CC_BY_4_0"],
    ["https://creativecommons.org/licenses/by/4.0/deed.no", "CC_BY_4_0"],
    ["https://creativecommons.org/licenses/by/4.0/legalcode", "CC_BY_4_0"],
    ["http://creativecommons.org/licenses/by/4.0/no/", "CC_BY_4_0"],
    ["CC-BY-4.0", "CC_BY_4_0"],
    ["http://publications.europa.eu/resource/authority/licence/CC_BY", "CC_BY_4_0"],
    ["http://creativecommons.org/licenses/by/3.0/no/", "CC_BY_3_0"],
    ["https://creativecommons.org/licenses/by-sa/4.0/", "CC_BYSA_4_0"],
    ["https://creativecommons.org/publicdomain/zero/1.0/", "CC0"],
    ["CC0-1.0", "CC0"],
    ["https://opendatacommons.org/licenses/odbl/1-0/", "ODC_BL"],
    ["PDDL-1.0", "ODC_PDDL"],
    ["https://creativecommons.org/licenses/by-nc/4.0/", "CC_BYNC_4_0"],
    ["  HTTP://WWW.creativecommons.org/licenses/by/4.0  ", "CC_BY_4_0"],
    [
      "https://www.geonorge.no/Geodataarbeid/geografisk-infrastruktur/Norge-digitalt/Avtaler-og-maler/Norge-digitalt-lisens/",
      "NORGE_DIGITALT",
    ],
    ["http://www.kartverket.no/Geonorge/Norge-digitalt/Avtaler-og-maler/Norge-digitalt-lisens/", "NORGE_DIGITALT"],
  ])("%s → %s", (value, code) => {
    expect(normaliseLicence(value)?.code).toBe(code);
  });

  it("rejects unknown licences", () => {
    expect(normaliseLicence("https://example.org/my-licence")).toBeUndefined();
    expect(normaliseLicence("")).toBeUndefined();
    expect(licenceUriSchema.safeParse("CC-BY-4.0").success).toBe(false);
    expect(licenceUriSchema.parse(nalUri("licence", "NLOD_2_0"))).toBe(nalUri("licence", "NLOD_2_0"));
  });

  it("keeps the Norge digitalt licence out of the open set", () => {
    const licence = getLicence("NORGE_DIGITALT");
    expect(licence.open).toBe(false);
    expect(licence.uri).toBe(
      "https://www.geonorge.no/Geodataarbeid/geografisk-infrastruktur/Norge-digitalt/Avtaler-og-maler/Norge-digitalt-lisens/",
    );
    expect(licence.reason.en).toMatch(/GeoVEKST/);
  });
});

describe("file types", () => {
  it("uses EU file-type codes where the list has them, and conformsTo otherwise", () => {
    const nal = nalCodes("filetypes-sparql-result.ttl");
    for (const f of FILE_TYPES) {
      if (f.uri) {
        expect(nal.has(f.code), f.code).toBe(true);
        expect(f.uri).toBe(nalUri("file-type", f.code));
      } else {
        expect(nal.has(f.code), f.code).toBe(false);
        expect(f.conformsTo, f.code).toMatch(/^https?:\/\//);
      }
    }
    expect(getFileType("SOSI").uri).toBeNull();
    expect(getFileType("SOSI").conformsTo).toBe("https://www.kartverket.no/geodataarbeid/standardisering/sosi-standarden");
    expect(getFileType("NETEX").conformsTo).toBe("http://www.netex-cen.eu");
    expect(fileTypeFromUri("http://www.netex-cen.eu/")?.code).toBe("NETEX");
    expect(fileTypeFromUri(nalUri("file-type", "WMS_SRVC"))?.code).toBe("WMS_SRVC");
  });

  it("sets the Open Data flags", () => {
    const open = (code: string) => {
      const f = getFileType(code);
      if (!f) throw new Error(code);
      return [f.machineReadable, f.nonProprietary];
    };
    expect(open("WMS_SRVC")).toEqual([false, true]);
    expect(open("WFS_SRVC")).toEqual([true, true]);
    expect(open("PDF")).toEqual([false, true]);
    expect(open("JPEG")).toEqual([false, true]);
    expect(open("HTML")).toEqual([false, true]);
    expect(open("CSV")).toEqual([true, true]);
    expect(open("SOSI")).toEqual([true, true]);
    expect(open("SHP")).toEqual([true, true]);
    expect(open("GDB")).toEqual([true, false]);
    expect(open("XLSX")).toEqual([true, true]);
    expect(open("XLS")).toEqual([true, false]);
    expect(open("MRSID")).toEqual([true, false]);
    expect(open("GEOTIFF")).toEqual([true, true]);
    expect(isOpenFormat(getFileType("GML"))).toBe(true);
    expect(isOpenFormat(getFileType("WMS_SRVC"))).toBe(false);
    expect(getFileType("WMS_SRVC").service).toBe("WMS");
  });

  it.each([
    ["csv", undefined, "CSV"],
    ["ESRI Filgeodatabase", "application/zip", "GDB"],
    ["ESRI Shape", "application/zip", "SHP"],
    ["WMS", "application/vnd.ogc.wms_xml", "WMS_SRVC"],
    ["WFS", "application/xml", "WFS_SRVC"],
    ["PostGIS", "application/sql", "POSTGIS"],
    ["Microsoft Excel", undefined, "XLS"],
    ["ASCII x,y,z", undefined, "ASCII_XYZ"],
    [".geojson", undefined, "GEOJSON"],
    ["json-ld", undefined, "JSON_LD"],
    ["text/csv", undefined, "CSV"],
    ["http://publications.europa.eu/resource/authority/file-type/GPKG", undefined, "GPKG"],
    ["sosi, shape", undefined, "SOSI"],
    [undefined, "Text/CSV; charset=utf-8", "CSV"],
    [undefined, "application/zip", "ZIP"],
    [undefined, "image/tiff", "TIFF"],
    [undefined, "text/xml", "XML"],
    [undefined, "application/gml+xml", "GML"],
    ["Tekstfil", "text/csv", "TXT"],
    ["Mystery format", "application/geo+json", "GEOJSON"],
  ])("format %s with media type %s → %s", (format, mediaType, code) => {
    expect(normaliseFileType(format, mediaType)?.code).toBe(code);
  });

  it("does not guess from a zip media type when the format text is unknown", () => {
    expect(normaliseFileType("Sosi Shape", "application/zip")).toBeUndefined();
    expect(normaliseFileType("Mystery format")).toBeUndefined();
    expect(normaliseFileType(undefined)).toBeUndefined();
    expect(fileTypeCodeSchema.safeParse("SOSI").success).toBe(true);
    expect(fileTypeCodeSchema.safeParse("DOCX2").success).toBe(false);
  });
});

describe("the Ålesund fixture", () => {
  it("normalises every licence", () => {
    const licences = new Set(fixture.datasets.flatMap((d) => (d.license ? [d.license] : [])));
    expect(licences.size).toBeGreaterThan(3);
    const mapped = Object.fromEntries([...licences].map((l) => [l, normaliseLicence(l)?.code]));
    expect(mapped).toEqual({
      "http://data.norge.no/nlod/": "NLOD_1_0",
      "http://data.norge.no/nlod/no/1.0": "NLOD_1_0",
      "https://data.norge.no/nlod/no/2.0": "NLOD_2_0",
      "http://creativecommons.org/licenses/by/4.0/": "CC_BY_4_0",
      "https://www.geonorge.no/Geodataarbeid/geografisk-infrastruktur/Norge-digitalt/Avtaler-og-maler/Norge-digitalt-lisens/":
        "NORGE_DIGITALT",
    });
  });

  it("normalises every frequency", () => {
    const values = new Set(fixture.datasets.flatMap((d) => (d.accrualPeriodicity ? [d.accrualPeriodicity] : [])));
    expect(values.size).toBeGreaterThan(5);
    for (const value of values) expect(normaliseFrequency(value)?.uri, value).toBe(value);
  });

  it("maps every format to the expected entry", () => {
    const formats = new Set(fixtureDistributions.flatMap((d) => (d.format ? [d.format] : [])));
    const mapped = Object.fromEntries([...formats].sort().map((f) => [f, normaliseFileType(f)?.code]));
    expect(mapped).toEqual({
      "ASCII x,y,z": "ASCII_XYZ",
      CSV: "CSV",
      "ESRI Filgeodatabase": "GDB",
      "ESRI Geodatabase": "GDB",
      "ESRI Shape": "SHP",
      "ESRI Shapefile": "SHP",
      GML: "GML",
      GTFS: "GTFS",
      GeoJSON: "GEOJSON",
      GeoTIFF: "GEOTIFF",
      HTML: "HTML",
      JPEG: "JPEG",
      JSON: "JSON",
      KML: "KML",
      "Microsoft Excel": "XLS",
      MrSID: "MRSID",
      NeTEx: "NETEX",
      PDF: "PDF",
      PostGIS: "POSTGIS",
      SOSI: "SOSI",
      "SQLite/SpatialLite": "SPATIALITE",
      Shape: "SHP",
      Shapefile: "SHP",
      "USGS DEM": "USGS_DEM",
      WFS: "WFS_SRVC",
      WMS: "WMS_SRVC",
      XLSX: "XLSX",
      XML: "XML",
      csv: "CSV",
      sosi: "SOSI",
    });
  });

  it("maps every distribution that has a format or media type", () => {
    for (const d of fixtureDistributions) {
      if (!d.format && !d.mediaType) continue;
      expect(normaliseFileType(d.format, d.mediaType), `${d.format} ${d.mediaType}`).toBeDefined();
    }
  });

  it("accepts every media type in it", () => {
    for (const d of fixtureDistributions) {
      if (d.mediaType) expect(mediaTypeSchema.safeParse(d.mediaType).success, d.mediaType).toBe(true);
    }
  });
});

describe("languages", () => {
  it("has every language of the EU extracts", () => {
    for (const code of nalCodes("languages.ttl")) expect(LANGUAGE_CODES).toContain(code);
    expect(getLanguage("NOB")).toMatchObject({ uri: nalUri("language", "NOB"), tag: "nb" });
  });

  it.each([
    ["no", "NOR"],
    ["nor", "NOR"],
    ["NO", "NOR"],
    ["nb", "NOB"],
    ["nb-NO", "NOB"],
    ["nn", "NNO"],
    ["en-GB", "ENG"],
    ["se", "SMI"],
  ])("tag %s → %s", (tag, code) => {
    expect(languageFromTag(tag)?.code).toBe(code);
  });

  it("reads URIs and rejects unknown tags", () => {
    expect(languageFromUri("https://publications.europa.eu/resource/authority/language/NNO")?.code).toBe("NNO");
    expect(languageFromTag("de")).toBeUndefined();
  });
});

describe("media types", () => {
  it("validates and normalises type/subtype", () => {
    expect(mediaTypeSchema.parse(" Text/CSV; charset=UTF-8")).toBe("text/csv");
    expect(mediaTypeSchema.safeParse("csv").success).toBe(false);
    expect(mediaTypeSchema.safeParse("text/ csv").success).toBe(false);
    for (const m of MEDIA_TYPES) expect(mediaTypeSchema.parse(m.type)).toBe(m.type);
  });

  it("keeps unknown but well-formed types and reads IANA URIs", () => {
    expect(normaliseMediaType("Application/X-OGC-SOSI")).toBe("application/x-ogc-sosi");
    expect(normaliseMediaType("application/x-custom+xml; q=1")).toBe("application/x-custom+xml");
    expect(normaliseMediaType("not a type")).toBeUndefined();
    expect(normaliseMediaType("https://www.iana.org/assignments/media-types/application/geo+json")).toBe(
      "application/geo+json",
    );
    expect(ianaMediaTypeUri("text/csv")).toBe("https://www.iana.org/assignments/media-types/text/csv");
    expect(isKnownMediaType("application/vnd.ogc.wms_xml")).toBe(true);
    expect(isKnownMediaType("application/x-custom")).toBe(false);
  });
});

describe("distribution status", () => {
  it("has exactly the codes of the EU extract, with ADMS equivalents", () => {
    expect(new Set(DISTRIBUTION_STATUS_CODES)).toEqual(nalCodes("distribution-status-sparql-result.ttl"));
    expect(distributionStatusFromUri(nalUri("distribution-status", "COMPLETED"))?.label.nb).toBe("Ferdigstilt");
    expect(distributionStatusFromUri("http://purl.org/adms/status/UnderDevelopment")?.code).toBe("DEVELOP");
  });
});

describe("pickLabel", () => {
  it("falls back from the requested language to nb, nn, en", () => {
    expect(pickLabel({ nb: "Bokmål", nn: "Nynorsk", en: "English" }, "nn")).toBe("Nynorsk");
    expect(pickLabel({ nb: "Bokmål", en: "English" }, "nn")).toBe("Bokmål");
    expect(pickLabel({ nn: "Nynorsk", en: "English" }, "en")).toBe("English");
    expect(pickLabel({ nb: " ", nn: "Nynorsk", en: "English" }, "en")).toBe("English");
    expect(pickLabel({ nb: "", nn: "Nynorsk", en: "" }, "en")).toBe("Nynorsk");
    expect(pickLabel({ en: "English" }, "nb")).toBe("English");
    expect(pickLabel({}, "nb")).toBe("");
  });
});
