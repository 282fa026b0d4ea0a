import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { loadQualityFacts, scoreCatalogueInBatches, writtenQualityFacts, type WrittenQuality } from "./catalogue-quality";
import { QUALITY_BANDS, QUALITY_DIMENSIONS, scoreDatasetQuality, type QualityBand, type QualityDimension, type QualityScore } from "./score";

const UPSERT = `insert into dataset_quality (dataset_id, publisher_id, score, band, findability, accessibility,
  interoperability, reusability, contextuality, missing, urls_checked_at, computed_at)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  on conflict (dataset_id) do update set publisher_id = excluded.publisher_id, score = excluded.score,
    band = excluded.band, findability = excluded.findability, accessibility = excluded.accessibility,
    interoperability = excluded.interoperability, reusability = excluded.reusability,
    contextuality = excluded.contextuality, missing = excluded.missing,
    urls_checked_at = excluded.urls_checked_at, computed_at = excluded.computed_at`;

function storeScores(db: Database, scores: Iterable<[number, number, QualityScore]>, computedAt: string): void {
  const upsert = db.$client.prepare(UPSERT);
  for (const [id, publisherId, q] of scores) {
    upsert.run(id, publisherId, q.score, q.band, q.dimensions.findability.points, q.dimensions.accessibility.points,
      q.dimensions.interoperability.points, q.dimensions.reusability.points, q.dimensions.contextuality.points,
      JSON.stringify(q.missing), q.urlsCheckedAt, computedAt);
  }
}

/** Score every dataset in the inventory and store the scores (withdrawn datasets lose theirs), batch by batch. */
export function recomputeCatalogueQuality(db: Database): { datasets: number; ms: number } {
  const started = performance.now();
  const computedAt = new Date().toISOString();
  // Replacing every row is faster than upserting each (inserts in key order into an empty table).
  const datasets = db.transaction((tx) => {
    tx.run(sql`delete from dataset_quality where true`);
    return scoreCatalogueInBatches(db, (batch) =>
      storeScores(db, batch.map((b) => [b.datasetId, b.publisherId, b.score] as [number, number, QualityScore]), computedAt),
    );
  });
  return { datasets, ms: Math.round(performance.now() - started) };
}

/**
 * Score and store the given datasets again (after a write, or after their URLs were checked). A
 * bulk writer gives what it wrote (`written`, every dataset's: see WrittenQuality), which is then
 * not read back.
 */
export function refreshDatasetQuality(
  db: Database,
  { datasetIds, written }: { datasetIds: readonly number[]; written?: ReadonlyMap<number, WrittenQuality> },
): void {
  if (datasetIds.length === 0) return;
  const computedAt = new Date().toISOString();
  const fromWritten = written !== undefined && datasetIds.every((id) => written.has(id));
  db.transaction((tx) => {
    for (const selection of qualitySelections(datasetIds)) {
      const where = "fromId" in selection ? sql`dataset_id between ${selection.fromId} and ${selection.toId}` : sql`dataset_id in (${selection.list})`;
      tx.run(sql`delete from dataset_quality where ${where}`);
      const facts = fromWritten
        ? writtenQualityFacts(db, "fromId" in selection ? idRange(selection) : selection.ids, written)
        : loadQualityFacts(db, "fromId" in selection ? selection : { where: sql`d.id in (${selection.list})` });
      storeScores(db, [...facts].map(([id, f]) => [id, f.publisherId, scoreDatasetQuality(f.facts)] as [number, number, QualityScore]), computedAt);
    }
  });
}

const idRange = ({ fromId, toId }: { fromId: number; toId: number }) => Array.from({ length: toId - fromId + 1 }, (_, i) => fromId + i);

const RUN_MIN = 32;
const CHUNK = 2000;

/**
 * The ids as id ranges where they run on without gaps (a harvest's new datasets), read with range
 * scans, and lists of the rest, in chunks of a few thousand.
 */
function* qualitySelections(ids: readonly number[]): Generator<{ fromId: number; toId: number } | { list: SQL; ids: number[] }> {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const scattered: number[] = [];
  const list = (chunk: number[]) => ({ list: sql.join(chunk.map((id) => sql`${id}`), sql`, `), ids: chunk });
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (j - i + 1 >= RUN_MIN) {
      for (let from = i; from <= j; from += CHUNK) yield { fromId: sorted[from]!, toId: sorted[Math.min(j, from + CHUNK - 1)]! };
    } else {
      scattered.push(...sorted.slice(i, j + 1));
      if (scattered.length >= CHUNK) yield list(scattered.splice(0, scattered.length));
    }
    i = j + 1;
  }
  if (scattered.length > 0) yield list(scattered);
}

