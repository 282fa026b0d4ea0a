import { parse } from "csv-parse/sync";
import type { Database } from "@/db/client";
import { publishers } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { actorOf, type Principal } from "@/lib/auth/principal";
import { AppError, fieldErrorsFromZod, type FieldErrors } from "@/lib/errors";
import { refreshDatasetQuality } from "@/lib/quality/store-quality";
import { normaliseFileType, normaliseFrequency, normaliseLicence, normaliseTheme } from "@/lib/vocabularies";
import { createDataset } from "./create-dataset";
import { datasetInputSchema, type DatasetInput } from "./schemas";

/**
 * Bulk registration from CSV: one row per dataset, columns below (UTF-8, comma or semicolon
 * separated, a header row). Lists inside a cell are separated by `|`. A distribution is a group of
 * `distribution_<n>_*` columns; add as many groups as the widest row needs. Every row goes through
 * the registration schema. A dry run reports every row's errors; the real run is all-or-nothing:
 * one bad row and nothing is imported.
 */
export const CSV_COLUMNS = [
  { name: "title_nb", required: true, description: "Title in Bokmål" },
  { name: "title_nn", required: false, description: "Title in Nynorsk" },
  { name: "title_en", required: false, description: "Title in English" },
  { name: "description_nb", required: true, description: "Description in Bokmål (Markdown allowed)" },
  { name: "description_nn", required: false, description: "Description in Nynorsk" },
  { name: "description_en", required: false, description: "Description in English" },
  { name: "keywords_nb", required: false, description: "Keywords in Bokmål, separated by |" },
  { name: "keywords_nn", required: false, description: "Keywords in Nynorsk, separated by |" },
  { name: "keywords_en", required: false, description: "Keywords in English, separated by |" },
  { name: "publisher", required: true, description: "The publisher's slug, e.g. alesund-kommune" },
  { name: "themes", required: true, description: "EU data themes separated by |, e.g. TRAN|ENVI" },
  { name: "access_rights", required: true, description: "PUBLIC, RESTRICTED or NON_PUBLIC" },
  { name: "license", required: false, description: "Licence: EU NAL URI or id, e.g. NLOD_2_0, CC_BY_4_0" },
  { name: "accrual_periodicity", required: false, description: "Update frequency: EU code, e.g. ANNUAL, DAILY" },
  { name: "contact_name", required: false, description: "Contact point name" },
  { name: "contact_email", required: false, description: "Contact point e-mail" },
  { name: "contact_url", required: false, description: "Contact point web address" },
  { name: "landing_page", required: false, description: "Landing page URL" },
  { name: "spatial", required: false, description: "Place URIs (e.g. Kartverket's) separated by |" },
  { name: "temporal_start", required: false, description: "Start of the time covered (YYYY-MM-DD)" },
  { name: "temporal_end", required: false, description: "End of the time covered (YYYY-MM-DD)" },
  { name: "languages", required: false, description: "Languages of the data separated by |, e.g. NOB|ENG" },
  { name: "state", required: false, description: "draft (default) or published" },
  { name: "distribution_1_access_url", required: false, description: "First distribution: access URL (required per distribution)" },
  { name: "distribution_1_download_url", required: false, description: "First distribution: direct download URL" },
  { name: "distribution_1_format", required: false, description: "First distribution: EU file type, e.g. CSV, GEOJSON, SOSI" },
  { name: "distribution_1_media_type", required: false, description: "First distribution: IANA media type, e.g. text/csv" },
  { name: "distribution_1_title", required: false, description: "First distribution: title (Bokmål)" },
  { name: "distribution_1_license", required: false, description: "First distribution: licence if it differs from the dataset's" },
] as const;

const DISTRIBUTION_COLUMN = /^distribution_(\d{1,2})_(access_url|download_url|format|media_type|title|license)$/;
const KNOWN_COLUMNS = new Set<string>(CSV_COLUMNS.map((c) => c.name).filter((n) => !n.startsWith("distribution_")));
/** Generous for thousands of datasets, and a guard against being handed something that is not a dataset list. */
export const MAX_CSV_BYTES = 10 * 1024 * 1024;
export const MAX_CSV_ROWS = 10_000;

export type RowError = { row: number; fields: FieldErrors };
export type CsvImportReport = {
  dryRun: boolean;
  /** Data rows read (the header not counted). */
  rows: number;
  /** Row numbers count the header as row 1, as spreadsheets do. */
  created: { row: number; slug: string }[];
  errors: RowError[];
};

const list = (value: string | undefined) =>
  (value ?? "").split("|").map((v) => v.trim()).filter(Boolean);
const cell = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
const compact = <T extends object>(value: T): T | undefined => {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return entries.length > 0 ? (Object.fromEntries(entries) as T) : undefined;
};

