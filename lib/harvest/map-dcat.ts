import { createHash } from "node:crypto";
import type { DatasetInput, DistributionInput } from "@/lib/catalogue/schemas";
import type { LangText } from "@/lib/dcat/model";
import { PREFIXES, TURTLE_PREFIXES } from "@/lib/dcat/prefixes";
import {
  accessRightsFromUri,
  distributionStatusFromUri,
  fileTypeFromUri,
  languageFromTag,
  languageFromUri,
  normaliseFileType,
  normaliseFrequency,
  normaliseLicence,
  normaliseMediaType,
  normaliseTheme,
  type AccessRightsCode,
  type ThemeCode,
} from "@/lib/vocabularies";
import { plainText, readByteSize, readDate, readEmail, readHttpUrl, readOrgNumber, readPositiveNumber, truncate } from "./normalise";
import { isBlank, isIri, isLit, type Obj, RDF_TYPE, type TripleIndex } from "./rdf-index";
import { contentHash, type HarvestedInput, type HarvestedPublisher, type HarvestedRecord, type RecordFailure, validateRecord } from "./records";
import { fallbackThemes } from "./theme-mappings";

/**
 * DCAT (AP 1.1 to 3, AP-NO, GeoDCAT-AP, DCAT-AP CH) to the registration shape: the DCAT profiles of
 * lib/dcat in reverse, tolerant of what real feeds do, with a warning per quirk. Every
 * dcat:Dataset in the graph becomes a record, whether a catalogue lists it or not.
 */

const { dcat: DCAT, dct: DCT, foaf: FOAF, vcard: VCARD, skos: SKOS, adms: ADMS, locn: LOCN, rdfs: RDFS } = PREFIXES;
const DC11 = "http://purl.org/dc/elements/1.1/";
const SCHEMA = ["http://schema.org/", "https://schema.org/"];
const TIME = "http://www.w3.org/2006/time#";
const OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs";
/** vCard in the W3C namespace, plus the wrong ones seen in the wild (npolar: the TR document URL). */
const VCARD_NAMESPACES = [VCARD, "http://www.w3.org/TR/vcard-rdf/", "http://www.w3.org/2001/vcard-rdf/3.0#", "http://www.w3.org/2006/vcard/ns/"];
const vc = (local: string) => VCARD_NAMESPACES.map((ns) => ns + local);

const LIMITS = { title: 300, description: 20000, distTitle: 300, distDescription: 5000, keyword: 100, keywords: 50, distributions: 500 };

type Lang = "nb" | "nn" | "en";

/** Which of our languages a literal's tag stands for; "" and "no" are read as Bokmål. */
function langOf(tag: string): Lang | "other" | "none" {
  if (tag === "") return "none";
  // (Not tag.split: a new array for every literal read.)
  const dash = tag.indexOf("-");
  const primary = dash < 0 ? tag : tag.slice(0, dash);
  if (primary === "nb" || primary === "nob" || primary === "no" || primary === "nor") return tag.endsWith("-nn") ? "nn" : "nb";
  if (primary === "nn" || primary === "nno") return "nn";
  if (primary === "en" || primary === "eng") return "en";
  return "other";
}

export class RecordWarnings {
  readonly list: string[] = [];
  add(message: string): void {
    if (!this.list.includes(message)) this.list.push(message);
  }
}

/** Texts by language from literals; falls back to another language for Bokmål, with a warning. */
function readLangText(
  literals: Obj[],
  { what, max, warn, requireNb, html = false }: { what: string; max: number; warn: RecordWarnings; requireNb: boolean; html?: boolean },
): LangText {
  const out: LangText = {};
  let untagged: string | undefined;
  let other: { text: string; tag: string } | undefined;
  let noTag = false;
  for (const o of literals) {
    if (!isLit(o)) continue;
    const text = html ? plainText(o.value) : o.value.replace(/\r\n?/g, "\n").trim();
    if (text === "") continue;
    const lang = langOf(o.lang);
    if (lang === "none") untagged ??= text;
    else if (lang === "other") other ??= { text, tag: o.lang };
    else if (out[lang] === undefined) {
      out[lang] = text;
      if (o.lang === "no" || o.lang === "nor") noTag = true;
    }
  }
  if (noTag) warn.add(`Language tag "no" read as Norwegian Bokmål (${what})`);
  if (out.nb === undefined && untagged !== undefined) out.nb = untagged;
  if (out.nb === undefined && requireNb) {
    const fallback = out.en !== undefined ? { text: out.en, tag: "en" } : out.nn !== undefined ? { text: out.nn, tag: "nn" } : other;
    if (fallback) {
      out.nb = fallback.text;
      warn.add(`No Norwegian ${what}: the "${fallback.tag}" text is used`);
    }
  }
  for (const lang of ["nb", "nn", "en"] as const) {
    const text = out[lang];
    if (text !== undefined && text.length > max) {
      out[lang] = truncate(text, max);
      warn.add(`The ${what} (${lang}) was longer than ${max} characters and was shortened`);
    }
  }
  return out;
}

