import { getHealth } from "@/lib/health/get-health";
import { jsonResponse } from "@/lib/http/json-route";

export const dynamic = "force-dynamic";

export function GET(): Response {
  const health = getHealth();
  return jsonResponse(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
