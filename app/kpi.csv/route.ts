import { getDb } from "@/lib/database";
import { withJsonErrors } from "@/lib/http/json-route";
import { kpiCurrentCsv, kpiHistoryCsv } from "@/lib/kpi/csv";
import { KPI_DATA_HEADERS, kpiPreflightResponse } from "@/lib/kpi/http";
import { parseKpiCsvParams } from "@/lib/kpi/csv-params";
import { ensureKpiAggregatesOnce } from "@/lib/kpi/refresh-openness";

export const dynamic = "force-dynamic";

/**
 * GET /kpi.csv: the KPI now, one row per scope line (catalogue, each publisher, theme and harvest
 * source). GET /kpi.csv?history=1: every daily snapshot (the dataset "Open Data KPI history").
 */
export const GET = withJsonErrors((request: Request) => {
  const { history } = parseKpiCsvParams(new URL(request.url).searchParams);
  const db = getDb();
  ensureKpiAggregatesOnce(db);
  const body = history ? kpiHistoryCsv(db) : kpiCurrentCsv(db);
  const name = history ? "fjordcat-open-data-kpi-history.csv" : "fjordcat-open-data-kpi.csv";
  return new Response(body, {
    headers: {
      ...KPI_DATA_HEADERS,
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="${name}"`,
    },
  });
});

export const OPTIONS = kpiPreflightResponse;
