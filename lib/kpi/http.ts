/** Response headers of the public KPI data (/kpi.json, /kpi.csv): cacheable for a minute, readable from any origin. */
export const KPI_DATA_HEADERS = {
  "Cache-Control": "public, max-age=60, stale-while-revalidate=300",
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
} as const;

/** The answer to a CORS preflight for the KPI data. */
export function kpiPreflightResponse(): Response {
  return new Response(null, {
    status: 204,
    headers: { ...KPI_DATA_HEADERS, "Access-Control-Allow-Headers": "Accept, Content-Type", "Access-Control-Max-Age": "86400" },
  });
}
