import { FILE_TYPES } from "@/lib/vocabularies";

/** OGC service standards (GeoDCAT-AP: a WMS/WFS endpoint's dct:conformsTo) with their names. */
export const OGC_SERVICE_STANDARDS: Record<string, { uri: string; title: string }> = {
  WMS: { uri: "http://www.opengis.net/def/serviceType/ogc/wms", title: "OGC Web Map Service (WMS)" },
  WFS: { uri: "http://www.opengis.net/def/serviceType/ogc/wfs", title: "OGC Web Feature Service (WFS)" },
  WCS: { uri: "http://www.opengis.net/def/serviceType/ogc/wcs", title: "OGC Web Coverage Service (WCS)" },
  WMTS: { uri: "http://www.opengis.net/def/serviceType/ogc/wmts", title: "OGC Web Map Tile Service (WMTS)" },
};

const KNOWN = new Map<string, string>([
  ...Object.values(OGC_SERVICE_STANDARDS).map((s): [string, string] => [s.uri, s.title]),
  ...FILE_TYPES.flatMap((f): [string, string][] => (f.conformsTo ? [[f.conformsTo, f.label.en]] : [])),
  ["http://www.opengis.net/def/crs/OGC/1.3/CRS84", "WGS 84 (CRS84)"],
]);

/**
 * A title for a dct:Standard (DCAT-AP-NO 2 requires one): the known name, "EPSG:25832" for an OGC
 * EPSG register URI, else the URI itself.
 */
export function standardTitle(uri: string): string {
  const known = KNOWN.get(uri);
  if (known) return known;
  const epsg = /\/def\/crs\/EPSG\/\d+\/(\d+)$/.exec(uri);
  return epsg ? `EPSG:${epsg[1]}` : uri;
}