/*
 * Lists of values are made by pushing into a `[]` and read by loops (`firstRead`), not by chains of
 * array methods (filter, map, find, spreads). Those make their results in several elements kinds
 * (an empty result is not the same kind of array as a full one), and the mapping's optimised code
 * was thrown away whenever a kind it had not met came by (a distribution without a downloadURL).
 * Over the benchmark's 20,299-dataset feed V8 compiled readDistribution 10 times (~180 ms each on
 * the busy other core), mapDataset, readPublisher and readContactPoint 3-4 times each; compiling
 * was 13% of the harvest's CPU (perf), 8% with loops, and the compiles took 3.3 s instead of 8.4.
 */
function iriValues(objects: readonly Obj[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < objects.length; i++) {
    const o = objects[i]!;
    if (isIri(o)) out.push(o);
  }
  return out;
}

function literalValues(objects: readonly Obj[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < objects.length; i++) {
    const o = objects[i]!;
    if (!isLit(o)) continue;
    const value = o.value.trim();
    if (value !== "") out.push(value);
  }
  return out;
}

/** IRIs and literal values alike (feeds put formats, frequencies and licences in either). */
function anyValues(objects: readonly Obj[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < objects.length; i++) {
    const o = objects[i]!;
    const value = isLit(o) ? o.value.trim() : o;
    if (value !== "" && !value.startsWith("_:")) out.push(value);
  }
  return out;
}

/** IRIs first, then the literals' values (a URL given either way). */
function urlValues(objects: readonly Obj[]): string[] {
  return joined(iriValues(objects), literalValues(objects));
}

/** `list` with `more` after it (`list` is a fresh list of values, and grows). */
function joined<T>(list: T[], more: readonly T[]): T[] {
  for (let i = 0; i < more.length; i++) list.push(more[i]!);
  return list;
}

/** What `read` makes of the first value it makes something of. */
function firstRead<T>(values: readonly string[], read: (value: string) => T | undefined): T | undefined {
  for (let i = 0; i < values.length; i++) {
    const result = read(values[i]!);
    if (result !== undefined) return result;
  }
  return undefined;
}

export type MapContext = {
  index: TripleIndex;
  /** The dct:publisher of the catalogue listing the dataset, used when the dataset has none. */
  catalogPublisher?: Obj;
  /** Where blank-node datasets' URIs are minted from (the feed URL). */
  feedUrl: string;
  /**
   * Asked for each dataset: true leaves its record unchecked (neither validated nor hashed) for the
   * thread that writes it (GatherOptions.deferChecks). When given, no record is hashed here: the
   * parse worker hashes a checked record from the JSON it sends it as (`packRecord`).
   */
  deferChecks?: () => boolean;
};

export type DatasetResult = { record: HarvestedRecord } | { failure: RecordFailure };

/** Map every dcat:Dataset of the graph (all at once; see `mapDcatDatasetsLazily`). */
export function mapDcatDatasets(ctx: MapContext): { records: HarvestedRecord[]; failures: RecordFailure[]; duplicates: number; warnings: string[] } {
  const lazy = mapDcatDatasetsLazily(ctx);
  const records = [...lazy.records];
  return { records, failures: lazy.failures, duplicates: lazy.stats.duplicates, warnings: lazy.warnings };
}

export type LazyDcatMapping = {
  /** Mapped as it is iterated (once); each dataset's own triples are released from the index once mapped. */
  records: Iterable<HarvestedRecord>;
  /** Filled while `records` is iterated. */
  failures: RecordFailure[];
  /** Each failure's place among the datasets (DatasetCursor.failedAt). */
  failedAt: number[];
  /** Graph-level warnings (known before iterating). */
  warnings: string[];
  /** Filled while `records` is iterated. */
  stats: { duplicates: number };
  /** How many dcat:Dataset subjects the graph has (an upper bound on records + failures). */
  total: number;
};

/**
 * How far a mapping of the graph's datasets (in `subjectsOfType(dcat:Dataset)` order) has got: the
 * next one to map, the URIs already given (a dataset listed twice is read once) and the failures.
 * Shared by the datasets mapped while the feed is still parsed (map-early.ts) and the mapping that
 * finishes the job, so that both give the same records as one mapping would.
 */
export type DatasetCursor = {
  next: number;
  seen: Set<string>;
  failures: RecordFailure[];
  /** Each failure's place among the datasets (`next` when it was mapped), for records checked elsewhere (`HarvestedRecord.unchecked`). */
  failedAt: number[];
  stats: { duplicates: number };
};

export const newDatasetCursor = (): DatasetCursor => ({ next: 0, seen: new Set(), failures: [], failedAt: [], stats: { duplicates: 0 } });

/** Map the dataset `subject` (the cursor's next) and move on: its record, or undefined for a failure (kept in the cursor) or a duplicate. */
export function mapNextDataset(ctx: MapContext, cursor: DatasetCursor, subject: string): HarvestedRecord | undefined {
  return takeMapped(cursor, mapDataset(ctx, subject));
}

/** The cursor's next dataset, mapped (`mapDataset`), taken: the cursor moves on. */
export function takeMapped(cursor: DatasetCursor, result: DatasetResult): HarvestedRecord | undefined {
  const position = cursor.next++;
  const uri = "record" in result ? result.record.uri : result.failure.uri;
  if (cursor.seen.has(uri)) {
    cursor.stats.duplicates++;
    return undefined;
  }
  cursor.seen.add(uri);
  if ("record" in result) {
    if (result.record.unchecked) result.record.unchecked.position = position;
    return result.record;
  }
  cursor.failures.push(result.failure);
  cursor.failedAt.push(position);
  return undefined;
}

