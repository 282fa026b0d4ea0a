import fs from "node:fs";
import path from "node:path";
import { DataFactory, Parser, Store } from "n3";
import type { Quad, Term } from "@rdfjs/types";
import Validator from "shacl-engine/Validator.js";
import { LICENCES } from "@/lib/vocabularies";

/**
 * SHACL validation of the feeds against the official shapes in ../shared/dcat/shapes, unedited.
 * The EU vocabulary extracts there are partial (SOURCE.md): this helper completes them IN THE DATA
 * GRAPH, for each concept the output uses that the extracts or lib/vocabularies know, with
 * skos:Concept, skos:inScheme and the DCAT-AP range class of the property (never by weakening a shape).
 */

export const SHAPES_DIR = path.resolve(import.meta.dirname, "../../../shared/dcat/shapes");

export const SHAPE_SETS = {
  "dcat-ap-3": ["dcat-ap-3.0.1/dcat-ap-SHACL.ttl", "dcat-ap-3.0.1/ranges.ttl", "dcat-ap-3.0.1/html-shacl/mdr-vocabularies.shape.ttl"],
  "dcat-ap-no-2": ["dcat-ap-no/v2/DCAT-AP-NO-shacl_shapes_2.00.ttl"],
  "geodcat-ap-2": ["geodcat-ap-2.0.0/geodcat-ap.shacl.ttl"],
} as const;
export type ShapeSet = keyof typeof SHAPE_SETS;

const VOCABULARY_FILES = [
  "access-right-sparql-result.ttl",
  "data-theme-sparql-result.ttl",
  "distribution-status-sparql-result.ttl",
  "eu-licences.ttl",
  "filetypes-sparql-result.ttl",
  "frequencies-sparql-result.ttl",
  "language-sparql-result.ttl",
  "languages.ttl",
  "licences-sparql-result.ttl",
];

const { namedNode, quad, literal } = DataFactory;
const RDF_TYPE = namedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
const SKOS = "http://www.w3.org/2004/02/skos/core#";
const DCT = "http://purl.org/dc/terms/";
const NAL = "http://publications.europa.eu/resource/authority/";

/** NAL scheme → the DCAT-AP range class of the property that takes its concepts. */
const RANGE_CLASS: Record<string, string | null> = {
  "file-type": `${DCT}MediaTypeOrExtent`,
  licence: `${DCT}LicenseDocument`,
  "access-right": `${DCT}RightsStatement`,
  frequency: `${DCT}Frequency`,
  language: `${DCT}LinguisticSystem`,
  "data-theme": null,
  "distribution-status": null,
};
/** ADMS status (DCAT-AP-NO 2 adms:status) and its scheme. */
const ADMS_STATUS = "http://purl.org/adms/status/";

export function parseTurtleFile(file: string): Quad[] {
  return new Parser({ baseIRI: `file://${file}` }).parse(fs.readFileSync(file, "utf8"));
}

const shapeCache = new Map<ShapeSet, Store>();
function shapes(set: ShapeSet): Store {
  let store = shapeCache.get(set);
  if (!store) {
    store = new Store();
    for (const f of SHAPE_SETS[set]) store.addQuads(parseTurtleFile(path.join(SHAPES_DIR, f)));
    shapeCache.set(set, store);
  }
  return store;
}

let vocabularies: { quads: Quad[]; subjects: Set<string> } | undefined;
function loadVocabularies() {
  if (!vocabularies) {
    const quads = VOCABULARY_FILES.flatMap((f) => parseTurtleFile(path.join(SHAPES_DIR, "vocabularies", f)));
    vocabularies = { quads, subjects: new Set(quads.map((q) => q.subject.value)) };
  }
  return vocabularies;
}

const knownLicenceUris = new Set(LICENCES.map((l) => l.uri));

