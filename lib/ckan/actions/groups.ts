import { parseSearchParams } from "@/lib/search/params";
import type { Database } from "@/db/client";
import { searchDatasets } from "@/lib/search/search-datasets";
import { THEME_CODES } from "@/lib/vocabularies";
import { validation } from "../envelope";
import { toCkanGroup } from "../package";
import { type ActionParams, booleanParam, integerParam, stringParam } from "../params";

/** group_list: the EU data themes as CKAN groups, with their counts of published datasets. */
export function groupList(db: Database, params: ActionParams) {
  const sort = (stringParam(params, "sort") ?? "title asc").trim().toLowerCase().replace(/\s+/g, " ");
  const limit = integerParam(params, "limit", 1000, { max: 1000 });
  const offset = integerParam(params, "offset", 0);
  const counts = new Map(
    searchDatasets(db, parseSearchParams({ limit: "1" }))
      .facets.theme.map((f) => [f.value, f.count]),
  );
  const groups = THEME_CODES.map((code) => toCkanGroup(code, counts.get(code) ?? 0));
  const compare: Record<string, (a: (typeof groups)[number], b: (typeof groups)[number]) => number> = {
    "title asc": (a, b) => a.title.localeCompare(b.title, "nb"),
    "title desc": (a, b) => b.title.localeCompare(a.title, "nb"),
    "name asc": (a, b) => a.name.localeCompare(b.name),
    "name desc": (a, b) => b.name.localeCompare(a.name),
    "package_count desc": (a, b) => (b.package_count ?? 0) - (a.package_count ?? 0) || a.name.localeCompare(b.name),
  };
  const sorter = compare[sort];
  if (!sorter) throw validation("sort", `Cannot sort by ${sort}; use one of ${Object.keys(compare).join(", ")}`);
  const page = groups.sort(sorter).slice(offset, offset + limit);
  return booleanParam(params, "all_fields") ? page : page.map((g) => g.name);
}
