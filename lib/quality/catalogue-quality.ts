import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { DatasetInput } from "@/lib/catalogue/schemas";
import {
  QUALITY_BANDS,
  QUALITY_DIMENSIONS,
  scoreDatasetQuality,
  type QualityBand,
  type QualityDimension,
  type QualityDistributionFacts,
  type QualityFacts,
  type QualityScore,
  type UrlCheckResult,
} from "./score";

type DatasetRow = {
  id: number;
  publisher_id: number;
  has_title: number;
  has_description: number;
  license: string | null;
  access_rights: string | null;
  contact_point_id: number | null;
  temporal_start: string | null;
  temporal_end: string | null;
  issued: string | null;
  modified: string | null;
  keywords?: number;
  themes?: number;
  spatial?: number;
};

type DistributionRow = {
  dataset_id: number;
  access_url: string;
  download_url: string | null;
  format: string | null;
  media_type: string | null;
  license: string | null;
  byte_size: number | null;
};

type UrlCheckRow = { url: string; ok: number; status: number | null; checked_at: string };

const toUrlChecks = (rows: UrlCheckRow[]): Map<string, UrlCheckResult> =>
  new Map(rows.map((r) => [r.url, { ok: r.ok === 1, status: r.status, checkedAt: r.checked_at }]));

/** Every cached URL check, by URL. */
export function loadUrlChecks(db: Database): Map<string, UrlCheckResult> {
  return toUrlChecks(db.all<UrlCheckRow>(sql`select url, ok, status, checked_at from url_checks`));
}

/**
 * The cached URL checks of the access and download URLs of the distributions `distributions`
 * (`from … where …` over `x`) selects, in one query. Asking by the list of URLs (tens of thousands
 * after a large harvest) bound 500 parameters at a time, most of the time a harvest's scores took.
 */
function loadUrlChecksOf(db: Database, distributions: SQL): Map<string, UrlCheckResult> {
  return toUrlChecks(
    db.all<UrlCheckRow>(sql`
      select c.url, c.ok, c.status, c.checked_at from url_checks c
      where c.url in (select x.access_url ${distributions}
                      union all select x.download_url ${distributions} and x.download_url is not null)`),
  );
}

/**
 * In the inventory (draft or published), for `d` in a query that selects datasets by id (a range,
 * a list, one). The "+" keeps SQLite from reading the state index for it: it did, and scanned the
 * index's every draft and published dataset for each batch (a harvest scores its records a
 * thousand at a time): 52 µs a record on a 100,000-dataset catalogue against 2.4 by the ids.
 */
const INVENTORY = sql`+d.state in ('draft', 'published')`;

export type QualityFactsSelection =
  /** Datasets with ids in [fromId, toId]: counts by range scans of each table (batches of the whole catalogue). */
  | { fromId: number; toId: number }
  /** Datasets matching a condition over `d` (a few datasets). */
  | { where: SQL };

/**
 * The facts the quality score needs, for the datasets in the inventory in `selection`, in
 * set-based queries: the datasets, their keyword, theme and place counts, their distributions and
 * the cached URL checks (`checks` when the caller loaded them once for many batches).
 */