/**
 * Map every dcat:Dataset of the graph one at a time as the records are iterated, so a harvest can
 * write each record as soon as it is mapped instead of holding every mapped record (and its raw
 * text) in memory. A dataset's own triples are only read by its own mapping, so they are released
 * from the index once it is mapped; shared nodes (distributions, publishers, contact points) stay.
 * `from`: the datasets before its `next` were mapped already (while the feed was parsed).
 */
export function mapDcatDatasetsLazily(
  ctx: MapContext,
  { release = true, from = newDatasetCursor() }: { /** Forget each dataset's own nodes once mapped (see below). */ release?: boolean; from?: DatasetCursor } = {},
): LazyDcatMapping {
  const warnings: string[] = [];
  const { index } = ctx;
  for (const ns of VCARD_NAMESPACES.slice(1)) {
    if (["Organization", "Kind", "Individual"].some((c) => index.subjectsOfType(ns + c).length > 0)) {
      warnings.push(`The feed uses a wrong vCard namespace (${ns}); read as vCard (${VCARD})`);
    }
  }
  // A dataset without a publisher of its own is published by the catalogue that lists it.
  const catalogPublishers = new Map<string, Obj>();
  for (const catalog of index.subjectsOfType(`${DCAT}Catalog`)) {
    const publisher = index.objects(catalog, `${DCT}publisher`)[0];
    if (!publisher) continue;
    for (const ds of index.objects(catalog, `${DCAT}dataset`)) if (typeof ds === "string" && !catalogPublishers.has(ds)) catalogPublishers.set(ds, publisher);
  }
  const subjects = index.subjectsOfType(`${DCAT}Dataset`);
  const keep = new Set([...subjects, ...index.subjectsOfType(`${DCAT}Catalog`)]);
  const references = release ? index.referenceCounts() : new Map<string, number>();
  /**
   * After a dataset is mapped: forget it and the nodes only it leads to (its distributions, contact
   * point, period… when no other triple points at them), which no later mapping can reach. A
   * dataset node that is also a distribution, and blank dataset nodes, are kept.
   */
  const releaseOwned = (subject: string) => {
    if (isBlank(subject) || index.isA(subject, `${DCAT}Distribution`)) return;
    const owned: string[] = [subject];
    for (let i = 0; i < owned.length; i++) {
      const triples = index.triplesOf(owned[i]!);
      for (let j = 1; j < triples.length; j += 2) {
        const o = triples[j]!;
        const node = typeof o === "string" ? o : o.value;
        if (references.get(node) === 1 && !keep.has(node)) {
          references.set(node, 0);
          owned.push(node);
        }
      }
    }
    for (const node of owned) index.release(node);
  };
  const cursor = from;
  function* records(): Generator<HarvestedRecord> {
    while (cursor.next < subjects.length) {
      const subject = subjects[cursor.next]!;
      const record = mapNextDataset({ ...ctx, catalogPublisher: catalogPublishers.get(subject) }, cursor, subject);
      if (release) releaseOwned(subject);
      if (record) yield record;
    }
  }
  return { records: records(), failures: cursor.failures, failedAt: cursor.failedAt, warnings, stats: cursor.stats, total: subjects.length };
}

/** A deterministic URI for a blank-node dataset: from its identifier, else its title. */
function mintUri(ctx: MapContext, subject: string): string {
  const { index } = ctx;
  const identifier = literalValues(index.objects(subject, `${DCT}identifier`))[0];
  const basis = identifier ?? literalValues(index.objectsAny(subject, [`${DCT}title`, `${DC11}title`])).sort()[0] ?? subject;
  if (identifier && readHttpUrl(identifier)) return identifier;
  const key = createHash("sha256").update(basis).digest("hex").slice(0, 16);
  return `${ctx.feedUrl.split("#")[0]}#dataset-${key}`;
}