/** Map known spellings to vocabulary codes and URIs, and let the schema judge the rest. */
function rowToInput(row: Record<string, string>): unknown {
  const licence = (value: string | undefined) => (value ? (normaliseLicence(value)?.uri ?? value) : undefined);
  const groups = new Map<number, Record<string, string>>();
  for (const [column, value] of Object.entries(row)) {
    const match = DISTRIBUTION_COLUMN.exec(column);
    if (match && value.trim()) {
      const n = Number(match[1]);
      groups.set(n, { ...groups.get(n), [match[2]!]: value.trim() });
    }
  }
  const distributions = [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, d]) =>
      compact({
        accessURL: d.access_url,
        downloadURL: d.download_url,
        format: d.format ? (normaliseFileType(d.format, d.media_type)?.code ?? d.format) : undefined,
        mediaType: d.media_type,
        title: d.title ? { nb: d.title } : undefined,
        license: licence(d.license),
      }),
    );
  const contactPoint = compact({ name: cell(row.contact_name), email: cell(row.contact_email), url: cell(row.contact_url) });
  const temporal = compact({ start: cell(row.temporal_start), end: cell(row.temporal_end) });
  const frequency = cell(row.accrual_periodicity);
  return JSON.parse(
    JSON.stringify({
      title: { nb: cell(row.title_nb) ?? "", nn: cell(row.title_nn), en: cell(row.title_en) },
      description: { nb: cell(row.description_nb) ?? "", nn: cell(row.description_nn), en: cell(row.description_en) },
      keywords: compact({
        nb: list(row.keywords_nb).length ? list(row.keywords_nb) : undefined,
        nn: list(row.keywords_nn).length ? list(row.keywords_nn) : undefined,
        en: list(row.keywords_en).length ? list(row.keywords_en) : undefined,
      }),
      publisher: cell(row.publisher) ?? "",
      themes: list(row.themes).map((t) => normaliseTheme(t)?.code ?? t),
      accessRights: cell(row.access_rights)?.toUpperCase() ?? "",
      license: licence(cell(row.license)),
      accrualPeriodicity: frequency ? (normaliseFrequency(frequency)?.code ?? frequency) : undefined,
      contactPoint,
      landingPage: cell(row.landing_page),
      spatial: list(row.spatial).map((uri) => ({ uri })),
      temporal,
      languages: list(row.languages).map((l) => l.toUpperCase()),
      state: cell(row.state) ?? "draft",
      distributions,
    }),
  ) as unknown;
}

function parseCsv(csv: string): Record<string, string>[] {
  if (Buffer.byteLength(csv, "utf8") > MAX_CSV_BYTES) {
    throw new AppError("payload_too_large", `The CSV file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MiB`);
  }
  const firstLine = csv.slice(0, csv.indexOf("\n") >>> 0);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  let records: Record<string, string>[];
  try {
    records = parse(csv, { columns: true, bom: true, delimiter, skip_empty_lines: true, trim: false, relax_column_count: false });
  } catch (error) {
    throw new AppError("unprocessable_entity", `The file is not valid CSV: ${(error as Error).message}`, {
      fields: { file: ["Not valid CSV"] },
    });
  }
  if (records.length === 0) throw new AppError("unprocessable_entity", "The CSV file has no data rows", { fields: { file: ["No data rows"] } });
  if (records.length > MAX_CSV_ROWS) {
    throw new AppError("payload_too_large", `At most ${MAX_CSV_ROWS} rows per import`, { fields: { file: ["Too many rows"] } });
  }
  const unknown = Object.keys(records[0]!).filter((c) => !KNOWN_COLUMNS.has(c) && !DISTRIBUTION_COLUMN.test(c));
  if (unknown.length > 0) {
    throw new AppError("unprocessable_entity", `Unknown columns: ${unknown.join(", ")}`, {
      fields: { file: [`Unknown columns: ${unknown.join(", ")}`] },
    });
  }
  return records;
}

/**
 * Import datasets from CSV. Every row is validated first and every error reported (row numbers as
 * in a spreadsheet, header = 1). Rows for a publisher the principal may not write for are errors
 * too. Without errors and without `dryRun`, all rows are registered in one transaction.
 */
export function importDatasetsCsv(
  db: Database,
  principal: Principal | null,
  { csv, dryRun }: { csv: string; dryRun: boolean },
): CsvImportReport {
  if (!principal) throw new AppError("unauthorized", "Sign in to do this");
  const records = parseCsv(csv);
  const publisherIds = new Map(db.select({ slug: publishers.slug, id: publishers.id }).from(publishers).all().map((p) => [p.slug, p.id]));
  const errors: RowError[] = [];
  const valid: { row: number; input: DatasetInput }[] = [];
  records.forEach((record, index) => {
    const row = index + 2;
    const parsed = datasetInputSchema.safeParse(rowToInput(record));
    if (!parsed.success) {
      errors.push({ row, fields: fieldErrorsFromZod(parsed.error) });
      return;
    }
    const publisherId = publisherIds.get(parsed.data.publisher);
    if (publisherId === undefined) {
      errors.push({ row, fields: { publisher: [`No publisher has the slug ${parsed.data.publisher}`] } });
    } else if (!can(principal, "dataset:import", { publisherId })) {
      errors.push({ row, fields: { publisher: [`You may not register datasets for ${parsed.data.publisher}`] } });
    } else {
      valid.push({ row, input: parsed.data });
    }
  });
  if (errors.length > 0 && valid.length === 0 && errors.every((e) => e.fields.publisher?.[0]?.startsWith("You may not"))) {
    throw new AppError("forbidden", "You may not register datasets for the publishers in this file");
  }
  if (dryRun || errors.length > 0) return { dryRun, rows: records.length, created: [], errors };

  const actor = actorOf(principal);
  const created = db.transaction(
    (tx) =>
      valid.map(({ row, input }) => {
        const { id, slug } = createDataset(tx, { input, actor: { ...actor, label: `${actor.label} (CSV import)` } });
        return { row, slug, id };
      }),
    { behavior: "immediate" },
  );
  refreshDatasetQuality(db, { datasetIds: created.map((c) => c.id) });
  return { dryRun, rows: records.length, created: created.map(({ row, slug }) => ({ row, slug })), errors: [] };
}

