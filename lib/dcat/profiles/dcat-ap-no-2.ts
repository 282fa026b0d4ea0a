import { DataFactory } from "n3";
import { distributionStatusFromUri, LICENCE_SCHEME_URI } from "@/lib/vocabularies";
import { type Graph, iri, text, typed } from "../graph";
import type { DcatPublisher } from "../model";
import { adms, dcat, dct, foaf, RDF_TYPE, vcard, xsd } from "../namespaces";
import { addLangText } from "./dcat-ap-3";
import type { DcatProfile } from "./types";
import { contactPointUri } from "./uris";

/**
 * DCAT-AP-NO 2.0 (Digdir; the form data.norge.no validates), applied after the DCAT-AP 3 base
 * where the two disagree or Norway asks for more:
 * - dcat:byteSize as xsd:decimal (DCAT-AP 3: xsd:nonNegativeInteger);
 * - adms:status from the ADMS status vocabulary (DCAT-AP 3: the EU distribution-status NAL);
 * - dct:spatial as a bare IRI (Kartverket's administrative units), not a described dct:Location;
 * - dct:identifier on publishers (the organisation number), data services and the catalogue;
 * - a contact point (vcard:fn, vcard:hasEmail) on the catalogue, and on datasets that have none
 *   when their publisher has an e-mail address.
 */

function identifyAgent(g: Graph, p: { uri: string; orgNumber: string | null }): void {
  const node = iri(p.uri);
  if (p.orgNumber && g.has(node, RDF_TYPE, foaf("Agent"))) g.add(node, dct("identifier"), text(p.orgNumber));
}

function publisherContact(g: Graph, datasetNode: ReturnType<typeof iri>, uri: string, p: DcatPublisher): void {
  if (!p.email) return;
  const contact = iri(uri);
  g.add(datasetNode, dcat("contactPoint"), contact);
  g.type(contact, vcard("Kind"), vcard("Organization"));
  addLangText(g, contact, vcard("fn"), p.name);
  g.add(contact, vcard("hasEmail"), iri(`mailto:${p.email}`));
}

export const dcatApNo2: DcatProfile = {
  name: "dcat-ap-no-2",

  datasetToGraph(ds, _ctx, g) {
    const node = iri(ds.uri);
    g.mapObjects(dcat("byteSize"), (o) => typed(o.value, xsd("decimal")));
    g.mapObjects(adms("status"), (o) => {
      const status = distributionStatusFromUri(o.value);
      return status ? iri(status.admsUri) : null;
    });
    for (const s of ds.spatial) if (s.uri) g.remove(iri(s.uri));
    // A licence outside the EU NAL (Norge digitalt's) is not a dct:license in DCAT-AP-NO, which
    // takes NAL URIs only: state it as the distribution's rights instead.
    for (const q of g.match(undefined, dct("license"))) {
      if (q.object.value.startsWith(`${LICENCE_SCHEME_URI}/`)) continue;
      if (!g.has(q.subject, RDF_TYPE, dcat("Distribution"))) continue;
      g.remove(q.subject, q.predicate, q.object);
      g.add(q.subject, dct("rights"), q.object);
      g.remove(q.object, RDF_TYPE, dct("LicenseDocument"));
      g.type(q.object as ReturnType<typeof iri>, dct("RightsStatement"));
    }
    identifyAgent(g, ds.publisher);
    for (const service of g.subjects(RDF_TYPE, dcat("DataService"))) {
      g.add(service, dct("identifier"), text(service.value));
    }
    for (const d of ds.distributions) if (d.accessService) identifyAgent(g, d.accessService.publisher);
    if (!ds.contactPoint) publisherContact(g, node, contactPointUri(ds), ds.publisher);
  },

  catalogToGraph(cat, _ctx, g) {
    const node = iri(cat.uri);
    g.add(node, dct("identifier"), text(cat.identifier));
    identifyAgent(g, cat.publisher);
    const contact = iri(cat.contactPoint.uri);
    g.add(node, dcat("contactPoint"), contact);
    g.type(contact, vcard("Kind"), vcard("Organization"));
    g.add(contact, vcard("fn"), DataFactory.literal(cat.contactPoint.name));
    if (cat.contactPoint.email) g.add(contact, vcard("hasEmail"), iri(`mailto:${cat.contactPoint.email}`));
    if (cat.contactPoint.url) g.add(contact, vcard("hasURL"), iri(cat.contactPoint.url));
  },
};
