import { expect, test } from "@playwright/test";

type SearchResponse = {
  total: number;
  page: number;
  limit: number;
  results: { slug: string; title: { nb: string }; publisher: { slug: string } }[];
  facets: Record<string, { value: string; label: Record<string, string>; count: number }[]>;
};

test("health reports a reachable, migrated database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({ status: "ok", database: "ok", migrations: { upToDate: true }, datasets: 150 });
});

test("GET /api/datasets reports the demo catalogue and pages through it", async ({ request }) => {
  const first = (await (await request.get("/api/datasets?limit=100")).json()) as SearchResponse;
  expect(first.total).toBe(150);
  expect(first.page).toBe(1);
  expect(first.limit).toBe(100);
  expect(first.results).toHaveLength(100);
  const second = (await (await request.get("/api/datasets?limit=100&page=2")).json()) as SearchResponse;
  expect(second.results).toHaveLength(50);
  const slugs = new Set([...first.results, ...second.results].map((r) => r.slug));
  expect(slugs.size).toBe(150);
  expect(Object.keys(first.facets)).toEqual(expect.arrayContaining(["theme", "publisher", "format", "license", "access", "keyword"]));
});

test("bad parameters get a 400 JSON error naming the parameter", async ({ request }) => {
  for (const [query, name] of [
    ["page=0", "page"],
    ["limit=abc", "limit"],
    ["theme=XYZ", "theme"],
    ["sort=random", "sort"],
    ["nonsense=1", "nonsense"],
  ] as const) {
    const response = await request.get(`/api/datasets?${query}`);
    expect(response.status(), query).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message).toContain(`"${name}"`);
  }
});

test("no query string causes a 500", async ({ request }) => {
  for (const q of ['"', "NEAR(a b)", "*", "title:x", "%00", "a".repeat(500), "' or 1=1 --", "🌊🐟", "(((", "\u0000", "AND OR NOT"]) {
    const response = await request.get(`/api/datasets?q=${encodeURIComponent(q)}`);
    expect(response.status(), q).toBe(200);
  }
  // Malformed percent escapes and invalid UTF-8 are read as text, not refused with a 500.
  for (const raw of ["q=%E0%A4%A", "q=%FF%FE", "q=%", "theme=%C3"]) {
    const response = await request.get(`/api/datasets?${raw}`);
    expect([200, 400], raw).toContain(response.status());
  }
});

test("oversized or out-of-range input gets a clear 400, never a 500", async ({ request }) => {
  for (const query of [`q=${"x".repeat(10_000)}`, "page=-1", "page=99999999999", "limit=0", "limit=100000", "format=CSV&format=" + "x".repeat(100)]) {
    const response = await request.get(`/api/datasets?${query}`);
    expect(response.status(), query.slice(0, 40)).toBe(400);
    expect((await response.json()).error.code).toBe("bad_request");
  }
  // Unknown facet values are not errors: they simply match nothing.
  const unknown = await request.get("/api/datasets?format=NO_SUCH_FORMAT&keyword=ingenting");
  expect(unknown.status()).toBe(200);
  expect((await unknown.json()).total).toBe(0);
});

test("every dataset page and publisher page answers 200 with its facts", async ({ request }) => {
  const all = (await (await request.get("/api/datasets?limit=100")).json()) as SearchResponse;
  const rest = (await (await request.get("/api/datasets?limit=100&page=2")).json()) as SearchResponse;
  const datasets = [...all.results, ...rest.results];
  for (const dataset of datasets) {
    const response = await request.get(`/datasets/${dataset.slug}`);
    expect(response.status(), dataset.slug).toBe(200);
    const html = await response.text();
    expect(html, dataset.slug).toContain(escapeHtml(dataset.title.nb));
  }
  const publishers = new Set(datasets.map((d) => d.publisher.slug));
  expect(publishers.size).toBe(20);
  for (const slug of publishers) {
    expect((await request.get(`/publishers/${slug}`)).status(), slug).toBe(200);
  }
  expect((await request.get("/datasets/no-such-dataset")).status()).toBe(404);
  expect((await request.get("/publishers/no-such-publisher")).status()).toBe(404);
});

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
}
