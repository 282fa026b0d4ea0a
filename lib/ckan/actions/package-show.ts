import type { Database } from "@/db/client";
import { loadDatasetsForRdf } from "@/lib/dcat/load-datasets";
import { notFound, validation } from "../envelope";
import { ckanId, toCkanPackage } from "../package";
import { type ActionParams, integerParam, stringParam } from "../params";
import { findPublishedDatasetIdByKey, listPublishedSlugs } from "../queries";

/** package_show: one published dataset by name (slug), CKAN id or URI. */
export function packageShow(db: Database, params: ActionParams, baseUrl: string) {
  const key = stringParam(params, "id") ?? stringParam(params, "name");
  if (!key?.trim()) throw validation("id", "Missing value");
  const id = findPublishedDatasetIdByKey(db, key.trim(), ckanId);
  const dataset = id === undefined ? undefined : loadDatasetsForRdf(db, [id])[0];
  if (!dataset) throw notFound();
  return toCkanPackage(dataset, baseUrl);
}

/** package_list: the names of every published dataset. */
export function packageList(db: Database, params: ActionParams) {
  const limit = integerParam(params, "limit", Number.MAX_SAFE_INTEGER, { min: 0 });
  const offset = integerParam(params, "offset", 0);
  return listPublishedSlugs(db, { limit: Math.min(limit, Number.MAX_SAFE_INTEGER), offset });
}
