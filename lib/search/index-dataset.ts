import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { datasetKeywords, datasets, publishers } from "@/db/schema";
import type { DatasetInput } from "@/lib/catalogue/schemas";
import { foldText } from "./fold";

const joinTexts = (...texts: (string | null | undefined)[]) =>
  foldText(texts.filter((t): t is string => Boolean(t)).join(" \n "));

/**
 * Write the full-text row of one dataset (rowid = dataset id). Called by every command that writes
 * a dataset or its keywords, inside that command's transaction, so the index never lags the data.
 */
export function indexDataset(tx: Executor, datasetId: number): void {
  const row = tx
    .select({
      titleNb: datasets.titleNb,
      titleNn: datasets.titleNn,
      titleEn: datasets.titleEn,
      descriptionNb: datasets.descriptionNb,
      descriptionNn: datasets.descriptionNn,
      descriptionEn: datasets.descriptionEn,
      publisherNb: publishers.nameNb,
      publisherNn: publishers.nameNn,
      publisherEn: publishers.nameEn,
    })
    .from(datasets)
    .innerJoin(publishers, eq(publishers.id, datasets.publisherId))
    .where(eq(datasets.id, datasetId))
    .get();
  tx.run(sql`delete from dataset_search where rowid = ${datasetId}`);
  if (!row) return;
  const keywords = tx
    .select({ keyword: datasetKeywords.keyword })
    .from(datasetKeywords)
    .where(eq(datasetKeywords.datasetId, datasetId))
    .all()
    .map((k) => k.keyword);
  const doc = buildSearchDocument({
    titles: [row.titleNb, row.titleNn, row.titleEn],
    keywords,
    publisherNames: [row.publisherNb, row.publisherNn, row.publisherEn],
    descriptions: [row.descriptionNb, row.descriptionNn, row.descriptionEn],
  });
  tx.run(sql`insert into dataset_search (rowid, title, keywords, publisher, description)
    values (${datasetId}, ${doc.title}, ${doc.keywords}, ${doc.publisher}, ${doc.description})`);
}

/** What a dataset's full-text row is made of, but its publisher's names: as a write stored them. */
export type SearchTexts = { publisherId: number; titles: Texts; descriptions: Texts; keywords: readonly string[] };

/**
 * The texts of a validated input as a write stores them (createDataset, updateDataset), in the
 * order `indexDataset` reads them back: keywords by language (en, nb, nn), then by their UTF-8
 * bytes (SQLite's order of the keyword table's key).
 */
export function searchTextsOfInput(data: DatasetInput, publisherId: number): SearchTexts {
  const keywords: string[] = [];
  for (const lang of KEYWORD_ORDER) {
    const list = data.keywords[lang];
    if (list !== undefined && list.length > 0) keywords.push(...[...list].sort(byCodePoints));
  }
  return {
    publisherId,
    titles: [data.title.nb, data.title.nn, data.title.en],
    descriptions: [data.description.nb, data.description.nn, data.description.en],
    keywords,
  };
}

const KEYWORD_ORDER = ["en", "nb", "nn"] as const;

/** Code point order (that of UTF-8 bytes); JavaScript's own compares UTF-16 units, which differs past U+FFFF. */
function byCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (half of a code point past U+FFFF) comes after every other unit.
    const sx = x >= 0xd800 && x <= 0xdfff;
    const sy = y >= 0xd800 && y <= 0xdfff;
    return sx === sy ? x - y : sx ? 1 : -1;
  }
  return a.length - b.length;
}

/**
 * The full-text rows of many datasets at once, from the texts the caller wrote (a harvest's batch:
 * DeferredDerived): only their publishers' names are read, and the rows are written with a few
 * set-based statements. The rows are those `indexDataset` reads back from the tables; reading the
 * datasets and keywords back for a batch was ~9 µs a dataset.
 */
export function indexWrittenDatasets(tx: Executor, written: ReadonlyMap<number, SearchTexts>): void {
  const ids = [...written.keys()];
  const publisherIds = [...new Set([...written.values()].map((w) => w.publisherId))];
  const names = new Map(
    tx
      .all<{ id: number; nameNb: string | null; nameNn: string | null; nameEn: string | null }>(
        sql`select id, name_nb as nameNb, name_nn as nameNn, name_en as nameEn from publishers where id in (select value from json_each(${JSON.stringify(publisherIds)}))`,
      )
      .map((p) => [p.id, [p.nameNb, p.nameNn, p.nameEn]]),
  );
  const docs = [];
  for (const [id, texts] of written) {
    const publisherNames = names.get(texts.publisherId);
    // (A dataset always has its publisher: the write refused it otherwise.)
    if (!publisherNames) throw new Error(`The publisher ${texts.publisherId} of dataset ${id} is not there`);
    docs.push({ id, ...buildSearchDocument({ titles: texts.titles, keywords: texts.keywords, publisherNames, descriptions: texts.descriptions }) });
  }
  tx.run(sql`delete from dataset_search where rowid in (select value from json_each(${JSON.stringify(ids)}))`);
  tx.run(sql`insert into dataset_search (rowid, title, keywords, publisher, description)
    select json_extract(j.value, '$.id'), json_extract(j.value, '$.title'), json_extract(j.value, '$.keywords'),
      json_extract(j.value, '$.publisher'), json_extract(j.value, '$.description')
    from json_each(${JSON.stringify(docs)}) j`);
}

type Texts = readonly (string | null | undefined)[];

/** The folded columns of one dataset's full-text row (also used by bulk loaders). */
export function buildSearchDocument(parts: { titles: Texts; keywords: Texts; publisherNames: Texts; descriptions: Texts }) {
  return {
    title: joinTexts(...parts.titles),
    keywords: joinTexts(...parts.keywords),
    publisher: joinTexts(...parts.publisherNames),
    description: joinTexts(...parts.descriptions),
  };
}

/** Re-index every dataset of a publisher (its name is part of each row). */
export function indexPublisherDatasets(tx: Executor, publisherId: number): void {
  const ids = tx
    .select({ id: datasets.id })
    .from(datasets)
    .where(eq(datasets.publisherId, publisherId))
    .all();
  for (const { id } of ids) indexDataset(tx, id);
}
