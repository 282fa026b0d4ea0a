import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { AppError, type FieldErrors } from "@/lib/errors";
import { THEME_CODES } from "@/lib/vocabularies";

/**
 * The scope of a KPI figure: the whole catalogue (all null), one publisher (its slug), one EU
 * theme (its code), one harvest source (its id), or an intersection of these.
 */
export type KpiScope = { publisher: string | null; theme: string | null; source: number | null };

export const WHOLE_CATALOGUE: KpiScope = { publisher: null, theme: null, source: null };

/** A scope with its database ids, ready for queries. */
export type ResolvedKpiScope = KpiScope & { publisherId: number | null };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SCOPE_PARAMS = ["publisher", "theme", "source"] as const;

/**
 * Read a scope from query parameters (`publisher`, `theme`, `source`, each at most once). Other
 * parameters are refused unless listed in `allow`. A bad value is a 400 naming the parameter.
 */
export function parseKpiScope(params: URLSearchParams, { allow = [] }: { allow?: readonly string[] } = {}): KpiScope {
  const fields: FieldErrors = {};
  const one = (name: string): string | null => {
    const values = params.getAll(name);
    if (values.length > 1) fields[name] = ["Give this parameter at most once"];
    const value = values[0]?.trim();
    return value ? value : null;
  };
  for (const key of new Set(params.keys())) {
    if (!(SCOPE_PARAMS as readonly string[]).includes(key) && !allow.includes(key)) {
      fields[key] = [`Unknown parameter; use ${[...SCOPE_PARAMS, ...allow].join(", ")}`];
    }
  }
  const publisher = one("publisher");
  if (publisher !== null && !SLUG.test(publisher)) fields.publisher = ["Must be a publisher slug, as in /publishers/<slug>"];
  const themeText = one("theme");
  const theme = themeText?.toUpperCase() ?? null;
  if (theme !== null && !(THEME_CODES as readonly string[]).includes(theme)) {
    fields.theme = [`Must be an EU data-theme code: ${THEME_CODES.join(", ")}`];
  }
  const sourceText = one("source");
  const source = sourceText === null ? null : Number(sourceText);
  if (source !== null && !(Number.isInteger(source) && source > 0 && /^\d+$/.test(sourceText!))) {
    fields.source = ["Must be the id of a harvest source (a positive whole number)"];
  }
  if (Object.keys(fields).length > 0) {
    throw new AppError("bad_request", "The KPI scope is not valid", { fields });
  }
  return { publisher, theme, source };
}

/** Check that the publisher and harvest source exist; an unknown one is a 400 naming the parameter. */
export function resolveKpiScope(db: Database, scope: KpiScope): ResolvedKpiScope {
  const fields: FieldErrors = {};
  let publisherId: number | null = null;
  if (scope.publisher !== null) {
    publisherId = db.get<{ id: number }>(sql`select id from publishers where slug = ${scope.publisher}`)?.id ?? null;
    if (publisherId === null) fields.publisher = [`No publisher has the slug ${scope.publisher}`];
  }
  if (scope.source !== null && !db.get(sql`select 1 from harvest_sources where id = ${scope.source}`)) {
    fields.source = [`No harvest source has the id ${scope.source}`];
  }
  if (Object.keys(fields).length > 0) {
    throw new AppError("bad_request", "The KPI scope names something that does not exist", { fields });
  }
  return { ...scope, publisherId };
}

/** `catalogue`, `publisher:<slug>`, `theme:<code>`, `source:<id>`: the key of a snapshot line. */
export function scopeKey(scope: KpiScope): string {
  const parts = [
    scope.publisher !== null ? `publisher:${scope.publisher}` : null,
    scope.theme !== null ? `theme:${scope.theme}` : null,
    scope.source !== null ? `source:${scope.source}` : null,
  ].filter((p): p is string => p !== null);
  return parts.length === 0 ? "catalogue" : parts.join("+");
}

export function scopeFromKey(key: string): KpiScope {
  const scope: KpiScope = { ...WHOLE_CATALOGUE };
  if (key === "catalogue") return scope;
  for (const part of key.split("+")) {
    const [type, value = ""] = part.split(/:(.*)/s);
    if (type === "publisher") scope.publisher = value;
    else if (type === "theme") scope.theme = value;
    else if (type === "source") scope.source = Number(value);
  }
  return scope;
}