export function mapDataset(ctx: MapContext, subject: string): DatasetResult {
  const { index } = ctx;
  const warn = new RecordWarnings();
  const blank = isBlank(subject);
  const uri = blank ? mintUri(ctx, subject) : subject;
  if (blank) warn.add(`A blank-node dataset was given the URI ${uri}`);
  const o = (p: string) => index.objects(subject, p);

  const title = readLangText(index.objectsAny(subject, [`${DCT}title`, `${DC11}title`]), { what: "title", max: LIMITS.title, warn, requireNb: true });
  if (!title.nb) return { failure: { uri, message: "No title (dct:title)" } };
  let description = readLangText(index.objectsAny(subject, [`${DCT}description`, `${DC11}description`]), {
    what: "description",
    max: LIMITS.description,
    warn,
    requireNb: true,
    html: true,
  });
  if (!description.nb) {
    description = { ...title };
    warn.add("No description (dct:description): the title is used");
  }

  const keywords: Partial<Record<Lang, string[]>> = {};
  for (const k of o(`${DCAT}keyword`)) {
    if (!isLit(k)) continue;
    const text = k.value.trim();
    if (!text) continue;
    const lang = langOf(k.lang);
    const key: Lang = lang === "nn" || lang === "en" ? lang : lang === "other" ? "en" : "nb";
    const list = (keywords[key] ??= []);
    if (list.length >= LIMITS.keywords) {
      warn.add(`More than ${LIMITS.keywords} keywords: the rest are left out`);
      continue;
    }
    list.push(truncate(text, LIMITS.keyword));
  }

  const themes = readThemes(index, subject, warn, [title.nb, ...(keywords.nb ?? []), ...(keywords.en ?? []), ...(keywords.nn ?? [])]);

  const accessRights = readAccessRights(index, o(`${DCT}accessRights`), warn);

  const distributionNodes = [...new Set(o(`${DCAT}distribution`).filter((d): d is string => typeof d === "string"))];
  const distributions: (DistributionInput & { uri?: string })[] = [];
  const distributionKeys = new Set<string>();
  for (const node of distributionNodes) {
    const d = readDistribution(index, node, warn, distributions.length + 1);
    if (!d) continue;
    const key = JSON.stringify([d.accessURL, d.downloadURL, d.format, d.mediaType, d.title]);
    if (distributionKeys.has(key)) {
      warn.add("A duplicated distribution (same URLs, format and title) was left out");
      continue;
    }
    distributionKeys.add(key);
    if (distributions.length >= LIMITS.distributions) {
      warn.add(`More than ${LIMITS.distributions} distributions: the rest are left out`);
      break;
    }
    distributions.push(d);
  }

  // dct:license belongs on distributions in DCAT-AP; a dataset-level one is read too. The dataset's
  // licence is its own, else the one licence all its distributions share.
  const datasetLicence = readLicence(anyValues(o(`${DCT}license`)), warn);
  const distLicences = new Set(distributions.map((d) => d.license));
  const license = datasetLicence ?? (distLicences.size === 1 ? [...distLicences][0] : undefined);

  const frequencies = anyValues(o(`${DCT}accrualPeriodicity`));
  let accrualPeriodicity: string | undefined;
  for (const value of frequencies) {
    const frequency = normaliseFrequency(value);
    if (frequency) {
      accrualPeriodicity = frequency.code;
      if (!value.includes("publications.europa.eu/resource/authority/frequency")) warn.add(`Frequency "${value}" read as ${frequency.code}`);
      break;
    }
    warn.add(`Unknown frequency "${value}" left out`);
  }

  const languages = new Set<string>();
  for (const value of o(`${DCT}language`)) {
    const language = isLit(value) ? languageFromTag(value.value) ?? languageFromUri(value.value) : isIri(value) ? languageFromUri(value) ?? languageFromTag(value.split("/").pop() ?? "") : undefined;
    if (language) languages.add(language.code);
    else if (!isBlank(value)) warn.add(`Unknown language "${isLit(value) ? value.value : value}" left out`);
  }

  const input: HarvestedInput = {
    title: title as LangText & { nb: string },
    description: description as LangText & { nb: string },
    keywords,
    themes,
    accessRights,
    ...(license && { license }),
    ...(accrualPeriodicity && { accrualPeriodicity: accrualPeriodicity as HarvestedInput["accrualPeriodicity"] }),
    ...readContactPoint(index, o(`${DCAT}contactPoint`), warn),
    spatial: readSpatial(index, o(`${DCT}spatial`), warn),
    ...readTemporal(index, o(`${DCT}temporal`), warn),
    ...optional("landingPage", readHttpUrl(urlValues(o(`${DCAT}landingPage`))[0])),
    conformsTo: httpUrls(iriValues(o(`${DCT}conformsTo`))),
    languages: [...languages] as HarvestedInput["languages"],
    ...optional("spatialResolutionMeters", firstRead(literalValues(o(`${DCAT}spatialResolutionInMeters`)), readPositiveNumber)),
    ...readDateField("issued", o(`${DCT}issued`), warn),
    ...readDateField("modified", joined(o(`${DCT}modified`), o(`${DCT}updated`)), warn),
    distributions: distributions.map(({ uri: _uri, ...d }) => d),
    state: "published",
  };

  // Left to the thread that writes the record when it has time to spare (gather-worker.ts).
  const unchecked = ctx.deferChecks?.() === true;
  const validated = unchecked ? { ok: true as const, input: input as DatasetInput } : validateRecord(input, warn.list);
  if (!validated.ok) return { failure: { uri, message: validated.message } };

  let publisherNode = o(`${DCT}publisher`)[0];
  if (!publisherNode && ctx.catalogPublisher) {
    publisherNode = ctx.catalogPublisher;
    warn.add("No publisher (dct:publisher): the catalogue's publisher is used");
  }
  const publisher = readPublisher(index, publisherNode, warn);
  const raw = describeSubgraph(index, subject);
  return {
    record: {
      uri,
      identifier: literalValues(o(`${DCT}identifier`))[0],
      input: validated.input,
      publisher,
      raw,
      rawFormat: "text/turtle",
      ...(unchecked && { unchecked: { position: -1 } }),
      ...(!ctx.deferChecks && { contentHash: contentHash(validated.input, publisher, raw) }),
      warnings: warn.list,
    },
  };
}

