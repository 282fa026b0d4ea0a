import { negotiateFormat } from "@/lib/dcat/content-types";
import { catalogResponse, errorResponse, notAcceptableResponse, preflightResponse } from "@/lib/dcat/http";
import { getDb } from "@/lib/database";

export const dynamic = "force-dynamic";

/** GET /catalog: the DCAT-AP catalogue in the format the Accept header asks for (Turtle by default). */
export function GET(request: Request): Response {
  const format = negotiateFormat(request.headers.get("accept"));
  if (!format) return notAcceptableResponse();
  try {
    return catalogResponse(getDb(), request, { format, linkPath: "/catalog", negotiated: true });
  } catch (error) {
    return errorResponse(error);
  }
}

export const OPTIONS = preflightResponse;
