import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoCatalogue } from "@/db/seed";
import { getDatasetBySlug } from "@/lib/catalogue/get-dataset";
import { parseSearchParams } from "@/lib/search/params";
import { searchDatasets } from "@/lib/search/search-datasets";
import { generateDataset } from "@/lib/synthetic/generate";
import { loadSyntheticCatalogue } from "@/lib/synthetic/load";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
beforeAll(() => {
  t = createTestDatabase();
  seedDemoCatalogue(t.db);
});
afterAll(() => t.cleanup());

describe("synthetic catalogue", () => {
  it("is deterministic for a seed", () => {
    expect(generateDataset(7, 42, ["a", "b"])).toEqual(generateDataset(7, 42, ["a", "b"]));
    expect(generateDataset(7, 42, ["a", "b"])).not.toEqual(generateDataset(8, 42, ["a", "b"]));
  });

  it("adds valid, searchable records beside the demo catalogue, with 2-5 distributions each", () => {
    const report = loadSyntheticCatalogue(t.db, { count: 500, seed: 3 });
    expect(report).toMatchObject({ datasets: 500, publishers: 50 });
    const n = (q: string) => t.db.get<{ n: number }>(sql.raw(q))!.n;
    expect(n("select count(*) as n from datasets")).toBe(650);
    expect(n("select count(*) as n from dataset_search")).toBe(650);
    expect(n("select count(*) as n from publishers")).toBe(70);
    const perDataset = `select count(*) as c from distributions x join catalogue_records r on r.dataset_id = x.dataset_id
      where r.source_note like 'Synthetic%' group by x.dataset_id`;
    expect(n(`select min(c) as n from (${perDataset})`)).toBe(2);
    expect(n(`select max(c) as n from (${perDataset})`)).toBe(5);
    expect(n("select count(distinct state) as n from datasets")).toBe(3);

    const hit = searchDatasets(t.db, parseSearchParams({ q: "kommune", limit: "1", sort: "modified" })).results[0]!;
    const details = getDatasetBySlug(t.db, { slug: hit.slug });
    expect(details?.distributions.length).toBeGreaterThanOrEqual(1);
    expect(details?.openness.isOpen).toBe(hit.isOpen);
  });

  it("can run twice on the same database without clashing", () => {
    loadSyntheticCatalogue(t.db, { count: 100, seed: 3 });
    expect(t.db.get<{ n: number }>(sql`select count(*) as n from publishers`)!.n).toBe(70);
    expect(t.db.get<{ n: number }>(sql`select count(*) as n from datasets`)!.n).toBe(750);
  });
});