/** The datasets whose distributions use one of these URLs. */
export function findDatasetsByUrl(db: Database, urls: readonly string[]): number[] {
  if (urls.length === 0) return [];
  const list = sql.join(urls.map((u) => sql`${u}`), sql`, `);
  return db
    .all<{ id: number }>(sql`select distinct dataset_id as id from distributions where access_url in (${list}) or download_url in (${list})`)
    .map((r) => r.id);
}

export type QualitySummaryLine = {
  datasets: number;
  averageScore: number | null;
  bands: Record<QualityBand, number>;
  dimensions: Record<QualityDimension, number>;
};

export type QualitySummary = {
  catalogue: QualitySummaryLine;
  byPublisher: (QualitySummaryLine & { slug: string; name: { nb: string; nn?: string; en?: string } })[];
  /** The oldest score's time, or null when nothing was scored yet. */
  computedAt: string | null;
};

type SummaryRow = {
  datasets: number;
  score: number | null;
  excellent: number;
  good: number;
  sufficient: number;
  bad: number;
  findability: number | null;
  accessibility: number | null;
  interoperability: number | null;
  reusability: number | null;
  contextuality: number | null;
};

const SUMMARY = sql`count(*) as datasets, round(avg(q.score), 1) as score,
  sum(q.band = 'excellent') as excellent, sum(q.band = 'good') as good, sum(q.band = 'sufficient') as sufficient, sum(q.band = 'bad') as bad,
  round(avg(q.findability), 1) as findability, round(avg(q.accessibility), 1) as accessibility,
  round(avg(q.interoperability), 1) as interoperability, round(avg(q.reusability), 1) as reusability,
  round(avg(q.contextuality), 1) as contextuality`;

const toLine = (r: SummaryRow): QualitySummaryLine => ({
  datasets: r.datasets,
  averageScore: r.datasets === 0 ? null : r.score,
  bands: Object.fromEntries(QUALITY_BANDS.map((b) => [b.band, r[b.band] ?? 0])) as Record<QualityBand, number>,
  dimensions: Object.fromEntries(QUALITY_DIMENSIONS.map((d) => [d, r[d] ?? 0])) as Record<QualityDimension, number>,
});

/** Average scores and band counts from the stored scores: the catalogue and each publisher. */
export function getQualitySummary(db: Database): QualitySummary {
  const whole = db.get<SummaryRow & { computed_at: string | null }>(sql`select ${SUMMARY}, min(q.computed_at) as computed_at from dataset_quality q`)!;
  const publishers = db.all<SummaryRow & { slug: string; name_nb: string; name_nn: string | null; name_en: string | null }>(sql`
    select ${SUMMARY}, p.slug, p.name_nb, p.name_nn, p.name_en from dataset_quality q
    join publishers p on p.id = q.publisher_id group by p.id order by p.name_nb collate nocase`);
  return {
    catalogue: toLine(whole),
    byPublisher: publishers.map((r) => ({
      ...toLine(r),
      slug: r.slug,
      name: { nb: r.name_nb, ...(r.name_nn ? { nn: r.name_nn } : {}), ...(r.name_en ? { en: r.name_en } : {}) },
    })),
    computedAt: whole.computed_at,
  };
}

export type LowQualityDataset = {
  slug: string;
  title: { nb: string; nn?: string; en?: string };
  score: number;
  band: QualityBand;
  missing: string[];
  urlsCheckedAt: string | null;
};

/** The datasets with the lowest stored scores (staff: what to improve first), with their missing checks. */
export function listLowestQualityDatasets(
  db: Database,
  { limit = 20, publisherId, publisherIds }: { limit?: number; publisherId?: number; publisherIds?: readonly number[] } = {},
): LowQualityDataset[] {
  const ids = publisherIds ?? (publisherId === undefined ? undefined : [publisherId]);
  const where =
    ids === undefined
      ? sql``
      : ids.length === 0
        ? sql`where 0`
        : sql`where q.publisher_id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`;
  return db
    .all<{ slug: string; title_nb: string; title_nn: string | null; title_en: string | null; score: number; band: QualityBand; missing: string; urls_checked_at: string | null }>(sql`
      select d.slug, d.title_nb, d.title_nn, d.title_en, q.score, q.band, q.missing, q.urls_checked_at
      from dataset_quality q join datasets d on d.id = q.dataset_id
      ${where}
      order by q.score, q.dataset_id limit ${limit}`)
    .map((r) => ({
      slug: r.slug,
      title: { nb: r.title_nb, ...(r.title_nn ? { nn: r.title_nn } : {}), ...(r.title_en ? { en: r.title_en } : {}) },
      score: r.score,
      band: r.band,
      missing: JSON.parse(r.missing) as string[],
      urlsCheckedAt: r.urls_checked_at,
    }));
}
