import fs from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_CATALOGUE_FILE, seedDemoCatalogue } from "@/db/seed";
import { listKpiByPublisher, listKpiByTheme } from "@/lib/kpi/breakdowns";
import { computeKpi, recountKpi } from "@/lib/kpi/compute-kpi";
import { assessOpenness, NOT_OPEN_REASONS } from "@/lib/kpi/openness";
import { ensureKpiAggregates } from "@/lib/kpi/refresh-openness";
import { resolveKpiScope, WHOLE_CATALOGUE } from "@/lib/kpi/scope";
import { loadSyntheticCatalogue } from "@/lib/synthetic/load";
import { getFileType, isOpenFormat, normaliseFileType, normaliseLicence, THEME_CODES } from "@/lib/vocabularies";
import type { Database } from "@/db/client";
import { createTestDatabase, type TestDatabase } from "../helpers/test-database";

type RawDemo = {
  datasets: {
    accessRights: string;
    license?: string;
    publisher: string;
    distributions: { format?: string; mediaType?: string }[];
  }[];
};

/** The JS rule applied to every stored dataset; must agree with the stored (SQL) openness row by row. */
function expectStoredOpennessToMatchJsRule(db: Database): void {
  const datasets = db.all<{ id: number; state: string; access_rights: string; license: string | null }>(
    sql`select id, state, access_rights, license from datasets where state in ('draft', 'published')`,
  );
  const dists = new Map<number, { format: string | null; license: string | null }[]>();
  for (const d of db.all<{ dataset_id: number; format: string | null; license: string | null }>(
    sql`select dataset_id, format, license from distributions`,
  )) {
    (dists.get(d.dataset_id) ?? dists.set(d.dataset_id, []).get(d.dataset_id)!).push(d);
  }
  const stored = new Map(
    db
      .all<{ dataset_id: number; is_open: number; unpublished: number; restricted_access: number; no_open_licence: number; no_machine_readable_distribution: number }>(
        sql`select * from dataset_openness`,
      )
      .map((r) => [r.dataset_id, r]),
  );
  expect(stored.size).toBe(datasets.length);
  let mismatches = 0;
  for (const d of datasets) {
    const js = assessOpenness({ state: d.state, accessRights: d.access_rights, license: d.license, distributions: dists.get(d.id) ?? [] });
    const row = stored.get(d.id)!;
    const sqlReasons = NOT_OPEN_REASONS.filter(
      (r) =>
        row[
          ({ unpublished: "unpublished", restrictedAccess: "restricted_access", noOpenLicence: "no_open_licence", noMachineReadableDistribution: "no_machine_readable_distribution" } as const)[r]
        ] === 1,
    );
    if (js.isOpen !== (row.is_open === 1) || js.reasons.join() !== sqlReasons.join()) mismatches++;
  }
  expect(mismatches).toBe(0);
}

