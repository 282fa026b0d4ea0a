import { sql } from "drizzle-orm";
import { isomorphic } from "rdf-isomorphic";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prepareCatalog } from "@/lib/dcat/catalog-document";
import { RDF_FORMATS, type RdfFormat } from "@/lib/dcat/content-types";
import { datasetToRdf, findDatasetForRdf } from "@/lib/dcat/dataset-document";
import { catalogResponse, datasetResponse } from "@/lib/dcat/http";
import type { ProfileName } from "@/lib/dcat/profiles";
import { GET as catalogByExtension } from "@/app/(feeds)/rdf/catalog/[format]/route";
import { BASE_URL, createDemoCatalogue, createSyntheticCatalogue, type DcatTestCatalogue, renderCatalog } from "../helpers/dcat-catalogues";
import { DCAT, objectsOf, parseRdf, subjectsOfType } from "../helpers/dcat-rdf";

const HYDRA = "http://www.w3.org/ns/hydra/core#";
const DCT = "http://purl.org/dc/terms/";
const XSD = "http://www.w3.org/2001/XMLSchema#";

let demo: DcatTestCatalogue;
let synthetic: DcatTestCatalogue;
beforeAll(() => {
  demo = createDemoCatalogue();
  synthetic = createSyntheticCatalogue(300);
});
afterAll(() => {
  demo.cleanup();
  synthetic.cleanup();
});

const publishedUris = (t: DcatTestCatalogue) =>
  t.db.all<{ uri: string }>(sql`select uri from datasets where state = 'published' order by id`).map((r) => r.uri);

describe("serialisations: every format parses and all four hold the same triples", () => {
  it.each(["dcat-ap-3", "dcat-ap-no-2"] as ProfileName[])("the full demo catalogue (%s)", async (profile) => {
    const graphs = await Promise.all(RDF_FORMATS.map(async (f) => parseRdf(await renderCatalog(demo, f, { profile }), f)));
    expect(graphs[0]!.length).toBeGreaterThan(5000);
    for (const g of graphs.slice(1)) {
      expect(g.length).toBe(graphs[0]!.length);
      expect(isomorphic(g, graphs[0]!)).toBe(true);
    }
  });
  it("a page of the synthetic catalogue and one dataset", async () => {
    // The Hydra links of a page name the format's own URL, so compare pages rendered for /catalog.
    const pages = await Promise.all(
      RDF_FORMATS.map(async (f) => parseRdf(await renderCatalog(synthetic, f, { page: 2 }, { linkPath: "/catalog" }), f)),
    );
    const dataset = findDatasetForRdf(demo.db, { slug: "grunnkart-for-testkommune" })!;
    const one = await Promise.all(
      RDF_FORMATS.map(async (f) => parseRdf(await datasetToRdf(dataset, { baseUrl: BASE_URL, format: f, profile: "dcat-ap-3", modified: null }), f)),
    );
    for (const graphs of [pages, one]) for (const g of graphs.slice(1)) expect(isomorphic(g, graphs[0]!)).toBe(true);
  });
});

describe("Turtle: the controlled vocabularies as prefixed names", () => {
  it("writes the EU vocabularies' and IANA's IRIs as prefixed names, and they read back as the full IRIs", async () => {
    const ttl = await renderCatalog(synthetic, "ttl", { page: 1 });
    for (const prefix of ["filetype", "licence", "accessright", "language", "theme", "frequency", "mediatype"]) {
      expect(ttl, prefix).toMatch(new RegExp(`^@prefix ${prefix}: <`, "m"));
    }
    expect(ttl).toMatch(/dct:format filetype:[A-Z_]+/);
    const statements = ttl.replace(/^@prefix .*$/gm, "");
    expect(statements).not.toContain("<http://publications.europa.eu/resource/authority/file-type/");
    const formats = (await parseRdf(ttl, "ttl")).filter((q) => q.predicate.value === `${DCT}format`).map((q) => q.object.value);
    expect(formats.length).toBeGreaterThan(100);
    expect(formats.every((f) => f.startsWith("http://publications.europa.eu/resource/authority/file-type/"))).toBe(true);
  });
});

