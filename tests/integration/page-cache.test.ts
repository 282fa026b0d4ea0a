import { sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { cachedPage, clearPageCache, nonceOfRenderRequest, pageCacheKey, RENDER_HEADER, renderHeaderValue } from "@/lib/http/page-cache";
import { createTestDatabase } from "../helpers/test-database";

/**
 * The rendered-page cache for visitors who are not signed in (lib/http/page-cache.ts): which
 * requests it answers, that any committed write (from this connection or another) makes it render
 * again, that each answer carries its own nonce, and that only plain 200 HTML is kept.
 */
const t = createTestDatabase();
afterAll(() => t.cleanup());
beforeEach(() => clearPageCache());

const HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
const get = (path: string, headers: Record<string, string> = {}, method = "GET") => new Request(`http://localhost${path}`, { method, headers: { accept: HTML, ...headers } });

describe("which requests the page cache answers", () => {
  it("public pages for visitors who are not signed in, per interface language", () => {
    expect(pageCacheKey(get("/datasets?q=vann&theme=ENVI"))).toBe("nb /datasets?q=vann&theme=ENVI");
    expect(pageCacheKey(get("/datasets?q=vann", { "accept-language": "en-GB,en;q=0.9" }))).toBe("en /datasets?q=vann");
    expect(pageCacheKey(get("/", { cookie: "NEXT_LOCALE=en; authjs.csrf-token=abc" }))).toBe("en /");
    for (const path of ["/", "/datasets", "/datasets/bygninger", "/publishers", "/publishers/alesund-kommune", "/kpi"]) {
      expect(pageCacheKey(get(path)), path).not.toBeNull();
    }
  });

  it("never signed-in visitors, other methods, the client router's requests, staff pages, feeds or the API", () => {
    expect(pageCacheKey(get("/datasets", { cookie: "authjs.session-token=x" }))).toBeNull();
    expect(pageCacheKey(get("/datasets", { cookie: "__Secure-authjs.session-token.0=x" }))).toBeNull();
    expect(pageCacheKey(get("/datasets", {}, "POST"))).toBeNull();
    expect(pageCacheKey(get("/datasets", {}, "HEAD"))).toBeNull();
    expect(pageCacheKey(get("/datasets", { rsc: "1" }))).toBeNull();
    expect(pageCacheKey(get("/datasets", { "next-router-prefetch": "1" }))).toBeNull();
    expect(pageCacheKey(get("/datasets?_rsc=abc"))).toBeNull();
    // The client router's fetches, as proxy.ts sees them (Next.js strips their RSC headers first).
    expect(pageCacheKey(get("/datasets", { accept: "*/*" }))).toBeNull();
    expect(pageCacheKey(get("/datasets", { "sec-fetch-dest": "empty" }))).toBeNull();
    expect(pageCacheKey(get("/datasets", { "sec-fetch-dest": "document" }))).toBe("nb /datasets");
    expect(pageCacheKey(get("/datasets", { [RENDER_HEADER]: "anything" }))).toBeNull();
    for (const path of ["/staff", "/staff/datasets", "/sign-in", "/api/datasets", "/catalog.ttl", "/datasets/bygninger.ttl"]) {
      expect(pageCacheKey(get(path)), path).toBeNull();
    }
    expect(pageCacheKey(get(`/datasets?q=${"x".repeat(3000)}`))).toBeNull();
  });

  it("takes a render nonce only from this process's own render request", () => {
    expect(nonceOfRenderRequest(get("/", { [RENDER_HEADER]: renderHeaderValue("q6clP5P5QQd+BwQJWqgvSg==") }))).toBe("q6clP5P5QQd+BwQJWqgvSg==");
    expect(nonceOfRenderRequest(get("/", { [RENDER_HEADER]: "guessed q6clP5P5QQd+BwQJWqgvSg==" }))).toBeNull();
    expect(nonceOfRenderRequest(get("/", { [RENDER_HEADER]: renderHeaderValue("<script>") }))).toBeNull();
    expect(nonceOfRenderRequest(get("/"))).toBeNull();
  });
});

describe("what it keeps and for how long", () => {
  let renders = 0;
  const page = (body: string, init: ResponseInit = {}) => async () => {
    renders++;
    await new Promise((r) => setTimeout(r, 5));
    const headers = new Headers({ "content-type": "text/html; charset=utf-8", link: '</a.css>; rel=preload; nonce="RENDERNONCE"', ...Object.fromEntries(new Headers(init.headers)) });
    return { response: new Response(body, { status: init.status ?? 200, headers }), nonce: "RENDERNONCE" };
  };
  beforeEach(() => {
    renders = 0;
  });

  it("renders once, then answers from memory with each answer's own nonce in the HTML and headers", async () => {
    const render = page('<script nonce="RENDERNONCE">1</script><p>Hei</p>');
    const first = await cachedPage("nb /datasets", "FIRST", render, { db: t.db });
    const second = await cachedPage("nb /datasets", "SECOND", render, { db: t.db });
    expect(renders).toBe(1);
    expect(first).toMatchObject({ cache: "miss", status: 200, html: '<script nonce="FIRST">1</script><p>Hei</p>' });
    expect(second).toMatchObject({ cache: "hit", html: '<script nonce="SECOND">1</script><p>Hei</p>' });
    expect(second!.headers.get("link")).toBe('</a.css>; rel=preload; nonce="SECOND"');
    expect(second!.headers.get("x-fjordcat-cache")).toBe("hit");
  });

  it("renders a page once for requests that arrive while it renders", async () => {
    const render = page("<p>x</p>");
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => cachedPage("nb /", `N${i}`, render, { db: t.db })));
    expect(renders).toBe(1);
    expect(answers.every((a) => a?.html === "<p>x</p>")).toBe(true);
  });

  it("renders again after any committed write, from this connection or another", async () => {
    const render = page("<p>x</p>");
    await cachedPage("nb /kpi", "A", render, { db: t.db });
    t.db.run(sql`insert into kpi_state (key, value) values ('page-cache-test', '1')`);
    expect((await cachedPage("nb /kpi", "B", render, { db: t.db }))!.cache).toBe("miss");
    expect((await cachedPage("nb /kpi", "C", render, { db: t.db }))!.cache).toBe("hit");
    const other = openDatabase(t.file);
    other.run(sql`update kpi_state set value = '2' where key = 'page-cache-test'`);
    other.$client.close();
    expect((await cachedPage("nb /kpi", "D", render, { db: t.db }))!.cache).toBe("miss");
    expect(renders).toBe(3);
  });

  it("keeps no error page, redirect, cookie-setting or compressed answer", async () => {
    for (const render of [
      page("<p>Not found</p>", { status: 404 }),
      page("", { status: 307, headers: { location: "/sign-in" } }),
      page("<p>x</p>", { headers: { "set-cookie": "a=b" } }),
      page("{}", { headers: { "content-type": "application/json" } }),
      page("x", { headers: { "content-encoding": "gzip" } }),
    ]) {
      expect(await cachedPage("nb /datasets/x", "N", render, { db: t.db })).toBeNull();
    }
    expect(renders).toBe(5);
  });
});
