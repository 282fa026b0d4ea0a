import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { Parser as N3Parser } from "n3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { harvestSources, urlChecks } from "@/db/schema";
import { readDatasetInput } from "@/lib/catalogue/dataset-parts";
import { listHarvestJobMessages } from "@/lib/harvest/queries";
import { unpackRaw, type RawEncoding } from "@/lib/harvest/raw-record";
import { runHarvest } from "@/lib/harvest/run-harvest";
import { recomputeCatalogueQuality } from "@/lib/quality/store-quality";
import { rebuildKpiAggregates } from "@/lib/kpi/refresh-openness";
import { indexDataset } from "@/lib/search/index-dataset";
import { CONTENT_TYPES, startFeedServer, type TestFeedServer } from "../helpers/harvest-http";
import { createTestDatabase, storedKpiAggregates, type TestDatabase } from "../helpers/test-database";

/**
 * Every real feed in ../shared/fixtures/dcat-real/, served over HTTP by this test, harvests with
 * the dataset count its SOURCE.md gives, with warnings (not failures) for the known quirks, and a
 * second run finds every record unchanged.
 */
const FIXTURES = path.resolve(process.cwd(), "..", "shared", "fixtures", "dcat-real");

const FEEDS: Array<{ file: string; datasets: number; kind?: "dcat" | "dcat-us"; quirks: RegExp[] }> = [
  { file: "geonorge-2017-10-19.rdf", datasets: 168, quirks: [/empty date/, /Language tag "no"/, /Frequency "continual" read as CONT/, /Format "SOSI" read as SOSI/, /Licence ".*deed.*" read as/] },
  { file: "geonorge-kartkatalog-dev-2017-02.rdf", datasets: 314, quirks: [/empty date/, /No access rights/, /Format "ESRI Shape" read as SHP/] },
  { file: "fdk-registration-export-2017-10-17.ttl", datasets: 133, quirks: [/No access rights|contact point/] },
  { file: "nav-2017-10-31.ttl", datasets: 42, quirks: [] },
  { file: "npolar-2017.jsonld", datasets: 47, quirks: [/wrong vCard namespace/, /No Norwegian title/] },
  { file: "datanorge-difi-2017-10-19.jsonld", datasets: 33, quirks: [/Language tag "no"/, /read as CSV/] },
  { file: "entryscape-statensvegvesen-namedgraphs.jsonld", datasets: 4, quirks: [/not a valid date/] },
  { file: "dcat-ap-no-2.0-examples.ttl", datasets: 1, quirks: [] },
  { file: "opendata-swiss-catalog.rdf", datasets: 2, quirks: [/blank-node dataset was given the URI/, /No Norwegian title/] },
  { file: "arcgis-hub-evian-dcat-us-1.1.json", datasets: 8, kind: "dcat-us", quirks: [/HTML markup removed/] },
];

let t: TestDatabase;
let server: TestFeedServer;

/** Some of NAV's access URLs, checked before the feeds are harvested (their scores use the checks). */
const CHECKED_URLS = [...new Set([...fs.readFileSync(path.join(FIXTURES, "nav-2017-10-31.ttl"), "utf8").matchAll(/accessURL\s+<([^>]+)>/g)].map((m) => m[1]!))].slice(0, 6);

beforeAll(async () => {
  t = createTestDatabase();
  CHECKED_URLS.forEach((url, i) =>
    t.db.insert(urlChecks).values({ url, ok: i % 2 === 0, status: i % 2 === 0 ? 200 : 404, checkedAt: `2026-01-0${i + 1}T00:00:00.000Z` }).run(),
  );
  server = await startFeedServer((_req, res, url) => {
    if (url.pathname.startsWith("/hydra/")) {
      // The udata Hydra pages name data.test.org; served here with this server's origin instead.
      const page = url.searchParams.get("page") ?? "1";
      const text = fs.readFileSync(path.join(FIXTURES, `hydra-paged-collection-${page}.jsonld`), "utf8");
      res.setHeader("Content-Type", "application/ld+json");
      res.end(text.replaceAll("http://data.test.org/catalog.jsonld", `${server.origin}/hydra/catalog.jsonld`));
      return;
    }
    const file = path.join(FIXTURES, path.basename(url.pathname));
    if (!fs.existsSync(file)) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader("Content-Type", CONTENT_TYPES[file.split(".").pop()!] ?? "application/octet-stream");
    res.end(fs.readFileSync(file));
  });
});
afterAll(async () => {
  await server.close();
  t.cleanup();
});