describe("the catalogue: URIs, links and only published datasets", () => {
  it("lists every published dataset as a URI node linked from the one dcat:Catalog", async () => {
    for (const t of [demo, synthetic]) {
      const quads = await parseRdf(await renderCatalog(t, "nt"), "nt");
      expect(subjectsOfType(quads, `${DCAT}Catalog`)).toEqual([`${BASE_URL}/catalog`]);
      const datasets = subjectsOfType(quads, `${DCAT}Dataset`);
      expect(quads.filter((q) => q.subject.termType === "BlankNode" || q.object.termType === "BlankNode")).toEqual([]);
      expect(new Set(objectsOf(quads, `${BASE_URL}/catalog`, `${DCAT}dataset`))).toEqual(new Set(datasets));
      expect(datasets.sort()).toEqual(publishedUris(t).sort());
      for (const hidden of t.hidden) expect(quads.some((q) => q.subject.value === hidden || q.object.value === hidden)).toBe(false);
    }
  });

  it("streams the unpaged catalogue in batches (one chunk per batch, never one graph)", async () => {
    const chunks: string[] = [];
    const { chunks: produce } = prepareCatalog(synthetic.db, {
      baseUrl: BASE_URL,
      format: "ttl",
      params: { profile: "dcat-ap-3" },
      linkPath: "/catalog.ttl",
      batchSize: 25,
    });
    for await (const chunk of produce()) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThanOrEqual(Math.floor(publishedUris(synthetic).length / 25));
    const quads = await parseRdf(chunks.join(""), "ttl");
    expect(subjectsOfType(quads, `${DCAT}Dataset`).length).toBe(publishedUris(synthetic).length);
  });

  it("gives one publisher's catalogue with ?publisher=", async () => {
    const quads = await parseRdf(await renderCatalog(demo, "ttl", { publisher: "kartverket" }), "ttl");
    const catalog = `${BASE_URL}/catalog?publisher=kartverket`;
    expect(subjectsOfType(quads, `${DCAT}Catalog`)).toEqual([catalog]);
    const datasets = objectsOf(quads, catalog, `${DCAT}dataset`);
    expect(datasets.length).toBe(46);
    const kartverket = objectsOf(quads, datasets[0]!, `${DCT}publisher`)[0]!;
    expect(datasets.every((d) => objectsOf(quads, d, `${DCT}publisher`)[0] === kartverket)).toBe(true);
    expect(objectsOf(quads, catalog, `${DCT}publisher`)).toEqual([kartverket]);
  });

  it("filters by ?modified_since= on the record's last change", async () => {
    synthetic.db.run(sql`update datasets set updated_at = '2020-01-01T00:00:00.000Z'`);
    synthetic.db.run(sql`update datasets set updated_at = '2025-06-01T00:00:00.000Z' where id in (select id from datasets where state = 'published' order by id limit 7)`);
    const quads = await parseRdf(await renderCatalog(synthetic, "ttl", { modifiedSince: "2025-01-01T00:00:00.000Z" }), "ttl");
    expect(subjectsOfType(quads, `${DCAT}Dataset`)).toHaveLength(7);
    const all = await parseRdf(await renderCatalog(synthetic, "ttl", { modifiedSince: "2019-01-01T00:00:00.000Z" }), "ttl");
    expect(subjectsOfType(all, `${DCAT}Dataset`)).toHaveLength(publishedUris(synthetic).length);
  });
});

describe("Hydra paging (ckanext-dcat and uData harvesters)", () => {
  async function follow(t: DcatTestCatalogue, format: RdfFormat, predicate: "next" | "nextPage") {
    const seen: string[] = [];
    let url: string | undefined = `${BASE_URL}/catalog.${format}?page=1`;
    let pages = 0;
    while (url) {
      const page = Number(new URL(url).searchParams.get("page"));
      const quads = await parseRdf(await renderCatalog(t, format, { page }), format);
      seen.push(...subjectsOfType(quads, `${DCAT}Dataset`));
      const view = subjectsOfType(quads, `${HYDRA}PartialCollectionView`);
      expect(view).toEqual(subjectsOfType(quads, `${HYDRA}PagedCollection`));
      expect(view).toEqual([url]);
      expect(objectsOf(quads, url, `${HYDRA}itemsPerPage`)).toEqual(["100"]);
      expect(objectsOf(quads, url, `${HYDRA}totalItems`)).toEqual([String(publishedUris(t).length)]);
      for (const p of ["first", "firstPage", "last", "lastPage"]) expect(objectsOf(quads, url, `${HYDRA}${p}`)).toHaveLength(1);
      url = objectsOf(quads, url, `${HYDRA}${predicate}`)[0];
      pages++;
    }
    return { seen, pages };
  }

  it.each([
    ["demo", "ttl", "next"],
    ["demo", "rdf", "nextPage"],
    ["synthetic", "jsonld", "next"],
    ["synthetic", "nt", "nextPage"],
  ] as const)("following %s %s hydra:%s links from page 1 yields every published dataset exactly once", async (name, format, predicate) => {
    const t = name === "demo" ? demo : synthetic;
    const { seen, pages } = await follow(t, format, predicate);
    expect(seen).toHaveLength(new Set(seen).size);
    expect(seen.sort()).toEqual(publishedUris(t).sort());
    expect(pages).toBe(Math.ceil(publishedUris(t).length / 100));
  });
});

