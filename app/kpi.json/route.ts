import { getDb } from "@/lib/database";
import { jsonResponse, withJsonErrors } from "@/lib/http/json-route";
import { computeKpi } from "@/lib/kpi/compute-kpi";
import { KPI_DATA_HEADERS, kpiPreflightResponse } from "@/lib/kpi/http";
import { ensureKpiAggregatesOnce } from "@/lib/kpi/refresh-openness";
import { parseKpiScope, resolveKpiScope } from "@/lib/kpi/scope";

export const dynamic = "force-dynamic";

/**
 * GET /kpi.json?publisher=&theme=&source=: the U4SSC Open Data KPI of one scope, in the shape of
 * ARCHITECTURE.md. A bad or unknown scope value is a 400 `{ error: { code, message, fields } }`.
 */
export const GET = withJsonErrors((request: Request) => {
  const db = getDb();
  ensureKpiAggregatesOnce(db);
  const scope = resolveKpiScope(db, parseKpiScope(new URL(request.url).searchParams));
  return jsonResponse(computeKpi(db, scope), { headers: KPI_DATA_HEADERS });
});

export const OPTIONS = kpiPreflightResponse;