/** The http(s) URLs among the values, each once, at most 20. */
function httpUrls(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    const url = readHttpUrl(value);
    if (url !== undefined && !out.includes(url)) out.push(url);
    if (out.length === 20) break;
  }
  return out;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function readThemes(index: TripleIndex, subject: string, warn: RecordWarnings, words: string[]): ThemeCode[] {
  const themes = new Set<ThemeCode>();
  const unmapped: string[] = [];
  for (const value of index.objects(subject, `${DCAT}theme`)) {
    const text = isLit(value) ? value.value : isIri(value) ? value : undefined;
    if (!text) continue;
    const theme = normaliseTheme(text) ?? (isIri(value) ? labelledTheme(index, value) : undefined);
    if (theme) themes.add(theme.code);
    else unmapped.push(text);
  }
  if (themes.size > 0) return [...themes];
  const fallback = fallbackThemes([...unmapped, ...iriValues(index.objects(subject, `${DCT}subject`))], words);
  warn.add(fallback.warning);
  return fallback.themes;
}

/** A theme concept described in the feed with a label that names an EU theme. */
function labelledTheme(index: TripleIndex, iri: string) {
  for (const label of literalValues(index.objectsAny(iri, [`${SKOS}prefLabel`, `${RDFS}label`, `${DCT}title`]))) {
    const theme = normaliseTheme(label);
    if (theme) return theme;
  }
  return undefined;
}

function readAccessRights(index: TripleIndex, values: Obj[], warn: RecordWarnings): AccessRightsCode {
  for (const value of values) {
    const text = isLit(value) ? value.value.trim() : value;
    const code = text.toUpperCase().replace(/[\s-]+/g, "_");
    const found =
      accessRightsFromUri(text)?.code ??
      (code === "PUBLIC" || code === "RESTRICTED" || code === "NON_PUBLIC" ? code : undefined) ??
      (isBlank(value) ? undefined : /\/(public|restricted|non[_-]?public)\/?$/i.exec(text)?.[1]?.toUpperCase().replace("-", "_").replace(/^NONPUBLIC$/, "NON_PUBLIC"));
    if (found) return found as AccessRightsCode;
    // DCAT-AP-NO 1.1 sometimes gives a described RightsStatement: read its label.
    if (typeof value === "string") {
      for (const label of literalValues(index.objectsAny(value, [`${SKOS}prefLabel`, `${RDFS}label`, `${DCT}description`]))) {
        const key = label.toUpperCase().replace(/[\s-]+/g, "_");
        if (key === "PUBLIC" || key === "RESTRICTED" || key === "NON_PUBLIC") return key;
      }
    }
  }
  if (values.length > 0) warn.add(`Unknown access rights "${values.map((v) => (isLit(v) ? v.value : v)).join(", ")}": PUBLIC assumed`);
  else warn.add("No access rights (dct:accessRights): PUBLIC assumed");
  return "PUBLIC";
}

function readLicence(values: string[], warn: RecordWarnings): string | undefined {
  for (const value of values) {
    const licence = normaliseLicence(value);
    if (licence) {
      if (licence.uri !== value) warn.add(`Licence "${value}" read as ${licence.uri}`);
      return licence.uri;
    }
    warn.add(`Unknown licence "${value}" left out`);
  }
  return undefined;
}

function readDateField<K extends string>(key: K, values: Obj[], warn: RecordWarnings): { [P in K]?: string } {
  for (const value of values) {
    if (!isLit(value)) continue;
    if (value.value.trim() === "") {
      warn.add(`An empty date (${key}) was left out`);
      continue;
    }
    const date = readDate(value.value);
    if (date) return { [key]: date } as { [P in K]?: string };
    warn.add(`The ${key} date "${value.value}" is not a valid ISO 8601 date and was left out`);
  }
  return {};
}

function readContactPoint(index: TripleIndex, values: Obj[], warn: RecordWarnings): Pick<HarvestedInput, "contactPoint"> {
  for (const value of values) {
    // JSON-LD without "@type": "@id" in its context gives the contact point's IRI as a string.
    const node = isLit(value) ? (index.has(value.value) ? value.value : undefined) : value;
    if (node === undefined) continue;
    if (isLit(value)) warn.add("The contact point is given as a text, not a link; read as the node it names");
    const any = (local: string) => index.objectsAny(node, vc(local));
    if (!index.objects(node, RDF_TYPE).length && !index.has(node)) continue;
    const wrongNamespace = index.triplesOf(node).some((p, i) => i % 2 === 0 && typeof p === "string" && p !== VCARD && VCARD_NAMESPACES.slice(1).some((ns) => p.startsWith(ns)));
    if (wrongNamespace) warn.add("The contact point uses a wrong vCard namespace; read as vCard");
    const name = literalValues(joined(joined(joined(any("fn"), any("organization-name")), any("organisation-name")), any("given-name")))[0];
    const emailValues: string[] = [];
    for (const v of joined(any("hasEmail"), any("email"))) {
      if (isLit(v)) emailValues.push(v.value);
      else if (isBlank(v)) joined(emailValues, literalValues(index.objectsAny(v, vc("value"))));
      else emailValues.push(v);
    }
    const email = firstRead(emailValues, readEmail);
    const urls: string[] = [];
    for (const v of joined(any("hasURL"), any("url"))) urls.push(isLit(v) ? v.value : v);
    const url = firstRead(urls, readHttpUrl);
    if (emailValues.length > 0 && !email) warn.add(`The contact e-mail "${emailValues[0]}" is not an e-mail address`);
    if (!email && !url) {
      warn.add("The contact point has no e-mail address or web address and was left out");
      continue;
    }
    return { contactPoint: { name: truncate(name ?? email ?? url!, 200), ...(email && { email }), ...(url && { url }) } };
  }
  return {};
}

