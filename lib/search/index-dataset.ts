import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { datasetKeywords, datasets, publishers } from "@/db/schema";
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

/**
 * `indexDataset` for many datasets at once (a harvest's batch): the same rows, read and written
 * with a few set-based statements per thousand datasets instead of several per dataset.
 */
export function indexDatasets(tx: Executor, datasetIds: Iterable<number>): void {
  const ids = [...new Set(datasetIds)];
  for (let i = 0; i < ids.length; i += 1000) {
    const list = JSON.stringify(ids.slice(i, i + 1000));
    const rows = tx.all<{
      id: number;
      titleNb: string | null;
      titleNn: string | null;
      titleEn: string | null;
      descriptionNb: string | null;
      descriptionNn: string | null;
      descriptionEn: string | null;
      publisherNb: string | null;
      publisherNn: string | null;
      publisherEn: string | null;
    }>(sql`select d.id, d.title_nb as titleNb, d.title_nn as titleNn, d.title_en as titleEn,
        d.description_nb as descriptionNb, d.description_nn as descriptionNn, d.description_en as descriptionEn,
        p.name_nb as publisherNb, p.name_nn as publisherNn, p.name_en as publisherEn
      from datasets d join publishers p on p.id = d.publisher_id
      where d.id in (select value from json_each(${list}))`);
    const keywords = new Map<number, string[]>();
    for (const k of tx.all<{ id: number; keyword: string }>(sql`select dataset_id as id, keyword from dataset_keywords
        where dataset_id in (select value from json_each(${list})) order by dataset_id, lang, keyword`)) {
      let of = keywords.get(k.id);
      if (!of) keywords.set(k.id, (of = []));
      of.push(k.keyword);
    }
    const docs = rows.map((row) => ({
      id: row.id,
      ...buildSearchDocument({
        titles: [row.titleNb, row.titleNn, row.titleEn],
        keywords: keywords.get(row.id) ?? [],
        publisherNames: [row.publisherNb, row.publisherNn, row.publisherEn],
        descriptions: [row.descriptionNb, row.descriptionNn, row.descriptionEn],
      }),
    }));
    tx.run(sql`delete from dataset_search where rowid in (select value from json_each(${list}))`);
    tx.run(sql`insert into dataset_search (rowid, title, keywords, publisher, description)
      select json_extract(j.value, '$.id'), json_extract(j.value, '$.title'), json_extract(j.value, '$.keywords'),
        json_extract(j.value, '$.publisher'), json_extract(j.value, '$.description')
      from json_each(${JSON.stringify(docs)}) j`);
  }
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
