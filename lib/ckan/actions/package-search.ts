import type { Database } from "@/db/client";
import { loadDatasetsForRdf } from "@/lib/dcat/load-datasets";
import { listPublishedDatasetIdsByModified } from "@/lib/dcat/queries";
import type { SearchParams } from "@/lib/search/params";
import { searchDatasets } from "@/lib/search/search-datasets";
import { getLicence, getFileType, normaliseFileType, normaliseLicence, THEME_CODES, type LicenceCode } from "@/lib/vocabularies";
import { CkanError } from "../envelope";
import { ckanFormatName, toCkanGroup, toCkanPackage } from "../package";
import { type ActionParams, integerParam, jsonListParam, stringParam } from "../params";
import { publishedIdsBySlugs } from "../queries";

export const ROWS_MAX = 1000;

/** CKAN facet names → the search engine's facets. */
const FACETS = { organization: "publisher", groups: "theme", res_format: "format", license_id: "license", tags: "keyword" } as const;
type CkanFacet = keyof typeof FACETS;

type Filters = Pick<SearchParams, "theme" | "publisher" | "format" | "license" | "keyword"> & { modifiedSince?: string };

const searchError = (message: string) => new CkanError("Search Query Error", `Search error: ${message}`);

/**
 * The Solr filter queries CKAN clients send: `organization:x`, `groups:x`, `res_format:x`,
 * `license_id:x`, `tags:x` (AND-ed, quoted or not, optional leading +), `dataset_type:dataset`, and
 * `metadata_modified:[<ISO> TO *]` (ckanext-harvest's incremental harvest).
 */
export function parseFq(fq: string | undefined): Filters {
  const filters: Filters = { theme: [], publisher: [], format: [], license: [], keyword: [] };
  if (!fq?.trim()) return filters;
  const rest = fq.replace(
    /(^|\s)(\+?)([a-z_]+):(\[[^\]]*\]|"[^"]*"|[^\s"]+)/gi,
    (_m, _lead, _plus, field: string, rawValue: string) => {
      const value = rawValue.startsWith('"') ? rawValue.slice(1, -1) : rawValue;
      switch (field) {
        case "organization":
        case "owner_org_name":
          filters.publisher.push(value);
          break;
        case "groups": {
          const code = value.toUpperCase();
          if (!(THEME_CODES as readonly string[]).includes(code)) throw searchError(`unknown group ${value}`);
          filters.theme.push(code as Filters["theme"][number]);
          break;
        }
        case "res_format": {
          const format = normaliseFileType(value);
          filters.format.push(format?.code ?? value);
          break;
        }
        case "license_id": {
          const licence = safeLicence(value) ?? normaliseLicence(value);
          filters.license.push(licence?.uri ?? value);
          break;
        }
        case "tags":
          filters.keyword.push(value);
          break;
        case "dataset_type":
        case "type":
          if (value !== "dataset") throw searchError(`no datasets of type ${value}`);
          break;
        case "metadata_modified": {
          const range = /^\[\s*(\S+)\s+TO\s+(\*|NOW)\s*\]$/i.exec(value);
          const time = range ? Date.parse(range[1]!) : NaN;
          if (Number.isNaN(time)) throw searchError(`metadata_modified takes [<ISO 8601> TO *], not ${value}`);
          filters.modifiedSince = new Date(time).toISOString();
          break;
        }
        default:
          throw searchError(`undefined field ${field}`);
      }
      return " ";
    },
  );
  if (rest.replace(/\bAND\b/g, "").trim() !== "") throw searchError(`cannot read fq "${fq}"`);
  return filters;
}

function safeLicence(code: string) {
  try {
    return getLicence(code as LicenceCode);
  } catch {
    return undefined;
  }
}

function parseSort(sort: string | undefined, hasQuery: boolean): SearchParams["sort"] {
  const first = (sort ?? "score desc, metadata_modified desc").split(",")[0]!.trim().toLowerCase();
  const [field] = first.split(/\s+/);
  switch (field) {
    case "score":
      return hasQuery ? "relevance" : "modified";
    case "metadata_modified":
    case "metadata_created":
      return "modified";
    case "title_string":
    case "title":
    case "name":
      return "title";
    default:
      throw searchError(`cannot sort by ${field}`);
  }
}

