import { catalogFileRoute } from "@/lib/dcat/catalog-file-route";
import { preflightResponse } from "@/lib/dcat/http";

export const dynamic = "force-dynamic";

/** GET /catalog.rdf (lib/dcat/catalog-file-route.ts). */
export const GET = catalogFileRoute("rdf");
export const OPTIONS = preflightResponse;
