import { CkanError, validation } from "./envelope";

/** Action parameters from the query string or a JSON body, as CKAN reads them. */
export type ActionParams = Record<string, unknown>;

export function integerParam(params: ActionParams, name: string, fallback: number, { min = 0, max }: { min?: number; max?: number } = {}): number {
  const raw = params[name];
  if (raw === undefined || raw === null || raw === "") return fallback;
  const value = typeof raw === "number" ? raw : /^-?\d+$/.test(String(raw).trim()) ? Number(String(raw).trim()) : NaN;
  if (!Number.isInteger(value)) throw validation(name, "Invalid integer");
  if (value < min) throw validation(name, `Must be a natural number${min > 0 ? ` from ${min}` : ""}`);
  return max !== undefined ? Math.min(value, max) : value;
}

export function booleanParam(params: ActionParams, name: string, fallback = false): boolean {
  const raw = params[name];
  if (raw === undefined || raw === null || raw === "") return fallback;
  if (typeof raw === "boolean") return raw;
  const text = String(raw).toLowerCase();
  if (["true", "1", "yes", "on"].includes(text)) return true;
  if (["false", "0", "no", "off"].includes(text)) return false;
  throw validation(name, "Value must be one of: true, false");
}

export function stringParam(params: ActionParams, name: string): string | undefined {
  const raw = params[name];
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== "string") throw validation(name, "Must be a string");
  return raw;
}

/** A list given as JSON (`["a","b"]`), as CKAN's facet.field takes it. */
export function jsonListParam(params: ActionParams, name: string): string[] | undefined {
  const raw = params[name];
  if (raw === undefined || raw === null || raw === "") return undefined;
  if (Array.isArray(raw)) return raw.map(String);
  try {
    const parsed: unknown = JSON.parse(String(raw));
    if (Array.isArray(parsed)) return parsed.map(String);
  } catch {
    // fall through
  }
  throw validation(name, "Must be a JSON list of strings");
}

/** Query-string parameters, or the JSON object of a POST, as one record. */
export async function readActionParams(request: Request): Promise<ActionParams> {
  const params: ActionParams = Object.fromEntries(new URL(request.url).searchParams);
  if (request.method !== "POST") return params;
  const text = await request.text();
  if (text.trim() === "") return params;
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === "object" && !Array.isArray(body)) return { ...params, ...(body as ActionParams) };
  } catch {
    // CKAN: "Bad request - JSON Error"
  }
  throw new CkanError("Bad Request", "Bad request - JSON Error: the body must be a JSON object");
}
