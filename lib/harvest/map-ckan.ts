import { accessRightsFromUri, normaliseFrequency, type AccessRightsCode, type LanguageCode, languageFromUri } from "@/lib/vocabularies";
import { RecordWarnings } from "./map-dcat";
import { bboxToWkt, readJsonDistribution, readLicenceText, readThemesFromWords, str } from "./map-json-common";
import { plainText, readDate, readEmail, readHttpUrl, readOrgNumber, truncate } from "./normalise";
import { contentHash, type HarvestedInput, type HarvestedRecord, type RecordFailure, validateRecord } from "./records";

/**
 * CKAN packages (from package_search) to the registration shape, reading ckanext-dcat's extras
 * (uri, theme, access_rights, frequency, language, …) where the site has them.
 */

type CkanPackage = Record<string, unknown> & {
  id?: string;
  name?: string;
  extras?: Array<{ key: string; value: string }>;
  resources?: Array<Record<string, unknown>>;
  tags?: Array<{ name?: string }>;
  groups?: Array<{ name?: string; title?: string }>;
  organization?: { name?: string; title?: string } | null;
};

export type CkanSearchPage = { success: boolean; result: { count: number; results: CkanPackage[] } };

const jsonList = (value: string | undefined): string[] => {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === "string") : [String(parsed)];
  } catch {
    return value.split(/[,\s]+/).filter(Boolean);
  }
};