export function loadQualityFacts(
  db: Database,
  selection: QualityFactsSelection,
  { checks: knownChecks }: { checks?: Map<string, UrlCheckResult> } = {},
): Map<number, { publisherId: number; facts: QualityFacts }> {
  const range = "fromId" in selection ? selection : null;
  const condition = range ? sql`d.id between ${range.fromId} and ${range.toId}` : (selection as { where: SQL }).where;
  const datasets = db.all<DatasetRow>(sql`
    select d.id, d.publisher_id, d.title_nb is not null as has_title, d.description_nb is not null as has_description,
      d.license, d.access_rights, d.contact_point_id, d.temporal_start, d.temporal_end, d.issued, d.modified
      ${range ? sql`` : sql`, (select count(*) from dataset_keywords k where k.dataset_id = d.id) as keywords,
      (select count(*) from dataset_themes t where t.dataset_id = d.id) as themes,
      (select count(*) from dataset_spatial s where s.dataset_id = d.id) as spatial`}
    from datasets d where ${INVENTORY} and ${condition}`);
  const counts = (table: "dataset_keywords" | "dataset_themes" | "dataset_spatial", r: { fromId: number; toId: number }) =>
    new Map(
      db
        .all<{ id: number; n: number }>(
          sql`select dataset_id as id, count(*) as n from ${sql.raw(table)} where dataset_id between ${r.fromId} and ${r.toId} group by dataset_id`,
        )
        .map((row) => [row.id, row.n]),
    );
  const [keywords, themes, spatial] = range
    ? [counts("dataset_keywords", range), counts("dataset_themes", range), counts("dataset_spatial", range)]
    : [undefined, undefined, undefined];
  // The selection's distributions (`x`), as both their facts and their URL checks are read.
  const scope = range
    ? sql`from distributions x where x.dataset_id between ${range.fromId} and ${range.toId}`
    : sql`from distributions x join datasets d on d.id = x.dataset_id where ${INVENTORY} and ${condition}`;
  const distributions = db.all<DistributionRow>(
    sql`select x.dataset_id, x.access_url, x.download_url, x.format, x.media_type, x.license, x.byte_size ${scope} order by x.dataset_id, x.position`,
  );
  const checks = knownChecks ?? loadUrlChecksOf(db, scope);
  const byDataset = new Map<number, QualityDistributionFacts[]>();
  for (const x of distributions) {
    let list = byDataset.get(x.dataset_id);
    if (!list) byDataset.set(x.dataset_id, (list = []));
    list.push({
      accessUrl: x.access_url,
      downloadUrl: x.download_url,
      format: x.format,
      mediaType: x.media_type,
      license: x.license,
      byteSize: x.byte_size,
      accessCheck: checks.get(x.access_url) ?? null,
      downloadCheck: x.download_url ? (checks.get(x.download_url) ?? null) : null,
    });
  }
  const result = new Map<number, { publisherId: number; facts: QualityFacts }>();
  for (const d of datasets) {
    result.set(d.id, {
      publisherId: d.publisher_id,
      facts: {
        keywords: keywords?.get(d.id) ?? d.keywords ?? 0,
        themes: themes?.get(d.id) ?? d.themes ?? 0,
        spatial: spatial?.get(d.id) ?? d.spatial ?? 0,
        temporalStart: d.temporal_start,
        temporalEnd: d.temporal_end,
        license: d.license,
        accessRights: d.access_rights,
        hasContactPoint: d.contact_point_id !== null,
        hasPublisher: d.publisher_id !== null,
        issued: d.issued,
        modified: d.modified,
        hasTitle: d.has_title === 1,
        hasDescription: d.has_description === 1,
        distributions: byDataset.get(d.id) ?? [],
      },
    });
  }
  return result;
}

/**
 * What a bulk writer (a harvest) knows of a dataset it has just written, for its quality score:
 * its facts as `loadQualityFacts` reads them back, without the URL checks, which
 * `refreshDatasetQuality` adds for a batch at once. Null for a dataset outside the inventory (it has
 * no score). Reading a thousand records back for each batch was ~20 µs a record of a harvest's write.
 */
export type WrittenQuality = { publisherId: number; facts: QualityFacts } | null;

/** The quality facts of a validated input as a write stores it (createDataset, updateDataset). */
export function qualityFactsOfInput(data: DatasetInput, { publisherId, hasContactPoint }: { publisherId: number; hasContactPoint: boolean }): WrittenQuality {
  if (data.state !== "draft" && data.state !== "published") return null;
  const distributions: QualityDistributionFacts[] = [];
  for (const d of data.distributions) {
    distributions.push({
      accessUrl: d.accessURL,
      downloadUrl: d.downloadURL ?? null,
      format: d.format ?? null,
      mediaType: d.mediaType ?? null,
      license: d.license ?? null,
      byteSize: d.byteSize ?? null,
      accessCheck: null,
      downloadCheck: null,
    });
  }
  const { nb, nn, en } = data.keywords;
  return {
    publisherId,
    facts: {
      keywords: (nb?.length ?? 0) + (nn?.length ?? 0) + (en?.length ?? 0),
      themes: data.themes.length,
      spatial: data.spatial.length,
      temporalStart: data.temporal?.start ?? null,
      temporalEnd: data.temporal?.end ?? null,
      license: data.license ?? null,
      accessRights: data.accessRights,
      hasContactPoint,
      // (A validated input always has these: the schema requires them.)
      hasPublisher: true,
      issued: data.issued ?? null,
      modified: data.modified ?? null,
      hasTitle: true,
      hasDescription: true,
      distributions,
    },
  };
}

/**
 * The written facts of the datasets `ids` (in the inventory), with their distributions' cached URL
 * checks, asked for by the URLs written (one JSON list): reading the URLs back from the batch's
 * distributions was 6 µs a dataset, most of it for nothing on a catalogue whose URLs were never checked.
 */
