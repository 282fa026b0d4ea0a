import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { openDatasetCondition } from "@/lib/kpi/openness";
import type { Labels } from "@/lib/vocabularies";
import { parseQuery, queryTerms, toMatchExpression, type ParsedQuery } from "./fts-query";
import { evaluateSearch, facetCounts, type EvaluateInput } from "./evaluate";
import { getFacetIndex, type FacetIndex } from "./facet-index";
import { getLexicon } from "./lexicon";
import { matchTextIds } from "./text-match";
import { facetLabeller, FACET_FIELDS, type FacetField } from "./facet-labels";
import type { SearchParams } from "./params";
import { processWide } from "@/lib/process-wide";

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

export const FACET_LIMIT = 50;

const inList = (values: readonly (string | number)[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

/**
 * Search the published catalogue: full text, facet filters (AND across facets, OR within one),
 * facet counts that reflect the other active filters, sorting and paging. The search page and
 * GET /api/datasets both call this. Filtering, counting and paging run over the in-memory facet
 * index (facet-index.ts, evaluate.ts); the text match and the page's fields come from SQLite.
 */
export function searchDatasets(db: Database, params: SearchParams): SearchResult {
  const index = getFacetIndex(db);
  const key = JSON.stringify(params);
  const cache = resultCaches.get(db.$client) ?? new Map<string, CachedResult>();
  resultCaches.set(db.$client, cache);
  const hit = cache.get(key);
  if (hit && hit.version === index.version) {
    cache.delete(key);
    cache.set(key, hit);
    return hit.result;
  }
  const result = computeSearch(db, index, params);
  cache.set(key, { version: index.version, result });
  if (cache.size > RESULT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return result;
}

/**
 * The JSON body GET /api/datasets answers with (the result without `sort`), serialised once per
 * result: a repeated search returns the same cached result object, so its body is reused too.
 */
const serialised = new WeakMap<SearchResult, string>();
export function searchResultJson(result: SearchResult): string {
  let json = serialised.get(result);
  if (json === undefined) {
    const { sort: _sort, ...body } = result;
    json = JSON.stringify(body);
    serialised.set(result, json);
  }
  return json;
}

type CachedResult = { version: string; result: SearchResult };
/**
 * Results of repeated searches (popular queries, the home page's latest datasets) are kept until
 * the catalogue changes: the key includes the facet index's version, which moves with every write.
 */
const resultCaches = processWide("search.result-caches", () => new WeakMap<object, Map<string, CachedResult>>());
const RESULT_CACHE_SIZE = 500;

/** The search itself, uncached (also what the benchmark measures as the in-process cost). */
export function computeSearch(db: Database, index: FacetIndex, params: SearchParams): SearchResult {
  const text = params.q ? planTextQuery(db, parseQuery(params.q)) : null;
  const sort = params.sort === "relevance" && !text?.all ? "modified" : (params.sort ?? (text?.all ? "relevance" : "modified"));
  const filters: EvaluateInput["filters"] = {
    theme: params.theme,
    publisher: params.publisher,
    format: params.format,
    license: params.license,
    access: params.access,
    open: params.open ? [params.open] : [],
    keyword: params.keyword,
    quality: params.quality,
  };
  const run = (expression: string | null) =>
    evaluateSearch(index, {
      filters,
      text: expression ? matchTextIds(db, expression, index.version) : null,
      sort,
      offset: (params.page - 1) * params.limit,
      limit: params.limit,
    });

  let mode: QueryReport["mode"] = "all";
  let outcome = run(text?.all ?? null);
  if (outcome.total === 0 && text?.any) {
    // Nothing has every term: fall back to the best partial matches, and say so.
    mode = "partial";
    outcome = run(text.any);
  }

  return {
    query: text ? { mode, corrections: text.corrections, highlight: text.highlight } : null,
    total: outcome.total,
    page: params.page,
    limit: params.limit,
    sort,
    results: hydrate(db, outcome.pageIds),
    facets: Object.fromEntries(
      FACET_FIELDS.map((field) => {
        const labelOf = facetLabeller(db, field);
        return [field, facetCounts(index, outcome.counts, field, FACET_LIMIT).map((f) => ({ ...f, label: labelOf(f.value) }))];
      }),
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
export function planTextQuery(db: Database, parsed: ParsedQuery): TextPlan {
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
