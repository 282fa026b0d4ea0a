import type { DistributionInput } from "@/lib/catalogue/schemas";
import { normaliseFileType, normaliseLicence, normaliseMediaType, normaliseTheme, type ThemeCode } from "@/lib/vocabularies";
import type { RecordWarnings } from "./map-dcat";
import { plainText, readByteSize, readHttpUrl, truncate } from "./normalise";
import { fallbackThemes } from "./theme-mappings";

/** Shared readers for the JSON sources (DCAT-US data.json and CKAN). */

export const str = (value: unknown): string | undefined => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);
export const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);

export function readThemesFromWords(values: string[], words: string[], warn: RecordWarnings): ThemeCode[] {
  const themes = new Set<ThemeCode>();
  for (const value of values) {
    const theme = normaliseTheme(value);
    if (theme) themes.add(theme.code);
  }
  if (themes.size > 0) return [...themes];
  const fallback = fallbackThemes(values, [...values, ...words]);
  warn.add(fallback.warning);
  return fallback.themes;
}

/** A licence from a URL, an id or a sentence that contains a URL (ArcGIS Hub puts HTML there). */
export function readLicenceText(values: (string | undefined)[], warn: RecordWarnings): string | undefined {
  for (const value of values) {
    if (!value) continue;
    const text = plainText(value);
    const licence = normaliseLicence(text) ?? (/https?:\/\/\S+/.exec(text) ? normaliseLicence(/https?:\/\/[^\s<>"]+/.exec(text)![0].replace(/[.,;)]+$/, "")) : undefined);
    if (licence) {
      if (licence.uri !== text) warn.add(`Licence "${truncate(text, 80)}" read as ${licence.uri}`);
      return licence.uri;
    }
    warn.add(`Unknown licence "${truncate(text, 80)}" left out`);
  }
  return undefined;
}

export function readJsonDistribution(
  d: { title?: unknown; description?: unknown; accessURL?: unknown; downloadURL?: unknown; format?: unknown; mediaType?: unknown; license?: unknown; byteSize?: unknown },
  position: number,
  warn: RecordWarnings,
): DistributionInput | undefined {
  const downloadURL = readHttpUrl(str(d.downloadURL));
  const accessURL = readHttpUrl(str(d.accessURL)) ?? downloadURL;
  if (!accessURL) {
    warn.add(`Distribution ${position}: no http(s) URL; left out`);
    return undefined;
  }
  const mediaType = str(d.mediaType) ? normaliseMediaType(str(d.mediaType)!) : undefined;
  const formatText = str(d.format);
  const fileType = normaliseFileType(formatText, mediaType);
  if (formatText && !fileType) warn.add(`Format "${formatText}" is not in the EU file-type list; left out`);
  const title = str(d.title);
  const description = str(d.description);
  const licence = str(d.license) ? readLicenceText([str(d.license)], warn) : undefined;
  const byteSize = typeof d.byteSize === "number" || typeof d.byteSize === "string" ? readByteSize(String(d.byteSize)) : undefined;
  return {
    ...(title && { title: { nb: truncate(plainText(title), 300) } }),
    ...(description && { description: { nb: truncate(plainText(description), 5000) } }),
    accessURL,
    ...(downloadURL && { downloadURL }),
    ...(fileType && { format: fileType.code }),
    ...(mediaType && { mediaType }),
    ...(licence && { license: licence }),
    ...(byteSize !== undefined && { byteSize }),
  } as DistributionInput;
}

/** A DCAT-US / CKAN bounding box "west,south,east,north" as a WKT polygon. */
export function bboxToWkt(text: string): string | undefined {
  const parts = text.split(/[,\s]+/).map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return undefined;
  const [w, s, e, n] = parts as [number, number, number, number];
  return `POLYGON((${w} ${s}, ${e} ${s}, ${e} ${n}, ${w} ${n}, ${w} ${s}))`;
}
