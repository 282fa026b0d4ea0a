import { closeDatabase, openDatabase } from "@/db/client";
import { parseSearchParams } from "@/lib/search/params";
import { computeSearch, searchDatasets } from "@/lib/search/search-datasets";
import { getFacetIndex } from "@/lib/search/facet-index";
import { searchDatasetsSql } from "@/lib/search/search-sql";
import { ensureBenchCatalogue } from "./support/catalogue";
import { median, runLoad } from "./support/load";
import { startBenchServer } from "./support/server";

/**
 * Issue 3's search benchmark: /api/datasets and the search page under 16 concurrent connections
 * over a realistic query mix with facets, on 100,000 synthetic datasets (and 1,000,000 with
 * BENCH_MILLION=1), against the same queries run in-process.
 */
const QUERIES: Record<string, string>[] = [
  {},
  { q: "bygninger" },
  { q: "vannkvalitet" },
  { q: "ålesund" },
  { q: "alesund skoler" },
  { q: "trafikkmengde", theme: "TRAN" },
  { q: "ladestasjoner" },
  { q: "reguleringsplaner molde" },
  { q: "barnehager", page: "2" },
  { q: "støykart" },
  { q: "flomsoner", access: "PUBLIC" },
  { q: "høydekurver" },
  { q: "bussholdeplasser", format: "GEOJSON" },
  { theme: "ENVI" },
  { theme: "REGI", format: "SOSI" },
  { publisher: "alesund-kommune" },
  { publisher: "molde-kommune", theme: "SOCI" },
  { open: "true" },
  { open: "true", format: "CSV" },
  { license: "http://publications.europa.eu/resource/authority/licence/NLOD_2_0" },
  { keyword: "åpne data" },
  { sort: "title" },
  { sort: "title", page: "50" },
  { page: "3" },
  { q: "kommune", sort: "modified" },
  { q: "skolr" },
  { q: "luftkvalitet bergen 2021" },
  { theme: "TRAN", publisher: "bergen-kommune" },
];

const toQuery = (q: Record<string, string>) => new URLSearchParams(q).toString();

async function benchAt(count: number, port: number): Promise<void> {
  const file = ensureBenchCatalogue(count);

  // In-process reference: the same searches straight on the database, no HTTP, no framework.
  const db = openDatabase(file, { readonly: true });
  const inProcess: number[] = [];
  const sqlOnly: number[] = [];
  searchDatasets(db, parseSearchParams({}));
  for (let round = 0; round < 5; round++) {
    for (const q of QUERIES) {
      const params = parseSearchParams(q);
      const t = performance.now();
      computeSearch(db, getFacetIndex(db), params);
      inProcess.push(performance.now() - t);
    }
  }
  // The SQL-only design takes seconds per query at this size: time a few representative ones once.
  for (const q of [QUERIES[1]!, QUERIES[13]!, QUERIES[15]!, QUERIES[24]!]) {
    const t = performance.now();
    searchDatasetsSql(db, parseSearchParams(q));
    sqlOnly.push(performance.now() - t);
  }
  const page = (n: number) => {
    const times: number[] = [];
    const params = parseSearchParams({ page: String(n) });
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      computeSearch(db, getFacetIndex(db), params);
      times.push(performance.now() - t);
    }
    return median(times);
  };
  const page1 = page(1);
  const page500 = page(500);
  closeDatabase(db);

  const server = await startBenchServer(file, port);
  try {
    const apiPaths = QUERIES.map((q) => `/api/datasets?${toQuery(q)}`);
    const pagePaths = QUERIES.map((q) => `/datasets?${toQuery(q)}`);
    await runLoad(server.url, apiPaths, { connections: 4, seconds: 3 }); // warm-up
    const api = await runLoad(server.url, apiPaths, { connections: 16, seconds: 15 });
    const html = await runLoad(server.url, pagePaths, { connections: 16, seconds: 15 });
    // The same mix with a different page number on every request, so the result cache rarely helps.
    const coldPaths = QUERIES.flatMap((q) => Array.from({ length: 60 }, (_, i) => `/api/datasets?${toQuery({ ...q, page: String(i + 1), limit: "10" })}`));
    const cold = await runLoad(server.url, coldPaths, { connections: 16, seconds: 15 });
    const deep1 = await runLoad(server.url, ["/api/datasets?page=1"], { connections: 1, seconds: 3 });
    const deep500 = await runLoad(server.url, ["/api/datasets?page=500"], { connections: 1, seconds: 3 });

    const goal = count >= 1_000_000 ? 100 : 25;
    console.log(`\n${count.toLocaleString("en")} datasets, 16 connections, ${QUERIES.length} queries with facets:`);
    console.log(`  /api/datasets   p50 ${api.p50} ms, p95 ${api.p95} ms (goal ≤ ${goal}), ${api.rps.toFixed(0)} req/s (goal ≥ 400), errors ${api.errors + api.non2xx}`);
    console.log(`  API, uncached  p50 ${cold.p50} ms, p95 ${cold.p95} ms, ${cold.rps.toFixed(0)} req/s (${coldPaths.length} distinct requests)`);
    console.log(`  search page     p50 ${html.p50} ms, p95 ${html.p95} ms (goal ≤ 80), ${html.rps.toFixed(0)} req/s, errors ${html.errors + html.non2xx}`);
    console.log(`  in-process      median ${median(inProcess).toFixed(2)} ms (the search uncached, same queries, no HTTP; the server caches repeated queries until the catalogue changes)`);
    console.log(`  ratio           API median / in-process median = ${(api.p50 / median(inProcess)).toFixed(2)} (goal ≤ 2)`);
    console.log(`  SQL-only        median ${median(sqlOnly).toFixed(1)} ms (facets as SQL GROUP BYs, the reference design; ${(median(sqlOnly) / median(inProcess)).toFixed(0)}× the index)`);
    console.log(`  deep paging     page 500 / page 1 = ${(page500 / page1).toFixed(2)} in-process (${page500.toFixed(2)} / ${page1.toFixed(2)} ms), ${(deep500.p50 / Math.max(deep1.p50, 1)).toFixed(2)} over HTTP (goal ≤ 2)`);
    console.log(`  server peak RSS ${server.peakRssMb().toFixed(0)} MB`);
  } finally {
    await server.stop();
  }
}

export default async function run(): Promise<void> {
  await benchAt(100_000, 3510);
  if (process.env.BENCH_MILLION === "1") await benchAt(1_000_000, 3511);
}