/** CKAN facet value → display: groups are lower-case theme codes, licences their codes, formats their names. */
function ckanFacetValue(facet: CkanFacet, value: string, label: string): { name: string; display_name: string } {
  switch (facet) {
    case "groups":
      return { name: value.toLowerCase(), display_name: toCkanGroup(value).display_name };
    case "res_format":
      return { name: ckanFormatName(value), display_name: getFileType(value)?.label.en ?? value };
    case "license_id": {
      const licence = normaliseLicence(value);
      return { name: licence?.code ?? value, display_name: licence?.label.en ?? value };
    }
    default:
      return { name: value, display_name: label };
  }
}

export function packageSearch(db: Database, params: ActionParams, baseUrl: string) {
  const q = stringParam(params, "q")?.trim();
  const query = q && q !== "*:*" ? q : undefined;
  const rows = integerParam(params, "rows", 10, { max: ROWS_MAX });
  const start = integerParam(params, "start", 0);
  const filters = parseFq(stringParam(params, "fq"));
  const sort = parseSort(stringParam(params, "sort"), !!query);
  const facetFields = (jsonListParam(params, "facet.field") ?? []).map((f) => {
    if (!(f in FACETS)) throw searchError(`cannot facet on ${f}`);
    return f as CkanFacet;
  });
  const facetLimit = integerParam(params, "facet.limit", 50, { min: -1 });

  if (filters.modifiedSince) {
    // Incremental harvest: by modification time, with at most an organization filter.
    if (query || filters.theme.length || filters.format.length || filters.license.length || filters.keyword.length || filters.publisher.length > 1) {
      throw searchError("metadata_modified combines only with one organization filter");
    }
    const { ids, total } = listPublishedDatasetIdsByModified(db, {
      modifiedSince: filters.modifiedSince,
      publisher: filters.publisher[0],
      limit: rows,
      offset: start,
    });
    return {
      count: total,
      sort: "metadata_modified asc",
      facets: {},
      search_facets: {},
      results: loadDatasetsForRdf(db, ids).map((d) => toCkanPackage(d, baseUrl)),
    };
  }

  const base: SearchParams = {
    q: query,
    theme: filters.theme,
    publisher: filters.publisher,
    format: filters.format,
    license: filters.license,
    access: [],
    keyword: filters.keyword,
    quality: [],
    sort,
    page: 1,
    limit: Math.max(rows, 1),
  };
  // The engine pages by page and limit; CKAN by start and rows. Read the one or two pages that
  // cover [start, start + rows).
  const limit = Math.max(rows, 1);
  const firstPage = Math.floor(start / limit) + 1;
  const first = searchDatasets(db, { ...base, page: firstPage });
  let hits = first.results;
  if (start % limit !== 0 && rows > 0) hits = [...hits, ...searchDatasets(db, { ...base, page: firstPage + 1 }).results];
  const skip = start - (firstPage - 1) * limit;
  const slugs = rows === 0 ? [] : hits.slice(skip, skip + rows).map((h) => h.slug);

  const facets: Record<string, Record<string, number>> = {};
  const searchFacets: Record<string, { title: string; items: { name: string; display_name: string; count: number }[] }> = {};
  for (const f of facetFields) {
    // The engine counts a facet without its own filter (disjunctive facets); CKAN counts within
    // every filter. For a filtered field, keep the filtered values, whose counts then agree.
    const own = filters[FACETS[f] as keyof Filters] as string[] | undefined;
    const values = first.facets[FACETS[f]].filter((v) => !own?.length || own.includes(v.value));
    const items = (facetLimit < 0 ? values : values.slice(0, facetLimit)).map((v) => ({
      ...ckanFacetValue(f, v.value, v.label.nb ?? v.value),
      count: v.count,
    }));
    facets[f] = Object.fromEntries(items.map((i) => [i.name, i.count]));
    searchFacets[f] = { title: f, items };
  }

  return {
    count: first.total,
    sort: stringParam(params, "sort") ?? "score desc, metadata_modified desc",
    facets,
    search_facets: searchFacets,
    results: loadDatasetsForRdf(db, publishedIdsBySlugs(db, slugs)).map((d) => toCkanPackage(d, baseUrl)),
  };
}
