import { catalogFileRoute } from "@/lib/dcat/catalog-file-route";
import { formatFromExtension } from "@/lib/dcat/content-types";
import { preflightResponse, unknownFormatResponse } from "@/lib/dcat/http";

export const dynamic = "force-dynamic";

/**
 * GET /catalog.<ext> for an extension that has no route of its own (next.config.js rewrites it
 * here): 404 with the formats there are. (/catalog.ttl, .rdf, .jsonld and .nt are answered by
 * their own routes, app/(feeds)/catalog.<ext>/, the same way.)
 */
export async function GET(request: Request, { params }: { params: Promise<{ format: string }> }): Promise<Response> {
  const { format: extension } = await params;
  const format = formatFromExtension(extension);
  if (!format) return unknownFormatResponse(extension);
  return catalogFileRoute(format)(request);
}

export const OPTIONS = preflightResponse;
