import { sql } from "drizzle-orm";
import { closeDatabase, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { computeKpi, recountKpi } from "@/lib/kpi/compute-kpi";
import { ensureKpiAggregates, refreshDatasetOpenness } from "@/lib/kpi/refresh-openness";
import { WHOLE_CATALOGUE } from "@/lib/kpi/scope";
import { computeCatalogueQuality } from "@/lib/quality/catalogue-quality";
import { recomputeCatalogueQuality } from "@/lib/quality/store-quality";
import { ensureBenchCatalogue } from "./support/catalogue";
import { median, runLoad } from "./support/load";
import { startBenchServer } from "./support/server";

/**
 * Issue 7's benchmark: GET /kpi.json for the whole catalogue over HTTP (p95 ≤ 50 ms on 100,000
 * datasets, ≤ 200 ms on 1,000,000 with BENCH_MILLION=1), compared with a full recount of the KPI
 * from the raw tables in-process (what /kpi.json would cost without the maintained counters), the
 * cost a write pays to keep the counters current, and the quality score of the whole catalogue
 * recomputed (goal ≥ 10,000 datasets/s).
 */
const timeIt = (fn: () => unknown): number => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};

async function benchAt(count: number, port: number): Promise<void> {
  const file = ensureBenchCatalogue(count);
  const db = openDatabase(file);
  const whole = { ...WHOLE_CATALOGUE, publisherId: null };
  let publisherSlug = "";
  try {
    migrateDatabase(db);
    let check = ensureKpiAggregates(db);
    const ensureMs = timeIt(() => (check = ensureKpiAggregates(db)));
    db.run(sql`update kpi_state set value = 'bench-stale' where key = 'openness_rule'`);
    const rebuildMs = timeIt(() => ensureKpiAggregates(db));
    const inventory = computeKpi(db, whole).inventory;
    publisherSlug = db.get<{ slug: string }>(sql`select slug from publishers order by id limit 1`)!.slug;

    const served: number[] = [];
    for (let i = 0; i < 500; i++) served.push(timeIt(() => computeKpi(db, whole)));
    const recount: number[] = [];
    for (let i = 0; i < 3; i++) recount.push(timeIt(() => recountKpi(db, whole)));
    const agree =
      JSON.stringify({ ...computeKpi(db, whole), computedAt: "" }) === JSON.stringify({ ...recountKpi(db, whole), computedAt: "" });

    // A write's share: re-evaluating one dataset and moving it between the counters of its scopes.
    const ids = db.all<{ id: number }>(sql`select dataset_id as id from dataset_openness order by random() limit 200`);
    const refresh = ids.map(({ id }) => timeIt(() => db.transaction((tx) => refreshDatasetOpenness(tx, id))));

    let quality = computeCatalogueQuality(db);
    const qualityMs = timeIt(() => (quality = computeCatalogueQuality(db)));
    // (the first run above warms the page cache, as a server that has been running would have it)
    const rate = quality.catalogue.datasets / (qualityMs / 1000);
    const stored = recomputeCatalogueQuality(db);
    const storedRate = stored.datasets / (stored.ms / 1000);

    console.log(`\n${count.toLocaleString("en")} synthetic datasets (+ the demo), inventory ${inventory.toLocaleString("en")}:`);
    console.log(`  aggregates check   ${ensureMs.toFixed(0)} ms at start (ensureKpiAggregates, nothing to do: ${!check.rebuilt})`);
    console.log(`  full rebuild       ${(rebuildMs / 1000).toFixed(1)} s (after the rule's lists change; once)`);
    console.log(`  computeKpi         median ${median(served).toFixed(3)} ms in-process (maintained counters)`);
    console.log(`  full recount       median ${median(recount).toFixed(0)} ms in-process (rule SQL over every dataset)`);
    console.log(`  ratio              recount / counters = ${(median(recount) / median(served)).toFixed(0)}×; counters agree with the recount: ${agree ? "yes" : "NO"}`);
    console.log(`  write overhead     refreshDatasetOpenness median ${median(refresh).toFixed(2)} ms per dataset write (own transaction)`);
    console.log(
      `  quality recompute  ${quality.catalogue.datasets.toLocaleString("en")} datasets in ${qualityMs.toFixed(0)} ms = ` +
        `${Math.round(rate).toLocaleString("en")} datasets/s (goal ≥ 10,000; ratio ${(rate / 10_000).toFixed(2)})`,
    );
    console.log(
      `  quality + store    ${stored.datasets.toLocaleString("en")} datasets scored and stored in ${stored.ms} ms = ` +
        `${Math.round(storedRate).toLocaleString("en")} datasets/s (ratio to 10,000: ${(storedRate / 10_000).toFixed(2)})`,
    );
  } finally {
    closeDatabase(db);
  }

  const server = await startBenchServer(file, port);
  try {
    await runLoad(server.url, ["/kpi.json"], { connections: 4, seconds: 3 }); // warm-up
    const api = await runLoad(server.url, ["/kpi.json"], { connections: 16, seconds: 10 });
    const single = await runLoad(server.url, ["/kpi.json"], { connections: 1, seconds: 5 });
    const scoped = await runLoad(
      server.url,
      [`/kpi.json?publisher=${publisherSlug}`, "/kpi.json?theme=ENVI", `/kpi.json?publisher=${publisherSlug}&theme=ENVI`],
      { connections: 16, seconds: 5 },
    );
    const csv = await runLoad(server.url, ["/kpi.csv"], { connections: 4, seconds: 5 });
    const goal = count >= 1_000_000 ? 200 : 50;
    const recountMs = (() => {
      const ro = openDatabase(file, { readonly: true });
      try {
        return median([0, 1, 2].map(() => timeIt(() => recountKpi(ro, whole))));
      } finally {
        closeDatabase(ro);
      }
    })();
    console.log(`  /kpi.json          16 connections: p50 ${api.p50.toFixed(1)} ms, p95 ${api.p95.toFixed(1)} ms (goal ≤ ${goal}; ratio ${(api.p95 / goal).toFixed(2)}), ${api.rps.toFixed(0)} req/s, errors ${api.errors + api.non2xx}`);
    console.log(`  /kpi.json          1 connection:   p50 ${single.p50.toFixed(2)} ms, p95 ${single.p95.toFixed(2)} ms`);
    console.log(`  full recount / p95 ${(recountMs / Math.max(api.p95, 1)).toFixed(1)}× (${recountMs.toFixed(0)} ms / ${api.p95.toFixed(1)} ms)`);
    console.log(`  scoped /kpi.json   publisher, theme, both: p95 ${scoped.p95.toFixed(1)} ms, errors ${scoped.errors + scoped.non2xx}`);
    console.log(`  /kpi.csv           p95 ${csv.p95.toFixed(1)} ms, errors ${csv.errors + csv.non2xx}`);
    console.log(`  server peak RSS    ${server.peakRssMb().toFixed(0)} MB`);
  } finally {
    await server.stop();
  }
}

export default async function run(): Promise<void> {
  await benchAt(100_000, 3520);
  if (process.env.BENCH_MILLION === "1") await benchAt(1_000_000, 3521);
}
