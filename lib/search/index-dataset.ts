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