/** The vocabulary triples the data graph needs for the concepts `data` uses. */
export function vocabularyCompletion(data: readonly Quad[]): Quad[] {
  const { subjects } = loadVocabularies();
  const out: Quad[] = [];
  const seen = new Set<string>();
  for (const q of data) {
    const o = q.object;
    if (o.termType !== "NamedNode" || seen.has(o.value)) continue;
    seen.add(o.value);
    const nal = o.value.startsWith(NAL) ? /^([a-z-]+)\/([A-Za-z0-9_]+)$/.exec(o.value.slice(NAL.length)) : null;
    if (nal && nal[1]! in RANGE_CLASS) {
      const [, scheme] = nal;
      // Only concepts the EU list really has: in the extracts, or (licences) in our checked list.
      if (!subjects.has(o.value) && !knownLicenceUris.has(o.value)) continue;
      const concept = namedNode(o.value);
      out.push(quad(concept, RDF_TYPE, namedNode(`${SKOS}Concept`)));
      out.push(quad(concept, namedNode(`${SKOS}inScheme`), namedNode(`${NAL}${scheme}`)));
      out.push(quad(concept, namedNode(`${SKOS}prefLabel`), literal(nal[2]!, "en")));
      const range = RANGE_CLASS[scheme!];
      if (range) out.push(quad(concept, RDF_TYPE, namedNode(range)));
    } else if (o.value.startsWith(ADMS_STATUS)) {
      const concept = namedNode(o.value);
      out.push(quad(concept, RDF_TYPE, namedNode(`${SKOS}Concept`)));
      out.push(quad(concept, namedNode(`${SKOS}inScheme`), namedNode("http://purl.org/adms/status/1.0")));
      out.push(quad(concept, namedNode(`${SKOS}prefLabel`), literal(o.value.slice(ADMS_STATUS.length), "en")));
    }
  }
  // RDFS entailments, materialised because the engine draws none from the data graph (shacl-engine
  // resolves rdfs:subClassOf in the shapes graph only): rdfs9 over the W3C DCAT 3 ontology's
  // dcat:Dataset/DataService/Catalog rdfs:subClassOf dcat:Resource, and rdfs4 (every IRI is an
  // rdfs:Resource) for the IRIs that DCAT-AP 3 constrains with sh:class rdfs:Resource.
  const RDFS = "http://www.w3.org/2000/01/rdf-schema#";
  const RESOURCE_SUBCLASSES = new Set(["Dataset", "DataService", "Catalog", "DatasetSeries"].map((c) => `http://www.w3.org/ns/dcat#${c}`));
  for (const q of data) {
    if (q.predicate.equals(RDF_TYPE) && RESOURCE_SUBCLASSES.has(q.object.value)) {
      out.push(quad(q.subject, RDF_TYPE, namedNode("http://www.w3.org/ns/dcat#Resource")));
    }
    if (/#(endpointURL|endpointDescription)$/.test(q.predicate.value) && q.object.termType === "NamedNode") {
      out.push(quad(q.object, RDF_TYPE, namedNode(`${RDFS}Resource`)));
    }
  }
  for (const scheme of Object.keys(RANGE_CLASS)) {
    const node = namedNode(`${NAL}${scheme}`);
    out.push(quad(node, RDF_TYPE, namedNode(`${SKOS}ConceptScheme`)));
    out.push(quad(node, namedNode(`${DCT}title`), literal(scheme, "en")));
  }
  return out;
}

export type Violation = { focusNode: string; path: string | null; message: string; shape: string | null; value: string | null };

const factory = { ...DataFactory, dataset: (quads?: Quad[]) => new Store(quads) };

/** Violations (not warnings) of `data`, completed with the vocabularies, against one shape set. */
export async function shaclViolations(data: readonly Quad[], set: ShapeSet): Promise<Violation[]> {
  const store = new Store([...data, ...vocabularyCompletion(data)]);
  const validator = new Validator(shapes(set), { factory });
  const report = await validator.validate({ dataset: store });
  const SH = "http://www.w3.org/ns/shacl#";
  return (report.results as ValidationResult[])
    .filter((r) => r.severity?.value === `${SH}Violation`)
    .map((r) => ({
      focusNode: r.focusNode?.term?.value ?? "",
      path: r.path?.[0]?.predicates?.[0]?.value ?? null,
      message: (r.message ?? []).map((m: Term) => m.value).join(" ") || (r.constraintComponent?.value ?? ""),
      shape: r.shape?.ptr?.term?.value ?? null,
      value: r.value?.term?.value ?? null,
    }));
}

type ValidationResult = {
  severity?: Term;
  focusNode?: { term?: Term };
  path?: { predicates?: Term[] }[];
  message?: Term[];
  constraintComponent?: Term;
  shape?: { ptr?: { term?: Term } };
  value?: { term?: Term };
};

/** Violations grouped for a readable assertion message. */
export function summarise(violations: Violation[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of violations) {
    const key = `${v.path ?? "-"}: ${v.message}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}
