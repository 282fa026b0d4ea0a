import { handleCkanAction } from "@/lib/ckan/handle-action";
import { getDb } from "@/lib/database";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ action: string }> };

/** /api/3/action/<action>: the CKAN-compatible read API (package_search, package_show, …). */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  return handleCkanAction(getDb(), request, (await params).action, env.BASE_URL);
}

export const POST = GET;