const WKT = /POLYGON\s*\(\([^)]*\)\)/i;

function readSpatial(index: TripleIndex, values: Obj[], warn: RecordWarnings): NonNullable<HarvestedInput["spatial"]> {
  const out: NonNullable<HarvestedInput["spatial"]> = [];
  for (const value of values) {
    if (out.length >= 20) break;
    if (isLit(value)) {
      const text = value.value.trim();
      const bbox = WKT.exec(text)?.[0];
      if (bbox) out.push({ bbox });
      else if (text) out.push({ label: truncate(text, 200) });
      continue;
    }
    const label = literalValues(index.objectsAny(value, [`${SKOS}prefLabel`, `${RDFS}label`, `${DCT}title`, `${LOCN}geographicName`]))[0];
    const geometries = literalValues(index.objectsAny(value, [`${DCAT}bbox`, `${LOCN}geometry`, "http://www.w3.org/ns/locn#Geometry"]));
    const bbox = firstRead(geometries, (g) => WKT.exec(g)?.[0]);
    if (geometries.length > 0 && !bbox) warn.add("A spatial geometry that is not a WKT polygon was left out");
    const uri = isIri(value) && !isBlank(value) && !/#spatial-\d+$/.test(value) ? readHttpUrl(value) : undefined;
    if (uri || bbox || label) out.push({ ...(uri && { uri }), ...(label && { label: truncate(label, 200) }), ...(bbox && { bbox }) });
  }
  return out;
}

const START_DATE = [`${DCAT}startDate`, ...SCHEMA.map((s) => `${s}startDate`)];
const END_DATE = [`${DCAT}endDate`, ...SCHEMA.map((s) => `${s}endDate`)];

function readTemporal(index: TripleIndex, values: Obj[], warn: RecordWarnings): Pick<HarvestedInput, "temporal"> {
  for (const node of values) {
    if (isLit(node)) continue;
    const first = (predicates: string[]) => literalValues(index.objectsAny(node, predicates))[0];
    const instant = (p: string) => {
      const at = index.objects(node, p).find((v) => !isLit(v)) as string | undefined;
      return at ? literalValues(index.objectsAny(at, [`${TIME}inXSDDate`, `${TIME}inXSDDateTime`, `${TIME}inXSDDateTimeStamp`]))[0] : undefined;
    };
    const startText = first(START_DATE) ?? instant(`${TIME}hasBeginning`);
    const endText = first(END_DATE) ?? instant(`${TIME}hasEnd`);
    const start = startText ? readDate(startText) : undefined;
    const end = endText ? readDate(endText) : undefined;
    if (startText && !start) warn.add(`The temporal start "${startText}" is not a valid date and was left out`);
    if (endText && !end) warn.add(`The temporal end "${endText}" is not a valid date and was left out`);
    if (start && end && start.slice(0, 10) > end.slice(0, 10)) {
      warn.add("The temporal coverage starts after it ends and was left out");
      continue;
    }
    if (start || end) return { temporal: { ...(start && { start }), ...(end && { end }) } };
  }
  return {};
}

