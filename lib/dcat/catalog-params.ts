import { z } from "zod";
import { SLUG_PATTERN } from "@/lib/catalogue/slug";
import { AppError } from "@/lib/errors";
import { DEFAULT_PROFILE, PROFILE_NAMES, type ProfileName } from "./profiles";

export const PAGE_SIZE = 100;

export type CatalogParams = {
  page?: number;
  /** Normalised to an ISO 8601 UTC timestamp, as stored in `datasets.updated_at`. */
  modifiedSince?: string;
  publisher?: string;
  profile: ProfileName;
};

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const schema = z.strictObject({
  page: z.coerce
    .number({ error: "Must be a whole number from 1" })
    .int("Must be a whole number from 1")
    .min(1, "Must be a whole number from 1")
    .max(10_000_000, "Too large")
    .optional(),
  modified_since: z
    .string()
    .regex(ISO_8601, "Must be an ISO 8601 date or date-time, e.g. 2025-01-31 or 2025-01-31T12:00:00Z")
    .transform((value, ctx) => {
      // A date-time without a zone is read as UTC, like ckanext-dcat does.
      const withZone = /T/.test(value) && !/(Z|[+-]\d{2}:?\d{2})$/.test(value) ? `${value}Z` : value;
      const time = Date.parse(withZone);
      if (Number.isNaN(time)) {
        ctx.addIssue({ code: "custom", message: "Not a real date" });
        return z.NEVER;
      }
      return new Date(time).toISOString();
    })
    .optional(),
  publisher: z.string().regex(SLUG_PATTERN, "Must be a publisher slug").optional(),
  profile: z.enum(PROFILE_NAMES, { error: `Must be one of ${PROFILE_NAMES.join(", ")}` }).default(DEFAULT_PROFILE),
});

function badParameter(name: string, message: string): AppError {
  return new AppError("bad_request", `Invalid parameter "${name}": ${message}`, { fields: { [name]: [message] } });
}

/** `?page=&modified_since=&publisher=&profile=` of the catalogue endpoints; 400 naming the parameter. */
export function parseCatalogParams(params: URLSearchParams, { allow = ["page", "modified_since", "publisher", "profile"] } = {}): CatalogParams {
  const raw: Record<string, string> = {};
  for (const [key, value] of params) {
    if (!allow.includes(key)) throw badParameter(key, "Unknown parameter");
    if (key in raw) throw badParameter(key, "Give this parameter once");
    raw[key] = value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badParameter(String(issue?.path[0] ?? "query"), issue?.message ?? "Invalid");
  }
  const { page, modified_since, publisher, profile } = parsed.data;
  return { page, modifiedSince: modified_since, publisher, profile };
}

/** The query string that reproduces these parameters (with another page), for Hydra links. */
export function catalogQuery(params: CatalogParams, page?: number): string {
  const out = new URLSearchParams();
  if (params.publisher) out.set("publisher", params.publisher);
  if (params.modifiedSince) out.set("modified_since", params.modifiedSince);
  if (params.profile !== DEFAULT_PROFILE) out.set("profile", params.profile);
  if (page !== undefined) out.set("page", String(page));
  const s = out.toString();
  return s ? `?${s}` : "";
}
