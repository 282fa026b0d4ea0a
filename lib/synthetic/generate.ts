import { slugify } from "@/lib/catalogue/slug";
import type { DatasetInput } from "@/lib/catalogue/schemas";
import { getFileType, getLicence, type FileTypeCode, type LicenceCode, type ThemeCode } from "@/lib/vocabularies";
import type { PublisherInput } from "@/lib/publishers/schemas";
import { createRandom, type Random } from "./random";
import { PLACES, TOPICS } from "./topics";

/**
 * Deterministic, realistic synthetic catalogue records: the same seed and index always give the
 * same record. Used for benchmarks and load tests (`npm run synthetic -- --datasets N`).
 */

export const SYNTHETIC_PUBLISHER_COUNT = 50;

const THEME_WEIGHTS: readonly (readonly [ThemeCode, number])[] = [
  ["REGI", 20], ["ENVI", 18], ["TRAN", 14], ["SOCI", 10], ["GOVE", 9], ["AGRI", 8], ["EDUC", 6],
  ["JUST", 5], ["HEAL", 3], ["ECON", 3], ["ENER", 2], ["TECH", 1], ["INTR", 1],
];
const FORMAT_WEIGHTS: readonly (readonly [FileTypeCode, number])[] = [
  ["CSV", 18], ["GEOJSON", 10], ["JSON", 8], ["SOSI", 10], ["GML", 8], ["WMS_SRVC", 14], ["WFS_SRVC", 6],
  ["XLSX", 6], ["PDF", 6], ["SHP", 6], ["GPKG", 4], ["XLS", 2], ["HTML", 2],
];
const LICENCE_WEIGHTS: readonly (readonly [LicenceCode | null, number])[] = [
  ["NLOD_2_0", 40], ["CC_BY_4_0", 22], ["CC0", 10], ["NLOD_1_0", 8], ["NORGE_DIGITALT", 8], ["CC_BYNC_4_0", 2], [null, 10],
];
const ACCESS_WEIGHTS = [["PUBLIC", 85], ["RESTRICTED", 10], ["NON_PUBLIC", 5]] as const;
const STATE_WEIGHTS = [["published", 90], ["draft", 8], ["withdrawn", 2]] as const;
const FREQUENCIES = ["DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "ANNUAL", "IRREG", "CONT", "NEVER"] as const;

const host = (place: string) => `${slugify(place)}.kommune.no`;

/** The synthetic publishers: municipalities with valid (mod-11) organisation numbers. */
export function generatePublishers(seed: number): (PublisherInput & { place: string })[] {
  const random = createRandom(seed * 7919 + 1);
  return PLACES.slice(0, SYNTHETIC_PUBLISHER_COUNT).map((place) => ({
    place,
    name: { nb: `${place} kommune`, nn: `${place} kommune`, en: `${place} Municipality` },
    orgNumber: orgNumber(random),
    homepage: `https://www.${host(place)}`,
  }));
}

function orgNumber(random: Random): string {
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  for (;;) {
    const digits = [8, ...Array.from({ length: 7 }, () => random.int(0, 9))];
    const remainder = digits.reduce((n, d, i) => n + d * weights[i]!, 0) % 11;
    const check = remainder === 0 ? 0 : 11 - remainder;
    if (check !== 10) return [...digits, check].join("");
  }
}

export type SyntheticDataset = { input: DatasetInput; publisherIndex: number };

/** Record number `index` of the synthetic catalogue with this seed. */
export function generateDataset(seed: number, index: number, publisherSlugs: readonly string[]): SyntheticDataset {
  const random = createRandom(seed * 1_000_003 + index);
  const publisherIndex = random.int(0, publisherSlugs.length - 1);
  const ownPlace = PLACES[publisherIndex % PLACES.length]!;
  const place = random.chance(0.85) ? ownPlace : random.pick(PLACES);
  const themes = [...new Set([random.weighted(THEME_WEIGHTS), ...(random.chance(0.3) ? [random.weighted(THEME_WEIGHTS)] : [])])];
  const topic = random.pick(TOPICS[themes[0]!]);
  const year = random.int(2012, 2025);
  const withYear = random.chance(0.5);
  const title = {
    nb: `${topic.nb} i ${place}${withYear ? ` ${year}` : ""}`,
    ...(random.chance(0.3) ? { nn: `${topic.nn} i ${place}${withYear ? ` ${year}` : ""}` } : {}),
    ...(random.chance(0.6) ? { en: `${topic.en}, ${place}${withYear ? ` ${year}` : ""}` } : {}),
  };
  const licenceCode = random.weighted(LICENCE_WEIGHTS);
  const license = licenceCode ? getLicence(licenceCode).uri : undefined;
  const slugBase = slugify(title.nb);
  const formats = random.sample(FORMAT_WEIGHTS.map(([f]) => f), random.int(2, 5));
  const modified = isoDate(random, 2015, 2025);

  const input: DatasetInput = {
    title,
    description: {
      nb: `${topic.nb} for ${place} kommune${withYear ? ` i ${year}` : ""}. ` +
        `Datasettet oppdateres ${random.pick(["løpende", "årlig", "ved behov", "månedlig"])} og brukes i planlegging, ` +
        `saksbehandling og innsyn. ${random.pick(["Dataene er kvalitetssikret av fagavdelingen.", "Se tegnforklaringen for attributter.", "Koordinatsystem EUREF89 UTM sone 32.", "Kontakt kommunen ved spørsmål om bruk."])}`,
      ...(title.en ? { en: `${topic.en} for ${place} municipality. Updated regularly and used for planning, case work and public access.` } : {}),
    },
    keywords: {
      nb: [...topic.keywords, place, ...(random.chance(0.4) ? ["åpne data"] : [])],
      ...(title.en ? { en: [topic.en.toLowerCase()] } : {}),
    },
    publisher: publisherSlugs[publisherIndex]!,
    themes,
    accessRights: random.weighted(ACCESS_WEIGHTS),
    ...(license ? { license } : {}),
    accrualPeriodicity: random.pick(FREQUENCIES),
    contactPoint: { name: `Geodata, ${ownPlace} kommune`, email: `postmottak@${host(ownPlace)}` },
    spatial: topic.spatial ? [{ label: `${place} kommune` }] : [],
    ...(withYear ? { temporal: { start: `${year}-01-01`, end: `${year}-12-31` } } : {}),
    landingPage: `https://www.${host(ownPlace)}/data/${slugBase}`,
    conformsTo: topic.spatial && random.chance(0.5) ? ["http://www.opengis.net/def/crs/EPSG/0/25832"] : [],
    languages: title.en ? ["NOB", "ENG"] : ["NOB"],
    issued: isoDate(random, 2010, 2015),
    modified,
    distributions: formats.map((code) => {
      const fileType = getFileType(code);
      const service = fileType.service !== undefined;
      const url = `https://data.${host(ownPlace)}/${service ? "ows" : "files"}/${slugBase}${service ? `?service=${code.split("_")[0]}&request=GetCapabilities` : `.${code.toLowerCase()}`}`;
      return {
        title: { nb: `${topic.nb} (${fileType.label.nb})` },
        accessURL: url,
        ...(service ? {} : { downloadURL: url }),
        format: code,
        ...(fileType.mediaTypes[0] ? { mediaType: fileType.mediaTypes[0] } : {}),
        ...(!service && random.chance(0.5) ? { byteSize: random.int(2_000, 500_000_000) } : {}),
      };
    }),
    state: random.weighted(STATE_WEIGHTS),
  };
  return { input, publisherIndex };
}

function isoDate(random: Random, fromYear: number, toYear: number): string {
  const year = random.int(fromYear, toYear);
  const month = String(random.int(1, 12)).padStart(2, "0");
  const day = String(random.int(1, 28)).padStart(2, "0");
  return `${year}-${month}-${day}`;
}

