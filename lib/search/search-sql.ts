import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { openDatasetCondition } from "@/lib/kpi/openness";
import { parseQuery } from "./fts-query";
import { hydrate, planTextQuery, type FacetValue, type QueryReport, type SearchResult } from "./search-datasets";
import { facetLabeller, FACET_FIELDS, type FacetField } from "./facet-labels";
import type { SearchParams } from "./params";

const FACET_LIMIT = 50;
/** BM25 column weights: title, keywords, publisher, description. */
const BM25 = sql`bm25(dataset_search, 10.0, 5.0, 3.0, 1.0)`;

const inList = (values: readonly (string | number)[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/**
 * The same search as searchDatasets, computed entirely in SQL (GROUP BY per facet). It is the
 * reference that tests check the in-memory index against, and the in-process baseline the
 * benchmark compares the API with. Not used to serve requests: at 100,000 datasets its facet
 * counts take hundreds of milliseconds.
 */
export function searchDatasetsSql(db: Database, params: SearchParams): SearchResult {
  const text = params.q ? planTextQuery(db, parseQuery(params.q)) : null;
  let match = text?.all ?? null;
  let mode: QueryReport["mode"] = "all";
  let filters = buildFilters(params, match);
  const where = (except?: FacetField) =>
    sql.join(
      [sql`d.state = 'published'`, ...filters.filter((f) => except === undefined || f.field !== except).map((f) => f.condition)],
      sql` and `,
    );

  let total = db.get<{ n: number }>(sql`select count(*) as n from datasets d where ${where()}`)?.n ?? 0;
  if (total === 0 && text?.any) {
    // Nothing has every term: fall back to the best partial matches, and say so.
    match = text.any;
    mode = "partial";
    filters = buildFilters(params, match);
    total = db.get<{ n: number }>(sql`select count(*) as n from datasets d where ${where()}`)?.n ?? 0;
  }
  const sort = params.sort ?? (match ? "relevance" : "modified");
  const offset = (params.page - 1) * params.limit;
  const page = sql`limit ${params.limit} offset ${offset}`;
  const ids = db
    .all<{ id: number }>(
      sort === "relevance" && match
        ? sql`select d.id from datasets d
            join (select rowid as id, ${BM25} as score from dataset_search where dataset_search match ${match}) s on s.id = d.id
            where ${where()} order by s.score, d.id desc ${page}`
        : sql`select d.id from datasets d where ${where()} order by ${
            sort === "title"
              ? sql`lower(d.title_nb), d.id`
              : sort === "quality"
                ? sql`(select coalesce(score, -1) from dataset_quality where dataset_id = d.id) desc, coalesce(d.modified, d.updated_at) desc, d.id desc`
                : sql`coalesce(d.modified, d.updated_at) desc, d.id desc`
          } ${page}`,
    )
    .map((r) => r.id);

  return {
    query: text ? { mode, corrections: text.corrections, highlight: text.highlight } : null,
    total,
    page: params.page,
    limit: params.limit,
    sort: sort as SearchResult["sort"],
    results: hydrate(db, ids),
    facets: Object.fromEntries(
      FACET_FIELDS.map((field) => [field, countFacet(db, field, where(field))]),
    ) as Record<FacetField, FacetValue[]>,
  };
}

type Filter = { field?: FacetField; condition: SQL };

function buildFilters(params: SearchParams, match: string | null): Filter[] {
  const filters: Filter[] = [];
  if (match) {
    filters.push({ condition: sql`d.id in (select rowid from dataset_search where dataset_search match ${match})` });
  }
  if (params.theme.length) {
    filters.push({ field: "theme", condition: sql`d.id in (select dataset_id from dataset_themes where theme in (${inList(params.theme)}))` });
  }
  if (params.publisher.length) {
    filters.push({ field: "publisher", condition: sql`d.publisher_id in (select id from publishers where slug in (${inList(params.publisher)}))` });
  }
  if (params.format.length) {
    filters.push({ field: "format", condition: sql`d.id in (select dataset_id from distributions where format in (${inList(params.format)}))` });
  }
  if (params.license.length) {
    filters.push({ field: "license", condition: sql`d.license in (${inList(params.license)})` });
  }
  if (params.access.length) {
    filters.push({ field: "access", condition: sql`d.access_rights in (${inList(params.access)})` });
  }
  if (params.open) {
    const open = openDatasetCondition("d");
    filters.push({ field: "open", condition: params.open === "true" ? open : sql`not ${open}` });
  }
  if (params.quality.length) {
    filters.push({ field: "quality", condition: sql`d.id in (select dataset_id from dataset_quality where band in (${inList(params.quality)}))` });
  }
  if (params.keyword.length) {
    filters.push({ field: "keyword", condition: sql`d.id in (select dataset_id from dataset_keywords where keyword in (${inList(params.keyword)}))` });
  }
  return filters;
}

function countFacet(db: Database, field: FacetField, where: SQL): FacetValue[] {
  const rows = db
    .all<{ value: string | null; count: number }>(facetQuery(field, where))
    .filter((r): r is { value: string; count: number } => r.value !== null);
  const labelOf = facetLabeller(db, field);
  return rows.map((r) => ({ value: r.value, count: r.count, label: labelOf(r.value) }));
}

function facetQuery(field: FacetField, where: SQL): SQL {
  const limit = sql`order by count desc, value limit ${FACET_LIMIT}`;
  switch (field) {
    case "theme":
      return sql`select t.theme as value, count(*) as count from dataset_themes t join datasets d on d.id = t.dataset_id where ${where} group by t.theme ${limit}`;
    case "publisher":
      return sql`select p.slug as value, count(*) as count from datasets d join publishers p on p.id = d.publisher_id where ${where} group by p.slug ${limit}`;
    case "format":
      return sql`select x.format as value, count(distinct x.dataset_id) as count from distributions x join datasets d on d.id = x.dataset_id where ${where} and x.format is not null group by x.format ${limit}`;
    case "license":
      return sql`select d.license as value, count(*) as count from datasets d where ${where} and d.license is not null group by d.license ${limit}`;
    case "access":
      return sql`select d.access_rights as value, count(*) as count from datasets d where ${where} group by d.access_rights ${limit}`;
    case "open":
      return sql`select case when ${openDatasetCondition("d")} then 'true' else 'false' end as value, count(*) as count from datasets d where ${where} group by value ${limit}`;
    case "quality":
      return sql`select q.band as value, count(*) as count from dataset_quality q join datasets d on d.id = q.dataset_id where ${where} group by q.band ${limit}`;
    case "keyword":
      return sql`select k.keyword as value, count(*) as count from dataset_keywords k join datasets d on d.id = k.dataset_id where ${where} group by k.keyword ${limit}`;
  }
}

