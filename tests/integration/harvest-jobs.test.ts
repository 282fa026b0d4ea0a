import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoCatalogue } from "@/db/seed";
import { harvestSources, type HarvestSource } from "@/db/schema";
import { catalogToString } from "@/lib/dcat/catalog-document";
import { handleCkanAction } from "@/lib/ckan/handle-action";
import { setDatasetState } from "@/lib/catalogue/update-dataset";
import { runHarvest } from "@/lib/harvest/run-harvest";
import { rebuildKpiAggregates } from "@/lib/kpi/refresh-openness";
import { recomputeCatalogueQuality } from "@/lib/quality/store-quality";
import { searchDatasets } from "@/lib/search/search-datasets";
import { parseSearchParams } from "@/lib/search/params";
import { startFeedServer, type TestFeedServer } from "../helpers/harvest-http";
import { createTestDatabase, storedKpiAggregates, type TestDatabase } from "../helpers/test-database";

/**
 * Harvest jobs end to end over real HTTP: failures that change nothing, the private-network guard,
 * archiving after the grace period and coming back, the round trip of Fjordcat's own catalogue
 * (full dump and Hydra pages, and its CKAN API) into a fresh database.
 */
const FIXTURES = path.resolve(process.cwd(), "..", "shared", "fixtures", "dcat-real");
const NAV = fs.readFileSync(path.join(FIXTURES, "nav-2017-10-31.ttl"), "utf8");
const open = { allowPrivateNetwork: true };

/** 1,500 datasets with one title (municipal plans often share theirs), next to one whose title is that title's slug with a number. */
const SAME_TITLE = `@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
@prefix theme: <http://publications.europa.eu/resource/authority/data-theme/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
<https://plans.example/org> a foaf:Organization ; foaf:name "Plankontoret"@nb ; dct:identifier "974760673" .
<https://plans.example/other> a dcat:Dataset ; dct:title "Reguleringsplan 7"@nb ; dct:description "Annen"@nb ; dcat:theme theme:REGI ; dct:publisher <https://plans.example/org> .
${Array.from({ length: 1_500 }, (_, i) => `<https://plans.example/${i}> a dcat:Dataset ; dct:title "Reguleringsplan"@nb ; dct:description "Plan ${i}"@nb ; dcat:theme theme:REGI ; dct:publisher <https://plans.example/org> .`).join("\n")}`;

let source: TestDatabase; // the catalogue being harvested (Fjordcat's own demo catalogue)
let server: TestFeedServer;
let navBody = NAV;

