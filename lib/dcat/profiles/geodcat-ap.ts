import { iri, literal } from "../graph";
import { dcat, gsp } from "../namespaces";
import type { DcatProfile } from "./types";
import { locationUri } from "./uris";

/** CRS84 (longitude, latitude): the default of GeoSPARQL and what the catalogue stores bboxes in. */
export const CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

/**
 * GeoDCAT-AP 2.0 for spatial data: every WKT geometry states its reference system inside the
 * literal, as GeoSPARQL requires (`"<crs-uri> POLYGON(…)"^^gsp:wktLiteral`). The dataset's CRS
 * (dct:conformsTo an EPSG URI) and spatial resolution (dcat:spatialResolutionInMeters) come from the
 * base profile, which writes them for every dataset that has them.
 */
export const geoDcatAp: DcatProfile = {
  name: "geodcat-ap",

  datasetToGraph(ds, _ctx, g) {
    ds.spatial.forEach((s, i) => {
      if (!s.bbox) return;
      const node = iri(locationUri(ds, i));
      g.mapObjects(dcat("bbox"), (object, subject) => {
        if (!subject.equals(node) || object.value.startsWith("<")) return object;
        return literal(`<${s.crs ?? CRS84}> ${object.value}`, gsp("wktLiteral"));
      });
    });
  },

  catalogToGraph() {},
};
