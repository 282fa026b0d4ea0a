import { NextResponse, type NextRequest } from "next/server";
import { rdfFormatForUri } from "@/lib/dcat/content-types";
import { env } from "@/lib/env";
import { contentSecurityPolicy, createNonce } from "@/lib/http/content-security-policy";
import { cachedPage, nonceOfRenderRequest, pageCacheKey, RENDER_HEADER, renderHeaderValue } from "@/lib/http/page-cache";
import { LOCALE_COOKIE } from "@/lib/i18n/config";

/**
 * Runs before every request (but static assets):
 * - RDF by file extension (ARCHITECTURE.md): `/catalog.<ext>` and `/datasets/<slug>.<ext>` are
 *   rewritten to the feed route handlers, since `/datasets/<slug>` itself is the dataset page (and
 *   the dataset's URI). Unknown extensions reach the handlers too, which answer 404 with the formats.
 *   A request for `/datasets/<slug>` that names an RDF type in Accept and not HTML gets the RDF.
 * - A Content-Security-Policy with a fresh nonce, given to Next.js through the request headers so
 *   it marks its own scripts with it, and sent with the response.
 */
const CATALOG = /^\/catalog\.([^/.]+)$/;
const DATASET = /^\/datasets\/([^/.]+)\.([^/.]+)$/;
const DATASET_URI = /^\/datasets\/([^/.]+)$/;

/** The rewrite target for RDF requests, or undefined for everything else. */
function rdfRewrite(request: NextRequest): URL | undefined {
  const { pathname } = request.nextUrl;
  const catalog = CATALOG.exec(pathname);
  const dataset = catalog ? null : DATASET.exec(pathname);
  let target: string | undefined;
  if (catalog) target = `/rdf/catalog/${catalog[1]}`;
  else if (dataset) target = `/rdf/datasets/${dataset[1]}/${dataset[2]}`;
  else {
    // Content negotiation on the dataset URI itself: RDF for linked-data clients, the page for browsers.
    const uri = DATASET_URI.exec(pathname);
    const format = uri ? rdfFormatForUri(request.headers.get("accept")) : undefined;
    if (uri && format) target = `/rdf/datasets/${uri[1]}/${format}`;
  }
  if (!target) return undefined;
  const url = request.nextUrl.clone();
  url.pathname = target;
  return url;
}

const policy = (nonce: string) =>
  contentSecurityPolicy({
    nonce,
    development: env.NODE_ENV === "development",
    formTargets: env.OIDC_ISSUER ? [new URL(env.OIDC_ISSUER).origin] : [],
  });

/**
 * A public page for a visitor who is not signed in, from lib/http/page-cache.ts; rendered on a
 * miss by asking this server for it. Undefined when the request is not one for the cache.
 */
async function fromPageCache(request: NextRequest, nonce: string, csp: string): Promise<NextResponse | undefined> {
  if (env.NODE_ENV !== "production") return undefined;
  const key = pageCacheKey(request);
  if (!key) return undefined;
  const page = await cachedPage(key, nonce, async () => {
    const renderNonce = createNonce();
    const { pathname, search } = request.nextUrl;
    const response = await fetch(`http://127.0.0.1:${env.PORT}${pathname}${search}`, {
      headers: { [RENDER_HEADER]: renderHeaderValue(renderNonce), accept: "text/html", "accept-encoding": "identity", cookie: `${LOCALE_COOKIE}=${key.split(" ")[0]}` },
      redirect: "manual",
    });
    return { response, nonce: renderNonce };
  });
  if (!page) return undefined;
  page.headers.set("Content-Security-Policy", csp);
  return new NextResponse(page.html, { status: page.status, headers: page.headers });
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  // The page cache's own render request brings the nonce the page is to be rendered with.
  const renderNonce = nonceOfRenderRequest(request);
  const nonce = renderNonce ?? createNonce();
  const csp = policy(nonce);
  const rewrite = rdfRewrite(request);
  if (!renderNonce && !rewrite) {
    const cached = await fromPageCache(request, nonce, csp);
    if (cached) return cached;
  }
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  const response = rewrite
    ? NextResponse.rewrite(rewrite, { request: { headers } })
    : NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Not the JSON API: it serves no HTML and needs neither a nonce nor a rewrite (next.config.js
  // gives it a CSP that allows nothing), and skipping this step is a good part of its cost per request.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|fonts/|api/).*)" }],
};
