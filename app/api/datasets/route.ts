import { getDb } from "@/lib/database";
import { jsonResponse, withJsonErrors } from "@/lib/http/json-route";
import { parseSearchParams } from "@/lib/search/params";
import { searchDatasets } from "@/lib/search/search-datasets";

export const dynamic = "force-dynamic";

/** GET /api/datasets: the search contract of ARCHITECTURE.md, the same engine as the search page. */
export const GET = withJsonErrors((request: Request) => {
  const params = parseSearchParams(new URL(request.url).searchParams);
  const { sort: _sort, ...result } = searchDatasets(getDb(), params);
  return jsonResponse(result, {
    headers: { "Cache-Control": "public, max-age=0, must-revalidate", "Access-Control-Allow-Origin": "*" },
  });
});
