import { randomBytes, timingSafeEqual } from "node:crypto";
import { databaseVersion, type Database } from "@/db/client";
import { getDb } from "@/lib/database";
import { processWide } from "@/lib/process-wide";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { negotiateLocale } from "@/lib/i18n/negotiate";

/**
 * The rendered HTML of the public pages, kept for visitors who are not signed in: the search page
 * for a popular query, the home page, a dataset or publisher page is the same for every such
 * visitor in one language, and rendering it (about 20-30 ms of CPU for a search page) is what
 * limits how many readers one server answers. proxy.ts serves from here; on a miss it renders the
 * page by asking this same server for it (with RENDER_HEADER, so that request is rendered, not
 * served from here), keeps the HTML and answers with it.
 *
 * - Only GET requests for a document (Accept: text/html) of the public pages below, without a
 *   session cookie, never the client router's RSC requests; only 200 HTML answers that set no
 *   cookie are kept.
 * - Kept per language (the one the page would be rendered in: cookie, else Accept-Language).
 * - Any write to the database (from this process or another) empties it: each entry carries the
 *   database's version (SQLite data_version and this connection's total_changes) and is used only
 *   while the version is unchanged. A time limit bounds what is not in the database (the clock).
 * - The Content-Security-Policy nonce stays per response: the nonce the page was rendered with is
 *   replaced by the new response's own in the HTML.
 * - Bounded: at most MAX_BYTES of HTML, least recently used out first; one render per page at a
 *   time (requests for a page being rendered wait for that render).
 */

export const RENDER_HEADER = "x-fjordcat-render";
export const CACHE_STATUS_HEADER = "x-fjordcat-cache";

const PUBLIC_PAGES = [/^\/$/, /^\/datasets$/, /^\/datasets\/[^/.]+$/, /^\/publishers$/, /^\/publishers\/[^/.]+$/, /^\/kpi$/];
const MAX_BYTES = 48 * 1024 * 1024;
const MAX_AGE_MS = 5 * 60 * 1000;
/** Longer URLs are rendered each time (they are not popular pages, and keys should stay small). */
const MAX_URL_LENGTH = 2048;
/** Headers of the rendered answer that are not kept: per response, per connection, or set anew. */
const DROPPED = new Set(["content-security-policy", "content-length", "transfer-encoding", "connection", "keep-alive", "date", "x-request-id", CACHE_STATUS_HEADER]);

/**
 * The render request's header value: this process's secret and the nonce to render with. Only
 * this process can ask for a page to be rendered with a nonce of its choosing.
 */
const secret = processWide("page-cache.secret", () => randomBytes(24).toString("base64url"));

export function renderHeaderValue(nonce: string): string {
  return `${secret} ${nonce}`;
}

/** The nonce a render request asks for, or null when the header is absent or not this process's. */
export function nonceOfRenderRequest(request: Request): string | null {
  const value = request.headers.get(RENDER_HEADER);
  if (!value) return null;
  const [given = "", nonce = ""] = value.split(" ");
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b) && /^[A-Za-z0-9+/=]{16,64}$/.test(nonce) ? nonce : null;
}

type Entry = { version: string; storedAt: number; html: string; nonce: string; status: number; headers: [string, string][]; bytes: number };

type State = { entries: Map<string, Entry>; bytes: number; rendering: Map<string, Promise<Entry | null>> };
const state = processWide<State>("page-cache", () => ({ entries: new Map(), bytes: 0, rendering: new Map() }));

