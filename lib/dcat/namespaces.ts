import { DataFactory } from "n3";
import type { NamedNode } from "@rdfjs/types";
import { PREFIXES } from "./prefixes";

export { PREFIXES, TURTLE_PREFIXES, type Prefix } from "./prefixes";

/**
 * Terms built once and shared by every response (vocabulary classes and properties, datatypes,
 * controlled-vocabulary concepts, publishers): the writers may remember how they encode them.
 */
const interned = new WeakSet<object>();
export const isInterned = (term: object): boolean => interned.has(term);

/** A term builder per vocabulary: `dcat("Dataset")` is the IRI dcat:Dataset. Terms are cached. */
function namespace(base: string): (local: string) => NamedNode {
  const cache = new Map<string, NamedNode>();
  return (local) => {
    let term = cache.get(local);
    if (!term) {
      term = DataFactory.namedNode(base + local);
      interned.add(term);
      cache.set(local, term);
    }
    return term;
  };
}

const SHARED_IRIS_KEPT = 8192;
const sharedIris = new Map<string, NamedNode>();

/**
 * The IRI of something many datasets point at (a theme, licence, file type, language, frequency,
 * standard, publisher): one shared term per IRI. Bounded, so memory stays flat whatever the data:
 * past the bound, a fresh (not shared) term.
 */
export function sharedIri(value: string): NamedNode {
  let term = sharedIris.get(value);
  if (!term) {
    term = DataFactory.namedNode(value);
    if (sharedIris.size < SHARED_IRIS_KEPT) {
      interned.add(term);
      sharedIris.set(value, term);
    }
  }
  return term;
}

const concepts = new Map<string, Map<string, NamedNode>>();

/**
 * The IRI `<scheme>/<code>` of a concept of a controlled vocabulary (a theme, access right,
 * frequency, language, status), shared as `sharedIri` is, but found by its short code: the full
 * IRI is built only the first time, not on every mention (a string built and hashed for each).
 */
export function conceptIri(scheme: string, code: string): NamedNode {
  let byCode = concepts.get(scheme);
  if (!byCode) {
    byCode = new Map();
    concepts.set(scheme, byCode);
  }
  let term = byCode.get(code);
  if (!term) {
    term = sharedIri(`${scheme}/${code}`);
    if (byCode.size < SHARED_IRIS_KEPT) byCode.set(code, term);
  }
  return term;
}

export const rdf = namespace(PREFIXES.rdf);
export const rdfs = namespace(PREFIXES.rdfs);
export const xsd = namespace(PREFIXES.xsd);
export const dcat = namespace(PREFIXES.dcat);
export const dct = namespace(PREFIXES.dct);
export const dcatap = namespace(PREFIXES.dcatap);
export const foaf = namespace(PREFIXES.foaf);
export const vcard = namespace(PREFIXES.vcard);
export const skos = namespace(PREFIXES.skos);
export const adms = namespace(PREFIXES.adms);
export const org = namespace(PREFIXES.org);
export const locn = namespace(PREFIXES.locn);
export const gsp = namespace(PREFIXES.gsp);
export const hydra = namespace(PREFIXES.hydra);

export const RDF_TYPE = rdf("type");