beforeAll(async () => {
  source = createTestDatabase();
  seedDemoCatalogue(source.db);
  server = await startFeedServer(async (req, res, url) => {
    const p = url.pathname;
    if (p === "/nav.ttl") {
      res.setHeader("Content-Type", "text/turtle");
      res.end(navBody);
    } else if (p === "/truncated.ttl") {
      res.setHeader("Content-Type", "text/turtle");
      res.end(NAV.slice(0, Math.floor(NAV.length / 2)));
    } else if (p === "/truncated.rdf") {
      // Cut after a complete description (of the catalogue's last node): every element so far is closed but the root.
      const whole = await catalogToString(source.db, { baseUrl: server.origin, format: "rdf", params: { profile: "dcat-ap-3" }, linkPath: "/catalog.rdf" });
      res.setHeader("Content-Type", "application/rdf+xml");
      res.end(whole.slice(0, whole.lastIndexOf("</rdf:Description>") + "</rdf:Description>".length));
    } else if (p === "/cut-connection.ttl") {
      res.writeHead(200, { "Content-Type": "text/turtle", "Content-Length": String(Buffer.byteLength(NAV)) });
      res.write(NAV.slice(0, 5000));
      setTimeout(() => req.socket.destroy(), 50);
    } else if (p === "/slow.ttl") {
      res.writeHead(200, { "Content-Type": "text/turtle" });
      res.write(NAV.slice(0, 1000));
      // never finishes
    } else if (p === "/same-title.ttl") {
      res.setHeader("Content-Type", "text/turtle");
      res.end(SAME_TITLE);
    } else if (p === "/error") {
      res.statusCode = 500;
      res.end("boom");
    } else if (p === "/remote-context.jsonld") {
      res.setHeader("Content-Type", "application/ld+json");
      res.end(JSON.stringify({ "@context": "https://example.org/context.jsonld", "@id": "https://x.example/ds", title: "x" }));
    } else if (p.startsWith("/catalog.ttl")) {
      const page = url.searchParams.get("page");
      res.setHeader("Content-Type", "text/turtle");
      res.end(
        await catalogToString(source.db, {
          baseUrl: server.origin,
          format: "ttl",
          params: { profile: "dcat-ap-3", ...(page ? { page: Number(page) } : {}) },
          linkPath: "/catalog.ttl",
        }),
      );
    } else if (p.startsWith("/api/3/action/")) {
      const request = new Request(`${server.origin}${url.pathname}${url.search}`);
      const response = await handleCkanAction(source.db, request, p.split("/").pop()!, server.origin);
      res.writeHead(response.status, { "Content-Type": "application/json" });
      res.end(await response.text());
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
});
afterAll(async () => {
  await server.close();
  source.cleanup();
});

const count = (t: TestDatabase) => t.db.get<{ n: number }>(sql`select count(*) as n from datasets`)!.n;

function register(t: TestDatabase, values: Partial<HarvestSource> & { url: string }): HarvestSource {
  return t.db.insert(harvestSources).values({ name: values.url, kind: "dcat", ...values }).returning().get();
}

describe("a failed feed fails the job and changes nothing", () => {
  it.each([
    ["/truncated.ttl", {}, /not valid Turtle/],
    ["/truncated.rdf", {}, /not valid RDF\/XML: .*unclosed tag/],
    ["/cut-connection.ttl", {}, /truncated|cut off|connection failed/],
    ["/slow.ttl", { timeoutMs: 500 }, /timeout/],
    ["/nav.ttl", { maxBytes: 10_000 }, /too large/],
    ["/error", {}, /HTTP 500/],
    ["/remote-context.jsonld", {}, /remote context/],
  ] as const)("%s", async (feedPath, limits, message) => {
    const t = createTestDatabase();
    try {
      const first = await runHarvest(t.db, { source: register(t, { url: `${server.origin}/nav.ttl` }), triggeredBy: "test", limits: open });
      expect(first.created).toBe(42);
      const before = count(t);
      const src = register(t, { url: `${server.origin}${feedPath}`, archiveAfterDays: 0 });
      const report = await runHarvest(t.db, { source: src, triggeredBy: "test", limits: { ...open, ...limits } });
      expect(report.status).toBe("failed");
      expect(report.error).toMatch(message);
      expect(count(t)).toBe(before);
      const job = t.db.get<{ status: string; error: string }>(sql`select status, error from harvest_jobs where id = ${report.jobId}`)!;
      expect(job.status).toBe("failed");
    } finally {
      t.cleanup();
    }
  });

  it("refuses loopback addresses unless allowed, checking the resolved address", async () => {
    const t = createTestDatabase();
    try {
      const port = new URL(server.origin).port;
      for (const url of [`${server.origin}/nav.ttl`, `http://localhost:${port}/nav.ttl`]) {
        const report = await runHarvest(t.db, { location: url, triggeredBy: "test", limits: { allowPrivateNetwork: false } });
        expect(report.status).toBe("failed");
        expect(report.error).toMatch(/private network/);
      }
      const file = await runHarvest(t.db, { location: "/etc/passwd", triggeredBy: "test" });
      expect(file.error).toMatch(/Only http\(s\) URLs/);
      expect(count(t)).toBe(0);
    } finally {
      t.cleanup();
    }
  });
});

describe("the KPI of harvested records", () => {
  it("keeps each dataset's stored openness and the counters as a full rebuild gives them, when records are created and when they change", async () => {
    const t = createTestDatabase();
    const stored = () => storedKpiAggregates(t.db);
    const rebuilt = () => {
      const before = stored();
      t.db.transaction((tx) => rebuildKpiAggregates(tx));
      return { before, after: stored() };
    };
    try {
      const src = register(t, { url: `${server.origin}/nav.ttl` });
      navBody = NAV;
      expect((await runHarvest(t.db, { source: src, triggeredBy: "test", limits: open })).created).toBe(42);
      const created = rebuilt();
      expect(created.before.openness).toHaveLength(42);
      expect(created.after).toEqual(created.before);
      // The restricted datasets made public at the source: those records change, and their openness with them.
      const restricted = () => t.db.get<{ n: number }>(sql`select count(*) as n from dataset_openness where restricted_access = 1`)!.n;
      const restrictedBefore = restricted();
      expect(restrictedBefore).toBeGreaterThan(0);
      navBody = NAV.replaceAll("access-right/RESTRICTED>", "access-right/PUBLIC>");
      const changed = await runHarvest(t.db, { source: src, triggeredBy: "test", limits: open });
      expect(changed.updated).toBeGreaterThan(0);
      const updated = rebuilt();
      expect(updated.after).toEqual(updated.before);
      expect(restricted()).toBeLessThan(restrictedBefore);
    } finally {
      navBody = NAV;
      t.cleanup();
    }
  });
});

describe("archiving records the source no longer lists", () => {
  it("marks missing, archives after the grace period (gone from search and feeds), and brings it back", async () => {
    const t = createTestDatabase();
    try {
      const src = register(t, { url: `${server.origin}/nav.ttl`, archiveAfterDays: 2 });
      navBody = NAV;
      expect((await runHarvest(t.db, { source: src, triggeredBy: "test", limits: open })).created).toBe(42);
      const victim = t.db.get<{ id: number; uri: string; title: string }>(sql`select id, uri, title_nb as title from datasets order by id limit 1`)!;
      // The same feed without the victim's description and its catalogue link.
      navBody = NAV.split(/\n(?=<|\S+:\S+\s)/)
        .filter((block) => !block.startsWith(`<${victim.uri}>`))
        .join("\n")
        .replaceAll(`<${victim.uri}>`, `<${victim.uri}-gone>`);
      const day = 24 * 60 * 60 * 1000;
      const now = Date.now();
      const missing = await runHarvest(t.db, { source: src, triggeredBy: "test", limits: open, now: new Date(now) });
      expect(missing).toMatchObject({ status: "succeeded", archived: 0, unchanged: 41 });
      expect(t.db.get<{ m: string | null }>(sql`select missing_since as m from catalogue_records where dataset_id = ${victim.id}`)!.m).not.toBeNull();

      const archived = await runHarvest(t.db, { source: src, triggeredBy: "test", limits: open, now: new Date(now + 3 * day) });
      expect(archived).toMatchObject({ status: "succeeded", archived: 1, unchanged: 41 });
      const row = t.db.get<{ state: string; archivedAt: string | null }>(sql`
        select d.state, r.archived_at as archivedAt from datasets d join catalogue_records r on r.dataset_id = d.id where d.id = ${victim.id}`)!;
      expect(row.state).toBe("withdrawn");
      expect(row.archivedAt).not.toBeNull();
      expect(t.db.get<{ a: string }>(sql`select action as a from revisions where dataset_id = ${victim.id} order by id desc limit 1`)!.a).toBe("archive");
      const search = searchDatasets(t.db, parseSearchParams({ q: victim.title, limit: "100" }));
      expect(search.results.map((r) => r.uri)).not.toContain(victim.uri);
      const feed = await catalogToString(t.db, { baseUrl: "http://x.test", format: "nt", params: { profile: "dcat-ap-3" }, linkPath: "/catalog.nt" });
      expect(feed).not.toContain(`<${victim.uri}>`);
      expect(count(t)).toBe(42); // never deleted
      // Out of the inventory: no quality score.
      expect(t.db.get<{ n: number }>(sql`select count(*) as n from dataset_quality where dataset_id = ${victim.id}`)!.n).toBe(0);

      navBody = NAV;
      const back = await runHarvest(t.db, { source: src, triggeredBy: "test", limits: open, now: new Date(now + 4 * day) });
      expect(back).toMatchObject({ status: "succeeded", updated: 1, unchanged: 41, archived: 0 });
      const again = t.db.get<{ state: string; archivedAt: string | null }>(sql`
        select d.state, r.archived_at as archivedAt from datasets d join catalogue_records r on r.dataset_id = d.id where d.id = ${victim.id}`)!;
      expect(again).toEqual({ state: "published", archivedAt: null });
      // Scored again from what the harvest wrote (not read back), as a recompute from the tables scores it.
      const scores = () => t.db.all<{ dataset_id: number }>(sql`select * from dataset_quality order by dataset_id`).map((row) => ({ ...row, computed_at: undefined }));
      const written = scores();
      expect(written.map((row) => row.dataset_id)).toContain(victim.id);
      recomputeCatalogueQuality(t.db);
      expect(scores()).toEqual(written);
      expect(searchDatasets(t.db, parseSearchParams({ q: victim.title, limit: "100" })).results.map((r) => r.uri)).toContain(victim.uri);
    } finally {
      navBody = NAV;
      t.cleanup();
    }
  });

  it("gives datasets of one title the slugs of that title numbered in turn, skipping one that is taken", async () => {
    const t = createTestDatabase();
    try {
      const report = await runHarvest(t.db, { location: `${server.origin}/same-title.ttl`, triggeredBy: "test", limits: open });
      expect(report).toMatchObject({ status: "succeeded", created: 1_501, failed: 0 });
      const slugs = t.db.all<{ slug: string }>(sql`select slug from datasets where uri like 'https://plans.example/%' order by id`).map((r) => r.slug);
      expect(slugs[0]).toBe("reguleringsplan-7");
      // The first of that title takes the bare slug, the next ones 2, 3, … skipping 7, which is taken.
      expect(slugs.slice(1, 9)).toEqual(["reguleringsplan", ...[2, 3, 4, 5, 6, 8, 9].map((n) => `reguleringsplan-${n}`)]);
      expect(new Set(slugs).size).toBe(1_501);
      expect(slugs.at(-1)).toBe("reguleringsplan-1501");
    } finally {
      t.cleanup();
    }
  });

  it("a dry run counts but writes nothing", async () => {
    const t = createTestDatabase();
    try {
      const report = await runHarvest(t.db, { source: register(t, { url: `${server.origin}/nav.ttl` }), dryRun: true, triggeredBy: "test", limits: open });
      expect(report).toMatchObject({ status: "succeeded", created: 42 });
      expect(count(t)).toBe(0);
    } finally {
      t.cleanup();
    }
  });
});

type Snapshot = { title: unknown; publisher: string; access: string; distributions: unknown[] };

function snapshot(t: TestDatabase): Map<string, Snapshot> {
  const rows = t.db.all<{ id: number; uri: string; tnb: string; tnn: string | null; ten: string | null; pub: string; org: string | null; access: string; license: string | null }>(sql`
    select d.id, d.uri, d.title_nb as tnb, d.title_nn as tnn, d.title_en as ten, p.name_nb as pub, p.org_number as org, d.access_rights as access, d.license
    from datasets d join publishers p on p.id = d.publisher_id where d.state = 'published'`);
  const out = new Map<string, Snapshot>();
  for (const r of rows) {
    const dists = t.db.all<{ accessUrl: string; downloadUrl: string | null; format: string | null; mediaType: string | null; license: string | null; titleNb: string | null; titleEn: string | null }>(sql`
      select access_url as accessUrl, download_url as downloadUrl, format, media_type as mediaType, license, title_nb as titleNb, title_en as titleEn
      from distributions where dataset_id = ${r.id} order by position`);
    out.set(r.uri, {
      title: { nb: r.tnb, nn: r.tnn, en: r.ten },
      publisher: `${r.pub} ${r.org ?? ""}`,
      access: r.access,
      // The licence in DCAT-AP lives on distributions: compare each one's effective licence.
      // lib/dcat writes IANA media-type URIs only; legacy x- types have none and are not in the RDF.
      distributions: dists.map((d) => ({ ...d, license: d.license ?? r.license, mediaType: d.mediaType && /\/x-/.test(d.mediaType) ? null : d.mediaType })),
    });
  }
  return out;
}

describe("round trip: Fjordcat's own catalogue harvested into a fresh database", () => {
  it.each(["/catalog.ttl", "/catalog.ttl?page=1"])("%s reproduces every published dataset", async (feed) => {
    const t = createTestDatabase();
    try {
      const report = await runHarvest(t.db, { location: `${server.origin}${feed}`, triggeredBy: "test", limits: open });
      const expected = snapshot(source);
      expect(report).toMatchObject({ status: "succeeded", created: expected.size, failed: 0 });
      const actual = snapshot(t);
      expect(actual.size).toBe(expected.size);
      for (const [uri, want] of expected) expect(actual.get(uri), uri).toEqual(want);
      const again = await runHarvest(t.db, { location: `${server.origin}${feed}`, triggeredBy: "test", limits: open });
      expect(again).toMatchObject({ status: "succeeded", created: 0, updated: 0, unchanged: expected.size });
    } finally {
      t.cleanup();
    }
  });

  it("a record withdrawn at the source is archived from the harvesting instance", async () => {
    const t = createTestDatabase();
    try {
      const src = register(t, { url: `${server.origin}/catalog.ttl`, archiveAfterDays: 0 });
      const first = await runHarvest(t.db, { source: src, triggeredBy: "test", limits: open });
      expect(first.failed).toBe(0);
      const victim = source.db.get<{ id: number; uri: string }>(sql`select id, uri from datasets where state = 'published' order by id desc limit 1`)!;
      source.db.transaction((tx) => setDatasetState(tx, { datasetId: victim.id, state: "withdrawn", actor: { label: "test" } }));
      try {
        const report = await runHarvest(t.db, { source: t.db.select().from(harvestSources).where(eq(harvestSources.id, src.id)).get()!, triggeredBy: "test", limits: open });
        expect(report).toMatchObject({ status: "succeeded", archived: 1, created: 0 });
        expect(t.db.get<{ s: string }>(sql`select state as s from datasets where uri = ${victim.uri}`)!.s).toBe("withdrawn");
      } finally {
        source.db.transaction((tx) => setDatasetState(tx, { datasetId: victim.id, state: "published", actor: { label: "test" } }));
      }
    } finally {
      t.cleanup();
    }
  });

  it("its CKAN API (package_search, paged) harvests every published dataset", async () => {
    const t = createTestDatabase();
    try {
      const src = register(t, { url: server.origin, kind: "ckan" });
      const expected = snapshot(source);
      const report = await runHarvest(t.db, { source: src, triggeredBy: "test", limits: open });
      expect(report.error).toBeUndefined();
      expect(report).toMatchObject({ status: "succeeded", created: expected.size, failed: 0 });
      expect(server.hits.some((h) => h.includes("package_search") && h.includes("start=100"))).toBe(true);
      const actual = snapshot(t);
      for (const [uri, want] of expected) {
        const got = actual.get(uri);
        expect(got?.access, uri).toBe(want.access);
        expect((got?.title as { nb: string }).nb).toBe((want.title as { nb: string }).nb);
      }
      const again = await runHarvest(t.db, { source: src, triggeredBy: "test", limits: open });
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: expected.size });
    } finally {
      t.cleanup();
    }
  });
});