export function writtenQualityFacts(
  db: Database,
  ids: readonly number[],
  written: ReadonlyMap<number, WrittenQuality>,
): Map<number, { publisherId: number; facts: QualityFacts }> {
  const urls = new Set<string>();
  for (const id of ids) {
    for (const d of written.get(id)?.facts.distributions ?? []) {
      urls.add(d.accessUrl);
      if (d.downloadUrl) urls.add(d.downloadUrl);
    }
  }
  const checks =
    urls.size === 0
      ? new Map<string, UrlCheckResult>()
      : toUrlChecks(db.all<UrlCheckRow>(sql`select url, ok, status, checked_at from url_checks where url in (select value from json_each(${JSON.stringify([...urls])}))`));
  const result = new Map<number, { publisherId: number; facts: QualityFacts }>();
  for (const id of ids) {
    const entry = written.get(id);
    if (!entry) continue;
    if (checks.size === 0) {
      result.set(id, entry);
      continue;
    }
    const distributions = entry.facts.distributions.map((d) => ({
      ...d,
      accessCheck: checks.get(d.accessUrl) ?? null,
      downloadCheck: d.downloadUrl ? (checks.get(d.downloadUrl) ?? null) : null,
    }));
    result.set(id, { publisherId: entry.publisherId, facts: { ...entry.facts, distributions } });
  }
  return result;
}

/** The quality of one dataset (draft or published), or undefined when it is not in the inventory. */
export function getDatasetQuality(db: Database, { datasetId }: { datasetId: number }): QualityScore | undefined {
  const entry = loadQualityFacts(db, { where: sql`d.id = ${datasetId}` }).get(datasetId);
  return entry ? scoreDatasetQuality(entry.facts) : undefined;
}

export type QualityAggregate = {
  datasets: number;
  averageScore: number | null;
  bands: Record<QualityBand, number>;
  /** Average points per dimension. */
  dimensions: Record<QualityDimension, number>;
};

export type CatalogueQuality = {
  catalogue: QualityAggregate;
  byPublisher: (QualityAggregate & { publisherId: number })[];
};

export const QUALITY_BATCH = 20_000;

/**
 * Score the whole inventory in batches of ids (memory stays bounded at a million datasets), handing
 * each batch's scores to `onBatch`.
 */
export function scoreCatalogueInBatches(
  db: Database,
  onBatch: (scores: { datasetId: number; publisherId: number; score: QualityScore }[]) => void,
  { batchSize = QUALITY_BATCH }: { batchSize?: number } = {},
): number {
  const bounds = db.get<{ lo: number | null; hi: number | null }>(sql`select min(id) as lo, max(id) as hi from datasets`);
  if (!bounds || bounds.lo === null || bounds.hi === null) return 0;
  const checks = loadUrlChecks(db);
  let scored = 0;
  for (let fromId = bounds.lo; fromId <= bounds.hi; fromId += batchSize) {
    const facts = loadQualityFacts(db, { fromId, toId: fromId + batchSize - 1 }, { checks });
    const batch = [...facts].map(([datasetId, f]) => ({ datasetId, publisherId: f.publisherId, score: scoreDatasetQuality(f.facts) }));
    scored += batch.length;
    onBatch(batch);
  }
  return scored;
}

class Accumulator {
  datasets = 0;
  total = 0;
  bands: Record<QualityBand, number> = Object.fromEntries(QUALITY_BANDS.map((b) => [b.band, 0])) as Record<QualityBand, number>;
  dims = Object.fromEntries(QUALITY_DIMENSIONS.map((d) => [d, 0])) as Record<QualityDimension, number>;

  add(score: QualityScore): void {
    this.datasets += 1;
    this.total += score.score;
    this.bands[score.band] += 1;
    for (const d of QUALITY_DIMENSIONS) this.dims[d] += score.dimensions[d].points;
  }

  result(): QualityAggregate {
    const avg = (n: number) => (this.datasets === 0 ? null : Math.round((n / this.datasets) * 10) / 10);
    return {
      datasets: this.datasets,
      averageScore: avg(this.total),
      bands: this.bands,
      dimensions: Object.fromEntries(QUALITY_DIMENSIONS.map((d) => [d, avg(this.dims[d]) ?? 0])) as Record<QualityDimension, number>,
    };
  }
}

/** Score every dataset in the inventory and aggregate per publisher and for the whole catalogue. */
export function computeCatalogueQuality(
  db: Database,
  { onScore }: { onScore?: (datasetId: number, score: QualityScore) => void } = {},
): CatalogueQuality {
  const catalogue = new Accumulator();
  const publishers = new Map<number, Accumulator>();
  scoreCatalogueInBatches(db, (batch) => {
    for (const { datasetId, publisherId, score } of batch) {
      onScore?.(datasetId, score);
      catalogue.add(score);
      let acc = publishers.get(publisherId);
      if (!acc) publishers.set(publisherId, (acc = new Accumulator()));
      acc.add(score);
    }
  });
  return {
    catalogue: catalogue.result(),
    byPublisher: [...publishers].map(([publisherId, acc]) => ({ publisherId, ...acc.result() })),
  };
}
