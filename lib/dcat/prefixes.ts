/**
 * The namespaces of Fjordcat's RDF, as plain strings (lib/dcat/namespaces.ts builds the terms): the
 * harvest's parse worker reads them without loading an RDF library for it.
 */

/** The prefixes of every RDF serialisation, and the JSON-LD context (inlined; no remote contexts). */
export const PREFIXES = {
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  dcat: "http://www.w3.org/ns/dcat#",
  dct: "http://purl.org/dc/terms/",
  dcatap: "http://data.europa.eu/r5r/",
  foaf: "http://xmlns.com/foaf/0.1/",
  vcard: "http://www.w3.org/2006/vcard/ns#",
  skos: "http://www.w3.org/2004/02/skos/core#",
  adms: "http://www.w3.org/ns/adms#",
  org: "http://www.w3.org/ns/org#",
  locn: "http://www.w3.org/ns/locn#",
  gsp: "http://www.opengis.net/ont/geosparql#",
  hydra: "http://www.w3.org/ns/hydra/core#",
  dcatno: "https://data.norge.no/vocabulary/dcatno#",
} as const;

export type Prefix = keyof typeof PREFIXES;

/**
 * More prefixes for Turtle only: the EU controlled vocabularies and IANA's media types, whose IRIs
 * are the objects of most statements about a dataset and a distribution. Written as prefixed
 * names they take 13% less text (pages of 100 synthetic datasets: 475 KB against 546 KB on
 * average, 46.5 KB against 49.6 KB compressed), and every byte is encoded, compressed for the page
 * cache, sent and parsed by the harvester. Writing them costs no more (the writer remembers how it
 * encodes these shared terms, serialize.ts). Not in
 * the JSON-LD context nor the RDF/XML namespaces, whose documents would not get shorter by them.
 */
export const TURTLE_PREFIXES = {
  ...PREFIXES,
  filetype: "http://publications.europa.eu/resource/authority/file-type/",
  licence: "http://publications.europa.eu/resource/authority/licence/",
  accessright: "http://publications.europa.eu/resource/authority/access-right/",
  language: "http://publications.europa.eu/resource/authority/language/",
  theme: "http://publications.europa.eu/resource/authority/data-theme/",
  frequency: "http://publications.europa.eu/resource/authority/frequency/",
  mediatype: "https://www.iana.org/assignments/media-types/application/",
} as const;
