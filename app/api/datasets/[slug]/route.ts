import { changeDatasetState, patchDataset, updateDataset } from "@/lib/catalogue/commands";
import { getDatasetIdentity, getDatasetResource, withoutReadOnlyFields } from "@/lib/catalogue/dataset-resource";
import { getDb } from "@/lib/database";
import { AppError } from "@/lib/errors";
import { apiPrincipal } from "@/lib/http/api-principal";
import { jsonResponse, withJsonErrors } from "@/lib/http/json-route";
import { readJsonBody } from "@/lib/http/read-json-body";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

const NO_STORE = { "Cache-Control": "no-store" };

/** GET /api/datasets/<slug>: the dataset in the registration shape plus read-only facts. */
export const GET = withJsonErrors(async (request: Request, { params }: Context) => {
  const principal = apiPrincipal(request);
  const { slug } = await params;
  const resource = getDatasetResource(getDb(), principal, slug);
  const isPublic = resource.state === "published" && !principal;
  return jsonResponse(resource, {
    headers: isPublic
      ? { "Cache-Control": "public, max-age=0, must-revalidate", "Access-Control-Allow-Origin": "*" }
      : { ...NO_STORE, Vary: "Authorization" },
  });
});

/** PUT: replace the metadata (the slug and URI never change). */
export const PUT = withJsonErrors(async (request: Request, { params }: Context) => {
  const principal = apiPrincipal(request);
  const { slug } = await params;
  const body = await readJsonBody(request);
  const db = getDb();
  if (!principal) throw new AppError("unauthorized", "Send an API token: Authorization: Bearer fjc_…");
  updateDataset(db, principal, slug, withoutReadOnlyFields(body, getDatasetIdentity(db, slug)));
  return jsonResponse(getDatasetResource(db, principal, slug), { headers: NO_STORE });
});

/** PATCH: change some top-level fields; `{ "state": "published" }` publishes. */
export const PATCH = withJsonErrors(async (request: Request, { params }: Context) => {
  const principal = apiPrincipal(request);
  const { slug } = await params;
  const body = await readJsonBody(request);
  const db = getDb();
  if (!principal) throw new AppError("unauthorized", "Send an API token: Authorization: Bearer fjc_…");
  patchDataset(db, principal, slug, withoutReadOnlyFields(body, getDatasetIdentity(db, slug)));
  return jsonResponse(getDatasetResource(db, principal, slug), { headers: NO_STORE });
});

/** DELETE withdraws: the dataset leaves the catalogue but is kept with its history. */
export const DELETE = withJsonErrors(async (request: Request, { params }: Context) => {
  const principal = apiPrincipal(request);
  const { slug } = await params;
  const db = getDb();
  changeDatasetState(db, principal, slug, "withdrawn");
  return jsonResponse(getDatasetResource(db, principal, slug), { headers: NO_STORE });
});
