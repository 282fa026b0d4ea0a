import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { openDatasetCondition } from "@/lib/kpi/openness";
import type { Labels } from "@/lib/vocabularies";
import { parseQuery, queryTerms, toMatchExpression, type ParsedQuery } from "./fts-query";
import { getLexicon } from "./lexicon";
import { facetLabeller, FACET_FIELDS, type FacetField } from "./facet-labels";
import type { SearchParams } from "./params";

export type MultilingualText = { nb: string; nn?: string; en?: string };

export type SearchHit = {
  slug: string;
  uri: string;
  title: MultilingualText;
  description: MultilingualText;
  publisher: { slug: string; uri: string; name: MultilingualText };
  themes: string[];
  accessRights: string;
  license: string | null;
  isOpen: boolean;
  modified: string | null;
  formats: string[];
};

export type FacetValue = { value: string; label: Partial<Labels>; count: number };

/**
 * How the text query was run: "all" terms matched, or no dataset had them all and the results are
 * the best "partial" matches. Corrections list the words the index does not hold and the spellings
 * searched instead. `highlight` holds the folded terms to mark in titles and descriptions.
 */
export type QueryReport = {
  mode: "all" | "partial";
  corrections: { word: string; suggestions: string[] }[];
  highlight: { terms: string[]; prefixes: string[] };
};

export type SearchResult = {
  query: QueryReport | null;
  total: number;
  page: number;
  limit: number;
  sort: string;
  results: SearchHit[];
  facets: Record<FacetField, FacetValue[]>;
};

const FACET_LIMIT = 50;
/** BM25 column weights: title, keywords, publisher, description. */
const BM25 = sql`bm25(dataset_search, 10.0, 5.0, 3.0, 1.0)`;

const inList = (values: readonly (string | number)[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/**
 * Search the published catalogue: full text, facet filters (AND across facets, OR within one),
 * facet counts that reflect the other active filters, sorting and paging. The search page and
 * GET /api/datasets both call this.
 */
export function searchDatasets(db: Database, params: SearchParams): SearchResult {
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
            sort === "title" ? sql`lower(d.title_nb), d.id` : sql`coalesce(d.modified, d.updated_at) desc, d.id desc`
          } ${page}`,
    )
    .map((r) => r.id);

  return {
    query: text ? { mode, corrections: text.corrections, highlight: text.highlight } : null,
    total,
    page: params.page,
    limit: params.limit,
    sort,
    results: hydrate(db, ids),
    facets: Object.fromEntries(
      FACET_FIELDS.map((field) => [field, countFacet(db, field, where(field))]),
    ) as Record<FacetField, FacetValue[]>,
  };
}

type TextPlan = {
  all: string | null;
  any: string | null;
  corrections: QueryReport["corrections"];
  highlight: QueryReport["highlight"];
};

/**
 * The MATCH expressions for a query: all terms (words the index lacks widened to their likely
 * spellings), and, when there is more than one term, any term for the partial-match fallback.
 */
function planTextQuery(db: Database, parsed: ParsedQuery): TextPlan {
  const lexicon = getLexicon(db);
  const corrections: QueryReport["corrections"] = [];
  const known = new Map<string, string[]>();
  const alternatives = (word: string, isPrefix: boolean) => {
    const key = `${word}${isPrefix ? "*" : ""}`;
    let suggestions = known.get(key);
    if (!suggestions) {
      suggestions = lexicon.has(word) || (isPrefix && lexicon.hasPrefix(word)) ? [] : lexicon.corrections(word);
      known.set(key, suggestions);
      if (suggestions.length > 0) corrections.push({ word, suggestions });
    }
    return suggestions;
  };
  const all = toMatchExpression(parsed, { alternatives });
  const termCount = parsed.phrases.length + parsed.words.length;
  const terms = queryTerms(parsed).concat(corrections.flatMap((c) => c.suggestions));
  const last = parsed.prefixLast ? parsed.words[parsed.words.length - 1] : undefined;
  return {
    all,
    any: termCount > 1 ? toMatchExpression(parsed, { mode: "any", alternatives }) : null,
    corrections,
    highlight: { terms: terms.filter((t) => t !== last), prefixes: last ? [last] : [] },
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
    case "keyword":
      return sql`select k.keyword as value, count(*) as count from dataset_keywords k join datasets d on d.id = k.dataset_id where ${where} group by k.keyword ${limit}`;
  }
}

type HitRow = {
  id: number;
  slug: string;
  uri: string;
  title_nb: string;
  title_nn: string | null;
  title_en: string | null;
  description_nb: string;
  description_nn: string | null;
  description_en: string | null;
  access_rights: string;
  license: string | null;
  modified: string | null;
  updated_at: string;
  is_open: number;
  publisher_slug: string;
  publisher_uri: string;
  publisher_nb: string;
  publisher_nn: string | null;
  publisher_en: string | null;
  themes: string | null;
  formats: string | null;
};

/** Load the list fields of the given datasets, in the given order. */
export function hydrate(db: Database, ids: number[]): SearchHit[] {
  if (ids.length === 0) return [];
  const rows = db.all<HitRow>(sql`
    select d.id, d.slug, d.uri, d.title_nb, d.title_nn, d.title_en,
      d.description_nb, d.description_nn, d.description_en, d.access_rights, d.license,
      d.modified, d.updated_at, ${openDatasetCondition("d")} as is_open,
      p.slug as publisher_slug, p.uri as publisher_uri,
      p.name_nb as publisher_nb, p.name_nn as publisher_nn, p.name_en as publisher_en,
      (select json_group_array(theme) from (select theme from dataset_themes where dataset_id = d.id order by rowid)) as themes,
      (select json_group_array(format) from (select distinct format from distributions where dataset_id = d.id and format is not null order by position)) as formats
    from datasets d join publishers p on p.id = d.publisher_id
    where d.id in (${inList(ids)})`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        slug: r.slug,
        uri: r.uri,
        title: texts(r.title_nb, r.title_nn, r.title_en),
        description: texts(r.description_nb, r.description_nn, r.description_en),
        publisher: { slug: r.publisher_slug, uri: r.publisher_uri, name: texts(r.publisher_nb, r.publisher_nn, r.publisher_en) },
        themes: JSON.parse(r.themes ?? "[]") as string[],
        accessRights: r.access_rights,
        license: r.license,
        isOpen: r.is_open === 1,
        modified: r.modified ?? r.updated_at,
        formats: JSON.parse(r.formats ?? "[]") as string[],
      },
    ];
  });
}

function texts(nb: string, nn: string | null, en: string | null): MultilingualText {
  return { nb, ...(nn ? { nn } : {}), ...(en ? { en } : {}) };
}