function readDistribution(index: TripleIndex, node: string, warn: RecordWarnings, position: number): (DistributionInput & { uri?: string }) | undefined {
  const o = (p: string) => index.objects(node, p);
  const downloadURL = firstRead(urlValues(o(`${DCAT}downloadURL`)), readHttpUrl);
  let accessURL = firstRead(urlValues(o(`${DCAT}accessURL`)), readHttpUrl);
  if (!accessURL && downloadURL) {
    accessURL = downloadURL;
    warn.add(`Distribution ${position}: no accessURL; the downloadURL is used`);
  }
  if (!accessURL) {
    warn.add(`Distribution ${position}: no http(s) accessURL or downloadURL; left out`);
    return undefined;
  }
  const title = readLangText(o(`${DCT}title`), { what: "distribution title", max: LIMITS.distTitle, warn, requireNb: false });
  const description = readLangText(o(`${DCT}description`), { what: "distribution description", max: LIMITS.distDescription, warn, requireNb: false });

  const mediaType = firstRead(anyValues(o(`${DCAT}mediaType`)), normaliseMediaType);
  const formatValues: string[] = [];
  for (const v of anyValues(o(`${DCT}format`))) {
    formatValues.push(v);
    // A dct:MediaTypeOrExtent node described in the feed: its label or value. (The EU's file types
    // and IANA's media types are known by their IRIs: whether the feed describes them is not asked.)
    if (v.startsWith("http") && !/publications\.europa\.eu|iana\.org/.test(v) && index.has(v)) {
      joined(formatValues, literalValues(index.objectsAny(v, [`${RDFS}label`, `${SKOS}prefLabel`, "http://www.w3.org/1999/02/22-rdf-syntax-ns#value"])));
    }
  }
  const conformsTo = iriValues(o(`${DCT}conformsTo`));
  let format: string | undefined;
  for (const value of formatValues) {
    const fileType = normaliseFileType(value, mediaType);
    if (fileType) {
      format = fileType.code;
      if (!/publications\.europa\.eu\/resource\/authority\/file-type/.test(value)) warn.add(`Format "${value}" read as ${fileType.code}`);
      break;
    }
  }
  // A format outside the EU list (SOSI) comes as dct:conformsTo its specification (lib/dcat writes it so).
  const specFormat = firstRead(conformsTo, (u) => {
    const fileType = fileTypeFromUri(u);
    return fileType && fileType.uri === null ? fileType : undefined;
  });
  if (!format && specFormat) format = specFormat.code;
  if (!format && formatValues.length > 0) warn.add(`Format "${formatValues.join(", ")}" is not in the EU file-type list; left out`);
  if (!format && mediaType) format = normaliseFileType(undefined, mediaType)?.code;

  // (Blank nodes are not among anyValues'.)
  const licence = readLicence(anyValues(joined(o(`${DCT}license`), o(`${DCT}rights`))), warn);
  const byteSize = firstRead(literalValues(o(`${DCAT}byteSize`)), readByteSize);
  const statusValue = anyValues(o(`${ADMS}status`))[0];
  const status = statusValue ? distributionStatusFromUri(statusValue)?.code ?? admsStatus(statusValue) : undefined;
  const standards: string[] = [];
  for (const u of conformsTo) {
    const url = u === specFormat?.conformsTo ? undefined : readHttpUrl(u);
    if (url !== undefined) standards.push(url);
  }

  // Set field by field, in this order (the content hash is taken over the record's JSON), not
  // built from conditional spreads: V8 built each such object in its old generation (measured
  // ~1.2 KB a distribution), garbage that stayed until the parse worker's next full collection,
  // and most of the growth of its heap while it mapped a large source.
  const distribution: DistributionInput & { uri?: string } = {} as DistributionInput;
  if (isIri(node)) distribution.uri = node;
  if (Object.keys(title).length > 0) distribution.title = title;
  if (Object.keys(description).length > 0) distribution.description = description;
  distribution.accessURL = accessURL;
  if (downloadURL) distribution.downloadURL = downloadURL;
  if (format) distribution.format = format as DistributionInput["format"];
  if (mediaType) distribution.mediaType = mediaType;
  if (licence) distribution.license = licence;
  if (byteSize !== undefined) distribution.byteSize = byteSize;
  if (status) distribution.status = status as DistributionInput["status"];
  if (standards.length > 0) distribution.conformsTo = standards.slice(0, 20);
  return distribution;
}

