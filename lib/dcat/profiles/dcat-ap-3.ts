import type { NamedNode } from "@rdfjs/types";
import {
  ACCESS_RIGHTS_SCHEME_URI,
  DISTRIBUTION_STATUS_SCHEME_URI,
  FREQUENCY_SCHEME_URI,
  getFileType,
  IANA_MEDIA_TYPES_BASE,
  LANGUAGE_SCHEME_URI,
  THEME_SCHEME_URI,
} from "@/lib/vocabularies";
import { dateLiteral, decimalLiteral, type Graph, iri, optionalIri, text, typed } from "../graph";
import type { DcatCatalog, DcatDataset, DcatDistribution, DcatPublisher, LangText } from "../model";
import { adms, conceptIri, dcat, dct, foaf, gsp, sharedIri, skos, vcard, xsd } from "../namespaces";
import { standardTitle } from "../standards";
import { type DcatProfile, firstMention, type ProfileContext } from "./types";
import { contactPointUri, distributionUri, locationUri, recordUri, temporalUri } from "./uris";

/**
 * DCAT-AP 3.0.1, the base of every pipeline: the mandatory and recommended properties of Catalog,
 * Dataset, Distribution, Agent, Kind, Location, PeriodOfTime and CatalogRecord, EU vocabularies
 * by URI. Later profiles refine it (GeoDCAT-AP, data services, DCAT-AP-NO).
 */

const LANG_ORDER = ["nb", "nn", "en"] as const;

export function addLangText(g: Graph, s: NamedNode, p: NamedNode, value: LangText): void {
  for (const lang of LANG_ORDER) g.add(s, p, text(value[lang], lang));
}

/** An IRI typed with the DCAT-AP range class of the property that points at it (once per response). */
export function typedResource(g: Graph, ctx: ProfileContext, uri: string, type: NamedNode): NamedNode {
  const node = sharedIri(uri);
  if (firstMention(ctx, type.value, uri)) g.type(node, type);
  return node;
}

/** A dct:Standard (conformsTo target) with its title, described once per response. */
export function describeStandard(g: Graph, ctx: ProfileContext, uri: string): NamedNode {
  const node = sharedIri(uri);
  if (firstMention(ctx, "standard", uri)) {
    g.type(node, dct("Standard"));
    g.add(node, dct("title"), text(standardTitle(uri)));
  }
  return node;
}

/** foaf:Agent with its names; DCAT-AP-NO adds the organisation number. */
export function describeAgent(g: Graph, ctx: ProfileContext, p: Pick<DcatPublisher, "uri" | "name" | "homepage">): NamedNode {
  const node = sharedIri(p.uri);
  if (firstMention(ctx, "agent", p.uri)) {
    g.type(node, foaf("Agent"));
    addLangText(g, node, foaf("name"), p.name);
    if (p.homepage) g.add(node, foaf("homepage"), typedResource(g, ctx, p.homepage, foaf("Document")));
  }
  return node;
}

function describeContact(
  g: Graph,
  node: NamedNode,
  contact: { name: string; email: string | null; url: string | null },
): void {
  g.type(node, vcard("Kind"), vcard("Organization"));
  g.add(node, vcard("fn"), text(contact.name));
  if (contact.email) g.add(node, vcard("hasEmail"), iri(`mailto:${contact.email}`));
  if (contact.url) g.add(node, vcard("hasURL"), iri(contact.url));
}

/** The IANA URI of a media type; legacy `x-` types have none, so they are left out. */
export function mediaTypeUri(type: string | null): string | null {
  if (!type || /\/x-/.test(type)) return null;
  return `${IANA_MEDIA_TYPES_BASE}${type}`;
}

function distributionToGraph(g: Graph, ctx: ProfileContext, ds: DcatDataset, datasetNode: NamedNode, d: DcatDistribution): void {
  const node = iri(distributionUri(ds, d));
  g.add(datasetNode, dcat("distribution"), node);
  g.type(node, dcat("Distribution"));
  addLangText(g, node, dct("title"), d.title);
  addLangText(g, node, dct("description"), d.description);
  g.add(node, dcat("accessURL"), iri(d.accessURL));
  g.add(node, dcat("downloadURL"), optionalIri(d.downloadURL));
  const fileType = d.format ? getFileType(d.format) : undefined;
  if (fileType?.uri) g.add(node, dct("format"), sharedIri(fileType.uri));
  // A format outside the EU list (SOSI): its specification, which the harvester maps back.
  else if (fileType?.conformsTo) g.add(node, dct("conformsTo"), describeStandard(g, ctx, fileType.conformsTo));
  const mediaType = mediaTypeUri(d.mediaType);
  if (mediaType) g.add(node, dcat("mediaType"), typedResource(g, ctx, mediaType, dct("MediaType")));
  const license = d.license ?? ds.license;
  if (license) g.add(node, dct("license"), typedResource(g, ctx, license, dct("LicenseDocument")));
  if (d.byteSize !== null) g.add(node, dcat("byteSize"), typed(d.byteSize, xsd("nonNegativeInteger")));
  if (d.status) g.add(node, adms("status"), conceptIri(DISTRIBUTION_STATUS_SCHEME_URI, d.status));
  for (const uri of d.conformsTo) g.add(node, dct("conformsTo"), describeStandard(g, ctx, uri));
  g.add(node, dct("issued"), dateLiteral(d.issued));
  g.add(node, dct("modified"), dateLiteral(d.modified));
}