const limits = { allowPrivateNetwork: true };

function addSource(name: string, url: string, kind: "dcat" | "ckan" | "dcat-us" = "dcat") {
  return t.db.insert(harvestSources).values({ name, url, kind }).returning().get();
}

describe("real DCAT feeds over HTTP", () => {
  it.each(FEEDS)("$file: $datasets datasets, quirks as warnings, then all unchanged", async ({ file, datasets, kind, quirks }) => {
    const source = addSource(file, `${server.origin}/${file}`, kind ?? "dcat");
    const first = await runHarvest(t.db, { source, triggeredBy: "test", limits });
    const errors = listHarvestJobMessages(t.db, { jobId: first.jobId, level: "error", limit: 5 }).map((m) => `${m.recordUri}: ${m.message}`);
    expect(errors).toEqual([]);
    expect(first).toMatchObject({ status: "succeeded", created: datasets, updated: 0, failed: 0 });
    const warnings = listHarvestJobMessages(t.db, { jobId: first.jobId, limit: 100_000 }).map((m) => m.message);
    for (const quirk of quirks) expect(warnings.some((w) => quirk.test(w)), `a warning matching ${quirk}`).toBe(true);
    const stored = t.db.get<{ n: number }>(sql`select count(*) as n from catalogue_records where harvest_source_id = ${source.id} and origin = 'harvest' and raw is not null and content_hash is not null`)!.n;
    expect(stored).toBe(datasets);
    // Each record's own description is kept compressed, and reads back as the source gave it.
    const raws = t.db.all<{ uri: string; raw: Uint8Array; encoding: RawEncoding; format: string }>(sql`
      select d.uri, r.raw, r.raw_encoding as encoding, r.raw_format as format
      from catalogue_records r join datasets d on d.id = r.dataset_id where r.harvest_source_id = ${source.id}`);
    for (const row of raws) {
      expect(row.encoding).toBe("br");
      const text = unpackRaw(row.raw, row.encoding)!;
      expect(row.raw.byteLength).toBeLessThan(Buffer.byteLength(text));
      if (row.format === "text/turtle") {
        const quads = new N3Parser({ format: "Turtle" }).parse(text);
        // The dataset's own triples (a blank-node dataset, given a URI by the harvest, by its blank node).
        expect(quads.some((q) => q.subject.value === row.uri || q.subject.termType === "BlankNode")).toBe(true);
      } else {
        expect(row.format).toBe("application/json");
        expect(JSON.parse(text)).toBeTypeOf("object");
      }
    }

    const second = await runHarvest(t.db, { source: t.db.select().from(harvestSources).where(eq(harvestSources.id, source.id)).get()!, triggeredBy: "test", limits });
    expect(second.error).toBeUndefined();
    expect(second).toMatchObject({ status: "succeeded", created: 0, updated: 0, unchanged: datasets, archived: 0, failed: 0 });
  });

  it("follows Hydra PagedCollection pages (nextPage) and reads both", async () => {
    const source = addSource("hydra", `${server.origin}/hydra/catalog.jsonld?page=1`);
    const report = await runHarvest(t.db, { source, triggeredBy: "test", limits });
    expect(report).toMatchObject({ status: "succeeded", created: 4, failed: 0 });
    expect(server.hits).toContain("/hydra/catalog.jsonld?page=2");
  });

  it("keeps Geonorge's facts: access rights, licences, SOSI, publishers by organisation number", () => {
    const rows = t.db.all<{ access: string; n: number }>(sql`
      select d.access_rights as access, count(*) as n from datasets d join catalogue_records r on r.dataset_id = d.id
      join harvest_sources s on s.id = r.harvest_source_id where s.name = 'geonorge-2017-10-19.rdf' group by 1 order by 1`);
    expect(rows).toEqual([
      { access: "PUBLIC", n: 167 },
      { access: "RESTRICTED", n: 1 },
    ]);
    const sosi = t.db.get<{ n: number }>(sql`select count(*) as n from distributions where format = 'SOSI'`)!.n;
    expect(sosi).toBeGreaterThan(100);
    const kartverket = t.db.get<{ slug: string; uri: string }>(sql`select slug, uri from publishers where org_number = '971040238'`);
    expect(kartverket?.uri).toBe("https://organization-catalog.fellesdatakatalog.digdir.no/organizations/971040238");
    const licences = t.db.all<{ license: string }>(sql`select distinct license from distributions where license is not null`).map((r) => r.license);
    for (const l of licences) expect(l.startsWith("http://publications.europa.eu/resource/authority/licence/") || l.includes("geonorge.no")).toBe(true);
  });

  it("scores every harvested dataset as a recompute from its tables does", () => {
    // A harvest scores its records from what it wrote (WrittenQuality), not read back: over every
    // record of every real feed, the stored scores must be those the tables give.
    expect(CHECKED_URLS.length).toBeGreaterThan(3);
    const rows = () =>
      t.db.all<{ urls_checked_at: string | null }>(sql`select * from dataset_quality order by dataset_id`).map((row) => ({ ...row, computed_at: undefined }));
    const harvested = rows();
    expect(harvested.length).toBeGreaterThan(700);
    // Some scores used the URL checks (an answered URL moves the score and the date it was checked).
    expect(harvested.filter((row) => row.urls_checked_at !== null).length).toBeGreaterThan(0);
    recomputeCatalogueQuality(t.db);
    expect(rows()).toEqual(harvested);
  });

  it("keeps the stored openness and the KPI counters of every harvested dataset as a full rebuild gives them", () => {
    // A harvest refreshes them batch by batch as it writes, from what it wrote (refreshWrittenDatasetsOpenness: the
    // rule in its function form), never by a rebuild (the rule in SQL over the tables).
    const harvested = storedKpiAggregates(t.db);
    expect(harvested.openness.length).toBeGreaterThan(700);
    t.db.transaction((tx) => rebuildKpiAggregates(tx));
    expect(storedKpiAggregates(t.db)).toEqual(harvested);
  });

  it("indexes every harvested dataset for search as its tables give it", () => {
    // A harvest builds its search rows from what it wrote (indexWrittenDatasets), not read back.
    const rows = () => t.db.all(sql`select rowid, title, keywords, publisher, description from dataset_search order by rowid`);
    const harvested = rows();
    expect(harvested.length).toBeGreaterThan(700);
    const ids = t.db.all<{ id: number }>(sql`select id from datasets`).map((r) => r.id);
    t.db.transaction((tx) => ids.forEach((id) => indexDataset(tx, id)));
    expect(rows()).toEqual(harvested);
  });

  it("stores each harvested dataset's first revision as the dataset reads back from its tables", () => {
    // createDataset builds the snapshot from the validated input instead of reading it back: over
    // every record of every real feed, the two must agree (the diffs of later edits rely on it).
    const rows = t.db.all<{ id: number; snapshot: string }>(sql`select dataset_id as id, snapshot from revisions where action = 'create'`);
    expect(rows.length).toBeGreaterThan(700);
    const sorted = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(sorted)
        : value && typeof value === "object"
          ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sorted(v)]))
          : value;
    const differing = rows.filter((row) => JSON.stringify(sorted(JSON.parse(row.snapshot))) !== JSON.stringify(sorted(readDatasetInput(t.db, row.id))));
    expect(differing.map((row) => row.id)).toEqual([]);
  });
});
