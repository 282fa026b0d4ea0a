import { importDatasetsCsv, MAX_CSV_BYTES } from "@/lib/catalogue/import-csv";
import { getDb } from "@/lib/database";
import { AppError } from "@/lib/errors";
import { apiPrincipal } from "@/lib/http/api-principal";
import { jsonResponse, withJsonErrors } from "@/lib/http/json-route";
import { readTextBody } from "@/lib/http/read-json-body";

export const dynamic = "force-dynamic";

/**
 * POST /api/import/datasets[?dryRun=true]: a CSV file (text/csv) of datasets, one per row (columns in
 * the README). 200 with the report; 422 with every row's errors when any row is bad (nothing imported).
 */
export const POST = withJsonErrors(async (request: Request) => {
  const principal = apiPrincipal(request);
  if (!principal) throw new AppError("unauthorized", "Send an API token: Authorization: Bearer fjc_…");
  const dryRun = new URL(request.url).searchParams.get("dryRun") === "true";
  const csv = await readTextBody(request, { types: /^text\/(csv|plain)\b/i, maxBytes: MAX_CSV_BYTES });
  const report = importDatasetsCsv(getDb(), principal, { csv, dryRun });
  const failed = report.errors.length > 0;
  return jsonResponse(
    failed ? { error: { code: "unprocessable_entity", message: `${report.errors.length} row(s) are not valid; nothing was imported`, rows: report.errors }, ...report } : report,
    { status: failed ? 422 : dryRun ? 200 : 201, headers: { "Cache-Control": "no-store" } },
  );
});