describe("the KPI on the demo catalogue", () => {
  let t: TestDatabase;
  beforeAll(() => {
    t = createTestDatabase();
    seedDemoCatalogue(t.db);
  });
  afterAll(() => t.cleanup());

  it("equals a count done here from the raw records of demo-catalogue.json", () => {
    const demo = JSON.parse(fs.readFileSync(DEMO_CATALOGUE_FILE, "utf8")) as RawDemo;
    // Independent of lib/kpi: the definition in ARCHITECTURE.md applied to the raw records, with the
    // vocabularies only to read legacy licence URLs and format names. Every demo record is published.
    const openLicence = (d: RawDemo["datasets"][number]) => (d.license ? normaliseLicence(d.license)?.open === true : false);
    const openFormat = (x: { format?: string; mediaType?: string }) => {
      const type = x.format ? normaliseFileType(x.format) : normaliseFileType(undefined, x.mediaType);
      return type !== undefined && type.machineReadable && type.nonProprietary;
    };
    const expectedOpen = demo.datasets.filter(
      (d) => d.accessRights === "PUBLIC" && openLicence(d) && d.distributions.some(openFormat),
    ).length;
    const kpi = computeKpi(t.db, resolveKpiScope(t.db, WHOLE_CATALOGUE));
    expect(kpi.inventory).toBe(demo.datasets.length);
    expect(kpi.openPublished).toBe(expectedOpen);
    expect(kpi.percent).toBe(Math.round((expectedOpen / demo.datasets.length) * 10000) / 100);
    expect(kpi.notOpen).toEqual({
      unpublished: 0,
      restrictedAccess: demo.datasets.filter((d) => d.accessRights !== "PUBLIC").length,
      noOpenLicence: demo.datasets.filter((d) => !openLicence(d)).length,
      noMachineReadableDistribution: demo.datasets.filter((d) => !d.distributions.some(openFormat)).length,
    });
    expect(expectedOpen).toBeGreaterThan(0);
    expect(getFileType("CSV") && isOpenFormat(getFileType("CSV"))).toBe(true);
  });

  it("stores the same openness as the JS rule for every dataset, and counters equal a full recount", () => {
    expectStoredOpennessToMatchJsRule(t.db);
    const whole = resolveKpiScope(t.db, WHOLE_CATALOGUE);
    expect({ ...computeKpi(t.db, whole), computedAt: "" }).toEqual({ ...recountKpi(t.db, whole), computedAt: "" });
    for (const line of listKpiByPublisher(t.db)) {
      const scope = resolveKpiScope(t.db, { ...WHOLE_CATALOGUE, publisher: line.key });
      expect({ ...computeKpi(t.db, scope), computedAt: "" }).toEqual({ ...recountKpi(t.db, scope), computedAt: "" });
    }
    for (const theme of THEME_CODES) {
      const scope = resolveKpiScope(t.db, { ...WHOLE_CATALOGUE, theme });
      expect({ ...computeKpi(t.db, scope), computedAt: "" }).toEqual({ ...recountKpi(t.db, scope), computedAt: "" });
    }
  });

  it("breaks down by publisher and theme, adding up to the catalogue", () => {
    const kpi = computeKpi(t.db, resolveKpiScope(t.db, WHOLE_CATALOGUE));
    const publishers = listKpiByPublisher(t.db);
    expect(publishers.reduce((n, l) => n + l.inventory, 0)).toBe(kpi.inventory);
    expect(publishers.reduce((n, l) => n + l.openPublished, 0)).toBe(kpi.openPublished);
    const themes = listKpiByTheme(t.db);
    expect(themes.length).toBeGreaterThan(3);
    expect(themes.every((l) => l.inventory >= l.openPublished)).toBe(true);
  });

  it("rebuilds nothing when the aggregates are current, and everything when they drift", () => {
    ensureKpiAggregates(t.db);
    expect(ensureKpiAggregates(t.db)).toEqual({ rebuilt: false, reason: null });
    const before = computeKpi(t.db, resolveKpiScope(t.db, WHOLE_CATALOGUE));
    t.db.run(sql`update kpi_counts set inventory = inventory + 5 where scope_type = 'catalogue'`);
    expect(ensureKpiAggregates(t.db)).toEqual({ rebuilt: true, reason: "inventory-mismatch" });
    expect({ ...computeKpi(t.db, resolveKpiScope(t.db, WHOLE_CATALOGUE)), computedAt: "" }).toEqual({ ...before, computedAt: "" });
  });
});

describe("the KPI on a synthetic catalogue", () => {
  it("stores the same openness as the JS rule, and the counters equal a full recount", () => {
    const t = createTestDatabase();
    try {
      seedDemoCatalogue(t.db);
      loadSyntheticCatalogue(t.db, { count: 3000, seed: 7 });
      expectStoredOpennessToMatchJsRule(t.db);
      const whole = resolveKpiScope(t.db, WHOLE_CATALOGUE);
      const kpi = computeKpi(t.db, whole);
      expect(kpi.inventory).toBe(t.db.get<{ n: number }>(sql`select count(*) as n from datasets where state <> 'withdrawn'`)!.n);
      expect({ ...kpi, computedAt: "" }).toEqual({ ...recountKpi(t.db, whole), computedAt: "" });
      for (const line of listKpiByPublisher(t.db)) {
        const scope = resolveKpiScope(t.db, { ...WHOLE_CATALOGUE, publisher: line.key });
        expect({ ...computeKpi(t.db, scope), computedAt: "" }).toEqual({ ...recountKpi(t.db, scope), computedAt: "" });
      }
      const both = resolveKpiScope(t.db, { ...WHOLE_CATALOGUE, publisher: listKpiByPublisher(t.db)[0]!.key, theme: "ENVI" });
      expect({ ...computeKpi(t.db, both), computedAt: "" }).toEqual({ ...recountKpi(t.db, both), computedAt: "" });
    } finally {
      t.cleanup();
    }
  });
});
