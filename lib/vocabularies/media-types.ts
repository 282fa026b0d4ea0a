import { z } from "zod";

import { memoized } from "./keys";
import type { Labels } from "./types";
import { labelsSchema } from "./validate";

/** dcat:mediaType values are IANA URIs: `https://www.iana.org/assignments/media-types/<type>/<subtype>`. */
export const IANA_MEDIA_TYPES_BASE = "https://www.iana.org/assignments/media-types/";

export type MediaType = { type: string; label?: Labels };

const same = (text: string): Labels => ({ nb: text, nn: text, en: text });

/**
 * Media types seen in catalogues. Most are IANA-registered; `x-` and `vnd.ogc.*_xml` types are legacy
 * but common in Norwegian geodata feeds, so they are known too.
 */
const LIST: readonly MediaType[] = [
  { type: "text/csv", label: same("CSV") },
  { type: "text/tab-separated-values", label: same("TSV") },
  { type: "application/json", label: same("JSON") },
  { type: "application/geo+json", label: same("GeoJSON") },
  { type: "application/gml+xml", label: same("GML") },
  { type: "application/vnd.google-earth.kml+xml", label: same("KML") },
  { type: "application/vnd.google-earth.kmz", label: same("KMZ") },
  { type: "application/geopackage+sqlite3", label: same("GeoPackage") },
  { type: "application/vnd.sqlite3", label: same("SQLite") },
  { type: "application/x-sqlite3", label: same("SQLite") },
  { type: "application/sql", label: same("SQL") },
  { type: "application/zip", label: same("ZIP") },
  { type: "application/gzip", label: same("gzip") },
  { type: "application/xml", label: same("XML") },
  { type: "text/xml", label: same("XML") },
  { type: "application/pdf", label: same("PDF") },
  { type: "text/html", label: same("HTML") },
  { type: "text/plain", label: { nb: "Ren tekst", nn: "Rein tekst", en: "Plain text" } },
  { type: "image/tiff", label: same("TIFF") },
  { type: "image/png", label: same("PNG") },
  { type: "image/jpeg", label: same("JPEG") },
  { type: "image/jp2", label: same("JPEG 2000") },
  {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    label: { nb: "Excel-regneark (XLSX)", nn: "Excel-rekneark (XLSX)", en: "Excel spreadsheet (XLSX)" },
  },
  {
    type: "application/vnd.ms-excel",
    label: { nb: "Excel-regneark (XLS)", nn: "Excel-rekneark (XLS)", en: "Excel spreadsheet (XLS)" },
  },
  {
    type: "application/vnd.oasis.opendocument.spreadsheet",
    label: { nb: "OpenDocument-regneark", nn: "OpenDocument-rekneark", en: "OpenDocument spreadsheet" },
  },
  {
    type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    label: { nb: "Word-dokument (DOCX)", nn: "Word-dokument (DOCX)", en: "Word document (DOCX)" },
  },
  { type: "application/msword", label: { nb: "Word-dokument (DOC)", nn: "Word-dokument (DOC)", en: "Word document (DOC)" } },
  { type: "application/ld+json", label: same("JSON-LD") },
  { type: "text/turtle", label: same("Turtle") },
  { type: "application/rdf+xml", label: same("RDF/XML") },
  { type: "application/n-triples", label: same("N-Triples") },
  { type: "application/n-quads", label: same("N-Quads") },
  { type: "application/trig", label: same("TriG") },
  { type: "application/atom+xml", label: same("Atom") },
  { type: "application/x-netcdf", label: same("NetCDF") },
  { type: "application/vnd.ogc.wms_xml", label: same("WMS") },
  { type: "application/vnd.ogc.wfs_xml", label: same("WFS") },
  { type: "application/x-ogc-sosi", label: same("SOSI") },
  { type: "application/x-shapefile", label: same("Shapefile") },
  { type: "application/x-filegdb", label: same("File Geodatabase") },
  { type: "image/vnd.dxf", label: same("DXF") },
  { type: "image/vnd.dwg", label: same("DWG") },
  { type: "application/octet-stream", label: { nb: "Binærfil", nn: "Binærfil", en: "Binary file" } },
];

/** RFC 6838 restricted names for type and subtype, lower case. */
export const MEDIA_TYPE_PATTERN = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

const mediaTypeListSchema = z
  .array(z.object({ type: z.string().regex(MEDIA_TYPE_PATTERN), label: labelsSchema.optional() }))
  .refine((list) => new Set(list.map((m) => m.type)).size === list.length, { error: "duplicate media type" });

const checked = mediaTypeListSchema.safeParse(LIST);
if (!checked.success) throw new Error(`Invalid vocabulary media types:\n${z.prettifyError(checked.error)}`);

export const MEDIA_TYPES: readonly MediaType[] = LIST;

const known = new Set(MEDIA_TYPES.map((m) => m.type));

/** Lower case, trimmed, without parameters: " Text/CSV; charset=UTF-8" → "text/csv". */
function cleanMediaType(value: string): string {
  return (value.split(";")[0] ?? "").trim().toLowerCase();
}

/** A `type/subtype` media type (RFC 6838), lower-cased and stripped of parameters. */
export const mediaTypeSchema = z
  .string()
  .overwrite(cleanMediaType)
  .regex(MEDIA_TYPE_PATTERN, { error: "Not a media type: expected type/subtype, e.g. text/csv" });

/**
 * The media type in a value, or undefined when it is not well-formed. Accepts IANA URIs as well;
 * unknown but well-formed types (e.g. application/x-ogc-sosi) are kept.
 */
export const normaliseMediaType = memoized((value: string): string | undefined => {
  const fromUri = /^https?:\/\/(www\.)?iana\.org\/assignments\/media-types\/(.+)$/i.exec(value.trim());
  const type = cleanMediaType(fromUri?.[2] ?? value);
  return MEDIA_TYPE_PATTERN.test(type) ? type : undefined;
});

export function isKnownMediaType(type: string): boolean {
  return known.has(cleanMediaType(type));
}

export function ianaMediaTypeUri(type: string): string {
  return `${IANA_MEDIA_TYPES_BASE}${cleanMediaType(type)}`;
}

export function getMediaType(type: string): MediaType | undefined {
  return MEDIA_TYPES.find((m) => m.type === cleanMediaType(type));
}
