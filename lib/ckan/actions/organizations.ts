import type { Database } from "@/db/client";
import { listPublishers } from "@/lib/publishers/queries";
import { notFound, validation } from "../envelope";
import { ckanId, toCkanOrganization } from "../package";
import { type ActionParams, booleanParam, integerParam, stringParam } from "../params";
import { publisherCreatedDates } from "../queries";
import { packageSearch } from "./package-search";

type Summary = ReturnType<typeof listPublishers>[number];

const SORTS: Record<string, (a: Summary, b: Summary) => number> = {
  "title asc": (a, b) => a.name.nb.localeCompare(b.name.nb, "nb"),
  "title desc": (a, b) => b.name.nb.localeCompare(a.name.nb, "nb"),
  "name asc": (a, b) => a.slug.localeCompare(b.slug),
  "name desc": (a, b) => b.slug.localeCompare(a.slug),
  "package_count desc": (a, b) => b.datasets - a.datasets || a.slug.localeCompare(b.slug),
  "package_count asc": (a, b) => a.datasets - b.datasets || a.slug.localeCompare(b.slug),
};

/** organization_list: publisher names, or their dictionaries with `all_fields=true`. */
export function organizationList(db: Database, params: ActionParams) {
  const sort = (stringParam(params, "sort") ?? "title asc").trim().toLowerCase().replace(/\s+/g, " ");
  const compare = SORTS[sort] ?? SORTS[`${sort} asc`];
  if (!compare) throw validation("sort", `Cannot sort by ${sort}; use one of ${Object.keys(SORTS).join(", ")}`);
  const limit = integerParam(params, "limit", 1000, { max: 1000 });
  const offset = integerParam(params, "offset", 0);
  const allFields = booleanParam(params, "all_fields");
  const created = allFields ? publisherCreatedDates(db) : new Map<string, string>();
  const page = listPublishers(db).sort(compare).slice(offset, offset + limit);
  return allFields
    ? page.map((p) => toCkanOrganization(p, { created: created.get(p.slug), packageCount: p.datasets }))
    : page.map((p) => p.slug);
}

/** organization_show: one publisher by name (slug) or CKAN id, with its datasets on request. */
export function organizationShow(db: Database, params: ActionParams, baseUrl: string) {
  const key = stringParam(params, "id")?.trim();
  if (!key) throw validation("id", "Missing value");
  const publisher = listPublishers(db).find((p) => p.slug === key || ckanId(p.uri) === key.toLowerCase());
  if (!publisher) throw notFound("Organization not found");
  const org = toCkanOrganization(publisher, { created: publisherCreatedDates(db).get(publisher.slug), packageCount: publisher.datasets });
  if (!booleanParam(params, "include_datasets")) return org;
  const packages = packageSearch(db, { fq: `organization:${publisher.slug}`, rows: 1000, sort: "name asc" }, baseUrl).results;
  return { ...org, packages };
}
