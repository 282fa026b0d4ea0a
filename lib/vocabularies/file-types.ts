import { z } from "zod";

import { FILE_TYPE_DATA, type FileTypeData } from "./file-type-data";
import { createIndex, foldKey, memoized, urlKey } from "./keys";
import { MEDIA_TYPE_PATTERN, normaliseMediaType } from "./media-types";
import type { Labels } from "./types";
import { codesOf, labelsSchema, validateVocabulary, vocabularyEntrySchema } from "./validate";

/** The EU file-type NAL (dct:format on distributions and data services). */
export const FILE_TYPE_SCHEME_URI = "http://publications.europa.eu/resource/authority/file-type";

export type FileTypeCode = keyof typeof FILE_TYPE_DATA;
export const FILE_TYPE_CODES = codesOf(FILE_TYPE_DATA);

export type FileType = {
  code: FileTypeCode;
  /** The EU file-type URI, or null for formats the EU list lacks (SOSI, NeTEx, …). */
  uri: string | null;
  label: Labels;
  machineReadable: boolean;
  nonProprietary: boolean;
  reason: Labels;
  mediaTypes: readonly string[];
  aliases: readonly string[];
  conformsTo?: string;
  service?: FileTypeData["service"];
};

export const FILE_TYPES: readonly FileType[] = validateVocabulary(
  "file types",
  FILE_TYPE_CODES.map((code): FileType => {
    const { eu, ...rest }: FileTypeData = FILE_TYPE_DATA[code];
    return { code, uri: eu ? `${FILE_TYPE_SCHEME_URI}/${code}` : null, ...rest };
  }),
  vocabularyEntrySchema
    .extend({
      machineReadable: z.boolean(),
      nonProprietary: z.boolean(),
      reason: labelsSchema,
      mediaTypes: z.array(z.string().regex(MEDIA_TYPE_PATTERN)),
      aliases: z.array(z.string().min(1)),
      conformsTo: z.url().optional(),
      service: z.enum(["WMS", "WFS", "WCS", "WMTS", "API"]).optional(),
    })
    .refine((f) => f.uri !== null || f.conformsTo !== undefined, {
      error: "a format outside the EU list needs conformsTo",
    }),
);

export const fileTypeCodeSchema = z.enum(FILE_TYPE_CODES, {
  error: "Unknown format: use an EU file-type code such as CSV, GEOJSON or GML, or SOSI",
});

/** Formats and format names are matched case- and accent-insensitively, ignoring a leading dot. */
const formatKey = (value: string) => foldKey(value).replace(/^\./, "");

const byCode = new Map<string, FileType>(FILE_TYPES.map((f) => [f.code, f]));
const byName = createIndex(
  "file types",
  FILE_TYPES,
  (f) => [f.code, ...Object.values(f.label), ...f.aliases],
  formatKey,
);
const byUri = createIndex(
  "file type URIs",
  FILE_TYPES,
  (f) => [...(f.uri ? [f.uri] : []), ...(f.conformsTo ? [f.conformsTo] : [])],
  urlKey,
);
/** The first entry listing a media type owns it (see the note in file-type-data.ts). */
const byMediaType = new Map<string, FileType>();
for (const f of FILE_TYPES) for (const m of f.mediaTypes) if (!byMediaType.has(m)) byMediaType.set(m, f);

/** Containers that say nothing about their content: trusted only when nothing better is known. */
const CONTAINERS = new Set<FileTypeCode>(["ZIP"]);

export function getFileType(code: FileTypeCode): FileType;
export function getFileType(code: string): FileType | undefined;
export function getFileType(code: string): FileType | undefined {
  return byCode.get(code);
}

/** The format for an EU file-type URI, or for the specification URI (dct:conformsTo) of a format outside it. */
export function fileTypeFromUri(uri: string): FileType | undefined {
  return byUri.get(urlKey(uri));
}

/** A format that counts towards the Open Data KPI: machine-readable and non-proprietary. */
export function isOpenFormat(fileType: FileType): boolean {
  return fileType.machineReadable && fileType.nonProprietary;
}

const fromFormatText = memoized((text: string): FileType | undefined => {
  const exact = byName.get(formatKey(text)) ?? fileTypeFromUri(text);
  if (exact) return exact;
  const mediaType = text.includes("/") ? normaliseMediaType(text) : undefined;
  if (mediaType && byMediaType.has(mediaType)) return byMediaType.get(mediaType);
  // "sosi, shape": the first part that names a known format.
  const parts = text.split(/[,;]/).map((p) => p.trim());
  if (parts.length < 2) return undefined;
  for (const part of parts) {
    const found = byName.get(formatKey(part));
    if (found) return found;
  }
  return undefined;
});

/**
 * Reads a format from a distribution's format text (code, EU URI, name, alias or media type) and,
 * failing that, its IANA media type. Case-insensitive. The format text wins; a container media type
 * (application/zip) alone is taken as ZIP only when no format text was given.
 */
export function normaliseFileType(format: string | undefined, mediaType?: string): FileType | undefined {
  const text = format?.trim() ?? "";
  if (text !== "") {
    const found = fromFormatText(text);
    if (found) return found;
  }
  const type = mediaType ? normaliseMediaType(mediaType) : undefined;
  const byType = type ? byMediaType.get(type) : undefined;
  if (!byType) return undefined;
  return text !== "" && CONTAINERS.has(byType.code) ? undefined : byType;
}
