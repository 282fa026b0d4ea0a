import http from "node:http";
import { gunzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { Parser } from "n3";
import { E2E_BASE_URL } from "../../playwright.config";

/** The harvester-facing endpoints over real HTTP: negotiation, extensions, headers, CKAN. */

test("/catalog negotiates the format from Accept, with Vary, CORS and an ETag", async ({ request }) => {
  for (const [accept, type] of [
    ["text/turtle", "text/turtle"],
    ["application/rdf+xml", "application/rdf+xml"],
    ["application/ld+json", "application/ld+json"],
    ["application/n-triples", "application/n-triples"],
    ["*/*", "text/turtle"],
  ] as const) {
    const response = await request.get("/catalog?page=1", { headers: { Accept: accept } });
    expect(response.status(), accept).toBe(200);
    expect(response.headers()["content-type"]).toBe(`${type}; charset=utf-8`);
    expect(response.headers()["access-control-allow-origin"]).toBe("*");
    expect(response.headers()["vary"]).toContain("Accept");
    expect(response.headers()["etag"]).toMatch(/^W\/".+"$/);
  }
  const refused = await request.get("/catalog", { headers: { Accept: "image/png" } });
  expect(refused.status()).toBe(406);
  const body = await refused.json();
  expect(body.error.formats.map((f: { mediaType: string }) => f.mediaType)).toContain("text/turtle");
});

test("/catalog.<ext> and /datasets/<slug>.<ext> serve each format; unknown extensions 404 with the list", async ({ request }) => {
  for (const [ext, type] of [
    ["ttl", "text/turtle"],
    ["rdf", "application/rdf+xml"],
    ["jsonld", "application/ld+json"],
    ["nt", "application/n-triples"],
  ]) {
    const catalog = await request.get(`/catalog.${ext}?page=1`);
    expect(catalog.status(), ext).toBe(200);
    expect(catalog.headers()["content-type"]).toBe(`${type}; charset=utf-8`);
    expect(catalog.headers()["content-security-policy"], ext).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(catalog.headers()["access-control-allow-origin"], ext).toBe("*");
    const head = await request.fetch(`/catalog.${ext}?page=1`, { method: "HEAD" });
    expect(head.status(), ext).toBe(200);
    expect(head.headers()["etag"], ext).toBe(catalog.headers()["etag"]);
    const preflight = await request.fetch(`/catalog.${ext}`, { method: "OPTIONS" });
    expect(preflight.status(), ext).toBe(204);
    expect(preflight.headers()["access-control-allow-methods"], ext).toContain("GET");
    const dataset = await request.get(`/datasets/arealplaner.${ext}`);
    expect(dataset.status(), ext).toBe(200);
    expect(dataset.headers()["content-type"]).toBe(`${type}; charset=utf-8`);
    expect(await dataset.text()).toContain("/datasets/arealplaner");
  }
  for (const path of ["/catalog.xyz", "/datasets/arealplaner.xyz"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect((await response.json()).error.formats).toHaveLength(4);
  }
  expect((await request.get("/datasets/no-such-dataset.ttl")).status()).toBe(404);
  expect((await request.get("/datasets/arealplaner")).headers()["content-type"]).toContain("text/html");
  const negotiated = await request.get("/datasets/arealplaner", { headers: { Accept: "application/ld+json" } });
  expect(negotiated.headers()["content-type"]).toBe("application/ld+json; charset=utf-8");
  expect(negotiated.headers()["vary"]).toContain("Accept");
});

test("the full catalogue streams every published dataset; bad page and modified_since are 400", async ({ request }) => {
  const full = await request.get("/catalog.nt");
  expect(full.status()).toBe(200);
  const datasets = (await full.text()).match(/ <http:\/\/www\.w3\.org\/1999\/02\/22-rdf-syntax-ns#type> <http:\/\/www\.w3\.org\/ns\/dcat#Dataset> \./g);
  expect(datasets?.length).toBe(150);
  for (const query of ["page=0", "page=abc", "modified_since=yesterday"]) {
    const response = await request.get(`/catalog.ttl?${query}`);
    expect(response.status(), query).toBe(400);
    expect((await response.json()).error.code).toBe("bad_request");
  }
});

test("conditional GET answers 304 to a matching ETag or Last-Modified", async ({ request }) => {
  const first = await request.get("/catalog.ttl?page=2");
  const etag = first.headers()["etag"]!;
  const lastModified = first.headers()["last-modified"]!;
  expect(lastModified).toMatch(/GMT$/);
  expect((await request.get("/catalog.ttl?page=2", { headers: { "If-None-Match": etag } })).status()).toBe(304);
  expect((await request.get("/catalog.ttl?page=2", { headers: { "If-Modified-Since": lastModified } })).status()).toBe(304);
  const dataset = await request.get("/datasets/arealplaner.jsonld");
  expect((await request.get("/datasets/arealplaner.jsonld", { headers: { "If-None-Match": dataset.headers()["etag"]! } })).status()).toBe(304);
});

test("the CKAN API answers in CKAN's envelope over HTTP", async ({ request }) => {
  const search = await request.get("/api/3/action/package_search?rows=5&fq=organization:kartverket");
  expect(search.status()).toBe(200);
  expect(search.headers()["access-control-allow-origin"]).toBe("*");
  const body = await search.json();
  expect(body).toMatchObject({ success: true, result: { count: 46 } });
  expect(body.help).toContain("/api/3/action/help_show?name=package_search");
  expect(body.result.results).toHaveLength(5);
  const show = await (await request.get(`/api/3/action/package_show?id=${body.result.results[0].name}`)).json();
  expect(show.result.organization.name).toBe("kartverket");
  const missing = await request.get("/api/3/action/package_show?id=no-such-dataset");
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.__type).toBe("Not Found Error");
  expect((await request.get("/api/3/action/no_such_action")).status()).toBe(400);
});

test("the Atom and RSS feeds of new and updated datasets", async ({ request }) => {
  const atom = await request.get("/feeds/datasets.atom");
  expect(atom.status()).toBe(200);
  expect(atom.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  expect(await atom.text()).toContain("<entry>");
  const rss = await request.get("/feeds/datasets.rss");
  expect(rss.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
});

/** A GET with raw bytes and headers, nothing decoded for us (a harvester's HTTP client). */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${E2E_BASE_URL}${path}`, { headers }, (response) => {
        const parts: Buffer[] = [];
        response.on("data", (chunk: Buffer) => parts.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(parts) }));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

test("a feed page is valid Turtle for clients that take gzip, when produced and again from the page cache", async () => {
  // Regression: pages were kept gzipped and sent with Content-Encoding: gzip, which Next.js drops
  // before compressing the body again; a harvester decoding once got gzip, not Turtle.
  const answers: string[] = [];
  for (const expected of ["miss", "hit"]) {
    const answer = await rawGet("/catalog.ttl?page=1&profile=dcat-ap-no-2", { "Accept-Encoding": "gzip" });
    expect(answer.status).toBe(200);
    expect(answer.headers["x-fjordcat-cache"]).toBe(expected);
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(answer.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    const text = gunzipSync(answer.body).toString("utf8");
    expect(new Parser({ format: "text/turtle" }).parse(text).length).toBeGreaterThan(100);
    answers.push(text);
    const plain = await rawGet("/catalog.ttl?page=1&profile=dcat-ap-no-2", {});
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString("utf8")).toBe(text);
  }
  expect(answers[1]).toBe(answers[0]);
});
