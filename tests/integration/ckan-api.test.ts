import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleCkanAction } from "@/lib/ckan/handle-action";
import { BASE_URL, createDemoCatalogue, type DcatTestCatalogue } from "../helpers/dcat-catalogues";

let t: DcatTestCatalogue;
beforeAll(() => {
  t = createDemoCatalogue();
});
afterAll(() => t.cleanup());

type Envelope<T = unknown> = { help: string; success: boolean; result: T; error?: Record<string, unknown> };

async function call<T = unknown>(action: string, query = "", init?: RequestInit): Promise<{ status: number; body: Envelope<T> }> {
  const response = await handleCkanAction(t.db, new Request(`${BASE_URL}/api/3/action/${action}${query}`, init), action, BASE_URL);
  expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  expect(response.headers.get("access-control-allow-origin")).toBe("*");
  return { status: response.status, body: (await response.json()) as Envelope<T> };
}

type Package = { id: string; name: string; title: string; organization: { name: string }; resources: { url: string; format: string }[]; groups: { name: string }[]; extras: { key: string; value: string }[] };
type SearchResult = { count: number; results: Package[]; facets: Record<string, Record<string, number>>; search_facets: Record<string, { items: { name: string; count: number }[] }> };

const published = () => t.db.get<{ n: number }>(sql`select count(*) as n from datasets where state = 'published'`)!.n;

describe("CKAN API: envelope and read actions", () => {
  it("status_show answers in CKAN's envelope", async () => {
    const { status, body } = await call<{ ckan_version: string; site_url: string }>("status_show");
    expect(status).toBe(200);
    expect(body).toMatchObject({ help: `${BASE_URL}/api/3/action/help_show?name=status_show`, success: true });
    expect(body.result.site_url).toBe(BASE_URL);
  });

  it("package_search pages with rows and start and reports the published count", async () => {
    const first = await call<SearchResult>("package_search", "?rows=1000");
    expect(first.body.result.count).toBe(published());
    expect(first.body.result.results).toHaveLength(published());
    const names = first.body.result.results.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    const window = await call<SearchResult>("package_search", "?rows=7&start=5&sort=metadata_modified%20desc");
    expect(window.body.result.results.map((p) => p.name)).toEqual(
      (await call<SearchResult>("package_search", "?rows=20&sort=metadata_modified%20desc")).body.result.results.slice(5, 12).map((p) => p.name),
    );
    expect((await call<SearchResult>("package_search", "?rows=5000")).body.result.results.length).toBeLessThanOrEqual(1000);
  });

  it("package_search filters with fq and counts facets in CKAN's two shapes", async () => {
    const query = `?fq=${encodeURIComponent('organization:kartverket +groups:regi')}&facet.field=${encodeURIComponent('["organization","groups","res_format","license_id"]')}&facet.limit=3&rows=100`;
    const { body } = await call<SearchResult>("package_search", query);
    expect(body.result.count).toBeGreaterThan(0);
    expect(body.result.results.every((p) => p.organization.name === "kartverket" && p.groups.some((g) => g.name === "regi"))).toBe(true);
    expect(body.result.facets.organization).toEqual({ kartverket: body.result.count });
    expect(body.result.search_facets.groups!.items.length).toBeLessThanOrEqual(3);
    expect(Object.keys(body.result.facets)).toEqual(["organization", "groups", "res_format", "license_id"]);
    const incremental = await call<SearchResult>("package_search", `?fq=${encodeURIComponent("metadata_modified:[2000-01-01T00:00:00Z TO *] +dataset_type:dataset")}&rows=3`);
    expect(incremental.body.result.count).toBe(published());
  });

  it("package_show gives a dataset by name, CKAN id or URI, with resources and DCAT extras", async () => {
    const byName = await call<Package>("package_show", "?id=grunnkart-for-testkommune");
    expect(byName.status).toBe(200);
    const pkg = byName.body.result;
    expect(pkg.resources.map((r) => r.format)).toEqual(["GeoPackage", "SOSI", "WMS", "WFS", "CSV"]);
    expect(pkg.extras.find((e) => e.key === "uri")?.value).toBe(`${BASE_URL}/datasets/grunnkart-for-testkommune`);
    expect((await call<Package>("package_show", `?id=${pkg.id}`)).body.result.name).toBe("grunnkart-for-testkommune");
    const post = await call<Package>("package_show", "", { method: "POST", body: JSON.stringify({ id: pkg.name }) });
    expect(post.body.result.id).toBe(pkg.id);
  });

  it("package_list, organization_list/show and group_list", async () => {
    const list = (await call<string[]>("package_list")).body.result;
    expect(list).toHaveLength(published());
    expect(list).not.toContain("utkast-som-ikke-er-publisert");
    expect(list).not.toContain("trukket-tilbake");
    const orgs = (await call<string[]>("organization_list")).body.result;
    expect(orgs).toContain("kartverket");
    const full = (await call<{ name: string; package_count: number }[]>("organization_list", "?all_fields=true&sort=package_count%20desc")).body.result;
    expect(full[0]).toMatchObject({ name: "kartverket", package_count: 46 });
    const org = (await call<{ name: string; packages: Package[] }>("organization_show", "?id=kartverket&include_datasets=true")).body.result;
    expect(org.packages).toHaveLength(46);
    const groups = (await call<{ name: string; package_count: number }[]>("group_list", "?all_fields=true")).body.result;
    expect(groups.map((g) => g.name)).toContain("envi");
    expect(groups).toHaveLength(13);
  });
});

describe("CKAN API: errors as CKAN gives them", () => {
  it("400 for an unknown action or a body that is not JSON", async () => {
    const unknown = await call("package_delete");
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ success: false, error: { __type: "Bad Request" } });
    const badJson = await call("package_show", "", { method: "POST", body: "{nope" });
    expect(badJson.status).toBe(400);
  });
  it("404 Not Found Error for unknown, draft and withdrawn datasets", async () => {
    for (const id of ["nope", "utkast-som-ikke-er-publisert", "trukket-tilbake"]) {
      const { status, body } = await call("package_show", `?id=${id}`);
      expect(status, id).toBe(404);
      expect(body.error).toEqual({ __type: "Not Found Error", message: "Not found" });
    }
    expect((await call("organization_show", "?id=nobody")).status).toBe(404);
  });
  it("409 Validation Error and Search Query Error", async () => {
    const missing = await call("package_show");
    expect(missing.status).toBe(409);
    expect(missing.body.error).toEqual({ __type: "Validation Error", id: ["Missing value"] });
    const rows = await call("package_search", "?rows=many");
    expect(rows.status).toBe(409);
    expect(rows.body.error).toMatchObject({ __type: "Validation Error", rows: ["Invalid integer"] });
    const fq = await call("package_search", "?fq=colour:blue");
    expect(fq.status).toBe(409);
    expect(fq.body.error).toMatchObject({ __type: "Search Query Error" });
  });
});
