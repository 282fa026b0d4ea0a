import { registerDataset } from "@/lib/catalogue/commands";
import { getDatasetResource } from "@/lib/catalogue/dataset-resource";
import { getDb } from "@/lib/database";
import { AppError } from "@/lib/errors";
import { apiPrincipal } from "@/lib/http/api-principal";
import { JSON_HEADERS, jsonResponse, withJsonErrors } from "@/lib/http/json-route";
import { readJsonBody } from "@/lib/http/read-json-body";
import { parseSearchParams } from "@/lib/search/params";
import { searchDatasets, searchResultJson } from "@/lib/search/search-datasets";

export const dynamic = "force-dynamic";

/** GET /api/datasets: the search contract of ARCHITECTURE.md, the same engine as the search page. */
export const GET = withJsonErrors((request: Request) => {
  const params = parseSearchParams(new URL(request.url).searchParams);
  return new Response(searchResultJson(searchDatasets(getDb(), params)), {
    headers: { ...JSON_HEADERS, "Cache-Control": "public, max-age=0, must-revalidate", "Access-Control-Allow-Origin": "*" },
  });
});

/** POST /api/datasets: register a dataset (Bearer API token; body in the registration shape). */
export const POST = withJsonErrors(async (request: Request) => {
  const principal = apiPrincipal(request);
  if (!principal) throw new AppError("unauthorized", "Send an API token: Authorization: Bearer fjc_…");
  const body = await readJsonBody(request);
  const db = getDb();
  const created = registerDataset(db, principal, body);
  return jsonResponse(getDatasetResource(db, principal, created.slug), {
    status: 201,
    headers: { Location: `/api/datasets/${created.slug}`, "Cache-Control": "no-store" },
  });
});
