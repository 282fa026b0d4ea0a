import type { NamedNode } from "@rdfjs/types";
import { ACCESS_RIGHTS_SCHEME_URI, getFileType } from "@/lib/vocabularies";
import { type Graph, iri } from "../graph";
import type { DcatDataService, DcatDataset, DcatDistribution } from "../model";
import { conceptIri, dcat, dct, sharedIri } from "../namespaces";
import { OGC_SERVICE_STANDARDS } from "../standards";
import { addLangText, describeAgent, describeStandard, typedResource } from "./dcat-ap-3";
import { type DcatProfile, firstMention, type ProfileContext } from "./types";
import { contactPointUri, distributionServiceUri, distributionUri } from "./uris";

function registeredService(g: Graph, ctx: ProfileContext, ds: DcatDataset, s: DcatDataService): NamedNode {
  const node = sharedIri(s.uri);
  if (firstMention(ctx, "service", s.uri)) {
    g.add(sharedIri(ctx.catalogUri), dcat("service"), node);
    g.type(node, dcat("DataService"));
    addLangText(g, node, dct("title"), s.title);
    addLangText(g, node, dct("description"), s.description);
    g.add(node, dcat("endpointURL"), iri(s.endpointURL));
    if (s.endpointDescription) g.add(node, dcat("endpointDescription"), iri(s.endpointDescription));
    for (const uri of s.conformsTo) g.add(node, dct("conformsTo"), describeStandard(g, ctx, uri));
    const fileType = s.format ? getFileType(s.format) : undefined;
    if (fileType?.uri) g.add(node, dct("format"), iri(fileType.uri));
    if (s.accessRights) g.add(node, dct("accessRights"), iri(`${ACCESS_RIGHTS_SCHEME_URI}/${s.accessRights}`));
    if (s.license) g.add(node, dct("license"), typedResource(g, ctx, s.license, dct("LicenseDocument")));
    g.add(node, dct("publisher"), describeAgent(g, ctx, s.publisher));
  }
  // Linked from each dataset's own graph, so the link always points at a dataset in the response.
  g.add(node, dcat("servesDataset"), iri(ds.uri));
  return node;
}

/** A WMS/WFS/… distribution without a registered service: the endpoint is described as one. */
function mintedService(g: Graph, ctx: ProfileContext, ds: DcatDataset, d: DcatDistribution, kind: string): NamedNode {
  const node = iri(distributionServiceUri(ds, d));
  g.add(sharedIri(ctx.catalogUri), dcat("service"), node);
  g.type(node, dcat("DataService"));
  const title = Object.keys(d.title).length > 0 ? d.title : { nb: `${ds.title.nb} (${kind})` };
  addLangText(g, node, dct("title"), title);
  g.add(node, dcat("endpointURL"), iri(d.accessURL));
  const ogc = OGC_SERVICE_STANDARDS[kind];
  if (ogc) g.add(node, dct("conformsTo"), describeStandard(g, ctx, ogc.uri));
  const fileType = d.format ? getFileType(d.format) : undefined;
  if (fileType?.uri) g.add(node, dct("format"), sharedIri(fileType.uri));
  g.add(node, dct("accessRights"), conceptIri(ACCESS_RIGHTS_SCHEME_URI, ds.accessRights));
  const license = d.license ?? ds.license;
  if (license) g.add(node, dct("license"), typedResource(g, ctx, license, dct("LicenseDocument")));
  g.add(node, dct("publisher"), sharedIri(ds.publisher.uri));
  if (ds.contactPoint) g.add(node, dcat("contactPoint"), iri(contactPointUri(ds)));
  g.add(node, dcat("servesDataset"), iri(ds.uri));
  return node;
}

/**
 * DCAT-AP 3 data services for map services and APIs: a distribution reached through a WMS, WFS,
 * WCS, WMTS or API endpoint links a dcat:DataService (dcat:accessService) with its endpoint URL,
 * the OGC standard it conforms to and the datasets it serves; the catalogue lists it (dcat:service).
 */
export const dataServices: DcatProfile = {
  name: "data-services",

  datasetToGraph(ds, ctx, g) {
    for (const d of ds.distributions) {
      const fileType = d.format ? getFileType(d.format) : undefined;
      const service = d.accessService
        ? registeredService(g, ctx, ds, d.accessService)
        : fileType?.service
          ? mintedService(g, ctx, ds, d, fileType.service)
          : null;
      if (service) g.add(iri(distributionUri(ds, d)), dcat("accessService"), service);
    }
  },

  catalogToGraph() {},
};