export const dcatAp3: DcatProfile = {
  name: "dcat-ap-3",

  datasetToGraph(ds, ctx, g) {
    const node = iri(ds.uri);
    const catalog = sharedIri(ctx.catalogUri);
    g.add(catalog, dcat("dataset"), node);
    g.type(node, dcat("Dataset"));
    addLangText(g, node, dct("title"), ds.title);
    addLangText(g, node, dct("description"), ds.description);
    g.add(node, dct("identifier"), text(ds.identifier));
    g.add(node, dct("publisher"), describeAgent(g, ctx, ds.publisher));
    if (ds.contactPoint) {
      const contact = iri(contactPointUri(ds));
      g.add(node, dcat("contactPoint"), contact);
      describeContact(g, contact, ds.contactPoint);
    }
    for (const theme of ds.themes) g.add(node, dcat("theme"), conceptIri(THEME_SCHEME_URI, theme));
    for (const lang of LANG_ORDER) for (const k of ds.keywords[lang] ?? []) g.add(node, dcat("keyword"), text(k, lang));
    g.add(node, dct("accessRights"), conceptIri(ACCESS_RIGHTS_SCHEME_URI, ds.accessRights));
    if (ds.accrualPeriodicity) g.add(node, dct("accrualPeriodicity"), conceptIri(FREQUENCY_SCHEME_URI, ds.accrualPeriodicity));
    if (ds.landingPage) {
      // Landing pages are mostly one per dataset: typed every time, not remembered (flat memory).
      const landingPage = iri(ds.landingPage);
      g.add(node, dcat("landingPage"), landingPage);
      g.type(landingPage, foaf("Document"));
    }
    for (const uri of ds.conformsTo) g.add(node, dct("conformsTo"), describeStandard(g, ctx, uri));
    for (const code of ds.languages) g.add(node, dct("language"), conceptIri(LANGUAGE_SCHEME_URI, code));
    if (ds.temporal) {
      const period = iri(temporalUri(ds));
      g.add(node, dct("temporal"), period);
      g.type(period, dct("PeriodOfTime"));
      g.add(period, dcat("startDate"), dateLiteral(ds.temporal.start));
      g.add(period, dcat("endDate"), dateLiteral(ds.temporal.end));
    }
    ds.spatial.forEach((s, i) => {
      if (s.uri) {
        // A named place (Kartverket, EU country/place, Geonames): a dct:Location by its own IRI.
        const place = iri(s.uri);
        g.add(node, dct("spatial"), place);
        g.type(place, dct("Location"));
        g.add(place, skos("prefLabel"), text(s.label, "nb"));
      }
      if (s.bbox) {
        const location = iri(locationUri(ds, i));
        g.add(node, dct("spatial"), location);
        g.type(location, dct("Location"));
        if (!s.uri) g.add(location, skos("prefLabel"), text(s.label, "nb"));
        g.add(location, dcat("bbox"), typed(s.bbox.trim(), gsp("wktLiteral")));
      }
      if (!s.uri && !s.bbox && s.label) {
        const location = iri(locationUri(ds, i));
        g.add(node, dct("spatial"), location);
        g.type(location, dct("Location"));
        g.add(location, skos("prefLabel"), text(s.label, "nb"));
      }
    });
    if (ds.spatialResolutionMeters !== null) g.add(node, dcat("spatialResolutionInMeters"), decimalLiteral(ds.spatialResolutionMeters));
    g.add(node, dct("issued"), dateLiteral(ds.issued));
    g.add(node, dct("modified"), dateLiteral(ds.modified));
    for (const d of ds.distributions) distributionToGraph(g, ctx, ds, node, d);

    const record = iri(recordUri(ds));
    g.add(catalog, dcat("record"), record);
    g.type(record, dcat("CatalogRecord"));
    g.add(record, foaf("primaryTopic"), node);
    g.add(record, dct("issued"), dateLiteral(ds.record.issued));
    g.add(record, dct("modified"), dateLiteral(ds.record.modified));
  },

  catalogToGraph(cat: DcatCatalog, ctx, g) {
    const node = iri(cat.uri);
    g.type(node, dcat("Catalog"));
    addLangText(g, node, dct("title"), cat.title);
    addLangText(g, node, dct("description"), cat.description);
    g.add(node, dct("publisher"), describeAgent(g, ctx, cat.publisher));
    g.add(node, foaf("homepage"), typedResource(g, ctx, cat.homepage, foaf("Document")));
    for (const code of ["NOB", "NNO", "ENG"]) g.add(node, dct("language"), iri(`${LANGUAGE_SCHEME_URI}/${code}`));
    const taxonomy = iri(THEME_SCHEME_URI);
    g.add(node, dcat("themeTaxonomy"), taxonomy);
    g.type(taxonomy, skos("ConceptScheme"));
    g.add(taxonomy, dct("title"), text("Data theme", "en"));
    g.add(node, dct("modified"), dateLiteral(cat.modified));
  },
};
