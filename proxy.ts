import { NextResponse, type NextRequest } from "next/server";
import { rdfFormatForUri } from "@/lib/dcat/content-types";

/**
 * RDF by file extension (ARCHITECTURE.md): `/catalog.<ext>` and `/datasets/<slug>.<ext>` are
 * rewritten to the feed route handlers, since `/datasets/<slug>` itself is the dataset page (and
 * the dataset's URI). Unknown extensions reach the handlers too, which answer 404 with the formats.
 * A request for `/datasets/<slug>` that names an RDF type in Accept and not HTML gets the RDF.
 */
const CATALOG = /^\/catalog\.([^/.]+)$/;
const DATASET = /^\/datasets\/([^/.]+)\.([^/.]+)$/;
const DATASET_URI = /^\/datasets\/([^/.]+)$/;

export function proxy(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  const catalog = CATALOG.exec(pathname);
  const dataset = catalog ? null : DATASET.exec(pathname);
  if (!catalog && !dataset) {
    // Content negotiation on the dataset URI itself: RDF for linked-data clients, the page for browsers.
    const uri = DATASET_URI.exec(pathname);
    const format = uri ? rdfFormatForUri(request.headers.get("accept")) : undefined;
    if (!uri || !format) return NextResponse.next();
    const url = request.nextUrl.clone();
    url.pathname = `/rdf/datasets/${uri[1]}/${format}`;
    return NextResponse.rewrite(url);
  }
  const url = request.nextUrl.clone();
  url.pathname = catalog ? `/rdf/catalog/${catalog[1]}` : `/rdf/datasets/${dataset![1]}/${dataset![2]}`;
  return NextResponse.rewrite(url);
}

export const config = {
  matcher: ["/catalog.:ext", "/datasets/:file"],
};
