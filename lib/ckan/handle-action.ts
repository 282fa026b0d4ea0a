import type { Database } from "@/db/client";
import { groupList } from "./actions/groups";
import { organizationList, organizationShow } from "./actions/organizations";
import { packageSearch } from "./actions/package-search";
import { packageList, packageShow } from "./actions/package-show";
import { statusShow } from "./actions/status-show";
import { CkanError, ckanErrorResponse, ckanResponse } from "./envelope";
import { type ActionParams, readActionParams } from "./params";

type Action = (db: Database, params: ActionParams, baseUrl: string) => unknown;

/** The read actions of CKAN's API that Fjordcat implements (ARCHITECTURE.md). */
export const CKAN_ACTIONS: Record<string, Action> = {
  package_search: packageSearch,
  package_show: packageShow,
  package_list: (db, params) => packageList(db, params),
  organization_list: (db, params) => organizationList(db, params),
  organization_show: organizationShow,
  group_list: (db, params) => groupList(db, params),
  status_show: (_db, _params, baseUrl) => statusShow(baseUrl),
};

/** GET or POST /api/3/action/<action>: CKAN's envelope, CKAN's errors and statuses. */
export async function handleCkanAction(db: Database, request: Request, action: string, baseUrl: string): Promise<Response> {
  try {
    const run = Object.hasOwn(CKAN_ACTIONS, action) ? CKAN_ACTIONS[action] : undefined;
    if (!run) throw new CkanError("Bad Request", `Bad request - Action name not known: ${action}`);
    const params = await readActionParams(request);
    return ckanResponse(baseUrl, action, run(db, params, baseUrl));
  } catch (error) {
    if (error instanceof CkanError) return ckanErrorResponse(baseUrl, action, error);
    console.error(error);
    return new Response(
      JSON.stringify({ success: false, error: { __type: "Internal Server Error", message: "Internal server error" } }),
      { status: 500, headers: { "Content-Type": "application/json; charset=utf-8", "Access-Control-Allow-Origin": "*" } },
    );
  }
}
