-- Full-text index over datasets, one row per dataset (rowid = datasets.id), kept in sync by the
-- catalogue's write commands in the same transaction as the write (lib/search/index-dataset.ts).
-- Columns in BM25 weight order: title > keywords > publisher > description. Every language of the
-- record goes into each column, folded (ø→o, æ→ae, å→a, lower case) by lib/search/fold.ts, and the
-- tokenizer strips remaining diacritics (é→e, ü→u), so "Alesund" finds "Ålesund".
CREATE VIRTUAL TABLE `dataset_search` USING fts5(
	`title`,
	`keywords`,
	`publisher`,
	`description`,
	tokenize = 'unicode61 remove_diacritics 2'
);
