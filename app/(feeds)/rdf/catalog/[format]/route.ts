import { formatFromExtension } from "@/lib/dcat/content-types";
import { catalogResponse, errorResponse, preflightResponse, unknownFormatResponse } from "@/lib/dcat/http";
import { getDb } from "@/lib/database";

export const dynamic = "force-dynamic";

/** GET /catalog.<ext> (proxy.ts rewrites it here): the catalogue as .ttl, .rdf, .jsonld or .nt. */
export async function GET(request: Request, { params }: { params: Promise<{ format: string }> }): Promise<Response> {
  const { format: extension } = await params;
  const format = formatFromExtension(extension);
  if (!format) return unknownFormatResponse(extension);
  try {
    return catalogResponse(getDb(), request, { format, linkPath: `/catalog.${format}` });
  } catch (error) {
    return errorResponse(error);
  }
}

export const OPTIONS = preflightResponse;
