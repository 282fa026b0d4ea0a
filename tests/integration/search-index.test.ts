import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { seedDemoCatalogue } from "@/db/seed";
import { createDataset } from "@/lib/catalogue/create-dataset";
import { parseSearchParams } from "@/lib/search/params";
import { searchDatasets, type SearchResult } from "@/lib/search/search-datasets";
import { searchDatasetsSql } from "@/lib/search/search-sql";
import { recomputeCatalogueQuality } from "@/lib/quality/store-quality";
import { loadSyntheticCatalogue } from "@/lib/synthetic/load";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
beforeAll(() => {
  t = createTestDatabase();
  seedDemoCatalogue(t.db);
  loadSyntheticCatalogue(t.db, { count: 3000, seed: 11 });
  recomputeCatalogueQuality(t.db);
});
afterAll(() => t.cleanup());

const facetMap = (result: SearchResult, field: keyof SearchResult["facets"]) =>
  Object.fromEntries(result.facets[field].map((f) => [f.value, f.count]));

const CASES: Record<string, string | string[]>[] = [
  {},
  { q: "kommune" },
  { q: "vann", theme: "ENVI" },
  { theme: ["ENVI", "TRAN"], access: "PUBLIC" },
  { publisher: "kartverket" },
  { publisher: "alesund-kommune", format: "CSV" },
  { open: "true", theme: "REGI" },
  { open: "false" },
  { format: ["WMS_SRVC", "SOSI"], license: "http://publications.europa.eu/resource/authority/licence/NLOD_2_0" },
  { keyword: "åpne data", theme: "SOCI" },
  { q: "kvikkleire zebrastriper" },
  { q: "bygninger", sort: "modified", page: "3", limit: "10" },
  { page: "40", limit: "50" },
  { format: "DOES_NOT_EXIST" },
  { quality: "good" },
  { quality: ["sufficient", "bad"], theme: "ENVI" },
  { sort: "quality", page: "2" },
];

describe("the in-memory facet index", () => {
  it("gives the same totals, pages and facet counts as the SQL reference", () => {
    for (const raw of CASES) {
      const params = parseSearchParams(raw);
      const fast = searchDatasets(t.db, params);
      const reference = searchDatasetsSql(t.db, params);
      const label = JSON.stringify(raw);
      expect(fast.total, label).toBe(reference.total);
      expect(fast.query?.mode, label).toBe(reference.query?.mode);
      for (const field of ["theme", "publisher", "format", "license", "access", "open", "quality"] as const) {
        expect(facetMap(fast, field), `${label} ${field}`).toEqual(facetMap(reference, field));
      }
      const keywords = facetMap(reference, "keyword");
      for (const [value, count] of Object.entries(facetMap(fast, "keyword"))) {
        if (value in keywords) expect(count, `${label} keyword ${value}`).toBe(keywords[value]);
      }
      if (!raw.q || raw.sort === "modified") {
        expect(fast.results.map((r) => r.slug), label).toEqual(reference.results.map((r) => r.slug));
      }
    }
  });

  it("sees a dataset registered through this connection at once", () => {
    const before = searchDatasets(t.db, parseSearchParams({ q: "sjøfuglkolonier" })).total;
    t.db.transaction((tx) =>
      createDataset(tx, {
        input: {
          title: { nb: "Sjøfuglkolonier på Sunnmøre" },
          description: { nb: "Hekkende sjøfugl i kolonier langs kysten." },
          publisher: "kartverket",
          themes: ["ENVI"],
          accessRights: "PUBLIC",
          distributions: [{ accessURL: "https://example.org/sjofugl.csv", format: "CSV" }],
          state: "published",
        },
        actor: { label: "test" },
      }),
    );
    const after = searchDatasets(t.db, parseSearchParams({ q: "sjøfuglkolonier", theme: "ENVI" }));
    expect(before).toBe(0);
    expect(after.total).toBe(1);
    expect(after.facets.format).toEqual([expect.objectContaining({ value: "CSV", count: 1 })]);
  });

  it("sees a change committed by another connection to the same file", () => {
    const other = openDatabase(t.file);
    try {
      const first = searchDatasets(t.db, parseSearchParams({ publisher: "kartverket" })).total;
      other.$client
        .prepare("update datasets set state = 'withdrawn', updated_at = ? where slug = 'dtm-10'")
        .run(new Date().toISOString());
      expect(searchDatasets(t.db, parseSearchParams({ publisher: "kartverket" })).total).toBe(first - 1);
    } finally {
      other.$client.close();
    }
  });
});

describe("quality in search", () => {
  it("offers the MQA bands as a facet and sorts by score", () => {
    const result = searchDatasets(t.db, parseSearchParams({ sort: "quality", limit: "50" }));
    expect(result.facets.quality.map((f) => f.value).sort()).toEqual(expect.arrayContaining(["good", "sufficient"]));
    const scores = result.results.map((r) => t.db.$client.prepare("select score from dataset_quality d join datasets x on x.id = d.dataset_id where x.slug = ?").pluck().get(r.slug) as number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
});
