import { z } from "zod";
import { AppError } from "@/lib/errors";
import { SLUG_PATTERN } from "@/lib/catalogue/slug";
import { accessRightsCodeSchema, themeCodeSchema } from "@/lib/vocabularies";

export const SORTS = ["relevance", "modified", "title", "quality"] as const;
export const QUALITY_BAND_VALUES = ["excellent", "good", "sufficient", "bad"] as const;
export type Sort = (typeof SORTS)[number];
export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 20;

const many = <T extends z.ZodType>(item: T) => z.array(item).max(50, "At most 50 values").default([]);

/** The search contract shared by the search page and GET /api/datasets (ARCHITECTURE.md). */
export const searchParamsSchema = z.strictObject({
  q: z.string().trim().max(500, "At most 500 characters").optional(),
  theme: many(themeCodeSchema),
  publisher: many(z.string().regex(SLUG_PATTERN, "Must be a publisher slug")),
  format: many(z.string().trim().min(1).max(40)),
  license: many(z.string().trim().min(1).max(300)),
  access: many(accessRightsCodeSchema),
  open: z.enum(["true", "false"], { error: "Must be true or false" }).optional(),
  keyword: many(z.string().trim().min(1).max(100)),
  quality: many(z.enum(QUALITY_BAND_VALUES, { error: `Must be one of ${QUALITY_BAND_VALUES.join(", ")}` })),
  sort: z.enum(SORTS, { error: `Must be one of ${SORTS.join(", ")}` }).optional(),
  page: z.coerce.number({ error: "Must be a whole number from 1" }).int("Must be a whole number from 1").min(1, "Must be a whole number from 1").max(100_000).default(1),
  limit: z.coerce.number({ error: `Must be a whole number from 1 to ${MAX_LIMIT}` }).int().min(1).max(MAX_LIMIT, `At most ${MAX_LIMIT}`).default(DEFAULT_LIMIT),
});

export type SearchParams = z.infer<typeof searchParamsSchema>;

const MULTI = new Set(["theme", "publisher", "format", "license", "access", "keyword", "quality"]);

/**
 * Parse URL search parameters into the search contract. Repeated parameters give several values
 * (`theme=ENVI&theme=TRAN`); an unknown or malformed parameter is a 400 naming it.
 */
export function parseSearchParams(params: URLSearchParams | Record<string, string | string[] | undefined>): SearchParams {
  const entries: [string, string][] =
    params instanceof URLSearchParams
      ? [...params.entries()]
      : Object.entries(params).flatMap(([k, v]) =>
          v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x]),
        );
  const raw: Record<string, string | string[]> = {};
  for (const [key, value] of entries) {
    if (value === "" && key !== "q") continue;
    if (MULTI.has(key)) ((raw[key] ??= []) as string[]).push(value);
    else if (key in raw) throw badParameter(key, "Give this parameter once");
    else raw[key] = value;
  }
  const parsed = searchParamsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? (issue && "keys" in issue ? (issue.keys as string[])[0] : "query"));
    const message = issue?.code === "unrecognized_keys" ? "Unknown parameter" : (issue?.message ?? "Invalid");
    throw badParameter(key, message);
  }
  return parsed.data;
}

function badParameter(name: string, message: string): AppError {
  return new AppError("bad_request", `Invalid parameter "${name}": ${message}`, { fields: { [name]: [message] } });
}

/** The search state as URL parameters, for links that keep it (paging, facets, sorting). */
export function toQueryString(params: Partial<SearchParams>, overrides: Partial<SearchParams> = {}): string {
  const merged = { ...params, ...overrides };
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === null || value === "") continue;
    if (key === "page" && value === 1) continue;
    if (key === "limit" && value === DEFAULT_LIMIT) continue;
    for (const v of Array.isArray(value) ? value : [value]) out.append(key, String(v));
  }
  const s = out.toString();
  return s ? `?${s}` : "";
}