/** The cache key of a request, or null when its answer must be rendered for it. */
export function pageCacheKey(request: Request): string | null {
  if (request.method !== "GET") return null;
  const headers = request.headers;
  if (headers.has(RENDER_HEADER) || headers.has("rsc") || headers.has("next-router-state-tree") || headers.has("next-router-prefetch") || headers.has("next-action")) {
    return null;
  }
  // Only a request for a document. Next.js takes its router's headers and `_rsc` off the request
  // before proxy.ts sees it, so its fetches for a page's RSC payload look like a page request but
  // for what they accept (never text/html) and, from a browser, their Sec-Fetch-Dest.
  if (!(headers.get("accept") ?? "").includes("text/html")) return null;
  const destination = headers.get("sec-fetch-dest");
  if (destination && destination !== "document") return null;
  const url = new URL(request.url);
  if (url.href.length > MAX_URL_LENGTH || url.searchParams.has("_rsc")) return null;
  if (!PUBLIC_PAGES.some((page) => page.test(url.pathname))) return null;
  const cookies = parseCookies(headers.get("cookie"));
  if ([...cookies.keys()].some((name) => name.includes("authjs.session-token"))) return null;
  const locale = negotiateLocale({ cookie: cookies.get(LOCALE_COOKIE), acceptLanguage: headers.get("accept-language") });
  return `${locale} ${url.pathname}${url.search}`;
}

function parseCookies(header: string | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of header?.split(";") ?? []) {
    const at = part.indexOf("=");
    if (at > 0) out.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return out;
}

export type CachedPage = { status: number; headers: Headers; html: string; cache: "hit" | "miss" };

/**
 * The page for `key`, from the cache or rendered by `render` (which fetches it from this server),
 * with `nonce` in place of the nonce it was rendered with. Null when the answer is not one to
 * keep (an error, a redirect, a cookie): the caller then lets the request be rendered as usual.
 */
export async function cachedPage(
  key: string,
  nonce: string,
  render: () => Promise<{ response: Response; nonce: string }>,
  { db = getDb() }: { db?: Database } = {},
): Promise<CachedPage | null> {
  const version = databaseVersion(db);
  const now = Date.now();
  let entry = state.entries.get(key);
  let cache: CachedPage["cache"] = "hit";
  if (!entry || entry.version !== version || now - entry.storedAt > MAX_AGE_MS) {
    if (entry) forget(key, entry);
    cache = "miss";
    let pending = state.rendering.get(key);
    if (!pending) {
      pending = renderEntry(render, version).finally(() => state.rendering.delete(key));
      state.rendering.set(key, pending);
    }
    const rendered = await pending;
    if (!rendered) return null;
    entry = rendered;
    // Kept only when nothing was written while it rendered.
    if (databaseVersion(db) === version && !state.entries.has(key)) remember(key, entry);
  } else {
    // Most recently used last.
    state.entries.delete(key);
    state.entries.set(key, entry);
  }
  const page: Entry = entry;
  // The nonce is also in headers (Link preloads carry it).
  const headers = new Headers(page.headers.map(([name, value]): [string, string] => [name, value.replaceAll(page.nonce, nonce)]));
  headers.set(CACHE_STATUS_HEADER, cache);
  return { status: page.status, headers, html: page.html.replaceAll(page.nonce, nonce), cache };
}

async function renderEntry(render: () => Promise<{ response: Response; nonce: string }>, version: string): Promise<Entry | null> {
  const { response, nonce } = await render();
  const type = response.headers.get("content-type") ?? "";
  if (response.status !== 200 || !type.startsWith("text/html") || response.headers.has("set-cookie") || response.headers.has("content-encoding")) {
    response.body?.cancel().catch(() => undefined);
    return null;
  }
  const html = await response.text();
  const headers = [...response.headers].filter(([name]) => !DROPPED.has(name.toLowerCase()));
  return { version, storedAt: Date.now(), html, nonce, status: response.status, headers, bytes: html.length * 2 };
}

function remember(key: string, entry: Entry): void {
  if (entry.bytes > MAX_BYTES / 8) return;
  state.entries.set(key, entry);
  state.bytes += entry.bytes + key.length * 2;
  for (const [oldKey, old] of state.entries) {
    if (state.bytes <= MAX_BYTES) break;
    forget(oldKey, old);
  }
}

function forget(key: string, entry: Entry): void {
  if (state.entries.get(key) !== entry) return;
  state.entries.delete(key);
  state.bytes -= entry.bytes + key.length * 2;
}

/** Empty the cache (tests). */
export function clearPageCache(): void {
  state.entries.clear();
  state.bytes = 0;
}
