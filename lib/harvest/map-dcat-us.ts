import { createHash } from "node:crypto";
import { normaliseFrequency, type AccessRightsCode } from "@/lib/vocabularies";
import { type HarvestedInput, type HarvestedRecord, type RecordFailure, contentHash, validateRecord } from "./records";
import { RecordWarnings } from "./map-dcat";
import { bboxToWkt, list, readJsonDistribution, readLicenceText, readThemesFromWords, str } from "./map-json-common";
import { plainText, readDate, readEmail, readHttpUrl, truncate } from "./normalise";

/**
 * DCAT-US 1.1 ("Project Open Data" data.json, as ArcGIS Hub and Socrata serve it), read as plain
 * JSON: its @context is a remote URL, which the harvester never fetches, and the field names are
 * fixed by the schema anyway.
 */

type DcatUsCatalog = { dataset: Array<Record<string, unknown>> };

export function isDcatUsCatalog(document: unknown): document is DcatUsCatalog {
  if (!document || typeof document !== "object" || Array.isArray(document)) return false;
  const d = document as Record<string, unknown>;
  if (!Array.isArray(d.dataset)) return false;
  return typeof d.conformsTo === "string" ? /project-open-data|dcat-us/i.test(d.conformsTo) : d.dataset.every((x) => x && typeof x === "object" && "title" in x);
}

const ACCESS_LEVELS: Record<string, AccessRightsCode> = {
  public: "PUBLIC",
  "restricted public": "RESTRICTED",
  "non-public": "NON_PUBLIC",
};

export function mapDcatUsCatalog(
  catalog: DcatUsCatalog,
  { feedUrl }: { feedUrl: string; raw: string },
): { records: HarvestedRecord[]; failures: RecordFailure[]; warnings: string[] } {
  const records: HarvestedRecord[] = [];
  const failures: RecordFailure[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  for (const item of catalog.dataset) {
    if (!item || typeof item !== "object") continue;
    const result = mapDcatUsDataset(item, feedUrl);
    const uri = "record" in result ? result.record.uri : result.failure.uri;
    if (seen.has(uri)) {
      duplicates++;
      continue;
    }
    seen.add(uri);
    if ("record" in result) records.push(result.record);
    else failures.push(result.failure);
  }
  return { records, failures, warnings: duplicates > 0 ? [`${duplicates} dataset(s) listed more than once; read once`] : [] };
}

function mapDcatUsDataset(item: Record<string, unknown>, feedUrl: string): { record: HarvestedRecord } | { failure: RecordFailure } {
  const warn = new RecordWarnings();
  const identifier = str(item.identifier);
  const uri =
    readHttpUrl(identifier) ??
    `${feedUrl.split("#")[0]}#dataset-${createHash("sha256").update(identifier ?? str(item.title) ?? JSON.stringify(item)).digest("hex").slice(0, 16)}`;
  const titleText = str(item.title);
  if (!titleText) return { failure: { uri, message: "No title" } };
  const title = truncate(plainText(titleText), 300);
  const descriptionText = str(item.description) ? plainText(str(item.description)!) : "";
  if (str(item.description) && /<[a-z]/i.test(str(item.description)!)) warn.add("HTML markup removed from the description");
  const description = descriptionText || title;
  if (!descriptionText) warn.add("No description: the title is used");
  const keywords = list(item.keyword).map(str).filter((k): k is string => !!k).map((k) => truncate(k, 100)).slice(0, 50);

  const accessLevel = str(item.accessLevel)?.toLowerCase();
  let accessRights: AccessRightsCode = "PUBLIC";
  if (accessLevel && ACCESS_LEVELS[accessLevel]) accessRights = ACCESS_LEVELS[accessLevel]!;
  else warn.add(accessLevel ? `Unknown accessLevel "${accessLevel}": PUBLIC assumed` : "No accessLevel: PUBLIC assumed");

  const themes = readThemesFromWords(list(item.theme).map(str).filter((t): t is string => !!t), [title, ...keywords], warn);
  const license = readLicenceText([str(item.license)], warn);
  const frequencyText = str(item.accrualPeriodicity);
  const frequency = frequencyText ? normaliseFrequency(frequencyText) : undefined;
  if (frequencyText && !frequency) warn.add(`Unknown frequency "${frequencyText}" left out`);

  const contact = item.contactPoint && typeof item.contactPoint === "object" ? (item.contactPoint as Record<string, unknown>) : undefined;
  const email = readEmail(str(contact?.hasEmail));
  const contactName = str(contact?.fn);
  if (contact && !email) warn.add("The contact point has no e-mail address and was left out");

  const spatialText = str(item.spatial);
  const bbox = spatialText ? bboxToWkt(spatialText) : undefined;
  const temporalText = str(item.temporal);
  const [startText, endText] = temporalText?.split("/") ?? [];
  const start = startText ? readDate(startText) : undefined;
  const end = endText ? readDate(endText) : undefined;

  const distributions = list(item.distribution)
    .map((d, i) => (d && typeof d === "object" ? readJsonDistribution(d as Record<string, unknown>, i + 1, warn) : undefined))
    .filter((d) => d !== undefined)
    .slice(0, 500);

  const dates: Record<string, string> = {};
  for (const key of ["issued", "modified"] as const) {
    const text = str(item[key]);
    if (!text) continue;
    const date = readDate(text);
    if (date) dates[key] = date;
    else warn.add(`The ${key} date "${text}" is not a valid ISO 8601 date and was left out`);
  }

  const input: HarvestedInput = {
    title: { nb: title },
    description: { nb: truncate(description, 20000) },
    keywords: keywords.length > 0 ? { nb: keywords } : {},
    themes,
    accessRights,
    ...(license && { license }),
    ...(frequency && { accrualPeriodicity: frequency.code }),
    ...(email && { contactPoint: { name: contactName ?? email, email } }),
    spatial: bbox ? [{ bbox }] : spatialText ? [{ label: truncate(spatialText, 200) }] : [],
    ...((start || end) && (!start || !end || start.slice(0, 10) <= end.slice(0, 10)) && { temporal: { ...(start && { start }), ...(end && { end }) } }),
    ...(readHttpUrl(str(item.landingPage)) && { landingPage: readHttpUrl(str(item.landingPage)) }),
    conformsTo: [],
    languages: [],
    ...dates,
    distributions,
    state: "published",
  };
  const validated = validateRecord(input, warn.list);
  if (!validated.ok) return { failure: { uri, message: validated.message } };
  const publisherObj = item.publisher && typeof item.publisher === "object" ? (item.publisher as Record<string, unknown>) : undefined;
  const publisherName = str(publisherObj?.name);
  const publisher = publisherName ? { name: { nb: truncate(publisherName, 200) } } : undefined;
  const raw = JSON.stringify(item);
  return {
    record: {
      uri,
      identifier,
      input: validated.input,
      publisher,
      raw,
      rawFormat: "application/json",
      contentHash: contentHash(validated.input, publisher, raw),
      warnings: warn.list,
    },
  };
}
