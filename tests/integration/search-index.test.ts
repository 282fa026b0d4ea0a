import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { seedDemoCatalogue } from "@/db/seed";
import { sql } from "drizzle-orm";
import { createDataset, DeferredDerived } from "@/lib/catalogue/create-dataset";
import { indexDataset } from "@/lib/search/index-dataset";
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

/** A published dataset of Kartverket's with one CSV distribution, registered through this connection. */
const publish = (title: string, description: string, more: { modified?: string } = {}) =>
  t.db.transaction((tx) =>
    createDataset(tx, {
      input: {
        title: { nb: title },
        description: { nb: description },
        publisher: "kartverket",
        themes: ["ENVI"],
        accessRights: "PUBLIC",
        distributions: [{ accessURL: "https://example.org/data.csv", format: "CSV" }],
        state: "published",
        ...more,
      },
      actor: { label: "test" },
    }),
  );

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
    publish("Sjøfuglkolonier på Sunnmøre", "Hekkende sjøfugl i kolonier langs kysten.");
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

describe("the full-text rows of a batch written together (a harvest's)", () => {
  it("are the rows read back from the tables: keywords in every language, in SQLite's order of their bytes, characters past U+FFFF too", () => {
    const searchRow = (id: number) => t.db.get(sql`select title, keywords, publisher, description from dataset_search where rowid = ${id}`);
    const deferred = new DeferredDerived();
    const ids = t.db.transaction((tx) => {
      const written = [
        { nb: ["veg", "Ål", "ﬀ-ligatur", "😀 smil", "\uFFFD", "bru"], nn: ["Veg"], en: ["road", "Bridge"] },
        { en: ["𝔘nicode", "zebra", "\uE000privat"] },
        {},
      ].map((keywords, i) =>
        createDataset(tx, {
          input: {
            title: { nb: `Batch ${i} Ålesund`, nn: i === 0 ? `Bolk ${i}` : undefined, en: "Batch" },
            description: { nb: `Beskrivelse ${i} med «sitat» og Æøå`, en: i === 1 ? "Description" : undefined },
            keywords,
            publisher: i === 2 ? "kartverket" : "alesund-kommune",
            themes: ["TRAN"],
            accessRights: "PUBLIC",
            state: "published",
          },
          actor: { label: "test" },
          deferred,
        }).id,
      );
      deferred.flush(tx);
      return written;
    });
    const batch = ids.map(searchRow);
    expect(batch.every((row) => row !== undefined)).toBe(true);
    t.db.transaction((tx) => ids.forEach((id) => indexDataset(tx, id)));
    expect(ids.map(searchRow)).toEqual(batch);
  });
});

describe("sort orders", () => {
  const slugsIn = (raw: Record<string, string>) => {
    const slugs: string[] = [];
    for (let page = 1; ; page++) {
      const { results } = searchDatasets(t.db, parseSearchParams({ ...raw, limit: "100", page: String(page) }));
      if (results.length === 0) return slugs;
      slugs.push(...results.map((r) => r.slug));
    }
  };
  const publishedTitles = () =>
    t.db.$client.prepare("select slug, title_nb as title, id from datasets where state = 'published'").all() as { slug: string; title: string; id: number }[];

  it("sorts by Bokmål title in Norwegian alphabetical order (æ, ø, å last), also after a dataset is added", () => {
    const collator = new Intl.Collator("nb", { sensitivity: "base", numeric: true });
    const expected = () => publishedTitles().sort((a, b) => collator.compare(a.title, b.title) || a.id - b.id).map((r) => r.slug);
    expect(slugsIn({ sort: "title" })).toEqual(expected());
    const created = publish("Ærfugl i skjærgården", "Hekkende ærfugl.");
    const after = slugsIn({ sort: "title" });
    expect(after).toEqual(expected());
    // Æ sorts after A-Z and before Ø and Å.
    const titles = new Map(publishedTitles().map((r) => [r.slug, r.title]));
    const position = after.indexOf(created.slug);
    expect(after.slice(0, position).every((slug) => /^[^ÆØÅæøå]/.test(titles.get(slug)!))).toBe(true);
    expect(after.slice(position + 1).every((slug) => /^[ÆØÅæøå]/.test(titles.get(slug)!))).toBe(true);
  });

  it("sorts by modified date as points in time: dates with different UTC offsets compare by the instant they state", () => {
    const make = (title: string, modified: string) => publish(title, "Tidssone.", { modified }).slug;
    // 23:30 at UTC−02:00 on the 1st is 01:30 UTC on the 2nd: later than 00:30 UTC on the 2nd, though it reads earlier.
    const later = make("Tidssone vest", "2099-05-01T23:30:00-02:00");
    const earlier = make("Tidssone null", "2099-05-02T00:30:00Z");
    const dayOnly = make("Tidssone dato", "2099-05-01");
    const order = slugsIn({ sort: "modified" });
    expect(order.slice(0, 3)).toEqual([later, earlier, dayOnly]);
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