export function mapCkanPackages(
  packages: CkanPackage[],
  { siteUrl }: { siteUrl: string },
): { records: HarvestedRecord[]; failures: RecordFailure[]; warnings: string[] } {
  const records: HarvestedRecord[] = [];
  const failures: RecordFailure[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  for (const pkg of packages) {
    if (!pkg || typeof pkg !== "object" || pkg.private === true || (pkg.state && pkg.state !== "active")) continue;
    const result = mapPackage(pkg, siteUrl);
    const uri = "record" in result ? result.record.uri : result.failure.uri;
    if (seen.has(uri)) {
      duplicates++;
      continue;
    }
    seen.add(uri);
    if ("record" in result) records.push(result.record);
    else failures.push(result.failure);
  }
  return { records, failures, warnings: duplicates > 0 ? [`${duplicates} package(s) listed more than once; read once`] : [] };
}

function mapPackage(pkg: CkanPackage, siteUrl: string): { record: HarvestedRecord } | { failure: RecordFailure } {
  const warn = new RecordWarnings();
  const extras = new Map((pkg.extras ?? []).map((e) => [e.key, e.value]));
  const uri = readHttpUrl(extras.get("uri")) ?? `${siteUrl}/dataset/${pkg.id ?? pkg.name}`;
  const titleText = str(pkg.title) ?? str(pkg.name);
  if (!titleText) return { failure: { uri, message: "No title" } };
  const title = truncate(titleText, 300);
  const notes = str(pkg.notes) ? plainText(str(pkg.notes)!) : "";
  if (!notes) warn.add("No description: the title is used");
  const keywords = [...new Set((pkg.tags ?? []).map((t) => str(t.name)).filter((t): t is string => !!t))].map((k) => truncate(k, 100)).slice(0, 50);

  const themeValues = [...jsonList(extras.get("theme")), ...(pkg.groups ?? []).flatMap((g) => [str(g.name), str(g.title)]).filter((g): g is string => !!g)];
  const themes = readThemesFromWords(themeValues, [title, ...keywords], warn);

  const accessText = extras.get("access_rights");
  let accessRights: AccessRightsCode = "PUBLIC";
  const fromUri = accessText ? accessRightsFromUri(accessText)?.code : undefined;
  if (fromUri) accessRights = fromUri;
  else warn.add(accessText ? `Unknown access rights "${accessText}": PUBLIC assumed` : "No access rights: PUBLIC assumed");

  const license = readLicenceText([str(pkg.license_url), str(pkg.license_id) === "notspecified" ? undefined : str(pkg.license_id), str(pkg.license_title)].filter(Boolean).slice(0, 1), warn);
  const frequencyText = extras.get("frequency");
  const frequency = frequencyText ? normaliseFrequency(frequencyText) : undefined;
  if (frequencyText && !frequency) warn.add(`Unknown frequency "${frequencyText}" left out`);
  const email = readEmail(str(pkg.maintainer_email)) ?? readEmail(str(pkg.author_email));
  const contactName = str(pkg.maintainer) ?? str(pkg.author);
  const bbox = extras.get("spatial_bbox") ? (/POLYGON/i.test(extras.get("spatial_bbox")!) ? extras.get("spatial_bbox") : bboxToWkt(extras.get("spatial_bbox")!)) : undefined;
  const spatialUri = readHttpUrl(extras.get("spatial_uri"));
  const languages = jsonList(extras.get("language")).map((l) => languageFromUri(l)?.code).filter((l): l is LanguageCode => !!l);
  const dates: Record<string, string> = {};
  for (const key of ["issued", "modified"] as const) {
    const value = extras.get(key) ?? (key === "modified" ? str(pkg.metadata_modified) : str(pkg.metadata_created));
    const date = value ? readDate(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`) ?? readDate(value) : undefined;
    if (date) dates[key] = date;
  }
  const temporalStart = extras.get("temporal_start") ? readDate(extras.get("temporal_start")!) : undefined;
  const temporalEnd = extras.get("temporal_end") ? readDate(extras.get("temporal_end")!) : undefined;

  const distributions = (pkg.resources ?? [])
    .map((r, i) =>
      readJsonDistribution(
        {
          title: r.name,
          description: r.description,
          accessURL: r.access_url ?? r.url,
          downloadURL: r.download_url ?? (r.access_url ? undefined : r.url),
          format: r.format,
          mediaType: r.mimetype,
          license: r.license,
          byteSize: r.size,
        },
        i + 1,
        warn,
      ),
    )
    .filter((d) => d !== undefined)
    .slice(0, 500);

  const input: HarvestedInput = {
    title: { nb: title },
    description: { nb: truncate(notes || title, 20000) },
    keywords: keywords.length > 0 ? { nb: keywords } : {},
    themes,
    accessRights,
    ...(license && { license }),
    ...(frequency && { accrualPeriodicity: frequency.code }),
    ...(contactName || email ? (email ? { contactPoint: { name: contactName ?? email, email } } : {}) : {}),
    spatial: spatialUri || bbox ? [{ ...(spatialUri && { uri: spatialUri }), ...(bbox && { bbox }) }] : [],
    ...((temporalStart || temporalEnd) && { temporal: { ...(temporalStart && { start: temporalStart }), ...(temporalEnd && { end: temporalEnd }) } }),
    ...(readHttpUrl(str(pkg.url)) && { landingPage: readHttpUrl(str(pkg.url)) }),
    conformsTo: jsonList(extras.get("conforms_to")).map((u) => readHttpUrl(u)).filter((u): u is string => !!u),
    languages,
    ...dates,
    distributions,
    state: "published",
  };
  const validated = validateRecord(input, warn.list);
  if (!validated.ok) return { failure: { uri, message: validated.message } };
  const org = pkg.organization ?? undefined;
  const publisherUri = readHttpUrl(extras.get("publisher_uri"));
  const orgNumber = readOrgNumber(publisherUri) ?? readOrgNumber(extras.get("publisher_identifier"));
  const publisher =
    org && (str(org.title) ?? str(org.name))
      ? { name: { nb: truncate((str(org.title) ?? str(org.name))!, 200) }, ...(publisherUri && { uri: publisherUri }), ...(orgNumber && { orgNumber }) }
      : undefined;
  const raw = JSON.stringify(pkg);
  return {
    record: {
      uri,
      identifier: extras.get("identifier") ?? str(pkg.id),
      input: validated.input,
      publisher,
      raw,
      rawFormat: "application/json",
      contentHash: contentHash(validated.input, publisher, raw),
      warnings: warn.list,
    },
  };
}
