import { NextResponse, type NextRequest } from "next/server";
import { rdfFormatForUri } from "@/lib/dcat/content-types";
import { env } from "@/lib/env";
import { contentSecurityPolicy, createNonce } from "@/lib/http/content-security-policy";
import { cachedPage, nonceOfRenderRequest, pageCacheKey, RENDER_HEADER, renderHeaderValue } from "@/lib/http/page-cache";
import { LOCALE_COOKIE } from "@/lib/i18n/config";

/**
 * Runs before every page request (not static assets, the JSON API or the RDF feeds):
 * - Content negotiation on the dataset URI: a request for `/datasets/<slug>` that names an RDF type
 *   in Accept and not HTML gets the RDF (rewritten to the feed's route handler), since
 *   `/datasets/<slug>` is both the dataset page and the dataset's URI. The RDF by file extension
 *   (`/catalog.<ext>`, `/datasets/<slug>.<ext>`) is a plain rewrite in next.config.js, which costs
 *   the feeds nothing per request.
 * - A Content-Security-Policy with a fresh nonce, given to Next.js through the request headers so
 *   it marks its own scripts with it, and sent with the response.
 */
const DATASET_URI = /^\/datasets\/([^/.]+)$/;

/** The rewrite target for a dataset URI asked for as RDF, or undefined for everything else. */
function rdfRewrite(request: NextRequest): URL | undefined {
  const uri = DATASET_URI.exec(request.nextUrl.pathname);
  const format = uri ? rdfFormatForUri(request.headers.get("accept")) : undefined;
  if (!uri || !format) return undefined;
  const url = request.nextUrl.clone();
  url.pathname = `/rdf/datasets/${uri[1]}/${format}`;
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
  // Not the JSON API nor the RDF and news feeds (/catalog, /catalog.<ext>, /datasets/<slug>.<ext>,
  // /feeds/…, /rdf/…): they serve no HTML and need neither a nonce nor a rewrite here (next.config.js
  // gives them a CSP that allows nothing and the rewrites by extension), and skipping this step is
  // a good part of their cost per request.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|fonts/|api/|feeds/|rdf/|catalog(?:\\.[^/]*)?$|datasets/[^/]+\\.[^/]*$).*)" }],
};
