import { formatFromExtension } from "@/lib/dcat/content-types";
import { datasetResponse, errorResponse, preflightResponse, unknownFormatResponse } from "@/lib/dcat/http";
import { getDb } from "@/lib/database";

export const dynamic = "force-dynamic";

/** GET /datasets/<slug>.<ext> (proxy.ts rewrites it here): one published dataset as RDF. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ slug: string; format: string }> },
): Promise<Response> {
  const { slug, format: extension } = await params;
  const format = formatFromExtension(extension);
  if (!format) return unknownFormatResponse(extension);
  try {
    return await datasetResponse(getDb(), request, { slug, format });
  } catch (error) {
    return errorResponse(error);
  }
}

export const OPTIONS = preflightResponse;