describe("profiles: the DCAT-AP 3 and DCAT-AP-NO 2 forms where they conflict", () => {
  const grunnkart = `${BASE_URL}/datasets/grunnkart-for-testkommune`;
  async function render(profile: ProfileName) {
    const dataset = findDatasetForRdf(demo.db, { slug: "grunnkart-for-testkommune" })!;
    return parseRdf(await datasetToRdf(dataset, { baseUrl: BASE_URL, format: "ttl", profile, modified: null }), "ttl");
  }
  it("writes byteSize, status and spatial in each profile's own form", async () => {
    const eu = await render("dcat-ap-3");
    const no = await render("dcat-ap-no-2");
    const dist = `${grunnkart}#distribution-1`;
    const byteSize = (g: typeof eu) => g.find((q) => q.subject.value === dist && q.predicate.value === `${DCAT}byteSize`)!.object;
    expect(byteSize(eu)).toMatchObject({ value: "123456789", datatype: { value: `${XSD}nonNegativeInteger` } });
    expect(byteSize(no)).toMatchObject({ value: "123456789", datatype: { value: `${XSD}decimal` } });
    expect(objectsOf(eu, dist, "http://www.w3.org/ns/adms#status")).toEqual(["http://publications.europa.eu/resource/authority/distribution-status/COMPLETED"]);
    expect(objectsOf(no, dist, "http://www.w3.org/ns/adms#status")).toEqual(["http://purl.org/adms/status/Completed"]);
    const fylke = "https://data.geonorge.no/administrativeEnheter/fylke/id/173147";
    expect(objectsOf(eu, grunnkart, `${DCT}spatial`)).toContain(fylke);
    expect(objectsOf(eu, fylke, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type")).toEqual([`${DCT}Location`]);
    expect(objectsOf(no, grunnkart, `${DCT}spatial`)).toContain(fylke);
    expect(no.filter((q) => q.subject.value === fylke)).toEqual([]);
    expect(objectsOf(no, "https://organization-catalog.fellesdatakatalog.digdir.no/organizations/974556278", `${DCT}identifier`)).toEqual(["974556278"]);
  });

  it("keeps SOSI by its specification, the bbox with its CRS, and WMS/WFS as data services", async () => {
    const g = await render("dcat-ap-3");
    expect(objectsOf(g, `${grunnkart}#distribution-2`, `${DCT}conformsTo`)).toEqual(["https://www.kartverket.no/geodataarbeid/standardisering/sosi-standarden"]);
    expect(objectsOf(g, `${grunnkart}#distribution-2`, `${DCT}format`)).toEqual([]);
    expect(objectsOf(g, `${grunnkart}#spatial-2`, `${DCAT}bbox`)[0]).toMatch(/^<http:\/\/www\.opengis\.net\/def\/crs\/OGC\/1\.3\/CRS84> POLYGON/);
    const wms = objectsOf(g, `${grunnkart}#distribution-3`, `${DCAT}accessService`);
    expect(wms).toEqual(["https://wms.example.no/grunnkart#service"]);
    expect(objectsOf(g, wms[0]!, `${DCAT}endpointURL`)).toEqual(["https://wms.example.no/grunnkart"]);
    expect(objectsOf(g, wms[0]!, `${DCAT}servesDataset`)).toEqual([grunnkart]);
    const wfs = objectsOf(g, `${grunnkart}#distribution-4`, `${DCAT}accessService`)[0]!;
    expect(objectsOf(g, wfs, `${DCT}conformsTo`)).toEqual(["http://www.opengis.net/def/serviceType/ogc/wfs"]);
    expect(objectsOf(g, `${BASE_URL}/catalog`, `${DCAT}service`).sort()).toEqual([wfs, wms[0]!].sort());
  });
});

describe("HTTP: status codes, headers and conditional GET", () => {
  const get = (path: string, headers: Record<string, string> = {}) => new Request(`${BASE_URL}${path}`, { headers });

  it("answers 400 naming a bad page, modified_since, profile or unknown parameter, 404 an unknown publisher", async () => {
    for (const [query, name] of [
      ["page=0", "page"],
      ["page=abc", "page"],
      ["page=1.5", "page"],
      ["modified_since=yesterday", "modified_since"],
      ["modified_since=2024-13-45", "modified_since"],
      ["profile=dcat-us", "profile"],
      ["foo=1", "foo"],
    ]) {
      const response = catalogResponse(demo.db, get(`/catalog.ttl?${query}`), { format: "ttl", linkPath: "/catalog.ttl" });
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toContain(`"${name}"`);
    }
    expect(catalogResponse(demo.db, get("/catalog.ttl?publisher=nobody"), { format: "ttl", linkPath: "/catalog.ttl" }).status).toBe(404);
  });

  it("answers 404 with the list of formats for an unknown extension", async () => {
    const response = await catalogByExtension(get("/catalog.xyz"), { params: Promise.resolve({ format: "xyz" }) });
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { formats: { extension: string; mediaType: string }[] } };
    expect(body.error.formats.map((f) => f.mediaType)).toEqual(["text/turtle", "application/rdf+xml", "application/ld+json", "application/n-triples"]);
  });

  it("sends Content-Type, CORS, ETag and Last-Modified, and 304 when nothing changed", async () => {
    const first = catalogResponse(demo.db, get("/catalog.rdf?page=1"), { format: "rdf", linkPath: "/catalog.rdf" });
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("application/rdf+xml; charset=utf-8");
    expect(first.headers.get("access-control-allow-origin")).toBe("*");
    const etag = first.headers.get("etag")!;
    const lastModified = first.headers.get("last-modified")!;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(catalogResponse(demo.db, get("/catalog.rdf?page=1", { "If-None-Match": etag }), { format: "rdf", linkPath: "/catalog.rdf" }).status).toBe(304);
    expect(catalogResponse(demo.db, get("/catalog.rdf?page=1", { "If-Modified-Since": lastModified }), { format: "rdf", linkPath: "/catalog.rdf" }).status).toBe(304);
    const other = catalogResponse(demo.db, get("/catalog.rdf?page=2", { "If-None-Match": etag }), { format: "rdf", linkPath: "/catalog.rdf" });
    expect(other.status).toBe(200);
    await first.text();
    await other.text();
  });

  it("answers a page again from its page cache, and never after the catalogue changed", async () => {
    const own = createDemoCatalogue();
    try {
      const page = (headers: Record<string, string> = {}) => catalogResponse(own.db, get("/catalog.nt?page=1", headers), { format: "nt", linkPath: "/catalog.nt" });
      const first = page();
      expect(first.headers.get("x-fjordcat-cache")).toBe("miss");
      const produced = await first.text();
      const again = page();
      expect(again.headers.get("x-fjordcat-cache")).toBe("hit");
      expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
      expect(await again.text()).toBe(produced);
      // Compressed by the feed worker that wrote it, within a few ms: answered decompressed, the same bytes.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const later = page();
      expect(later.headers.get("x-fjordcat-cache")).toBe("hit");
      expect(await later.text()).toBe(produced);
      // Clients that leave before reading their page, or after its first bytes: nothing is logged as failed.
      const errors = vi.spyOn(console, "error");
      try {
        await page().body!.getReader().cancel();
        const reader = page().body!.getReader();
        expect((await reader.read()).done).toBe(false);
        await reader.cancel();
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(errors).not.toHaveBeenCalled();
      } finally {
        errors.mockRestore();
      }
      expect(await page().text()).toBe(produced);

      // A changed title: the page's ETag moves, so the page is produced again with it.
      const slug = "arealplaner";
      expect(produced).toContain(`/datasets/${slug}>`);
      own.db.run(sql`update datasets set title_nb = 'Et helt nytt navn', updated_at = ${new Date(Date.now() + 1000).toISOString()} where slug = ${slug}`);
      const changed = await page().text();
      expect(changed).not.toBe(produced);
      expect(changed).toContain("Et helt nytt navn");
    } finally {
      own.cleanup();
    }
  });

  it("serves one published dataset and 404s drafts, withdrawn and unknown slugs", async () => {
    const ok = await datasetResponse(demo.db, get("/datasets/arealplaner.jsonld"), { slug: "arealplaner", format: "jsonld" });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/ld+json; charset=utf-8");
    const quads = await parseRdf(await ok.text(), "jsonld");
    expect(objectsOf(quads, `${BASE_URL}/catalog`, `${DCAT}dataset`)).toEqual([`${BASE_URL}/datasets/arealplaner`]);
    for (const slug of ["utkast-som-ikke-er-publisert", "trukket-tilbake", "nope"]) {
      expect((await datasetResponse(demo.db, get(`/datasets/${slug}.ttl`), { slug, format: "ttl" })).status, slug).toBe(404);
    }
  });
});
