import { NextResponse, type NextRequest } from "next/server";
import { rdfFormatForUri } from "@/lib/dcat/content-types";
import { env } from "@/lib/env";
import { contentSecurityPolicy, createNonce } from "@/lib/http/content-security-policy";

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

export function proxy(request: NextRequest): NextResponse {
  const nonce = createNonce();
  const csp = contentSecurityPolicy({
    nonce,
    development: env.NODE_ENV === "development",
    formTargets: env.OIDC_ISSUER ? [new URL(env.OIDC_ISSUER).origin] : [],
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  const rewrite = rdfRewrite(request);
  const response = rewrite
    ? NextResponse.rewrite(rewrite, { request: { headers } })
    : NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|fonts/).*)" }],
};
