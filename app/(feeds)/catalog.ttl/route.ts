import { catalogFileRoute } from "@/lib/dcat/catalog-file-route";
import { preflightResponse } from "@/lib/dcat/http";

export const dynamic = "force-dynamic";

/** GET /catalog.ttl (lib/dcat/catalog-file-route.ts). */
export const GET = catalogFileRoute("ttl");
export const OPTIONS = preflightResponse;