/** The ADMS status vocabulary (DCAT-AP-NO 2, older feeds) to the EU distribution-status codes. */
function admsStatus(value: string): string | undefined {
  const local = value.split(/[/#]/).pop()?.toLowerCase();
  return { completed: "COMPLETED", deprecated: "DEPRECATED", underdevelopment: "DEVELOP", withdrawn: "WITHDRAWN" }[local ?? ""];
}

function readPublisher(index: TripleIndex, node: Obj | undefined, warn: RecordWarnings): HarvestedPublisher | undefined {
  if (!node) return undefined;
  if (isLit(node)) {
    const name = node.value.trim();
    return name ? { name: { nb: truncate(name, 200) } } : undefined;
  }
  const names = readLangText(index.objectsAny(node, [`${FOAF}name`, ...vc("fn"), `${SKOS}prefLabel`, `${RDFS}label`]), {
    what: "publisher name",
    max: 200,
    warn,
    requireNb: true,
  });
  const identifiers = literalValues(index.objects(node, `${DCT}identifier`));
  for (const i of index.objects(node, `${ADMS}identifier`)) {
    if (isLit(i)) identifiers.push(i.value);
    else joined(identifiers, literalValues(index.objects(i, `${SKOS}notation`)));
  }
  joined(identifiers, anyValues(index.objects(node, OWL_SAME_AS)));
  if (isIri(node)) identifiers.push(node);
  const orgNumber = firstRead(identifiers, readOrgNumber);
  const homepage = readHttpUrl(iriValues(index.objects(node, `${FOAF}homepage`))[0]);
  const email = firstRead(anyValues(index.objects(node, `${FOAF}mbox`)), readEmail);
  if (!names.nb && isIri(node) && !orgNumber) {
    // Known only by its URI (DCAT-AP CH points at the office's web site): named after it.
    const named = readHttpUrl(node);
    if (named) {
      const url = new URL(named);
      names.nb = `${url.hostname.replace(/^www\./, "")}${url.pathname === "/" ? "" : url.pathname.replace(/\/$/, "")}`.slice(0, 200);
      warn.add(`The publisher ${node} has no name (foaf:name); named after its URI`);
    }
  }
  // Field by field, in this order (as readDistribution's record, and for the same reason).
  const publisher: HarvestedPublisher = {};
  if (isIri(node)) publisher.uri = node;
  if (orgNumber) publisher.orgNumber = orgNumber;
  if (names.nb) publisher.name = names;
  if (homepage) publisher.homepage = homepage;
  if (email) publisher.email = email;
  return publisher;
}

/**
 * The dataset's own description as Turtle, kept as the raw record: its triples, its distributions,
 * contact point, period and locations, and every blank node below them, each node's triples
 * together, IRIs of the usual vocabularies as prefixed names (only the prefixes used are
 * declared). Blank nodes are renamed in order of appearance, so the same description gives the
 * same text (and hash). Turtle rather than N-Triples: less than half the text (the benchmark's
 * feed: ~4 KB a dataset against 9.5), which is what the harvest hashes, hands between threads and
 * compresses for every record.
 */
function describeSubgraph(index: TripleIndex, subject: string): string {
  const body: string[] = [];
  const blankNames = new Map<string, string>();
  const visited = new Set<string>();
  const used = new Set<string>();
  const iri = (value: string) => {
    const written = writtenIri(value);
    if (written.prefix !== undefined) used.add(written.prefix);
    return written.text;
  };
  const name = (term: string) => {
    if (!isBlank(term)) return iri(term);
    let label = blankNames.get(term);
    if (!label) blankNames.set(term, (label = `_:b${blankNames.size}`));
    return label;
  };
  const object = (o: Obj) => {
    if (!isLit(o)) return name(o);
    const text = `"${o.value.replace(/[\\"\n\r\t]/g, (c) => LITERAL_ESCAPES[c]!)}"`;
    return o.lang ? `${text}@${o.lang}` : o.datatype ? `${text}^^${iri(o.datatype)}` : text;
  };
  const visit = (node: string, depth: number) => {
    if (visited.has(node) || depth > 6) return;
    visited.add(node);
    const triples = index.triplesOf(node);
    if (triples.length === 0) return;
    const next: string[] = [];
    let text = name(node);
    for (let i = 0; i < triples.length; i += 2) {
      const p = triples[i] as string;
      const obj = triples[i + 1]!;
      text += i === 0 ? " " : p === triples[i - 2] ? ", " : " ;\n    ";
      if (i === 0 || p !== triples[i - 2]) text += p === RDF_TYPE ? "a " : `${iri(p)} `;
      text += object(obj);
      if (typeof obj !== "string") continue;
      if (obj.startsWith("_:") || p === DISTRIBUTION || (FOLLOW.has(p) && obj.startsWith(subject))) next.push(obj);
    }
    body.push(`${text} .`);
    for (const n of next) visit(n, depth + 1);
  };
  visit(subject, 0);
  let header = "";
  for (const [prefix, namespace] of RAW_PREFIXES) if (used.has(prefix)) header += `@prefix ${prefix}: <${namespace}> .\n`;
  return header + body.join("\n");
}

const DISTRIBUTION = `${DCAT}distribution`;
/** Besides blank nodes and distributions, the nodes a raw record describes when their IRIs are the dataset's own (…#contact). */
const FOLLOW = new Set([DISTRIBUTION, `${DCAT}contactPoint`, `${DCT}temporal`]);

type WrittenIri = { text: string; prefix?: string };
/**
 * Prefixed names as raw records write them, remembered: the same predicates and vocabulary terms
 * make most of every record. (Forgotten all at once should a feed have very many.)
 */
const writtenIris = new Map<string, WrittenIri>();

function writtenIri(value: string): WrittenIri {
  let written = writtenIris.get(value);
  if (written !== undefined) return written;
  const cut = Math.max(value.lastIndexOf("#"), value.lastIndexOf("/")) + 1;
  // (Most IRIs a record names are its own, in no namespace of the list: those whose namespace part
  // is not of a listed namespace's length are not cut out and looked up.)
  const prefix = cut > 0 && RAW_NAMESPACE_LENGTHS.has(cut) ? RAW_NAMESPACES.get(value.slice(0, cut)) : undefined;
  const local = prefix === undefined ? undefined : value.slice(cut);
  if (local === undefined || !LOCAL_NAME.test(local)) return { text: `<${escapeIri(value)}>` };
  written = { text: `${prefix}:${local}`, prefix };
  if (writtenIris.size >= 10_000) writtenIris.clear();
  writtenIris.set(value, written);
  return written;
}

/** The prefixes a raw record may use (declared when it does), and their namespaces by IRI. */
const RAW_PREFIXES = Object.entries(TURTLE_PREFIXES);
const RAW_NAMESPACES = new Map<string, string>(RAW_PREFIXES.map(([prefix, namespace]) => [namespace, prefix]));
const RAW_NAMESPACE_LENGTHS = new Set(RAW_PREFIXES.map(([, namespace]) => namespace.length));
/** A local name written as is in a prefixed name (a safe part of Turtle's PN_LOCAL). */
const LOCAL_NAME = /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$/;
const LITERAL_ESCAPES: Record<string, string> = { "\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function escapeIri(iri: string): string {
  return /[\x00-\x20<>"{}|^`\\]/.test(iri) ? iri.replace(/[\x00-\x20<>"{}|^`\\]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) : iri;
}


