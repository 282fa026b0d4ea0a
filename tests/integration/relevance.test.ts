import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoCatalogue } from "@/db/seed";
import { parseSearchParams } from "@/lib/search/params";
import { searchDatasets } from "@/lib/search/search-datasets";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

type Case = { q: string; expect: string; kind: string };
const { queries } = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, "../fixtures/relevance.json"), "utf8"),
) as { queries: Case[] };

let t: TestDatabase;
beforeAll(() => {
  t = createTestDatabase();
  seedDemoCatalogue(t.db);
});
afterAll(() => t.cleanup());

describe("relevance on the demo catalogue", () => {
  it("has a test set of at least 30 queries of every kind", () => {
    expect(queries.length).toBeGreaterThanOrEqual(30);
    expect(new Set(queries.map((c) => c.kind))).toEqual(new Set(["plain", "letters", "typo", "english"]));
  });

  it("finds the expected dataset in the top 3 for at least 90% of the queries", () => {
    const outcomes = queries.map((c) => {
      const slugs = searchDatasets(t.db, parseSearchParams({ q: c.q, limit: "10" })).results.map((r) => r.slug);
      const rank = slugs.indexOf(c.expect) + 1;
      return { ...c, rank, top: slugs.slice(0, 3) };
    });
    const found = outcomes.filter((o) => o.rank >= 1 && o.rank <= 3);
    const share = found.length / outcomes.length;
    const meanRank = found.reduce((n, o) => n + o.rank, 0) / Math.max(found.length, 1);
    const byKind = [...new Set(outcomes.map((o) => o.kind))].map((kind) => {
      const of = outcomes.filter((o) => o.kind === kind);
      return `${kind} ${of.filter((o) => o.rank >= 1 && o.rank <= 3).length}/${of.length}`;
    });
    console.log(
      `Relevance: ${found.length}/${outcomes.length} found in the top 3 (${(share * 100).toFixed(1)}%), ` +
        `mean rank ${meanRank.toFixed(2)}; ${byKind.join(", ")}`,
    );
    for (const miss of outcomes.filter((o) => !(o.rank >= 1 && o.rank <= 3))) {
      console.log(`  missed "${miss.q}" (${miss.kind}): expected ${miss.expect}, rank ${miss.rank || "-"}, top 3 ${miss.top.join(", ")}`);
    }
    expect(share).toBeGreaterThanOrEqual(0.9);
  });
});
