import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoCatalogue } from "@/db/seed";
import { getDatasetBySlug } from "@/lib/catalogue/get-dataset";
import { AppError } from "@/lib/errors";
import { parseSearchParams } from "@/lib/search/params";
import { searchDatasets } from "@/lib/search/search-datasets";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
beforeAll(() => {
  t = createTestDatabase();
  seedDemoCatalogue(t.db);
});
afterAll(() => t.cleanup());

const search = (params: Record<string, string | string[]>) => searchDatasets(t.db, parseSearchParams(params));

describe("searchDatasets: shape and paging", () => {
  it("reports the whole catalogue and pages through it without gaps or repeats", () => {
    const first = search({ limit: "20" });
    expect(first.total).toBe(150);
    expect(first.results).toHaveLength(20);
    const seen = new Set<string>();
    for (let page = 1; page <= 8; page++) {
      const { results } = search({ limit: "20", page: String(page), sort: "title" });
      expect(results.length).toBe(page === 8 ? 10 : 20);
      for (const r of results) seen.add(r.slug);
    }
    expect(seen.size).toBe(150);
    expect(search({ page: "9", limit: "20" }).results).toEqual([]);
  });

  it("answers in the contract's shape, multilingual fields keyed by language", () => {
    const hit = search({ q: "Arealplaner" }).results.find((r) => r.slug === "arealplaner")!;
    expect(Object.keys(hit).sort()).toEqual(
      ["accessRights", "description", "formats", "isOpen", "license", "modified", "publisher", "slug", "themes", "title", "uri"].sort(),
    );
    expect(hit.title.nb).toBe("Arealplaner");
    expect(hit.uri).toBe("http://localhost:3999/datasets/arealplaner");
    expect(hit.publisher).toMatchObject({ slug: "alesund-kommune", name: { nb: "Ålesund kommune" } });
  });
});

describe("searchDatasets: text", () => {
  it("folds Norwegian letters both ways", () => {
    const withLetters = search({ q: "Ålesund", limit: "100" });
    const without = search({ q: "alesund", limit: "100" });
    expect(without.total).toBeGreaterThan(0);
    expect(without.total).toBeLessThan(150);
    expect(without.total).toBe(withLetters.total);
    expect(without.results.length).toBe(without.total);
    expect(search({ q: "hoydemodell" }).results.some((r) => r.title.nb === "Nasjonal detaljert høydemodell (NDH)")).toBe(true);
    expect(search({ q: "Løsmasser" }).total).toBe(search({ q: "losmasser" }).total);
  });
  it("treats FTS syntax as text and never fails", () => {
    for (const q of ['"', "NEAR(", "title:", "*", "a OR", ")(", "'; drop table datasets; --"]) {
      expect(() => search({ q })).not.toThrow();
    }
    expect(t.db.get<{ n: number }>(sql`select count(*) as n from datasets`)!.n).toBe(150);
  });
});

describe("searchDatasets: typos and partial matches", () => {
  it("searches a misspelt word as the indexed words one edit away, and reports it", () => {
    const result = search({ q: "kvikleire" });
    expect(result.results[0]?.slug).toBe("kvikkleire");
    expect(result.query).toMatchObject({ mode: "all", corrections: [{ word: "kvikleire", suggestions: ["kvikkleire"] }] });
    expect(result.query?.highlight.terms).toContain("kvikkleire");
  });
  it("leaves short words and known words alone", () => {
    expect(search({ q: "dam " }).query?.corrections).toEqual([]);
    expect(search({ q: "kvikkleire" }).query?.corrections).toEqual([]);
  });
  it("falls back to the best partial matches when no dataset has every term, and says so", () => {
    const strict = search({ q: "kvikkleire zebrastriper " });
    expect(strict.query?.mode).toBe("partial");
    expect(strict.total).toBeGreaterThan(0);
    expect(strict.results[0]?.slug).toBe("kvikkleire");
    expect(search({ q: "zebrastriper " }).total).toBe(0);
  });
});

describe("searchDatasets: facets", () => {
  it("counts themes as the catalogue states them", () => {
    const { facets } = search({});
    const theme = Object.fromEntries(facets.theme.map((f) => [f.value, f.count]));
    // The source's counts, plus one REGI and one TRAN added to two records that had no theme, and
    // the legacy code POPU read as SOCI (see db/seed/demo-catalogue.json).
    expect(theme).toEqual({ REGI: 55, ENVI: 50, AGRI: 22, GOVE: 18, TRAN: 16, SOCI: 15, JUST: 10, EDUC: 8, ENER: 5, HEAL: 4, ECON: 2 });
    expect(facets.theme.find((f) => f.value === "ENVI")?.label.en).toBeTruthy();
  });
  it("combines filters with AND across facets and OR within one", () => {
    const kartverket = search({ publisher: "kartverket" });
    expect(kartverket.total).toBe(46);
    const two = search({ publisher: ["kartverket", "kystverket"] });
    expect(two.total).toBe(52);
    const regi = search({ publisher: "kartverket", theme: "REGI" });
    expect(regi.total).toBeLessThan(46);
    expect(regi.results.every((r) => r.publisher.slug === "kartverket" && r.themes.includes("REGI"))).toBe(true);
  });
  it("counts each facet under the other filters but not its own", () => {
    const { facets } = search({ publisher: "kartverket" });
    // the publisher facet still offers every publisher...
    expect(facets.publisher.length).toBe(20);
    // ...while the theme counts are Kartverket's alone
    expect(facets.theme.reduce((n, f) => Math.max(n, f.count), 0)).toBeLessThanOrEqual(46);
  });
  it("filters open and not-open datasets, agreeing with the per-dataset rule", () => {
    const open = search({ open: "true", limit: "100" });
    const closed = search({ open: "false", limit: "100" });
    expect(open.total + closed.total).toBe(150);
    expect(open.total).toBeGreaterThan(0);
    expect(closed.total).toBeGreaterThan(0);
    for (const hit of [...open.results, ...closed.results]) {
      const details = getDatasetBySlug(t.db, { slug: hit.slug })!;
      expect(details.openness.isOpen, hit.slug).toBe(hit.isOpen);
    }
    expect(open.results.every((r) => r.isOpen)).toBe(true);
    expect(closed.results.every((r) => !r.isOpen)).toBe(true);
  });
});

describe("parseSearchParams", () => {
  it("names the bad parameter", () => {
    const bad = (params: Record<string, string>, name: string) => {
      try {
        parseSearchParams(params);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe("bad_request");
        expect((error as AppError).message).toContain(`"${name}"`);
      }
    };
    bad({ page: "0" }, "page");
    bad({ page: "x" }, "page");
    bad({ limit: "1000" }, "limit");
    bad({ theme: "NOPE" }, "theme");
    bad({ sort: "random" }, "sort");
    bad({ colour: "blue" }, "colour");
    bad({ open: "yes" }, "open");
  });
  it("reads repeated parameters as several values", () => {
    expect(parseSearchParams(new URLSearchParams("theme=ENVI&theme=TRAN")).theme).toEqual(["ENVI", "TRAN"]);
  });
});
